/**
 * The leaders' dashboard (issue 7 §2). The tiles and the units are Biểu 06 itself — the same cells
 * (`form06Cells`, from the daily counters) and the same rows (`buildForm06`) as GET /api/reports/form06 — so the
 * dashboard, the report and its Excel file show the same numbers. The drill-down lists the dossiers behind a
 * number by classifying each candidate with domain/reports' `placeInPeriod`, the rule the counts come from.
 */

import { isoFromDayNumber, localDayOf } from '../../../domain/calendar/civil.ts';
import {
  type Dashboard,
  type DashboardQuery,
  type DrillList,
  type DrillQuery,
  drillColumnLabel,
  isInColumn,
  type MonthPoint,
  onlineShare,
  onTimeRate,
} from '../../../domain/dashboard/dashboard.ts';
import { daysOf, monthsEnding } from '../../../domain/dashboard/periods.ts';
import { statusLabel } from '../../../domain/dossier/status.ts';
import {
  addCounts,
  type Form06Cell,
  type Form06Period,
  factsOfDossier,
  type PeriodWindow,
  periodWindow,
  placeInPeriod,
  zeroCounts,
} from '../../../domain/reports/form06.ts';
import { buildForm06 } from '../../../domain/reports/form06-rows.ts';
import type { Ctx } from '../../context.ts';
import type { Queryable } from '../../db/tx.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { requireStaff } from '../access/access.ts';
import { type AgencyRow, findAgency, listAgencies } from '../agencies/agencies.repository.ts';
import { listForm06Records } from '../reports/reports.repository.ts';
import { form06Cells } from '../reports/reports.service.ts';
import { canSeeApplicants, dashboardAccess } from './dashboards.policy.ts';

/** How many months the trend charts show. */
const TREND_MONTHS = 12;

/** The agency, if the person may read its dashboard (404 outside their subtrees, 403 for other roles). */
export async function readableAgency(ctx: Ctx, agencyId: string): Promise<AgencyRow> {
  const actor = requireStaff(ctx);
  const agency = await findAgency(ctx.db, agencyId);
  if (!agency) throw notFound('đơn vị');
  const access = dashboardAccess(actor, agency.path);
  if (access === 'notFound') throw notFound('đơn vị');
  if (access === 'forbidden') throw forbidden('Chỉ lãnh đạo và quản trị của đơn vị được xem bảng điều hành');
  return agency;
}

/** [from, to] as instants, or a VALIDATION problem naming `to`. */
export function windowOf(period: Form06Period, now: Date): PeriodWindow {
  try {
    return periodWindow(period, now);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new AppError('VALIDATION', e.message, { errors: [{ path: 'to', message: e.message }] });
  }
}

const cellsOf = (q: Queryable, agency: AgencyRow, period: Form06Period, now: Date): Promise<Form06Cell[]> =>
  form06Cells(q, 'aggregates', agency.path, period, periodWindow(period, now));

const sum = (cells: readonly Form06Cell[]) => cells.reduce((s, c) => addCounts(s, c.counts), zeroCounts());

export async function getDashboard(ctx: Ctx, query: DashboardQuery): Promise<Dashboard> {
  const agency = await readableAgency(ctx, query.agencyId);
  const now = ctx.clock.now();
  const period = { from: query.from, to: query.to };
  const window = windowOf(period, now);

  const [cells, subtree, records] = await Promise.all([
    cellsOf(ctx.db, agency, period, now),
    listAgencies(ctx.db, [agency.path]),
    listForm06Records(ctx.db, agency.path, new Date(window.start), new Date(window.end)),
  ]);
  const report = buildForm06({
    cells,
    groupBy: 'agency',
    root: agency,
    agencies: subtree,
    period,
    asOf: new Date(window.asOf),
  });

  // New receptions per day, by the same reception instant Biểu 06 counts with.
  const perDay = new Map(daysOf(period).map((day) => [day, { day, online: 0, direct: 0 }]));
  for (const r of records) {
    const received = factsOfDossier(r).receivedAt?.getTime();
    if (received === undefined || received < window.start || received >= window.end) continue;
    const point = perDay.get(isoFromDayNumber(localDayOf(received)));
    if (point) point[r.channel === 'online' ? 'online' : 'direct'] += 1;
  }

  const months: MonthPoint[] = [];
  for (const m of monthsEnding(query.to, TREND_MONTHS)) {
    const c = sum(await cellsOf(ctx.db, agency, m, now));
    months.push({
      label: m.label,
      from: m.from,
      to: m.to,
      resolved: c.resolvedEarly + c.resolvedOnTime + c.resolvedLate,
      resolvedInTime: c.resolvedEarly + c.resolvedOnTime,
      onTimeRate: onTimeRate(c),
      receivedNew: c.receivedOnline + c.receivedDirect,
      receivedOnline: c.receivedOnline,
      onlineShare: onlineShare(c),
    });
  }

  const total = sum(cells);
  return {
    agency: report.agency,
    period,
    asOf: report.asOf,
    total: report.total,
    onTimeRate: onTimeRate(total),
    onlineShare: onlineShare(total),
    units: report.rows,
    receivedPerDay: [...perDay.values()],
    months,
  };
}

/** The dossiers behind one number of the dashboard (a column of Biểu 06), in the order people work them. */
export async function drillDown(ctx: Ctx, query: DrillQuery): Promise<DrillList> {
  const agency = await readableAgency(ctx, query.agencyId);
  const actor = requireStaff(ctx);
  const now = ctx.clock.now();
  const period = { from: query.from, to: query.to };
  const window = windowOf(period, now);
  const [records, subtree] = await Promise.all([
    listForm06Records(ctx.db, agency.path, new Date(window.start), new Date(window.end)),
    listAgencies(ctx.db, [agency.path]),
  ]);
  const names = new Map(subtree.map((a) => [a.id, a.name]));

  const inColumn = records.flatMap((r) => {
    if (query.scope === 'own' && r.agencyId !== agency.id) return [];
    const facts = factsOfDossier(r);
    const placed = placeInPeriod(facts, window);
    return placed && isInColumn(placed, query.column) ? [{ r, receivedAt: facts.receivedAt! }] : [];
  });
  // Work still open is read by its deadline, the rest by when it came in.
  const byDue =
    query.column === 'overdue' || query.column === 'withinDeadline' || query.column === 'inProgress';
  const key = (x: (typeof inColumn)[number]) =>
    byDue ? (x.r.dueAt?.getTime() ?? Number.MAX_SAFE_INTEGER) : x.receivedAt.getTime();
  inColumn.sort((a, b) => key(a) - key(b) || a.r.code.localeCompare(b.r.code));

  const items = inColumn.slice(query.offset, query.offset + query.limit).map(({ r, receivedAt }) => ({
    id: r.id,
    code: r.code,
    procedureName: r.procedureName,
    competentAgencyName: names.get(r.agencyId) ?? '',
    channel: r.channel,
    status: r.status,
    statusLabel: statusLabel[r.status],
    receivedAt: receivedAt.toISOString(),
    dueAt: r.dueAt?.toISOString() ?? null,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    applicantName: canSeeApplicants(actor, r.agencyPath) ? r.applicantName : null,
  }));
  return {
    agency: { id: agency.id, name: agency.name },
    period,
    asOf: new Date(window.asOf).toISOString(),
    column: query.column,
    columnLabel: drillColumnLabel[query.column],
    total: inColumn.length,
    items,
  };
}
