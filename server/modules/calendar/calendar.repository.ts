import { and, count, eq, isNull, max, sql } from 'drizzle-orm';
import { type CalendarNotice, WorkingTime } from '../../../domain/calendar/index.ts';
import type { NewCalendarNotice } from '../../../domain/calendar/requests.ts';
import type { Db } from '../../db/client.ts';
import { preparedPer } from '../../db/prepared.ts';
import { agencyWorkingTimes, calendarNotices } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';

export type NoticeRow = CalendarNotice & { id: string };

export async function listLiveNotices(q: Queryable): Promise<NoticeRow[]> {
  const rows = await q.select().from(calendarNotices).where(isNull(calendarNotices.withdrawnAt));
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    kind: r.kind as CalendarNotice['kind'],
    name: r.name,
    decision: r.decision,
  }));
}

const noticesVersionQuery = preparedPer((db: Db) =>
  db
    .select({
      n: count(),
      created: max(calendarNotices.createdAt),
      withdrawn: max(calendarNotices.withdrawnAt),
    })
    .from(calendarNotices)
    .prepare('motcua_notices_version'),
);

/**
 * The key of each process's calendar cache from the notices' count and latest changes (statements that read them
 * along with other facts build the same key with this).
 */
export const noticesVersionKey = (
  row: { n: number; created: Date | null; withdrawn: Date | null } | undefined,
) => `${row?.n ?? 0}|${row?.created?.valueOf() ?? 0}|${row?.withdrawn?.valueOf() ?? 0}`;

/** Changes whenever a notice is added or withdrawn: the key of each process's calendar cache. */
export async function noticesVersion(db: Db): Promise<string> {
  const [row] = await noticesVersionQuery(db).execute();
  return noticesVersionKey(row);
}

export async function insertNotice(q: Queryable, n: NewCalendarNotice, createdBy: string | null, at: Date) {
  const [row] = await q
    .insert(calendarNotices)
    .values({ ...n, createdBy, createdAt: at })
    .returning({ id: calendarNotices.id });
  return row!.id;
}

export async function withdrawNotice(q: Queryable, id: string, at: Date) {
  const rows = await q
    .update(calendarNotices)
    .set({ withdrawnAt: at })
    .where(and(eq(calendarNotices.id, id), isNull(calendarNotices.withdrawnAt)))
    .returning({ date: calendarNotices.date });
  return rows[0];
}

/** The working time of the nearest agency on the path (self first) that has one. */
const workingTimesQuery = preparedPer((db: Db) =>
  db
    .select({ agencyId: agencyWorkingTimes.agencyId, workingTime: agencyWorkingTimes.workingTime })
    .from(agencyWorkingTimes)
    .where(sql`${agencyWorkingTimes.agencyId} = any(${sql.placeholder('ids')}::uuid[])`)
    .prepare('motcua_working_times'),
);

/** The office hours of the agency at the end of `agencyPath`, or of its nearest ancestor that has its own. */
export async function findWorkingTime(db: Db, agencyPath: string): Promise<WorkingTime | undefined> {
  const ids = agencyPath.split('/').filter(Boolean).reverse();
  if (ids.length === 0) return undefined;
  const rows = await workingTimesQuery(db).execute({ ids });
  for (const id of ids) {
    const row = rows.find((r) => r.agencyId === id);
    if (row) return WorkingTime.parse(row.workingTime);
  }
  return undefined;
}

export async function upsertWorkingTime(q: Queryable, agencyId: string, wt: WorkingTime, at: Date) {
  await q
    .insert(agencyWorkingTimes)
    .values({ agencyId, workingTime: wt, updatedAt: at })
    .onConflictDoUpdate({ target: agencyWorkingTimes.agencyId, set: { workingTime: wt, updatedAt: at } });
}
