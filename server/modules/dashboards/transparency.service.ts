/**
 * Public transparency (no login): Biểu 06 totals of an agency and of each unit below it for the current month,
 * quarter and year. Counts only, from the same cells as the report; nothing about a person or a dossier.
 */
import {
  type PeriodKind,
  periodContaining,
  periodLabel,
  vnToday,
} from '../../../domain/dashboard/periods.ts';
import { figuresOf, type Transparency } from '../../../domain/dashboard/transparency.ts';
import { periodWindow } from '../../../domain/reports/form06.ts';
import { buildForm06 } from '../../../domain/reports/form06-rows.ts';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { type AgencyRow, findAgency, listAgencies } from '../agencies/agencies.repository.ts';
import { form06Cells } from '../reports/reports.service.ts';

const KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year'];

/** The agency asked for, or the root of the tree (the province) when none is named. */
async function agencyOrRoot(ctx: Pick<Ctx, 'db'>, agencyId: string | undefined): Promise<AgencyRow> {
  const agency = agencyId
    ? await findAgency(ctx.db, agencyId)
    : (await listAgencies(ctx.db)).find((a) => a.parentId === null);
  if (!agency) throw notFound('cơ quan, đơn vị');
  return agency;
}

export async function transparency(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  agencyId: string | undefined,
): Promise<Transparency> {
  const agency = await agencyOrRoot(ctx, agencyId);
  const now = ctx.clock.now();
  const today = vnToday(now);
  const [subtree, parent] = await Promise.all([
    listAgencies(ctx.db, [agency.path]),
    agency.parentId ? findAgency(ctx.db, agency.parentId) : Promise.resolve(undefined),
  ]);
  const periods = [];
  for (const kind of KINDS) {
    const period = periodContaining(kind, today);
    const window = periodWindow(period, now);
    const cells = await form06Cells(ctx.db, 'aggregates', agency.path, period, window);
    const report = buildForm06({
      cells,
      groupBy: 'agency',
      root: agency,
      agencies: subtree,
      period,
      asOf: new Date(window.asOf),
    });
    periods.push({
      kind,
      label: periodLabel(kind, today),
      ...period,
      total: figuresOf(report.total),
      units: report.rows.map((row) => ({
        agencyId: row.key,
        name: row.label,
        scope: row.scope === 'own' ? ('own' as const) : ('subtree' as const),
        ...figuresOf(row),
      })),
    });
  }
  return {
    agency: { id: agency.id, name: agency.name },
    parent: parent ? { id: parent.id, name: parent.name } : null,
    asOf: now.toISOString(),
    periods,
  };
}
