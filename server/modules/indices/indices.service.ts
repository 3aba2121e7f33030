/**
 * Indices over an agency subtree and a period: Decision 766 (service-index). Numerators and denominators come
 * from Biểu 06 (the same cells as the report), the ratings module's counts and this module's repository; the
 * scoring is domain/indices.
 */
import {
  type IndexInputs,
  type ServiceIndex,
  type ServiceIndexQuery,
  scoreServiceIndex,
  serviceIndexRulesOn,
} from '../../../domain/indices/service-index.ts';
import { addCounts, periodWindow, zeroCounts } from '../../../domain/reports/form06.ts';
import type { Ctx } from '../../context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { requireStaff } from '../access/access.ts';
import { type AgencyRow, findAgency } from '../agencies/agencies.repository.ts';
import { countAnswers } from '../ratings/ratings.repository.ts';
import { form06Cells } from '../reports/reports.service.ts';
import { indexAccess } from './indices.policy.ts';
import * as repo from './indices.repository.ts';

export async function readableAgency(ctx: Ctx, agencyId: string): Promise<AgencyRow> {
  const actor = requireStaff(ctx);
  const agency = await findAgency(ctx.db, agencyId);
  if (!agency) throw notFound('đơn vị');
  const access = indexAccess(actor, agency.path);
  if (access === 'notFound') throw notFound('đơn vị');
  if (access === 'forbidden') throw forbidden('Chỉ lãnh đạo và quản trị của đơn vị được xem các chỉ số');
  return agency;
}

export function windowOrProblem(from: string, to: string, now: Date) {
  try {
    return periodWindow({ from, to }, now);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new AppError('VALIDATION', e.message, { errors: [{ path: 'to', message: e.message }] });
  }
}

/** Decision 766 for the subtree and the period, scored by the rules in force on its last day. */
export async function serviceIndex(ctx: Ctx, query: ServiceIndexQuery): Promise<ServiceIndex> {
  const agency = await readableAgency(ctx, query.agencyId);
  const window = windowOrProblem(query.from, query.to, ctx.clock.now());
  let rules: ReturnType<typeof serviceIndexRulesOn>;
  try {
    rules = serviceIndexRulesOn(query.to);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new AppError('VALIDATION', e.message, { errors: [{ path: 'to', message: e.message }] });
  }
  const start = new Date(window.start);
  const end = new Date(window.end);
  const period = { from: query.from, to: query.to };

  const cells = await form06Cells(ctx.db, 'aggregates', agency.path, period, window);
  const c = cells.reduce((s, cell) => addCounts(s, cell.counts), zeroCounts());
  const ratings = await countAnswers(ctx.db, agency.path, start, end);
  const overall = ratings.counts.overall;
  const inputs: IndexInputs = {
    resolvedInTime: {
      numerator: c.resolvedEarly + c.resolvedOnTime,
      denominator: c.resolvedEarly + c.resolvedOnTime + c.resolvedLate,
    },
    dossiersOnline: { numerator: c.receivedOnline, denominator: c.receivedOnline + c.receivedDirect },
    proceduresOnline: await repo.proceduresOnline(ctx.db, query.to),
    proceduresUsedOnline: await repo.proceduresUsedOnline(ctx.db, agency.path, start, end, query.to),
    paymentsOnline: await repo.paymentsOnline(ctx.db, agency.path, start, end),
    dossiersDigitised: await repo.dossiersDigitised(ctx.db, agency.path, start, end),
    resultsElectronic: await repo.resultsElectronic(ctx.db, agency.path, start, end),
    ratingsSatisfied: {
      numerator: overall.verySatisfied + overall.satisfied,
      denominator: ratings.total,
    },
  };
  return {
    agency: { id: agency.id, name: agency.name },
    period,
    ...scoreServiceIndex(rules, inputs),
  };
}
