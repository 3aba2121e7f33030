/** Deadline warnings: recording when open dossiers became overdue (the overdue job), reading them (leaders). */
import { and, asc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { OPEN } from '../../../domain/dossier/status.ts';
import { agencies, dossiers, procedures, users } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';

const openStatuses = [...OPEN];

/**
 * Marks every open dossier that is past due and not yet marked: `overdue_since` = its due date (the moment it
 * became overdue, not the moment we noticed) and `overdue_holder` = who held it then, read from the last event
 * at or before the due date (so a late run still names the right holder). A dossier whose clock is stopped
 * (waiting for the applicant) is not overdue unless the clock stopped after the due date had already passed.
 *
 * Why one statement and no lock: several app processes may run this at the same moment. Under READ COMMITTED a
 * concurrent UPDATE of the same row waits for the first to commit and then re-checks `overdue_since IS NULL` on
 * the new row version, finds it set, and skips the row — so a dossier is recorded exactly once, and running the
 * job again changes nothing. An advisory lock (`pg_try_advisory_xact_lock`) would only save duplicate work,
 * at the price of a second mechanism to reason about.
 */
export async function recordOverdue(q: Queryable, now: Date): Promise<{ id: string; code: string }[]> {
  const res = (await q.execute(sql`
    with late as (
      select d.id, d.due_at, d.workflow, e.holder_agency_id, e.to_step, e.assignee_id
      from dossiers d
      left join lateral (
        select ev.holder_agency_id, ev.to_step, ev.assignee_id
        from dossier_events ev
        where ev.dossier_id = d.id and ev.at <= d.due_at
        order by ev.seq desc
        limit 1
      ) e on true
      where d.overdue_since is null
        and d.status in (${sql.join(
          openStatuses.map((s) => sql`${s}`),
          sql`, `,
        )})
        and d.due_at < ${now.toISOString()}::timestamptz
        and (d.paused_since is null or d.paused_since > d.due_at)
    )
    update dossiers d
    set overdue_since = late.due_at,
        overdue_holder = jsonb_build_object(
          'agencyId', coalesce(late.holder_agency_id, d.holder_agency_id),
          'stepKey', case when late.holder_agency_id is null then d.step_key else late.to_step end,
          'assigneeId', case when late.holder_agency_id is null then d.assignee_id else late.assignee_id end,
          'stepName', (
            select s->>'name' from jsonb_array_elements(late.workflow->'steps') s
            where s->>'key' = case when late.holder_agency_id is null then d.step_key else late.to_step end
            limit 1
          )
        )
    from late
    where d.id = late.id and d.overdue_since is null
    returning d.id, d.code
  `)) as unknown as { rows: { id: string; code: string }[] };
  return res.rows;
}

/** `dossiers.overdue_holder` as the job writes it. */
export const StoredOverdueHolder = z.object({
  agencyId: z.uuid(),
  stepKey: z.string().nullable(),
  assigneeId: z.uuid().nullable(),
  stepName: z.string().nullable(),
});
export type StoredOverdueHolder = z.infer<typeof StoredOverdueHolder>;

export type WarnableRow = Readonly<{
  id: string;
  code: string;
  status: string;
  procedureName: string;
  holderAgencyId: string;
  holderAgencyName: string;
  holderAgencyPath: string;
  /** The step it is at now and who has claimed it (null: waiting in the unit's inbox). */
  stepName: string | null;
  assigneeId: string | null;
  dueAt: Date;
  pausedSince: Date | null;
  overdueSince: Date | null;
  overdueHolder: StoredOverdueHolder | null;
}>;

/** Open dossiers held under `roots` that are due by `until` (overdue ones included), earliest due first. */
export async function listDueBy(q: Queryable, roots: readonly string[], until: Date): Promise<WarnableRow[]> {
  if (roots.length === 0) return [];
  const rows = await q
    .select({
      id: dossiers.id,
      code: dossiers.code,
      status: dossiers.status,
      procedureName: procedures.name,
      holderAgencyId: dossiers.holderAgencyId,
      holderAgencyName: agencies.name,
      holderAgencyPath: agencies.path,
      stepName: sql<string | null>`(
        select s->>'name' from jsonb_array_elements(${dossiers.workflow}->'steps') s
        where s->>'key' = ${dossiers.stepKey}
        limit 1
      )`,
      assigneeId: dossiers.assigneeId,
      dueAt: dossiers.dueAt,
      pausedSince: dossiers.pausedSince,
      overdueSince: dossiers.overdueSince,
      overdueHolder: dossiers.overdueHolder,
    })
    .from(dossiers)
    .innerJoin(agencies, eq(agencies.id, dossiers.holderAgencyId))
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .where(
      and(
        inArray(dossiers.status, openStatuses),
        isNotNull(dossiers.dueAt),
        lte(dossiers.dueAt, until),
        or(...roots.map((r) => sql`${agencies.path} like ${`${r}%`}`)),
      ),
    )
    .orderBy(asc(dossiers.dueAt), asc(dossiers.code));
  return rows.map((r) => {
    const holder = StoredOverdueHolder.safeParse(r.overdueHolder);
    return { ...r, dueAt: r.dueAt!, overdueHolder: holder.success ? holder.data : null };
  });
}

/** Full names of staff by id (assignees named in warnings). */
export async function staffNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}
