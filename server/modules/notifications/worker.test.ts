import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { auditEvents, outbox } from '../../db/schema.ts';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import { type Mailbox, readMail, startMailbox } from '../../test/mailbox.ts';
import { dossierWorld, intakeOf } from '../dossiers/test-world.ts';
import { claimDue } from './outbox.repository.ts';
import { BACKOFF_MS, createNotificationWorker, LEASE_MS, MAX_ATTEMPTS } from './worker.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
let smtp: Mailbox;
const monday = new Date('2026-03-02T02:15:00Z'); // Monday 09:15 in Hà Nội
const publicUrl = 'https://dichvucong.example.vn';

beforeAll(async () => {
  smtp = await startMailbox();
  t = await makeTestApp({ sessionHours: 24 * 365 });
  t.clock.set(monday);
  w = await dossierWorld(t);
});
beforeEach(async () => {
  t.clock.set(monday);
  smtp.received.length = 0;
  smtp.state.rejecting = false;
  await t.db.delete(outbox);
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
});

/** A worker on the test database and clock, with a log the test can read. */
function workerOf(smtpUrl: string | null = smtp.url) {
  const lines: Record<string, unknown>[] = [];
  const keep = (o: object) => lines.push(o as Record<string, unknown>);
  const config = loadConfig({ LOG_LEVEL: 'silent' }, { smtpUrl: smtpUrl ?? undefined, publicUrl });
  const worker = createNotificationWorker({
    db: t.db,
    clock: t.clock,
    config,
    log: { info: keep, warn: keep, error: keep },
  });
  return { worker, lines };
}

const receive = async (overrides: Record<string, unknown> = {}) => {
  const desk = await t.login('mc.an');
  const res = await desk.post('/api/dossiers', intakeOf(w.centre.id, overrides));
  if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; code: string };
};
const rowOf = async (dossierId: string, channel: 'email' | 'sms') =>
  (
    await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.dossierId, dossierId), eq(outbox.channel, channel)))
  )[0]!;

