/**
 * Biểu 06/VPCP/KSTT — "Tình hình, kết quả giải quyết thủ tục hành chính" (Circular 01/2020/TT-VPCP; DOMAIN §5),
 * as pure arithmetic in three stages, so that the same report can be fed from a direct recount of dossiers or,
 * later, from pre-aggregated counters:
 *
 *   facts of one dossier ──placeInPeriod──▶ one source column + one outcome column (or not in the report)
 *   many facts ──countCells──▶ cells: counts per (competent agency, procedure)      ◀── aggregates will feed here
 *   cells ──buildForm06 (form06-rows.ts)──▶ rows by agency (subtree roll-up), sector or procedure, and the total
 *
 * Definitions (docs/reports-form06.md gives the sources and marks):
 * - Period [from, to]: calendar days in Asia/Ho_Chi_Minh, inclusive; as instants [00:00 of `from`, 00:00 of the
 *   day after `to`).
 * - Reception instant: a desk or postal dossier is received at `receivedAt` (its receipt, form 01); an online
 *   dossier is received when the desk *accepts* it (the `accept` event) — one still waiting (status 1) or refused
 *   (status 3) was never received and is not in the report, even if it was submitted in the period.
 * - Finish: a dossier with a result is finished when the result was ready (`resolvedAt`, status 9), not when it
 *   was handed over (status 10): returning the result is the desk's errand, the deadline is about deciding.
 *   A dossier withdrawn (7) or stopped (8) is finished at that moment, without result.
 * - Carried over: received before `from` and not finished before `from`.
 * - Resolved in the period: early / on time / late by calendar date in UTC+7 against the due date in force
 *   (`classify` of domain/calendar). Withdrawn or stopped in the period: one column of its own.
 * - In progress at the end of the period: received, not finished. Overdue when the due date in force at that
 *   moment is already late by the same date rule; a dossier whose clock is stopped (waiting for a supplement or
 *   for the financial obligation) counts as within the deadline [practice]. When the period has not ended yet
 *   the report is "as of now".
 *
 * Every dossier in the report lands in exactly one source column and exactly one outcome column, which is why
 * carriedOver + receivedOnline + receivedDirect = resolved + inProgress + withdrawnOrStopped on every row.
 */
import { z } from 'zod';
import { dayNumberFromIso, instantAt } from '../calendar/civil.ts';
import { classify } from '../calendar/deadline.ts';
import { type Channel, CLOCK_STOPPED, type DossierStatus } from '../dossier/status.ts';
import { IsoDate } from '../shared/text.ts';

const Count = z.number().int().nonnegative();

/** The counted columns, in the order of the form. Totals (received, resolved, inProgress) are derived. */
export const Form06Counts = z.object({
  receivedOnline: Count,
  carriedOver: Count,
  /** Direct at the desk and by public postal service (Decision 45/2016/QĐ-TTg): one column on the form. */
  receivedDirect: Count,
  resolvedEarly: Count,
  resolvedOnTime: Count,
  resolvedLate: Count,
  withinDeadline: Count,
  overdue: Count,
  /** Withdrawn by the applicant or stopped, without result — our column, so that the identity can be shown. */
  withdrawnOrStopped: Count,
});
export type Form06Counts = z.infer<typeof Form06Counts>;
export type Form06Column = keyof Form06Counts;

export const FORM06_COLUMNS = Object.keys(Form06Counts.shape) as Form06Column[];

export const zeroCounts = (): Form06Counts => ({
  receivedOnline: 0,
  carriedOver: 0,
  receivedDirect: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  withinDeadline: 0,
  overdue: 0,
  withdrawnOrStopped: 0,
});

export function addCounts(into: Form06Counts, more: Form06Counts): Form06Counts {
  for (const c of FORM06_COLUMNS) into[c] += more[c];
  return into;
}

export const receivedTotal = (c: Form06Counts): number => c.carriedOver + c.receivedOnline + c.receivedDirect;
export const resolvedTotal = (c: Form06Counts): number => c.resolvedEarly + c.resolvedOnTime + c.resolvedLate;
export const inProgressTotal = (c: Form06Counts): number => c.withinDeadline + c.overdue;

/** received (carried over + online + direct/postal) = resolved + in progress + withdrawn or stopped. */
export const holdsIdentity = (c: Form06Counts): boolean =>
  receivedTotal(c) === resolvedTotal(c) + inProgressTotal(c) + c.withdrawnOrStopped;

export const Form06Period = z.object({ from: IsoDate, to: IsoDate });
export type Form06Period = z.infer<typeof Form06Period>;

/** The period as instants (ms): [start, end) and the moment "in progress" is judged at. */
export type PeriodWindow = Readonly<{ start: number; end: number; asOf: number }>;

/** [00:00 of `from`, 00:00 of the day after `to`) in UTC+7; judged at the end, or now if the period is running. */
export function periodWindow(period: Form06Period, now: Date): PeriodWindow {
  const first = dayNumberFromIso(period.from);
  const last = dayNumberFromIso(period.to);
  if (last < first) throw new RangeError('Ngày cuối kỳ phải từ ngày đầu kỳ trở đi');
  const start = instantAt(first, 0);
  const end = instantAt(last + 1, 0);
  return { start, end, asOf: Math.min(end, now.getTime()) };
}

/** The dossier's clock after one of its events: the due date in force and whether the clock is stopped. */
export type ClockState = Readonly<{ at: Date; dueAt: Date | null; isPaused: boolean }>;

