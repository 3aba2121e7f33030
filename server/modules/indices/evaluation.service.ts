/**
 * Officer and agency evaluation for a quarter (Decree 61/2018 art. 30–33): the dossiers resolved in the quarter,
 * scored by domain/indices/evaluation.ts, for the agency subtree and for each officer who worked on them.
 */
import { classify } from '../../../domain/calendar/deadline.ts';
import { periodContaining, periodLabel } from '../../../domain/dashboard/periods.ts';
import {
  type EvaluatedDossier,
  type EvaluationQuery,
  type EvaluationReport,
  evaluate,
  evaluationRulesOn,
} from '../../../domain/indices/evaluation.ts';
import type { Ctx } from '../../context.ts';
import { listResolvedForEvaluation } from './evaluation.repository.ts';
import { readableAgency, windowOrProblem } from './indices.service.ts';

export async function quarterEvaluation(ctx: Ctx, query: EvaluationQuery): Promise<EvaluationReport> {
  const agency = await readableAgency(ctx, query.agencyId);
  const firstDay = `${query.year}-${String(query.quarter * 3 - 2).padStart(2, '0')}-01`;
  const period = periodContaining('quarter', firstDay);
  const window = windowOrProblem(period.from, period.to, ctx.clock.now());
  const rules = evaluationRulesOn(period.to);
  const rows = await listResolvedForEvaluation(
    ctx.db,
    agency.path,
    new Date(window.start),
    new Date(window.end),
  );

  const facts = rows.map((r) => ({
    officers: r.officers ?? [],
    dossier: {
      outcome: r.due_at === null ? 'onTime' : classify(new Date(r.resolved_at), new Date(r.due_at)),
      supplementRequests: r.supplements,
      staffAttitude: r.staff_attitude,
      channel: r.channel,
      onlineLevel: r.online_level,
    } satisfies EvaluatedDossier,
  }));
  const byOfficer = new Map<string, { fullName: string; dossiers: EvaluatedDossier[] }>();
  for (const f of facts) {
    for (const o of f.officers) {
      const entry = byOfficer.get(o.id) ?? { fullName: o.name, dossiers: [] };
      entry.dossiers.push(f.dossier);
      byOfficer.set(o.id, entry);
    }
  }
  return {
    agency: { id: agency.id, name: agency.name },
    period: { ...period, label: periodLabel('quarter', firstDay) },
    basis: rules.basis,
    agencyEvaluation: evaluate(
      facts.map((f) => f.dossier),
      rules,
    ),
    officers: [...byOfficer.entries()]
      .map(([userId, o]) => ({ userId, fullName: o.fullName, evaluation: evaluate(o.dossiers, rules) }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
  };
}
