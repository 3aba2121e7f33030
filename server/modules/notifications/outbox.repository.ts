/** Outbox rows: claiming and settling them (the worker), listing and requeueing them (administrators). */
import { and, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { agencies, dossiers, outbox } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';

export type OutboxRow = typeof outbox.$inferSelect;

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'retry', 'sent', 'logged', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * Claims up to `limit` due rows for one worker and returns them. One statement: the due rows are locked with
 * `FOR UPDATE SKIP LOCKED` (another process claiming at the same moment skips them instead of waiting) and
 * switched to `sending` with a lease (`next_attempt_at = leaseUntil`) and one more attempt counted. Sending then
 * happens outside any transaction, so a slow mail server never holds locks (nor, on PGlite, the one connection).
 * A `sending` row whose lease ran out (the process died mid-send) is due again: delivery is at least once.
 */
export async function claimDue(
  q: Queryable,
  now: Date,
  limit: number,
  leaseUntil: Date,
): Promise<OutboxRow[]> {
  const claimed = (await q.execute(sql`
    with due as materialized (
      select id from outbox
      where status in ('pending', 'retry', 'sending') and next_attempt_at <= ${now.toISOString()}::timestamptz
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    update outbox o
    set status = 'sending', attempts = o.attempts + 1, next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
    from due
    where o.id = due.id
    returning o.id
  `)) as unknown as { rows: { id: string }[] };
  const ids = claimed.rows.map((r) => r.id);
  if (ids.length === 0) return [];
  return q.select().from(outbox).where(inArray(outbox.id, ids)).orderBy(outbox.createdAt, outbox.id);
}

/**
 * Settles a claimed row. The `(status, attempts)` pair is the claim token: if the lease ran out and another
 * worker re-claimed the row meanwhile, this late answer changes nothing (returns false).
 */
export async function settle(
  q: Queryable,
  claim: Readonly<{ id: string; attempts: number }>,
  patch: Readonly<
    | { status: 'sent' | 'logged'; deliveredVia: string; sentAt: Date }
    | { status: 'retry' | 'failed'; nextAttemptAt: Date; lastError: string }
  >,
): Promise<boolean> {
  const rows = await q
    .update(outbox)
    .set(patch)
    .where(and(eq(outbox.id, claim.id), eq(outbox.status, 'sending'), eq(outbox.attempts, claim.attempts)))
    .returning({ id: outbox.id });
  return rows.length === 1;
}

export type NotificationListRow = OutboxRow & {
  agencyName: string | null;
  dossierCode: string | null;
};

const listColumns = {
  row: outbox,
  agencyName: agencies.name,
  dossierCode: dossiers.code,
};

/** Rows of agencies under `roots` (`'all'`: every row, including those of no agency), newest first. */
export async function listNotifications(
  q: Queryable,
  f: Readonly<{
    roots: readonly string[] | 'all';
    status?: readonly string[];
    limit: number;
    offset: number;
  }>,
): Promise<{ rows: NotificationListRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [];
  if (f.roots !== 'all') {
    if (f.roots.length === 0) return { rows: [], total: 0 };
    conditions.push(or(...f.roots.map((r) => sql`${agencies.path} like ${`${r}%`}`)));
  }
  if (f.status?.length) conditions.push(inArray(outbox.status, [...f.status]));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    q
      .select(listColumns)
      .from(outbox)
      .leftJoin(agencies, eq(agencies.id, outbox.agencyId))
      .leftJoin(dossiers, eq(dossiers.id, outbox.dossierId))
      .where(where)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(f.limit)
      .offset(f.offset),
    q.select({ n: count() }).from(outbox).leftJoin(agencies, eq(agencies.id, outbox.agencyId)).where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r.row, agencyName: r.agencyName, dossierCode: r.dossierCode })),
    total: Number(total?.n ?? 0),
  };
}

/** One row with its agency's path (for the policy), locked when asked (inside the requeue transaction). */
export async function findNotification(q: Queryable, id: string, lock = false) {
  const base = q
    .select({ ...listColumns, agencyPath: agencies.path })
    .from(outbox)
    .leftJoin(agencies, eq(agencies.id, outbox.agencyId))
    .leftJoin(dossiers, eq(dossiers.id, outbox.dossierId))
    .where(eq(outbox.id, id));
  const [r] = lock ? await base.for('update', { of: outbox }) : await base;
  if (!r) return undefined;
  return { ...r.row, agencyName: r.agencyName, dossierCode: r.dossierCode, agencyPath: r.agencyPath };
}

/** A failed row goes back to the queue with a fresh set of attempts. */
export async function requeue(q: Queryable, id: string, now: Date) {
  await q
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')));
}
