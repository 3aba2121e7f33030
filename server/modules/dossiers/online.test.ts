import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossiers, outbox } from '../../db/schema.ts';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import { dossierWorld, onlineApplicationOf, uploadTestPdf } from './test-world.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
const monday = new Date('2026-03-02T02:15:00Z'); // Monday 09:15 in Hà Nội
beforeAll(async () => {
  t = await makeTestApp({ sessionHours: 24 * 365 });
  t.clock.set(monday);
  w = await dossierWorld(t);
  await make.user(t.db, { username: 'cd.lan', citizen: true });
  await make.user(t.db, { username: 'cd.minh', citizen: true });
});
afterAll(() => t.close());

type Client = Awaited<ReturnType<TestApp['login']>>;
const upload = (c: Client) => uploadTestPdf(t, c);
const application = (declaration: string, evidence: string, overrides: Record<string, unknown> = {}) =>
  onlineApplicationOf(w.centre.id, declaration, evidence, overrides);

describe('online submission', () => {
  it('a citizen submits, gets a code in status 1 without a due date; the desk sees it and accepts it, which starts the clock', async () => {
    const lan = await t.login('cd.lan');
    const body = application(await upload(lan), await upload(lan));
    const res = await lan.post('/api/online-dossiers', body);
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ status: 'submitted', statusCode: 1, channel: 'online', dueAt: null });
    expect(d.code).toMatch(/^000\.01\.01\.H99-260302-\d{4}$/);
    const notes = await t.db.select().from(outbox).where(eq(outbox.dossierId, d.id));
    expect(notes.map((n) => n.template)).toEqual(['dossier.submitted', 'dossier.submitted']);

    // "My dossiers" lists it; the citizen reads it; no one else among citizens can.
    const mine = (await lan.get('/api/my/dossiers')).json();
    expect(mine.items.map((i: { code: string }) => i.code)).toContain(d.code);
    expect((await lan.get(`/api/dossiers/${d.id}`)).statusCode).toBe(200);
    const minh = await t.login('cd.minh');
    expectProblem(await minh.get(`/api/dossiers/${d.id}`), 404, 'NOT_FOUND');
    expect((await minh.get('/api/my/dossiers')).json().total).toBe(0);
    // A citizen cannot act on a dossier, even their own.
    expectProblem(await lan.post(`/api/dossiers/${d.id}/actions`, { action: 'accept' }), 403, 'FORBIDDEN');

    // The desk's unit box shows it waiting; accepting it on Tuesday counts 2 working days from then.
    const desk = await t.login('mc.an');
    const box = (await desk.get('/api/dossiers?box=unit')).json();
    expect(box.items.map((i: { code: string }) => i.code)).toContain(d.code);
    t.clock.set(new Date('2026-03-03T02:00:00Z')); // Tuesday 09:00
    const accepted = await desk.post(`/api/dossiers/${d.id}/actions`, { action: 'accept' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', dueAt: '2026-03-05T10:00:00.000Z' });
    t.clock.set(monday);
  });

  it('missing scans and form errors come back together, in Vietnamese, and nothing is saved', async () => {
    const lan = await t.login('cd.lan');
    const file = await upload(lan);
    const before = (await t.db.select({ id: dossiers.id }).from(dossiers)).length;
    const body = application(file, file, {
      documents: [{ key: 'declaration', fileIds: [file] }],
      formData: { applicantName: 'Trần Thị Lan', applicantId: '12345' },
    });
    const res = expectProblem(await lan.post('/api/online-dossiers', body), 400, 'VALIDATION');
    const errors = res.errors ?? [];
    const paths = errors.map((e) => e.path);
    expect(paths).toContain('documents');
    expect(paths).toContain('formData.applicantId');
    expect(errors.find((e) => e.path === 'documents')?.message).toMatch(/Chưa tải lên bản điện tử/);
    expect((await t.db.select({ id: dossiers.id }).from(dossiers)).length).toBe(before);
  });

  it('post delivery needs an address; staff cannot submit as citizens; another citizen’s file cannot be attached', async () => {
    const lan = await t.login('cd.lan');
    const a = await upload(lan);
    const b = await upload(lan);
    const noAddress = expectProblem(
      await lan.post('/api/online-dossiers', application(a, b, { resultDelivery: 'post' })),
      400,
      'VALIDATION',
    );
    expect(JSON.stringify(noAddress)).toMatch(/bưu điện/);
    const desk = await t.login('mc.an');
    expectProblem(await desk.post('/api/online-dossiers', application(a, b)), 403, 'FORBIDDEN');
    const minh = await t.login('cd.minh');
    const theirs = expectProblem(
      await minh.post('/api/online-dossiers', application(a, b)),
      400,
      'VALIDATION',
    );
    expect(theirs.errors?.[0]?.path).toBe('documents');
  });

  it('a retried submission with the same Idempotency-Key makes one dossier', async () => {
    const lan = await t.login('cd.lan');
    const body = application(await upload(lan), await upload(lan));
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/online-dossiers',
        payload: body,
        cookies: { motcua_session: lan.cookie },
        headers: { 'x-csrf-token': lan.csrf, 'idempotency-key': 'portal-7' },
      });
    const first = await send();
    const again = await send();
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
  });
});