/** What the report needs to know about one dossier, whatever the source. */
export type DossierFacts = Readonly<{
  /** The competent agency (cơ quan giải quyết): the row of the agency report [confirm]. */
  agencyId: string;
  procedureCode: string;
  procedureName: string;
  sectorCode: string;
  sectorName: string;
  channel: Channel;
  /** Reception instant (see receptionInstant); null: never received. */
  receivedAt: Date | null;
  /** When the result was ready, with the due date in force then (it does not move after that). */
  resolved: Readonly<{ at: Date; dueAt: Date | null }> | null;
  /** Finished without result. */
  ended: Readonly<{ at: Date; kind: 'withdrawn' | 'stopped' }> | null;
  /**
   * The clock after each event, in time order. Only the last state before the end of the period matters, so a
   * source may pass just that one.
   */
  clock: readonly ClockState[];
}>;

/** Desk and postal dossiers are received at intake; online ones when the desk accepts them (null: not yet/never). */
export const receptionInstant = (channel: Channel, receivedAt: Date, acceptedAt: Date | null): Date | null =>
  channel === 'online' ? acceptedAt : receivedAt;

/**
 * A dossier as stored (the row, its acceptance event, and its last event before the end of the period), the
 * shape a direct recount reads.
 */
export type DossierRecord = Readonly<{
  agencyId: string;
  procedureCode: string;
  procedureName: string;
  sectorCode: string;
  sectorName: string;
  channel: Channel;
  status: DossierStatus;
  /** Intake at the desk, or submission online. */
  receivedAt: Date;
  /** The first `accept` event (online dossiers). */
  acceptedAt: Date | null;
  dueAt: Date | null;
  resolvedAt: Date | null;
  finishedAt: Date | null;
  /** State after the last event before the end of the period (null: no event then). */
  lastState: Readonly<{ at: Date; dueAt: Date | null; status: DossierStatus }> | null;
}>;

export function factsOfDossier(r: DossierRecord): DossierFacts {
  const endedKind = r.status === 'withdrawn' || r.status === 'stopped' ? r.status : null;
  return {
    agencyId: r.agencyId,
    procedureCode: r.procedureCode,
    procedureName: r.procedureName,
    sectorCode: r.sectorCode,
    sectorName: r.sectorName,
    channel: r.channel,
    receivedAt: receptionInstant(r.channel, r.receivedAt, r.acceptedAt),
    // The due date cannot move once the result is ready (no action changes it from status 9 or 10).
    resolved: r.resolvedAt ? { at: r.resolvedAt, dueAt: r.dueAt } : null,
    ended: endedKind && r.finishedAt ? { at: r.finishedAt, kind: endedKind } : null,
    clock: r.lastState
      ? [{ at: r.lastState.at, dueAt: r.lastState.dueAt, isPaused: CLOCK_STOPPED.has(r.lastState.status) }]
      : [],
  };
}

export type SourceColumn = 'carriedOver' | 'receivedOnline' | 'receivedDirect';
export type OutcomeColumn =
  | 'resolvedEarly'
  | 'resolvedOnTime'
  | 'resolvedLate'
  | 'withinDeadline'
  | 'overdue'
  | 'withdrawnOrStopped';
export type Placement = Readonly<{ source: SourceColumn; outcome: OutcomeColumn }>;

const resolvedColumn = { early: 'resolvedEarly', onTime: 'resolvedOnTime', late: 'resolvedLate' } as const;

/** The last clock state strictly before `instant` (events at the end instant belong to the next period). */
function stateBefore(clock: readonly ClockState[], instant: number): ClockState | undefined {
  let found: ClockState | undefined;
  for (const s of clock) {
    if (s.at.getTime() >= instant) break;
    found = s;
  }
  return found;
}

/** Where one dossier goes in the report of a period, or null when it is not in it. */
export function placeInPeriod(f: DossierFacts, w: PeriodWindow): Placement | null {
  const received = f.receivedAt?.getTime();
  if (received === undefined || received >= w.end) return null;
  // A result wins over a later withdrawal record (the status machine allows neither after the other).
  const finish = (f.resolved?.at ?? f.ended?.at)?.getTime();
  if (finish !== undefined && finish < w.start) return null;

  const source: SourceColumn =
    received < w.start ? 'carriedOver' : f.channel === 'online' ? 'receivedOnline' : 'receivedDirect';

  if (finish !== undefined && finish < w.end) {
    if (!f.resolved) return { source, outcome: 'withdrawnOrStopped' };
    // A received dossier always has a due date; without one nothing can be late [confirm].
    const due = f.resolved.dueAt;
    return { source, outcome: due ? resolvedColumn[classify(f.resolved.at, due)] : 'resolvedOnTime' };
  }
  const state = stateBefore(f.clock, w.end);
  const isOverdue =
    state !== undefined &&
    !state.isPaused &&
    state.dueAt !== null &&
    classify(new Date(w.asOf), state.dueAt) === 'late';
  return { source, outcome: isOverdue ? 'overdue' : 'withinDeadline' };
}

/** Counts per (competent agency, procedure): the unit both the recount and the aggregates produce. */
export type Form06Cell = Readonly<{
  agencyId: string;
  procedureCode: string;
  procedureName: string;
  sectorCode: string;
  sectorName: string;
  counts: Form06Counts;
}>;

export function countCells(facts: Iterable<DossierFacts>, w: PeriodWindow): Form06Cell[] {
  const cells = new Map<string, Form06Cell>();
  for (const f of facts) {
    const p = placeInPeriod(f, w);
    if (!p) continue;
    const key = `${f.agencyId}\u0000${f.procedureCode}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        agencyId: f.agencyId,
        procedureCode: f.procedureCode,
        procedureName: f.procedureName,
        sectorCode: f.sectorCode,
        sectorName: f.sectorName,
        counts: zeroCounts(),
      };
      cells.set(key, cell);
    }
    cell.counts[p.source] += 1;
    cell.counts[p.outcome] += 1;
  }
  return [...cells.values()];
}
