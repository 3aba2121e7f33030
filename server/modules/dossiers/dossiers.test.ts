import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { foldEvents } from '../../../domain/dossier/machine.ts';
import { dossiers, outbox } from '../../db/schema.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import * as repo from './dossiers.repository.ts';
import { dossierWorld, intakeOf } from './test-world.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
const monday = new Date('2026-03-02T02:15:00Z'); // Monday 09:15 in Hà Nội
beforeAll(async () => {
  // Sessions outlive the days these tests jump across.
  t = await makeTestApp({ sessionHours: 24 * 365 });
  t.clock.set(monday);
  w = await dossierWorld(t);
});
beforeEach(() => t.clock.set(monday));
afterAll(() => t.close());

type Client = Awaited<ReturnType<TestApp['login']>>;
const receive = async (desk: Client, overrides: Record<string, unknown> = {}) => {
  const res = await desk.post('/api/dossiers', intakeOf(w.centre.id, overrides));
  if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
  return res.json();
};
const act = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post(`/api/dossiers/${id}/actions`, body);

describe('intake at the desk', () => {
  it('a complete dossier gets a code of the receiving centre, a due date with its explanation and an outbox notice', async () => {
    const desk = await t.login('mc.an');
    const d = await receive(desk);
    expect(d.code).toMatch(/^000\.01\.01\.H99-260302-\d{4}$/);
    expect(d).toMatchObject({
      status: 'accepted',
      statusCode: 2,
      channel: 'direct',
      competentAgency: { id: w.commune.id },
      holderAgency: { id: w.centre.id },
      step: { key: 'receive', kind: 'intake' },
      procedure: { code: '1.001022', limit: '02 ngày làm việc' },
    });
    // Citizen ID and phone as typed at the desk are stored normalised.
    expect(d.applicant).toMatchObject({ citizenId: '001090012345', phone: '0912345678' });
    // 2 working days from Monday 2/3/2026: due Wednesday 4/3 at 17:00 (10:00Z).
    expect(d.dueAt).toBe('2026-03-04T10:00:00.000Z');
    expect(d.dueExplanation.length).toBeGreaterThan(0);
    expect(d.events).toHaveLength(1);
    const notes = await t.db.select().from(outbox).where(eq(outbox.dossierId, d.id));
    expect(notes.map((n) => n.channel).sort()).toEqual(['email', 'sms']);
    expect(notes[0]).toMatchObject({ template: 'dossier.received', status: 'pending' });
    // The answer is built from what was written; it must be exactly what reading the dossier back shows.
    expect((await desk.get(`/api/dossiers/${d.id}`)).json()).toEqual(d);
  });

  it('numbers follow each other per receiving unit and day, without gaps', async () => {
    const desk = await t.login('mc.an');
    const a = await receive(desk);
    const b = await receive(desk);
    const seq = (code: string) => Number(code.slice(-4));
    expect(seq(b.code)).toBe(seq(a.code) + 1);
    // A failed intake (incomplete) does not use a number.
    await desk.post(
      '/api/dossiers',
      intakeOf(w.centre.id, { documents: [{ key: 'declaration', kind: 'original' }] }),
    );
    const c = await receive(desk);
    expect(seq(c.code)).toBe(seq(b.code) + 1);
    // The next day (Hà Nội time) starts again at 0001.
    t.clock.set(new Date('2026-03-02T17:30:00Z')); // 00:30 on 3/3 in Hà Nội
    const next = await receive(desk);
    expect(next.code).toBe('000.01.01.H99-260303-0001');
  });

  it('an incomplete dossier is refused with every missing item, ready for a guidance slip, and nothing is saved', async () => {
    const desk = await t.login('mc.an');
    const count = async () =>
      Number((await t.db.select({ n: sql<number>`count(*)::int` }).from(dossiers))[0]?.n);
    const before = await count();
    const res = await desk.post(
      '/api/dossiers',
      intakeOf(w.centre.id, { documents: [{ key: 'evidence', kind: 'photocopy' }] }),
    );
    const problem = expectProblem(res, 400, 'VALIDATION') as unknown as {
      errors: { message: string }[];
      supplementItems: unknown[];
    };
    expect(problem.errors.map((e) => e.message)).toEqual([
      expect.stringContaining(
        'Chứng cứ chứng minh quan hệ cha, mẹ, con: cần bản chính hoặc bản sao có chứng thực',
      ),
      'Thiếu giấy tờ bắt buộc: Tờ khai đăng ký nhận cha, mẹ, con',
    ]);
    expect(problem.supplementItems).toHaveLength(2);
    expect(await count()).toBe(before);

    const slip = await desk.post('/api/intake-slips', {
      kind: 'guidance',
      procedureCode: '1.001022',
      receivingAgencyId: w.centre.id,
      addressee: { fullName: 'Nguyễn Văn An', phone: '0912345678' },
      items: problem.supplementItems,
    });
    expect(slip.statusCode).toBe(201);
    expect(slip.json().number).toMatch(/^000\.01\.01\.H99-HD-260302-\d{4}$/);
  });

  it('bad applicant data gets field errors in Vietnamese', async () => {
    const desk = await t.login('mc.an');
    const res = await desk.post(
      '/api/dossiers',
      intakeOf(w.centre.id, {
        applicant: {
          kind: 'person',
          fullName: 'A',
          citizenId: '12345',
          phone: '12',
          address: { street: 'x' },
        },
      }),
    );
    const p = expectProblem(res, 400, 'VALIDATION');
    const messages = (p.errors ?? []).map((e) => e.message).join(' | ');
    expect(messages).toContain('12 chữ số');
    expect(messages).toContain('bắt đầu bằng số 0');
  });

  it('only a desk officer of the receiving agency may receive there', async () => {
    for (const username of ['cv.an', 'qt.an', 'mc.binh']) {
      const c = await t.login(username);
      expectProblem(await c.post('/api/dossiers', intakeOf(w.centre.id)), 403, 'FORBIDDEN');
    }
  });

  it('a retried intake with the same Idempotency-Key makes one dossier', async () => {
    const desk = await t.login('mc.an');
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        payload: intakeOf(w.centre.id),
        cookies: { motcua_session: desk.cookie },
        headers: { 'x-csrf-token': desk.csrf, 'idempotency-key': 'intake-42' },
      });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json().code).toBe(first.json().code);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      payload: intakeOf(w.centre.id, { note: 'khác' }),
      cookies: { motcua_session: desk.cookie },
      headers: { 'x-csrf-token': desk.csrf, 'idempotency-key': 'intake-42' },
    });
    expectProblem(other, 409, 'CONFLICT');
  });
});

