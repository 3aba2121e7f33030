/**
 * Reads and checks of the Biểu 06 counters (report_cells, report_flows, report_deadlines; migration 0012, ADR 0011).
 * The counters are written by the database trigger on dossier_events; this file only reads them, rebuilds them
 * and compares them with a recount from the events.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CellTotals, FlowTotals } from '../../../domain/reports/form06-aggregates.ts';
import type { Queryable } from '../../db/tx.ts';

const n = z.coerce.number().int();
const count = n.nullable();
const Row = z.object({
  agency_id: z.uuid(),
  national_code: z.string(),
  procedure_name: z.string(),
  sector_code: z.string(),
  sector_name: z.string(),
  dl_day: z.string().nullable(),
  dl_overdue: count,
  dl_due: count,
  ...Object.fromEntries(
    ['lo', 'hi'].flatMap((p) => ['on', 'di', 'ea', 'ot', 'la', 'wd'].map((k) => [`${p}_${k}`, count])),
  ),
});
type Row = z.infer<typeof Row>;

function flows(raw: Row, prefix: 'lo' | 'hi'): FlowTotals | null {
  const r = raw as unknown as Record<string, number | null>;
  const v = (k: string) => r[`${prefix}_${k}`] ?? 0;
  if (r[`${prefix}_on`] === null || r[`${prefix}_on`] === undefined) return null;
  return {
    receivedOnline: v('on'),
    receivedDirect: v('di'),
    resolvedEarly: v('ea'),
    resolvedOnTime: v('ot'),
    resolvedLate: v('la'),
    withdrawnOrStopped: v('wd'),
  };
}

const flowLookup = (alias: string, day: string) => sql`
  left join lateral (
    select f.received_online as ${sql.raw(`${alias}_on`)}, f.received_direct as ${sql.raw(`${alias}_di`)},
      f.resolved_early as ${sql.raw(`${alias}_ea`)}, f.resolved_on_time as ${sql.raw(`${alias}_ot`)},
      f.resolved_late as ${sql.raw(`${alias}_la`)}, f.withdrawn_or_stopped as ${sql.raw(`${alias}_wd`)}
    from report_flows f
    where f.agency_id = c.agency_id and f.procedure_id = c.procedure_id and f.day <= ${day}::date
    order by f.day desc
    limit 1
  ) ${sql.raw(alias)} on true`;

/**
 * The counters of every cell decided by an agency of the subtree at `rootPath`: flows at the end of
 * `beforeStart` and of `end`, deadlines on or before `judgedOn` (three index look-ups per cell).
 */
export async function listCellTotals(
  q: Queryable,
  rootPath: string,
  days: Readonly<{ beforeStart: string; end: string; judgedOn: string }>,
): Promise<CellTotals[]> {
  const res = (await q.execute(sql`
    select c.agency_id, p.national_code, p.name as procedure_name, p.sector_code, p.sector_name,
      lo.*, hi.*, dl.day::text as dl_day, dl.overdue as dl_overdue, dl.due_on_day as dl_due
    from report_cells c
    join agencies a on a.id = c.agency_id
    join procedures p on p.id = c.procedure_id
    ${flowLookup('lo', days.beforeStart)}
    ${flowLookup('hi', days.end)}
    left join lateral (
      select d.day, d.overdue, d.due_on_day from report_deadlines d
      where d.agency_id = c.agency_id and d.procedure_id = c.procedure_id and d.day <= ${days.judgedOn}::date
      order by d.day desc
      limit 1
    ) dl on true
    where a.path like ${`${rootPath}%`}
  `)) as unknown as { rows: unknown[] };
  return res.rows.map((raw) => {
    const r = Row.parse(raw);
    return {
      agencyId: r.agency_id,
      procedureCode: r.national_code,
      procedureName: r.procedure_name,
      sectorCode: r.sector_code,
      sectorName: r.sector_name,
      beforeStart: flows(r, 'lo'),
      atEnd: flows(r, 'hi'),
      deadlines: r.dl_day === null ? null : { day: r.dl_day, overdue: r.dl_overdue!, dueOnDay: r.dl_due! },
    };
  });
}

/** Recomputes every counter from the events (report_rebuild(): one transaction, writers wait). */
export async function rebuildCounters(q: Queryable): Promise<void> {
  await q.execute(sql`select report_rebuild()`);
}

/** A day of a cell where the stored counters and a recount from the events disagree. */
export type CounterDifference = Readonly<{
  table: 'report_flows' | 'report_deadlines';
  side: 'stored' | 'recount';
  agencyId: string;
  procedureId: string;
  day: string;
  values: string;
}>;

const Difference = z.object({
  tbl: z.enum(['report_flows', 'report_deadlines']),
  side: z.enum(['stored', 'recount']),
  agency_id: z.uuid(),
  procedure_id: z.uuid(),
  day: z.string(),
  vals: z.string(),
});

/**
 * Compares the stored counters, day by day, with a recount from the whole event history: each stored row's change
 * from the cell's previous row against what the events of that day change (report_recount_flows / _deadlines).
 * Empty when they agree. At most `limit` differences.
 */
export async function diffCounters(q: Queryable, limit = 20): Promise<CounterDifference[]> {
  const res = (await q.execute(sql`
    with stored_flows as (
      select agency_id, procedure_id, day::text as day,
        concat_ws(',',
          received_online - coalesce(lag(received_online) over w, 0),
          received_direct - coalesce(lag(received_direct) over w, 0),
          resolved_early - coalesce(lag(resolved_early) over w, 0),
          resolved_on_time - coalesce(lag(resolved_on_time) over w, 0),
          resolved_late - coalesce(lag(resolved_late) over w, 0),
          withdrawn_or_stopped - coalesce(lag(withdrawn_or_stopped) over w, 0)) as vals
      from report_flows
      window w as (partition by agency_id, procedure_id order by day)
    ),
    recount_flows as (
      select agency_id, procedure_id, day::text as day,
        concat_ws(',', received_online, received_direct, resolved_early, resolved_on_time, resolved_late,
          withdrawn_or_stopped) as vals
      from report_recount_flows()
    ),
    stored_deadlines as (
      select agency_id, procedure_id, day::text as day,
        concat_ws(',', overdue - coalesce(lag(overdue) over w, 0), due_on_day) as vals
      from report_deadlines
      window w as (partition by agency_id, procedure_id order by day)
    ),
    recount_deadlines as (
      select agency_id, procedure_id, day::text as day, concat_ws(',', overdue, due_on_day) as vals
      from report_recount_deadlines()
    ),
    sf as (select * from stored_flows where vals <> '0,0,0,0,0,0'),
    sd as (select * from stored_deadlines where vals <> '0,0')
    (select 'report_flows' as tbl, 'stored' as side, * from (select * from sf except select * from recount_flows) x)
    union all
    (select 'report_flows', 'recount', * from (select * from recount_flows except select * from sf) x)
    union all
    (select 'report_deadlines', 'stored', * from (select * from sd except select * from recount_deadlines) x)
    union all
    (select 'report_deadlines', 'recount', * from (select * from recount_deadlines except select * from sd) x)
    limit ${limit}
  `)) as unknown as { rows: unknown[] };
  return res.rows.map((raw) => {
    const r = Difference.parse(raw);
    return {
      table: r.tbl,
      side: r.side,
      agencyId: r.agency_id,
      procedureId: r.procedure_id,
      day: r.day,
      values: r.vals,
    };
  });
}
