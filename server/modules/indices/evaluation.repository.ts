/** Reads for the officer and agency evaluation: the dossiers resolved in a period, with what the indicators use. */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { Channel } from '../../../domain/dossier/status.ts';
import { Satisfaction } from '../../../domain/rating/rating.ts';
import type { Queryable } from '../../db/tx.ts';

const ms = z.number().nullable();

const Row = z.object({
  id: z.uuid(),
  channel: Channel,
  online_level: z.enum(['full', 'partial', 'none']),
  resolved_at: ms.pipe(z.number()),
  due_at: ms,
  supplements: z.coerce.number().int(),
  staff_attitude: Satisfaction.nullable(),
  officers: z.array(z.object({ id: z.uuid(), name: z.string() })).nullable(),
});
export type ResolvedDossierRow = z.infer<typeof Row>;

const STAFF_ROLES = sql.raw(`('deskOfficer', 'specialist', 'leader', 'clerk')`);

/**
 * Dossiers of the subtree whose result was ready in [start, end), each with its written supplement requests, the
 * citizen's rating of staff attitude, and the staff who acted on it (an officer is evaluated on the dossiers they
 * worked on).
 */
export async function listResolvedForEvaluation(
  q: Queryable,
  rootPath: string,
  start: Date,
  end: Date,
): Promise<ResolvedDossierRow[]> {
  const res = (await q.execute(sql`
    select d.id, d.channel, v.online_level,
      (extract(epoch from d.resolved_at) * 1000)::float8 as resolved_at,
      (extract(epoch from d.due_at) * 1000)::float8 as due_at,
      (select count(*) from dossier_events e
        where e.dossier_id = d.id and e.action = 'requestSupplement') as supplements,
      r.staff_attitude,
      (select json_agg(distinct jsonb_build_object('id', u.id, 'name', u.full_name))
        from dossier_events e join users u on u.id = e.actor_id
        where e.dossier_id = d.id and e.role in ${STAFF_ROLES}) as officers
    from dossiers d
    join agencies a on a.id = d.competent_agency_id
    join procedure_versions v on v.id = d.procedure_version_id
    left join dossier_ratings r on r.dossier_id = d.id
    where d.resolved_at >= ${start.toISOString()}::timestamptz
      and d.resolved_at < ${end.toISOString()}::timestamptz
      and a.path like ${`${rootPath}%`}
  `)) as unknown as { rows: unknown[] };
  return res.rows.map((raw) => Row.parse(raw));
}
