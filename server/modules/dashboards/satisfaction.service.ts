/** The satisfaction panel of the dashboard: the four rating questions by unit, procedure and officer. */
import type { DashboardQuery } from '../../../domain/dashboard/dashboard.ts';
import { groupOf, groupRatings, type SatisfactionReport } from '../../../domain/dashboard/satisfaction.ts';
import type { Ctx } from '../../context.ts';
import { listAgencies } from '../agencies/agencies.repository.ts';
import { countAnswers } from '../ratings/ratings.repository.ts';
import { readableAgency, windowOf } from './dashboards.service.ts';
import { listRatedDossiers } from './satisfaction.repository.ts';

export async function satisfaction(ctx: Ctx, query: DashboardQuery): Promise<SatisfactionReport> {
  const agency = await readableAgency(ctx, query.agencyId);
  const window = windowOf({ from: query.from, to: query.to }, ctx.clock.now());
  const start = new Date(window.start);
  const end = new Date(window.end);

  const whole = await countAnswers(ctx.db, agency.path, start, end);
  const children = (await listAgencies(ctx.db, [agency.path])).filter((a) => a.parentId === agency.id);
  const byAgency = [];
  for (const child of children) {
    const c = await countAnswers(ctx.db, child.path, start, end);
    if (c.total > 0) byAgency.push(groupOf(child.id, child.name, c.counts, c.total));
  }
  const rated = await listRatedDossiers(ctx.db, agency.path, start, end);
  return {
    agency: { id: agency.id, name: agency.name },
    period: { from: query.from, to: query.to },
    total: groupOf('total', agency.name, whole.counts, whole.total),
    byAgency,
    byProcedure: groupRatings(
      rated,
      (r) => r.answers,
      (r) => [{ key: r.procedure.code, label: r.procedure.name }],
    ),
    byOfficer: groupRatings(
      rated,
      (r) => r.answers,
      (r) => r.officers.map((o) => ({ key: o.id, label: o.name })),
    ),
  };
}
