import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, dossierRatings } from '../../db/schema.ts';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import { dossierWorld, onlineApplicationOf, uploadTestPdf } from '../dossiers/test-world.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
const monday = new Date('2026-03-02T02:15:00Z'); // Monday 09:15 in Hà Nội
beforeAll(async () => {
  t = await makeTestApp({ sessionHours: 24 * 365 });
  t.clock.set(monday);
  w = await dossierWorld(t);
  await make.user(t.db, { username: 'cd.lan', citizen: true });
  await make.user(t.db, { username: 'cd.minh', citizen: true });
  await make.user(t.db, { username: 'td.an', grants: [{ role: 'petitionOfficer', agency: w.commune }] });
  await make.user(t.db, { username: 'ld.binh', grants: [{ role: 'leader', agency: w.other }] });
});
afterAll(() => t.close());

type Client = Awaited<ReturnType<TestApp['login']>>;
const act = (c: Client, id: string, body: object) => c.post(`/api/dossiers/${id}/actions`, body);

/** An online dossier of the citizen, accepted by the desk; carried to its result when `resolve` is set. */
async function onlineDossier(citizen: Client, resolve: boolean): Promise<{ id: string; code: string }> {
  const body = onlineApplicationOf(
    w.centre.id,
    await uploadTestPdf(t, citizen),
    await uploadTestPdf(t, citizen),
  );
  const res = await citizen.post('/api/online-dossiers', body);
  expect(res.statusCode, res.body).toBe(201);
  const d = res.json() as { id: string; code: string };
  const desk = await t.login('mc.an');
  expect((await act(desk, d.id, { action: 'accept' })).statusCode).toBe(200);
  if (!resolve) return d;
  const specialist = await t.login('cv.an');
  const leader = await t.login('ld.an');
  for (const [who, req] of [
    [desk, { action: 'forward' }],
    [specialist, { action: 'claim' }],
    [specialist, { action: 'forward' }],
    [leader, { action: 'attachResult', name: 'Trích lục đăng ký nhận cha, mẹ, con', number: '15/TLNCMC' }],
    [leader, { action: 'forward' }],
  ] as const) {
    const r = await act(who, d.id, req);
    expect(r.statusCode, r.body).toBe(200);
  }
  return d;
}

const answers = {
  convenience: 'verySatisfied',
  overall: 'satisfied',
  timeliness: 'satisfied',
  staffAttitude: 'notSatisfied',
};

