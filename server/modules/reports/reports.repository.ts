/**
 * Reads for the reports: the dossiers of an agency subtree as Biểu 06 needs them (a direct recount). The dashboards'
 * drill-down reads the same rows, so each one also names its dossier (id, code, applicant) and its agency's path.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { Channel, DossierStatus } from '../../../domain/dossier/status.ts';
import type { DossierRecord } from '../../../domain/reports/form06.ts';
import type { Queryable } from '../../db/tx.ts';

/** Instants travel as epoch milliseconds: the same number from PGlite and node-postgres, whatever their parsers. */
const ms = z
  .number()
  .nullable()
  .transform((v) => (v === null ? null : new Date(v)));

const Row = z.object({
  // Our own keys, read back: no need to check their UUID version (generated benchmark data uses md5-based ones).
  id: z.string(),
  code: z.string(),
  applicant_name: z.string(),
  agency_id: z.uuid(),
  agency_path: z.string(),
  national_code: z.string(),
  procedure_name: z.string(),
  sector_code: z.string(),
  sector_name: z.string(),
  channel: Channel,
  status: DossierStatus,
  received_at: ms.pipe(z.date()),
  accepted_at: ms,
  due_at: ms,
  resolved_at: ms,
  finished_at: ms,
  state_at: ms,
  state_due_at: ms,
  state_status: DossierStatus.nullable(),
});

/** domain/reports' `DossierRecord`, with what names the dossier (for the dashboards' lists of dossiers). */
export type Form06Record = DossierRecord &
  Readonly<{ id: string; code: string; applicantName: string; agencyPath: string }>;

const epochMs = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

/**
 * Every dossier decided by an agency of the subtree at `rootPath` that may belong in a report of [start, end):
 * received (or submitted) before `end` and not finished before `start`. This only narrows the rows; which column
 * each one lands in is decided by domain/reports (placeInPeriod), so the filter must stay a superset of it.
 * Each row carries the time of its acceptance (online) and its state after the last event before `end` (the due
 * date in force and whether the clock was stopped then).
 */
export async function listForm06Records(
  q: Queryable,
  rootPath: string,
  start: Date,
  end: Date,
): Promise<Form06Record[]> {
  const startAt = sql`${start.toISOString()}::timestamptz`;
  const endAt = sql`${end.toISOString()}::timestamptz`;
  const res = (await q.execute(sql`
    select
      d.id, d.code, d.applicant_name,
      d.competent_agency_id as agency_id, a.path as agency_path,
      p.national_code, p.name as procedure_name, p.sector_code, p.sector_name,
      d.channel, d.status,
      ${epochMs('d.received_at')} as received_at,
      ${epochMs('acc.at')} as accepted_at,
      ${epochMs('d.due_at')} as due_at,
      ${epochMs('d.resolved_at')} as resolved_at,
      ${epochMs('d.finished_at')} as finished_at,
      ${epochMs('st.at')} as state_at,
      ${epochMs('st.due_at')} as state_due_at,
      st.to_status as state_status
    from dossiers d
    join agencies a on a.id = d.competent_agency_id
    join procedures p on p.id = d.procedure_id
    left join lateral (
      select e.at from dossier_events e
      where e.dossier_id = d.id and e.action = 'accept'
      order by e.seq
      limit 1
    ) acc on d.channel = 'online'
    left join lateral (
      select e.at, e.due_at, e.to_status from dossier_events e
      where e.dossier_id = d.id and e.at < ${endAt}
      order by e.seq desc
      limit 1
    ) st on true
    where a.path like ${`${rootPath}%`}
      and d.received_at < ${endAt}
      and (coalesce(d.resolved_at, d.finished_at) is null or coalesce(d.resolved_at, d.finished_at) >= ${startAt})
  `)) as unknown as { rows: unknown[] };
  return res.rows.map((raw) => {
    const r = Row.parse(raw);
    return {
      id: r.id,
      code: r.code,
      applicantName: r.applicant_name,
      agencyPath: r.agency_path,
      agencyId: r.agency_id,
      procedureCode: r.national_code,
      procedureName: r.procedure_name,
      sectorCode: r.sector_code,
      sectorName: r.sector_name,
      channel: r.channel,
      status: r.status,
      receivedAt: r.received_at,
      acceptedAt: r.accepted_at,
      dueAt: r.due_at,
      resolvedAt: r.resolved_at,
      finishedAt: r.finished_at,
      lastState:
        r.state_at && r.state_status
          ? { at: r.state_at, dueAt: r.state_due_at, status: r.state_status }
          : null,
    };
  });
}
