/**
 * Biểu 06/VPCP/KSTT: from the daily counters (default; ADR 0011) or by direct recount of the dossiers; either way
 * domain/reports does the arithmetic and builds the rows.
 */

import {
  countCells,
  type Form06Cell,
  type Form06Period,
  factsOfDossier,
  type PeriodWindow,
  periodWindow,
} from '../../../domain/reports/form06.ts';
import { cellsFromTotals, dayBefore, judgementOf } from '../../../domain/reports/form06-aggregates.ts';
import { buildForm06, type Form06Query, type Form06Report } from '../../../domain/reports/form06-rows.ts';
import type { Ctx } from '../../context.ts';
import type { Queryable } from '../../db/tx.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { requireStaff } from '../access/access.ts';
import { type AgencyRow, findAgency, listAgencies } from '../agencies/agencies.repository.ts';
import { listCellTotals } from './aggregates.repository.ts';
import { reportAccess } from './reports.policy.ts';
import { listForm06Records } from './reports.repository.ts';

/** Who issues the report, as printed in the header of the form. */
export type ReportHeading = Readonly<{
  /** The body above the reporting agency ("UBND tỉnh Thử"), if any. */
  parentName: string | null;
  /** The reporting agency ("UBND xã An", "Sở Tư pháp"). */
  agencyName: string;
  /** Place of the date line ("An" → "An, ngày 05 tháng 04 năm 2026"). */
  place: string;
}>;

export type Form06Document = Readonly<{ report: Form06Report; heading: ReportHeading; issuedAt: Date }>;

const PLACE_PREFIX = /^(phường|xã|đặc khu|thị trấn|thành phố|tỉnh)\s+/i;
const isAuthority = (a: AgencyRow) => a.kind === 'commune' || a.kind === 'province';
/** "Xã An" → "UBND xã An"; other units keep their name. */
const formalName = (a: AgencyRow) =>
  isAuthority(a) ? `UBND ${a.name.replace(PLACE_PREFIX, (m) => m.toLowerCase())}` : a.name;

function headingOf(agency: AgencyRow, parent: AgencyRow | undefined): ReportHeading {
  const local = [agency, parent].find((a): a is AgencyRow => a !== undefined && isAuthority(a)) ?? agency;
  return {
    parentName: parent ? formalName(parent) : null,
    agencyName: formalName(agency),
    place: local.name.replace(PLACE_PREFIX, ''),
  };
}

/** The report of an agency (with its subtree) for [from, to], rows grouped as asked. */
export async function form06(ctx: Ctx, query: Form06Query): Promise<Form06Document> {
  const actor = requireStaff(ctx);
  const agency = await findAgency(ctx.db, query.agencyId);
  if (!agency) throw notFound('đơn vị');
  const access = reportAccess(actor, agency.path);
  if (access === 'notFound') throw notFound('đơn vị');
  if (access === 'forbidden') throw forbidden('Chỉ lãnh đạo và cán bộ một cửa của đơn vị được xem báo cáo');

  const now = ctx.clock.now();
  const period = { from: query.from, to: query.to };
  let window: ReturnType<typeof periodWindow>;
  try {
    window = periodWindow(period, now);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new AppError('VALIDATION', e.message, { errors: [{ path: 'to', message: e.message }] });
  }

  const [cells, subtree, parent] = await Promise.all([
    form06Cells(ctx.db, query.source, agency.path, period, window),
    listAgencies(ctx.db, [agency.path]),
    agency.parentId ? findAgency(ctx.db, agency.parentId) : Promise.resolve(undefined),
  ]);
  const report = buildForm06({
    cells,
    groupBy: query.groupBy,
    root: agency,
    agencies: subtree,
    period,
    asOf: new Date(window.asOf),
  });
  return { report, heading: headingOf(agency, parent), issuedAt: now };
}

/** Counts per (competent agency, procedure) of the subtree at `rootPath` for the period, from either source. */
export function form06Cells(
  q: Queryable,
  source: Form06Query['source'],
  rootPath: string,
  period: Form06Period,
  window: PeriodWindow,
): Promise<Form06Cell[]> {
  return source === 'recount'
    ? recountCells(q, rootPath, window)
    : aggregateCells(q, rootPath, period, window);
}

/** Direct recount: every dossier that may belong in the period, classified one by one. */
async function recountCells(q: Queryable, rootPath: string, window: PeriodWindow): Promise<Form06Cell[]> {
  const records = await listForm06Records(q, rootPath, new Date(window.start), new Date(window.end));
  return countCells(records.map(factsOfDossier), window);
}

/** From the counters: three look-ups per (agency, procedure) of the subtree, whatever the number of dossiers. */
async function aggregateCells(
  q: Queryable,
  rootPath: string,
  period: Form06Period,
  window: PeriodWindow,
): Promise<Form06Cell[]> {
  const judgement = judgementOf(period, window);
  const totals = await listCellTotals(q, rootPath, {
    beforeStart: dayBefore(period.from),
    end: period.to,
    judgedOn: judgement.day,
  });
  return cellsFromTotals(totals, judgement);
}
