/**
 * Everything a desk intake reads before it writes, in one statement (one round trip instead of six): the receiving
 * desk, its parent and the competent agency named in the request (intake.service.ts decides which one is
 * competent), the procedure and the id of its version in force on the day, the internal workflows that can apply
 * (the agencies' own ones and the defaults by kind; `chooseWorkflow` picks), the desk's office hours (its own or
 * its nearest ancestor's) and the calendar notices' version key (calendar.service.ts rebuilds the calendar only
 * when it changed). Nothing here decides anything: the rules stay in the service.
 */
import { WorkingTime } from '../../../domain/calendar/index.ts';
import type { Workflow } from '../../../domain/catalogue/index.ts';
import type { Queryable } from '../../db/tx.ts';
import { type AgencyRow, agencyFromJson, agencyJson } from '../agencies/agencies.repository.ts';
import { noticesVersionKey } from '../calendar/calendar.repository.ts';
import { namedStatement } from './named-statement.ts';

type Raw = {
  desk: unknown;
  parent: unknown;
  given: unknown;
  procedure_id: string | null;
  procedure_name: string | null;
  version_id: string | null;
  workflows: { agencyId: string | null; workflow: Workflow }[];
  working_time: unknown;
  notices: number;
  notices_created: string | null;
  notices_withdrawn: string | null;
};

// $1 receiving desk, $2 procedure code, $3 day (YYYY-MM-DD, Asia/Ho_Chi_Minh), $4 competent agency given or null.
// The version in force: as catalogue.repository's `inForce` (any version that left draft, within its dates).
const contextStatement = namedStatement<Raw>(
  'motcua_intake_context',
  `select
    ${agencyJson('d')} as desk,
    ${agencyJson('par')} as parent,
    ${agencyJson('giv')} as given,
    v.procedure_id, v.procedure_name, v.version_id,
    (select coalesce(json_agg(json_build_object('agencyId', w.agency_id, 'workflow', w.document)), '[]'::json)
       from procedure_workflows w
      where w.procedure_id = v.procedure_id
        and (w.agency_id is null or w.agency_id in (d.id, d.parent_id, $4::uuid))) as workflows,
    (select w.working_time from agency_working_times w
      where w.agency_id = any(string_to_array(trim(both '/' from d.path), '/')::uuid[])
      order by strpos(d.path, '/' || w.agency_id::text || '/') desc
      limit 1) as working_time,
    n.notices, n.notices_created, n.notices_withdrawn
  from (select count(*)::int as notices, max(created_at) as notices_created, max(withdrawn_at) as notices_withdrawn
          from calendar_notices) n
  left join agencies d on d.id = $1::uuid
  left join agencies par on par.id = d.parent_id
  left join agencies giv on giv.id = $4::uuid
  left join lateral (
    select p.id as procedure_id, p.name as procedure_name, pv.id as version_id
      from procedures p join procedure_versions pv on pv.procedure_id = p.id
     where p.national_code = $2 and pv.status <> 'draft' and pv.effective_from <= $3::date
       and (pv.effective_to is null or pv.effective_to >= $3::date)
     limit 1
  ) v on true`,
);

export type IntakeContext = Readonly<{
  desk: AgencyRow | undefined;
  /** The desk's parent and the agency given as competent, when they exist: by id. */
  agencies: ReadonlyMap<string, AgencyRow>;
  /** The procedure (id and name) and its version in force on the day, if any. */
  inForce: { procedure: { id: string; name: string }; versionId: string } | undefined;
  /** Workflows of the procedure that may apply: the defaults by kind, and those of the desk, parent and given. */
  workflows: readonly { agencyId: string | null; workflow: Workflow }[];
  /** Office hours of the desk or its nearest ancestor that has its own. */
  workingTime: WorkingTime | undefined;
  noticesVersion: string;
}>;

export async function readIntakeContext(
  q: Queryable,
  p: { deskId: string; procedureCode: string; day: string; competentId: string | undefined },
): Promise<IntakeContext> {
  const [r] = await contextStatement(q, [p.deskId, p.procedureCode, p.day, p.competentId ?? null]);
  if (!r) throw new Error('intake context: no row');
  const agencies = new Map<string, AgencyRow>();
  for (const a of [agencyFromJson(r.parent), agencyFromJson(r.given)]) if (a) agencies.set(a.id, a);
  return {
    desk: agencyFromJson(r.desk),
    agencies,
    inForce:
      r.procedure_id && r.version_id
        ? { procedure: { id: r.procedure_id, name: r.procedure_name! }, versionId: r.version_id }
        : undefined,
    workflows: r.workflows,
    workingTime: r.working_time ? WorkingTime.parse(r.working_time) : undefined,
    noticesVersion: noticesVersionKey({
      n: r.notices,
      created: r.notices_created === null ? null : new Date(r.notices_created),
      withdrawn: r.notices_withdrawn === null ? null : new Date(r.notices_withdrawn),
    }),
  };
}
