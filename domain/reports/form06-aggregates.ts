/**
 * Biểu 06 from pre-aggregated counters (issue 7 §7; ADR 0011): the arithmetic that turns the cumulative daily
 * totals of one cell (competent agency × procedure) into the nine counted columns, the same `Form06Cell` a direct
 * recount produces (form06.ts `countCells`). The counters themselves are kept by the database (migration 0012);
 * what they mean, per cell, with days in Asia/Ho_Chi_Minh:
 *
 * - flows at day d (cumulative): dossiers received up to the end of d, online and direct/postal, and finished up
 *   to the end of d — resolved early / on time / late, or withdrawn / stopped. In progress at the end of d is
 *   received − finished (a dossier is never finished before it is received).
 * - deadlines at day d: `overdue` (cumulative) = in progress at the end of d, clock running, due on or before d,
 *   with the due date in force at the end of d; `dueOnDay` = the same but due on d itself.
 *
 * So for a period [from, to]: flows = totals(to) − totals(from − 1); carried over = in progress at the end of
 * from − 1; in progress = at the end of `to`. Overdue: a finished period is judged at its end, i.e. due on or
 * before `to` → overdue(to). A running period is judged now, on day t: due strictly before t → overdue(t) −
 * dueOnDay(t), with the state in force now (the same as at the end of the period, since no event is dated after
 * now: events are stamped by the clock that writes them).
 */
import { isoFromDayNumber, localDayOf } from '../calendar/civil.ts';
import type { Form06Cell, Form06Counts, Form06Period, PeriodWindow } from './form06.ts';

/** report_flows: totals of one cell up to the end of a day. */
export type FlowTotals = Readonly<{
  receivedOnline: number;
  receivedDirect: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  withdrawnOrStopped: number;
}>;

/** report_deadlines: the latest row on or before the day of judgement. */
export type DeadlineTotals = Readonly<{ day: string; overdue: number; dueOnDay: number }>;

/** One cell's counters as read for a period (null: no row on or before that day). */
export type CellTotals = Readonly<{
  agencyId: string;
  procedureCode: string;
  procedureName: string;
  sectorCode: string;
  sectorName: string;
  /** At the end of the day before `from`. */
  beforeStart: FlowTotals | null;
  /** At the end of `to`. */
  atEnd: FlowTotals | null;
  /** On or before the day of judgement. */
  deadlines: DeadlineTotals | null;
}>;

/** The day "in progress" is judged on, and whether it is judged during that day (now) or at its end. */
export type Judgement = Readonly<{ day: string; duringDay: boolean }>;

export function judgementOf(period: Form06Period, w: PeriodWindow): Judgement {
  if (w.asOf >= w.end) return { day: period.to, duringDay: false };
  return { day: isoFromDayNumber(localDayOf(w.asOf)), duringDay: true };
}

/** The day before `from` (ISO), where the carried-over dossiers are counted. */
export const dayBefore = (iso: string): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

const ZERO: FlowTotals = {
  receivedOnline: 0,
  receivedDirect: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  withdrawnOrStopped: 0,
};

const inProgressAt = (t: FlowTotals): number =>
  t.receivedOnline +
  t.receivedDirect -
  t.resolvedEarly -
  t.resolvedOnTime -
  t.resolvedLate -
  t.withdrawnOrStopped;

export function countsFromTotals(cell: CellTotals, judgement: Judgement): Form06Counts {
  const lo = cell.beforeStart ?? ZERO;
  const hi = cell.atEnd ?? ZERO;
  const dl = cell.deadlines;
  const overdue = dl ? dl.overdue - (judgement.duringDay && dl.day === judgement.day ? dl.dueOnDay : 0) : 0;
  const inProgress = inProgressAt(hi);
  return {
    receivedOnline: hi.receivedOnline - lo.receivedOnline,
    carriedOver: inProgressAt(lo),
    receivedDirect: hi.receivedDirect - lo.receivedDirect,
    resolvedEarly: hi.resolvedEarly - lo.resolvedEarly,
    resolvedOnTime: hi.resolvedOnTime - lo.resolvedOnTime,
    resolvedLate: hi.resolvedLate - lo.resolvedLate,
    withinDeadline: inProgress - overdue,
    overdue,
    withdrawnOrStopped: hi.withdrawnOrStopped - lo.withdrawnOrStopped,
  };
}

/** Cells for buildForm06, from the counters of each (agency, procedure) of the subtree. */
export function cellsFromTotals(totals: Iterable<CellTotals>, judgement: Judgement): Form06Cell[] {
  const out: Form06Cell[] = [];
  for (const t of totals) {
    out.push({
      agencyId: t.agencyId,
      procedureCode: t.procedureCode,
      procedureName: t.procedureName,
      sectorCode: t.sectorCode,
      sectorName: t.sectorName,
      counts: countsFromTotals(t, judgement),
    });
  }
  return out;
}