describe('ratings', () => {
  let rated: { id: string; code: string };
  let ratingId: string;

  it('only after the result, only by the owner, once; "not satisfied" needs a reason naming the question', async () => {
    const lan = await t.login('cd.lan');
    const minh = await t.login('cd.minh');
    const desk = await t.login('mc.an');

    const early = await onlineDossier(lan, false);
    expect((await lan.get(`/api/dossiers/${early.id}/rating`)).json()).toEqual({
      canRate: false,
      rating: null,
    });
    const notYet = expectProblem(
      await lan.post(`/api/dossiers/${early.id}/rating`, { answers, reasons: { staffAttitude: 'Khó chịu' } }),
      409,
      'CONFLICT',
    );
    expect(notYet.detail).toMatch(/chưa có kết quả/);

    rated = await onlineDossier(lan, true);
    expect((await lan.get(`/api/dossiers/${rated.id}/rating`)).json()).toEqual({
      canRate: true,
      rating: null,
    });

    const noReason = expectProblem(
      await lan.post(`/api/dossiers/${rated.id}/rating`, { answers }),
      400,
      'VALIDATION',
    );
    expect(noReason.errors).toContainEqual({
      path: 'reasons.staffAttitude',
      message: 'Vui lòng cho biết lý do không hài lòng về "Thái độ của cán bộ, công chức"',
    });
    const badLevel = expectProblem(
      await lan.post(`/api/dossiers/${rated.id}/rating`, { answers: { ...answers, overall: 'ok' } }),
      400,
      'VALIDATION',
    );
    expect(badLevel.errors?.[0]?.path).toBe('answers.overall');

    // Another citizen: the dossier does not exist for them. Staff may read but not rate.
    expectProblem(
      await minh.post(`/api/dossiers/${rated.id}/rating`, { answers, reasons: { staffAttitude: 'x' } }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await minh.get(`/api/dossiers/${rated.id}/rating`), 404, 'NOT_FOUND');
    expectProblem(
      await desk.post(`/api/dossiers/${rated.id}/rating`, { answers, reasons: { staffAttitude: 'x' } }),
      403,
      'FORBIDDEN',
    );

    const reason = 'Cán bộ trả lời qua loa, không hướng dẫn rõ'.normalize('NFD');
    const res = await lan.post(`/api/dossiers/${rated.id}/rating`, {
      answers,
      reasons: { staffAttitude: reason, overall: 'ignored: a satisfied answer has nothing to explain' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const rating = res.json();
    ratingId = rating.id;
    expect(rating).toMatchObject({
      dossierCode: rated.code,
      answers,
      reasons: { staffAttitude: 'Cán bộ trả lời qua loa, không hướng dẫn rõ' },
      ratedAt: monday.toISOString(),
      flagged: true,
      handled: null,
    });
    expect(rating.reasons.staffAttitude).toBe(rating.reasons.staffAttitude.normalize('NFC'));

    const again = expectProblem(
      await lan.post(`/api/dossiers/${rated.id}/rating`, { answers, reasons: { staffAttitude: 'Lần nữa' } }),
      409,
      'CONFLICT',
    );
    expect(again.detail).toMatch(/một lần/);

    // The owner and the dossier's staff read it.
    expect((await lan.get(`/api/dossiers/${rated.id}/rating`)).json()).toMatchObject({
      canRate: false,
      rating: { id: ratingId },
    });
    expect((await desk.get(`/api/dossiers/${rated.id}/rating`)).json().rating.id).toBe(ratingId);
    const stranger = await t.login('mc.binh');
    expectProblem(await stranger.get(`/api/dossiers/${rated.id}/rating`), 404, 'NOT_FOUND');

    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'rating.create'));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain('qua loa');
  });

  it('the database keeps a rating as given', async () => {
    await expect(
      t.db.update(dossierRatings).set({ staffAttitude: 'satisfied' }).where(eq(dossierRatings.id, ratingId)),
    ).rejects.toThrow();
    await expect(t.db.delete(dossierRatings).where(eq(dossierRatings.id, ratingId))).rejects.toThrow();
    await expect(
      t.db.execute(sql`update dossier_ratings set reasons = '{}'::jsonb where id = ${ratingId}`),
    ).rejects.toThrow();
  });

  it('the leader sees the flagged rating and marks it handled, once', async () => {
    const leader = await t.login('ld.an');
    const list = await leader.get('/api/ratings/flagged');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(1);
    expect(list.json().items[0]).toMatchObject({
      id: ratingId,
      dossierCode: rated.code,
      procedure: { code: '1.001022' },
      receivingAgency: { id: w.centre.id },
      answers,
      reasons: { staffAttitude: 'Cán bộ trả lời qua loa, không hướng dẫn rõ' },
    });
    // Not a leader here, or not a leader at all.
    expect((await (await t.login('ld.binh')).get('/api/ratings/flagged')).json().total).toBe(0);
    expectProblem(await (await t.login('mc.an')).get('/api/ratings/flagged'), 403, 'FORBIDDEN');
    expectProblem(await (await t.login('cd.lan')).get('/api/ratings/flagged'), 403, 'FORBIDDEN');

    expectProblem(
      await (await t.login('mc.an')).post(`/api/ratings/${ratingId}/handled`, { note: 'x' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await (await t.login('ld.binh')).post(`/api/ratings/${ratingId}/handled`, { note: 'x' }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await leader.post(`/api/ratings/${ratingId}/handled`, { note: '  ' }), 400, 'VALIDATION');

    t.clock.set(new Date('2026-03-03T03:00:00Z'));
    const done = await leader.post(`/api/ratings/${ratingId}/handled`, {
      note: 'Đã làm việc với cán bộ tiếp nhận, nhắc nhở và xin lỗi người dân',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().handled).toMatchObject({
      at: '2026-03-03T03:00:00.000Z',
      byName: expect.any(String),
      note: 'Đã làm việc với cán bộ tiếp nhận, nhắc nhở và xin lỗi người dân',
    });
    expect((await leader.get('/api/ratings/flagged')).json()).toEqual({ items: [], total: 0 });
    expectProblem(
      await leader.post(`/api/ratings/${ratingId}/handled`, { note: 'Lần hai' }),
      409,
      'CONFLICT',
    );
    // The citizen sees that it was handled.
    const seen = (await (await t.login('cd.lan')).get(`/api/dossiers/${rated.id}/rating`)).json();
    expect(seen.rating.handled.note).toMatch(/xin lỗi/);
    t.clock.set(monday);
  });

  it('summary: distributions of the four questions for a subtree and a period', async () => {
    const lan = await t.login('cd.lan');
    const second = await onlineDossier(lan, true);
    const all = {
      convenience: 'satisfied',
      overall: 'verySatisfied',
      timeliness: 'satisfied',
      staffAttitude: 'satisfied',
    };
    expect((await lan.post(`/api/dossiers/${second.id}/rating`, { answers: all })).statusCode).toBe(201);
    const notFlagged = (await lan.get(`/api/dossiers/${second.id}/rating`)).json().rating;
    expect(notFlagged.flagged).toBe(false);
    expectProblem(
      await (await t.login('ld.an')).post(`/api/ratings/${notFlagged.id}/handled`, { note: 'x' }),
      409,
      'CONFLICT',
    );

    const query = `agencyId=${w.commune.id}&from=2026-03-01&to=2026-03-31`;
    for (const who of ['ld.an', 'mc.an']) {
      const res = await (await t.login(who)).get(`/api/ratings/summary?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const s = res.json();
      expect(s).toMatchObject({ agency: { id: w.commune.id }, total: 2, flagged: 1 });
      const byQ = Object.fromEntries(s.questions.map((q: { question: string }) => [q.question, q]));
      expect(byQ.staffAttitude).toMatchObject({
        label: 'Thái độ của cán bộ, công chức',
        counts: { verySatisfied: 0, satisfied: 1, notSatisfied: 1 },
        shares: { verySatisfied: 0, satisfied: 0.5, notSatisfied: 0.5 },
        satisfiedShare: 0.5,
      });
      expect(byQ.overall.counts).toEqual({ verySatisfied: 1, satisfied: 1, notSatisfied: 0 });
      expect(byQ.convenience.counts).toEqual({ verySatisfied: 1, satisfied: 1, notSatisfied: 0 });
    }
    // Another period, another subtree.
    const april = (
      await (
        await t.login('ld.an')
      ).get(`/api/ratings/summary?agencyId=${w.commune.id}&from=2026-04-01&to=2026-04-30`)
    ).json();
    expect(april.total).toBe(0);
    expect(april.questions[0].shares.satisfied).toBe(0);
    const other = (
      await (
        await t.login('ld.binh')
      ).get(`/api/ratings/summary?agencyId=${w.other.id}&from=2026-03-01&to=2026-03-31`)
    ).json();
    expect(other.total).toBe(0);
    expectProblem(await (await t.login('ld.binh')).get(`/api/ratings/summary?${query}`), 404, 'NOT_FOUND');
    expectProblem(await (await t.login('cv.an')).get(`/api/ratings/summary?${query}`), 404, 'NOT_FOUND');
    expectProblem(
      await (await t.login('ld.an')).get(
        `/api/ratings/summary?agencyId=${w.commune.id}&from=2026-03-31&to=2026-03-01`,
      ),
      400,
      'VALIDATION',
    );
  });
});

describe('feedback', () => {
  const send = (payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/public/feedback', payload, headers });
  const valid = () => ({
    kind: 'recommendation',
    content: 'Đề nghị bố trí thêm ghế chờ tại Bộ phận Một cửa vào buổi sáng thứ Hai.',
    contact: { name: 'Phạm Thu Hà', phone: '0912 345 678', address: 'Thôn Đông, xã An' },
    agencyId: w.centre.id,
  });

  it('an anonymous visitor gets Vietnamese errors for bad input, then a number; numbers run on per agency', async () => {
    const bad = expectProblem(
      await send({
        kind: 'feedback',
        content: 'ngắn',
        contact: { name: '', phone: '12345' },
        agencyId: w.centre.id,
      }),
      400,
      'VALIDATION',
    );
    const messages = Object.fromEntries((bad.errors ?? []).map((e) => [e.path, e.message]));
    expect(messages.content).toBe('Nội dung cần ít nhất 10 ký tự');
    expect(messages['contact.phone']).toBe('Số điện thoại phải gồm 10 chữ số, bắt đầu bằng số 0');
    expect(messages['contact.name']).toBe('Không được để trống');
    const noContact = expectProblem(await send({ ...valid(), contact: { name: 'Hà' } }), 400, 'VALIDATION');
    expect(noContact.errors?.[0]).toEqual({
      path: 'contact.phone',
      message: 'Cần số điện thoại hoặc thư điện tử để cơ quan trả lời',
    });
    const badMail = expectProblem(
      await send({ ...valid(), contact: { name: 'Hà', email: 'ha@' } }),
      400,
      'VALIDATION',
    );
    expect(badMail.errors?.[0]?.message).toBe('Thư điện tử không đúng định dạng');
    const unknownDossier = expectProblem(
      await send({ ...valid(), dossierCode: '000.01.01.H99-260302-9999' }),
      400,
      'VALIDATION',
    );
    expect(unknownDossier.errors?.[0]?.path).toBe('dossierCode');

    const first = await send(valid());
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      number: 'PAKN-2026-00001',
      agency: { id: w.centre.id, name: 'Trung tâm PVHCC xã An' },
      receivedAt: monday.toISOString(),
    });
    expect(first.json().message).toContain('PAKN-2026-00001');

    // A signed-in citizen about their dossier: addressed to its receiving agency, the next number there.
    const lan = await t.login('cd.lan');
    const mine = (await lan.get('/api/my/dossiers')).json().items[0] as { code: string };
    const second = await lan.post('/api/public/feedback', {
      kind: 'feedback',
      content: 'Tôi phải đi lại hai lần để bổ sung cùng một giấy tờ.',
      contact: { name: 'Trần Thị Lan', email: 'LAN.TRAN@example.vn' },
      dossierCode: mine.code,
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ number: 'PAKN-2026-00002', agency: { id: w.centre.id } });
    // Another agency starts its own series.
    const elsewhere = await send({ ...valid(), agencyId: w.other.id, procedureCode: '1.001022' });
    expect(elsewhere.json().number).toBe('PAKN-2026-00001');

    // Petition officers and leaders of the subtree list them, with contacts; others cannot.
    const officer = await t.login('td.an');
    const list = await officer.get('/api/feedback');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(2);
    const [latest, earliest] = list.json().items;
    expect(latest).toMatchObject({
      number: 'PAKN-2026-00002',
      kind: 'feedback',
      kindLabel: 'Phản ánh',
      contact: { name: 'Trần Thị Lan', email: 'lan.tran@example.vn' },
      dossier: { code: mine.code },
      procedure: { code: '1.001022' },
      channel: 'portal',
      status: 'received',
      fromAccount: true,
    });
    expect(earliest).toMatchObject({
      number: 'PAKN-2026-00001',
      kindLabel: 'Kiến nghị',
      contact: { phone: '0912345678', address: 'Thôn Đông, xã An' },
      dossier: null,
      fromAccount: false,
    });
    expect((await (await t.login('ld.an')).get('/api/feedback')).json().total).toBe(2);
    expect((await (await t.login('ld.binh')).get('/api/feedback')).json().total).toBe(1);
    expectProblem(await officer.get(`/api/feedback?agencyId=${w.other.id}`), 404, 'NOT_FOUND');
    expectProblem(await (await t.login('mc.an')).get('/api/feedback'), 403, 'FORBIDDEN');
    expectProblem(await lan.get('/api/feedback'), 403, 'FORBIDDEN');
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'feedback.receive'));
    expect(audit).toHaveLength(3);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain('0912345678');
  });

  it('a received feedback cannot be rewritten or deleted', async () => {
    await expect(t.db.execute(sql`update feedback set content = 'khác'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from feedback`)).rejects.toThrow();
  });
});