describe('notification worker', () => {
  it('delivers the e-mail through SMTP with the code and tracking link; the SMS is logged, not sent', async () => {
    const d = await receive();
    const { worker, lines } = workerOf();
    expect(await worker.runOnce()).toEqual({ sent: 1, logged: 1, retry: 0, failed: 0, lost: 0 });
    await worker.stop();

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual(['an.nguyen@example.vn']);
    const read = readMail(mail!.raw);
    expect(read.subject).toBe(`Hồ sơ ${d.code} đã được tiếp nhận`);
    expect(read.body).toContain(`${publicUrl}/tra-cuu/${d.code}`);
    expect(read.body).toContain('Thời hạn trả kết quả: 04/03/2026 17:00.');
    expect(read.body).toContain('Đăng ký nhận cha, mẹ, con');

    const email = await rowOf(d.id, 'email');
    expect(email).toMatchObject({ status: 'sent', deliveredVia: 'smtp', attempts: 1, sentAt: monday });
    expect(read.id).toBe(email.id);
    const sms = await rowOf(d.id, 'sms');
    expect(sms).toMatchObject({ status: 'logged', deliveredVia: 'log', attempts: 1, sentAt: monday });
    const logged = lines.find((l) => l.outboxId === sms.id);
    // The log shows whom it was for without the number itself (the outbox row keeps it).
    expect(logged).toMatchObject({ channel: 'sms', to: '*******678' });
    expect(String(logged?.text)).toContain(d.code);

    // Nothing is left to do.
    expect(await workerOf().worker.runOnce()).toEqual({ sent: 0, logged: 0, retry: 0, failed: 0, lost: 0 });
  });

  it('without SMTP_URL the e-mail is written to the log and recorded as logged, never as sent', async () => {
    const d = await receive();
    const { worker, lines } = workerOf(null);
    expect(await worker.runOnce()).toMatchObject({ sent: 0, logged: 2 });
    expect(await rowOf(d.id, 'email')).toMatchObject({ status: 'logged', deliveredVia: 'log' });
    expect(lines.some((l) => l.channel === 'email' && String(l.subject).includes(d.code))).toBe(true);
    expect(smtp.received).toHaveLength(0);
  });

  it('a refusing server: retries with backoff, fails after the last attempt, admins see and requeue it', async () => {
    smtp.state.rejecting = true;
    const d = await receive();
    const { worker } = workerOf();
    expect(await worker.runOnce()).toMatchObject({ retry: 1, logged: 1 });
    let row = await rowOf(d.id, 'email');
    expect(row).toMatchObject({ status: 'retry', attempts: 1, sentAt: null });
    expect(row.nextAttemptAt).toEqual(new Date(monday.getTime() + BACKOFF_MS[0]!));
    expect(row.lastError).toMatch(/550|reject/i);
    // Not due yet: nothing happens.
    t.clock.advance(BACKOFF_MS[0]! - 1000);
    expect(await worker.runOnce()).toMatchObject({ retry: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      t.clock.set(row.nextAttemptAt);
      await worker.runOnce();
      row = await rowOf(d.id, 'email');
      if (attempt < MAX_ATTEMPTS) {
        expect(row).toMatchObject({ status: 'retry', attempts: attempt });
        expect(row.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(BACKOFF_MS[attempt - 1]);
      }
    }
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(smtp.received).toHaveLength(0);

    const admin = await t.login('qt.an');
    const failed = (await admin.get('/api/notifications?status=failed')).json();
    expect(failed.items.map((n: { id: string }) => n.id)).toEqual([row.id]);
    expect(failed.items[0]).toMatchObject({
      channel: 'email',
      recipient: 'an.nguyen@example.vn',
      dossierCode: d.code,
      agencyId: w.centre.id,
      attempts: MAX_ATTEMPTS,
    });
    const both = (await admin.get('/api/notifications?status=failed,logged')).json();
    expect(both.total).toBe(2);
    expectProblem(await admin.get('/api/notifications?status=lost'), 400, 'VALIDATION');
    // A desk officer sees nothing of it; an admin of another commune neither; the province admin does.
    const desk = await t.login('mc.an');
    expectProblem(await desk.get('/api/notifications?status=failed'), 403, 'FORBIDDEN');
    expectProblem(await desk.post(`/api/notifications/${row.id}/retry`), 404, 'NOT_FOUND');
    await make.user(t.db, { username: 'qt.binh', grants: [{ role: 'admin', agency: w.other }] });
    const otherAdmin = await t.login('qt.binh');
    expect((await otherAdmin.get('/api/notifications?status=failed')).json()).toEqual({
      items: [],
      total: 0,
    });
    expectProblem(await otherAdmin.post(`/api/notifications/${row.id}/retry`), 404, 'NOT_FOUND');
    await make.user(t.db, { username: 'qt.tinh', grants: [{ role: 'admin', agency: w.province }] });
    const rootAdmin = await t.login('qt.tinh');
    expect((await rootAdmin.get('/api/notifications?status=failed')).json().total).toBe(1);

    // Requeued by the admin, audited; a second requeue is refused; the next run delivers it.
    smtp.state.rejecting = false;
    const requeued = await admin.post(`/api/notifications/${row.id}/retry`);
    expect(requeued.json()).toMatchObject({ status: 'pending', attempts: 0 });
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.targetId, row.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'notification.retry', agencyId: w.centre.id });
    expectProblem(await admin.post(`/api/notifications/${row.id}/retry`), 409, 'INVALID_TRANSITION');
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    expect(await rowOf(d.id, 'email')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(smtp.received).toHaveLength(1);
  });

  it('two workers running at once never send a row twice', async () => {
    const dossiers = [await receive(), await receive(), await receive()];
    const a = workerOf().worker;
    const b = workerOf().worker;
    const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(ra.sent + rb.sent).toBe(3);
    expect(ra.logged + rb.logged).toBe(3);
    const ids = smtp.received.map((m) => readMail(m.raw).id).sort();
    const emailIds = (await Promise.all(dossiers.map((d) => rowOf(d.id, 'email')))).map((r) => r.id).sort();
    expect(ids).toEqual(emailIds);
    const rows = await t.db.select().from(outbox);
    expect(rows.every((r) => r.attempts === 1 && (r.status === 'sent' || r.status === 'logged'))).toBe(true);
  });

  it('a row claimed by a worker that died is taken again once its lease has run out', async () => {
    const d = await receive({ applicant: { ...intakeOf(w.centre.id).applicant, phone: undefined } });
    const claimed = await claimDue(t.db, monday, 10, new Date(monday.getTime() + LEASE_MS));
    expect(claimed.map((r) => r.status)).toEqual(['sending']);
    const { worker } = workerOf();
    expect(await worker.runOnce()).toMatchObject({ sent: 0 });
    t.clock.advance(LEASE_MS);
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    expect(await rowOf(d.id, 'email')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a row that can never be rendered fails at once, without retries', async () => {
    const [row] = await t.db
      .insert(outbox)
      .values({ channel: 'email', recipient: 'x@example.vn', template: 'dossier.unknown', payload: {} })
      .returning();
    await t.db.update(outbox).set({ nextAttemptAt: monday }).where(eq(outbox.id, row!.id));
    const { worker } = workerOf();
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    const [after] = await t.db.select().from(outbox).where(eq(outbox.id, row!.id));
    expect(after).toMatchObject({ status: 'failed', attempts: 1 });
    expect(after!.lastError).toContain('dossier.unknown');
  });

  it('start() polls in the background and stop() ends it', async () => {
    const { worker } = workerOf();
    worker.start();
    worker.start();
    await worker.stop();
    await worker.stop();
  });
});