describe('processing', () => {
  it('desk → specialist → supplement (clock stops) → supplied → leader → result returned', async () => {
    const desk = await t.login('mc.an');
    const specialist = await t.login('cv.an');
    const leader = await t.login('ld.an');
    const d = await receive(desk);
    expect(d.allowedActions).toContain('forward');

    // The specialist cannot forward the desk's step.
    const wrong = expectProblem(
      await act(specialist, d.id, { action: 'forward' }),
      409,
      'INVALID_TRANSITION',
    ) as {
      allowedActions?: string[];
    };
    expect(wrong.allowedActions).not.toContain('forward');

    let r = await act(desk, d.id, { action: 'forward' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'inProcess',
      step: { key: 'appraise' },
      holderAgency: { id: w.commune.id },
    });

    // The unit inbox of specialists shows it, unassigned.
    const inbox = (await specialist.get('/api/dossiers?box=unit')).json();
    expect(inbox.items.map((i: { id: string }) => i.id)).toContain(d.id);
    r = await act(specialist, d.id, { action: 'claim' });
    expect(r.json().assignee.fullName).toBeTruthy();
    const mine = (await specialist.get('/api/dossiers?box=mine')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(d.id);

    // Supplement request at 10:00 Monday; supplied at 10:00 Tuesday: the due date moves by one working day.
    t.clock.set(new Date('2026-03-02T03:00:00Z'));
    r = await act(specialist, d.id, {
      action: 'requestSupplement',
      note: 'Chứng cứ chưa rõ',
      items: [{ name: 'Văn bản giám định ADN', detail: 'Bản chính' }],
    });
    expect(r.json()).toMatchObject({ status: 'supplementRequested', statusCode: 5 });
    // Waiting for the applicant is the desk's work now: it shows in the desk's unit box.
    const deskBox = async () =>
      ((await desk.get('/api/dossiers?box=unit')).json().items as { id: string }[]).map((i) => i.id);
    expect(await deskBox()).toContain(d.id);
    // Only once.
    t.clock.set(new Date('2026-03-03T03:00:00Z'));
    r = await act(desk, d.id, { action: 'receiveSupplement' });
    expect(r.json()).toMatchObject({ status: 'inProcess', dueAt: '2026-03-05T10:00:00.000Z' });
    expect(r.json().dueExplanation.join(' ')).toContain('chờ bổ sung hồ sơ');
    const again = expectProblem(
      await act(specialist, d.id, { action: 'requestSupplement', note: 'x', items: [{ name: 'y' }] }),
      409,
      'INVALID_TRANSITION',
    );
    expect(again.detail).toContain('một lần');

    r = await act(specialist, d.id, { action: 'forward' });
    expect(r.json().step.key).toBe('approve');
    // The leader must attach the result before it goes back to the desk.
    expectProblem(await act(leader, d.id, { action: 'forward' }), 400, 'VALIDATION');
    await act(leader, d.id, {
      action: 'attachResult',
      name: 'Trích lục đăng ký nhận cha, mẹ, con',
      number: '15/TLNCMC',
    });
    r = await act(leader, d.id, { action: 'forward' });
    expect(r.json()).toMatchObject({ status: 'resolved', statusCode: 9, holderAgency: { id: w.centre.id } });
    expect(await deskBox()).toContain(d.id);

    expectProblem(await act(desk, d.id, { action: 'returnResult', method: 'post' }), 400, 'VALIDATION');
    r = await act(desk, d.id, { action: 'returnResult', method: 'post', postalTrackingNo: 'EB123456789VN' });
    expect(r.json()).toMatchObject({ status: 'returned', statusCode: 10, allowedActions: [] });

    // The row is the fold of its events.
    const events = await repo.listEvents(t.db, d.id);
    const row = (await repo.findDossier(t.db, d.id))!;
    const state = foldEvents(events);
    expect([row.status, row.stepKey, row.dueAt?.toISOString()]).toEqual([
      state.status,
      state.stepKey,
      state.dueAt?.toISOString(),
    ]);
    expect(events.map((e) => e.action)).toEqual([
      'receive',
      'forward',
      'claim',
      'requestSupplement',
      'receiveSupplement',
      'forward',
      'attachResult',
      'forward',
      'returnResult',
    ]);
    // The event log is append-only.
    await expect(
      t.db.execute(sql`update dossier_events set note = 'x' where dossier_id = ${d.id}`),
    ).rejects.toThrow();

    // Public tracking: masked name, public steps only.
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/dossiers/${d.code}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ applicantName: 'Nguyễn V** A*', statusCode: 10 });
    expect(pub.body).not.toContain('001090012345');
    expect(pub.body).not.toContain('0912345678');
    expect(pub.json().timeline.map((s: { label: string }) => s.label)).not.toContain('Nhận xử lý');
  });

  it('a leader assigns the step to a specialist chosen from the people who hold its role there', async () => {
    const desk = await t.login('mc.an');
    const leader = await t.login('ld.an');
    const d = await receive(desk);
    await act(desk, d.id, { action: 'forward' });
    const people = (await leader.get(`/api/dossiers/${d.id}/assignees`)).json().items as { id: string }[];
    expect(people.map((p) => p.id).sort()).toEqual([w.users.specialist.id, w.users.specialist2.id].sort());
    const approvers = (await leader.get(`/api/dossiers/${d.id}/assignees?step=approve`)).json().items;
    expect(approvers.map((p: { id: string }) => p.id)).toEqual([w.users.leader.id]);
    expectProblem(
      await act(leader, d.id, { action: 'assign', assigneeId: w.users.leader.id }),
      400,
      'VALIDATION',
    );
    const r = await act(leader, d.id, { action: 'assign', assigneeId: w.users.specialist2.id });
    expect(r.json().assignee.id).toBe(w.users.specialist2.id);
    const other = await t.login('cv2.an');
    expect(
      ((await other.get('/api/dossiers?box=mine')).json().items as { id: string }[]).map((i) => i.id),
    ).toContain(d.id);
  });

  it('apology only up to one working day before the due date, with a later date', async () => {
    const desk = await t.login('mc.an');
    const leader = await t.login('ld.an');
    const d = await receive(desk); // due Wed 4/3 17:00
    await act(desk, d.id, { action: 'forward' });
    expectProblem(
      await act(leader, d.id, {
        action: 'apologise',
        note: 'Cần xác minh',
        newDueAt: '2026-03-03T10:00:00Z',
      }),
      400,
      'VALIDATION',
    );
    t.clock.set(new Date('2026-03-04T02:00:00Z')); // the due day itself
    const late = expectProblem(
      await act(leader, d.id, {
        action: 'apologise',
        note: 'Cần xác minh',
        newDueAt: '2026-03-09T10:00:00Z',
      }),
      409,
      'INVALID_TRANSITION',
    );
    expect(late.detail).toContain('01 ngày làm việc');
    t.clock.set(new Date('2026-03-03T02:00:00Z')); // Tuesday: one working day before
    const ok = await act(leader, d.id, {
      action: 'apologise',
      note: 'Cần xác minh',
      newDueAt: '2026-03-09T10:00:00Z',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().dueAt).toBe('2026-03-09T10:00:00.000Z');
    const notes = await t.db.select().from(outbox).where(eq(outbox.dossierId, d.id));
    expect(notes.some((n) => n.template === 'dossier.apology')).toBe(true);
  });

  it('another commune sees nothing: 404 on read and on action; lists are empty', async () => {
    const desk = await t.login('mc.an');
    const d = await receive(desk);
    const stranger = await t.login('mc.binh');
    expectProblem(await stranger.get(`/api/dossiers/${d.id}`), 404, 'NOT_FOUND');
    expectProblem(await act(stranger, d.id, { action: 'withdraw', note: 'x' }), 404, 'NOT_FOUND');
    expect((await stranger.get('/api/dossiers')).json().total).toBe(0);
    // Administrators manage the system, not citizens' files.
    const admin = await t.login('qt.an');
    expectProblem(await admin.get(`/api/dossiers/${d.id}`), 404, 'NOT_FOUND');
  });

  it('withdrawal is terminal and needs a reason', async () => {
    const desk = await t.login('mc.an');
    const d = await receive(desk);
    expectProblem(await act(desk, d.id, { action: 'withdraw' }), 400, 'VALIDATION');
    const r = await act(desk, d.id, { action: 'withdraw', note: 'Người nộp xin rút' });
    expect(r.json()).toMatchObject({ status: 'withdrawn', statusCode: 7, allowedActions: [] });
    const after = expectProblem(await act(desk, d.id, { action: 'forward' }), 409, 'INVALID_TRANSITION');
    expect(after.detail).toContain('Đã rút hồ sơ');
  });
});
