/** Reads for the satisfaction panel: the ratings given in a period on dossiers of a subtree, with who worked on them. */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { RatingAnswers } from '../../../domain/rating/rating.ts';
import type { Queryable } from '../../db/tx.ts';

const Row = z.object({
  procedure_code: z.string(),
  procedure_name: z.string(),
  convenience: z.string(),
  overall: z.string(),
  timeliness: z.string(),
  staff_attitude: z.string(),
  officers: z.array(z.object({ id: z.uuid(), name: z.string() })).nullable(),
});

export type RatedDossier = Readonly<{
  procedure: { code: string; name: string };
  answers: RatingAnswers;
  officers: readonly { id: string; name: string }[];
}>;

/**
 * Ratings given in [start, end) on dossiers received or decided in the subtree (the rule of the ratings module's
 * own summary), each with its procedure and the staff who acted on the dossier.
 */
export async function listRatedDossiers(
  q: Queryable,
  rootPath: string,
  start: Date,
  end: Date,
): Promise<RatedDossier[]> {
  const under = `${rootPath}%`;
  const res = (await q.execute(sql`
    select p.national_code as procedure_code, p.name as procedure_name,
      r.convenience, r.overall, r.timeliness, r.staff_attitude,
      (select json_agg(distinct jsonb_build_object('id', u.id, 'name', u.full_name))
        from dossier_events e join users u on u.id = e.actor_id
        where e.dossier_id = d.id and e.role in ('deskOfficer', 'specialist', 'leader', 'clerk')) as officers
    from dossier_ratings r
    join dossiers d on d.id = r.dossier_id
    join procedures p on p.id = d.procedure_id
    join agencies ra on ra.id = d.receiving_agency_id
    join agencies ca on ca.id = d.competent_agency_id
    where r.rated_at >= ${start.toISOString()}::timestamptz and r.rated_at < ${end.toISOString()}::timestamptz
      and (ra.path like ${under} or ca.path like ${under})
  `)) as unknown as { rows: unknown[] };
  return res.rows.map((raw) => {
    const r = Row.parse(raw);
    return {
      procedure: { code: r.procedure_code, name: r.procedure_name },
      answers: RatingAnswers.parse({
        convenience: r.convenience,
        overall: r.overall,
        timeliness: r.timeliness,
        staffAttitude: r.staff_attitude,
      }),
      officers: r.officers ?? [],
    };
  });
}
