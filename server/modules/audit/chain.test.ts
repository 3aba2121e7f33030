import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/tx.ts';
import { makeTestApp, type TestApp } from '../../test/harness.ts';
import { dossierWorld, intakeOf } from '../dossiers/test-world.ts';
import { chainHeads, verifyAuditChain } from './chain.ts';

/**
 * The hash chain over dossier events and audit events (issue 8): intact after real work, including concurrent
 * intakes; then each kind of tampering an administrator with direct SQL access could do — with the append-only
 * triggers switched off, as they could — is detected. Each tampering runs in a transaction that is rolled back.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
let dossierId: string;

const rows = async (q: Queryable, text: string) =>
  ((await q.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows;

beforeAll(async () => {
  t = await makeTestApp();
  t.clock.set(new Date('2026-03-02T02:15:00Z'));
  w = await dossierWorld(t);
  const desk = await t.login('mc.an');
  // Concurrent writers on one chain (the commune's): the head lock numbers links without gaps.
  const received = await Promise.all(
    Array.from({ length: 12 }, () => desk.post('/api/dossiers', intakeOf(w.centre.id))),
  );
  expect(received.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
  dossierId = received[0]!.json().id;
  const withdrawn = await desk.post(`/api/dossiers/${dossierId}/actions`, {
    action: 'withdraw',
    note: 'Người nộp xin rút',
  });
  expect(withdrawn.statusCode).toBe(200);
  // Audit events too (an account created by an administrator).
  const admin = await t.login('qt.an');
  const created = await admin.post('/api/users', {
    username: 'mc.moi',
    fullName: 'Cán bộ Mới',
    password: 'Test@12345',
    grants: [{ role: 'deskOfficer', agencyId: w.commune.id }],
  });
  expect(created.statusCode).toBe(201);
});
afterAll(() => t.close());

/** Runs `tamper` with triggers off (as a database superuser could), verifies, rolls everything back. */
async function problemsAfter(tamper: string): Promise<string[]> {
  let found: string[] = [];
  await t.db
    .transaction(async (tx) => {
      await tx.execute(sql.raw(`set local session_replication_role = replica`));
      for (const statement of tamper.split(';')) if (statement.trim()) await tx.execute(sql.raw(statement));
      await tx.execute(sql.raw(`set local session_replication_role = origin`));
      found = (await verifyAuditChain(tx)).map((p) => p.problem);
      throw new Error('rollback');
    })
    .catch((err: unknown) => {
      if (!(err instanceof Error && err.message === 'rollback')) throw err;
    });
  return found;
}

describe('the audit hash chain', () => {
  it('is intact after concurrent intakes, an action and audited administration', async () => {
    expect(await verifyAuditChain(t.db)).toEqual([]);
    const heads = await chainHeads(t.db);
    const events = await rows(t.db, 'select count(*)::int as n from dossier_events');
    const audits = await rows(t.db, 'select count(*)::int as n from audit_events');
    // Every row has its link; the links of each chain are numbered 1…n.
    expect(heads.reduce((n, h) => n + h.seq, 0)).toBe(Number(events[0]!.n) + Number(audits[0]!.n));
    expect(heads.some((h) => h.chain === `dossier_events:${w.centre.id}` && h.seq >= 13)).toBe(true);
    expect(heads.every((h) => /^[0-9a-f]{64}$/.test(h.hash))).toBe(true);
  });

  it('detects an edited event', async () => {
    expect(
      await problemsAfter(
        `update dossier_events set note = 'sửa' where dossier_id = '${dossierId}' and seq = 1`,
      ),
    ).toEqual([expect.stringContaining('đã bị sửa')]);
  });

  it('detects an edited audit event and an event moved to another agency', async () => {
    expect(
      await problemsAfter(
        `update audit_events set details = '{}'::jsonb where id = (select id from audit_events order by at limit 1)`,
      ),
    ).toEqual([expect.stringContaining('đã bị sửa')]);
    expect(
      await problemsAfter(
        `update dossier_events set agency_id = '${w.other.id}' where dossier_id = '${dossierId}' and seq = 2`,
      ),
    ).toEqual([expect.stringContaining('đã bị sửa')]);
  });

  it('detects a deleted event, and a deleted event whose link was deleted too', async () => {
    expect(
      await problemsAfter(`delete from dossier_events where dossier_id = '${dossierId}' and seq = 2`),
    ).toEqual([expect.stringContaining('đã bị xóa')]);
    const both = await problemsAfter(`
      delete from audit_chain where row_id = (select id from dossier_events where dossier_id = '${dossierId}' and seq = 1);
      delete from dossier_events where dossier_id = '${dossierId}' and seq = 1`);
    expect(both).toContainEqual(expect.stringContaining('thiếu mắt xích'));
  });

  it('detects reordered events and reordered links', async () => {
    const swapped = await problemsAfter(`
      update dossier_events set seq = 99 where dossier_id = '${dossierId}' and seq = 1;
      update dossier_events set seq = 1 where dossier_id = '${dossierId}' and seq = 2;
      update dossier_events set seq = 2 where dossier_id = '${dossierId}' and seq = 99`);
    expect(swapped.filter((p) => p.includes('đã bị sửa'))).toHaveLength(2);
    const links = await problemsAfter(`
      update audit_chain set seq = -seq where chain = 'dossier_events:${w.centre.id}' and seq in (2, 3);
      update audit_chain set seq = 3 where chain = 'dossier_events:${w.centre.id}' and seq = -2;
      update audit_chain set seq = 2 where chain = 'dossier_events:${w.centre.id}' and seq = -3`);
    expect(links).toContainEqual(expect.stringContaining('mắt xích trước không khớp'));
  });

  it('detects a row slipped in without its link, and a cut-off tail', async () => {
    expect(
      await problemsAfter(`
        insert into dossier_events (dossier_id, seq, at, action, to_status, holder_agency_id)
        values ('${dossierId}', 50, now(), 'stop', 'stopped', '${w.commune.id}')`),
    ).toEqual([expect.stringContaining('không có trong chuỗi')]);
    const tail = await problemsAfter(`
      delete from dossier_events where id = (
        select row_id from audit_chain where chain = 'dossier_events:${w.centre.id}' order by seq desc limit 1);
      delete from audit_chain where (chain, seq) = (
        select chain, seq from audit_chain where chain = 'dossier_events:${w.centre.id}' order by seq desc limit 1)`);
    expect(tail).toEqual([expect.stringContaining('đầu chuỗi')]);
  });

  it('is intact again once the tampering is undone (each case above was rolled back)', async () => {
    expect(await verifyAuditChain(t.db)).toEqual([]);
  });
});
