/**
 * Per-agency working time: office hours (when the legal clock runs) and receiving hours (when the one-stop
 * desk accepts dossiers — may include Saturday morning; receiving on Saturday does not make Saturday a
 * counted day).
 *
 * Defaults: 07:00–11:30 and 13:30–17:00, Monday–Friday (40-hour week of Decision 188/1999/QĐ-TTg; the hours
 * themselves are set by each province [practice]). Time zone is fixed to Asia/Ho_Chi_Minh = UTC+7 with no
 * DST, so the hot path uses plain offset arithmetic (civil.ts) rather than Intl.
 */
import { z } from 'zod';
import { clockFromMinute, minuteFromClock } from './civil.ts';

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM');

export const TimeRange = z
  .object({ from: Clock, to: Clock })
  .refine((r) => minuteFromClock(r.from) < minuteFromClock(r.to), 'Giờ bắt đầu phải trước giờ kết thúc');
export type TimeRange = z.infer<typeof TimeRange>;

/** Ranges sorted and not overlapping. */
const TimeRanges = z
  .array(TimeRange)
  .refine(
    (ranges) =>
      ranges.every((r, i) => i === 0 || minuteFromClock(ranges[i - 1]!.to) <= minuteFromClock(r.from)),
    'Các khoảng giờ phải theo thứ tự và không chồng lấn',
  );

export const DEFAULT_OFFICE_HOURS: TimeRange[] = [
  { from: '07:00', to: '11:30' },
  { from: '13:30', to: '17:00' },
];

export const WorkingTime = z.object({
  timeZone: z.literal('Asia/Ho_Chi_Minh').default('Asia/Ho_Chi_Minh'),
  /** Hours counted by the legal clock on every working day. */
  officeHours: TimeRanges.min(1).default(DEFAULT_OFFICE_HOURS),
  /** Hours the desk receives dossiers on working days (usually = office hours). */
  receivingHours: TimeRanges.default(DEFAULT_OFFICE_HOURS),
  /** Extra receiving on Saturdays that are not working days, e.g. [{from:'07:00', to:'11:30'}]. */
  saturdayReceivingHours: TimeRanges.default([]),
});
export type WorkingTime = z.infer<typeof WorkingTime>;

export const DEFAULT_WORKING_TIME: WorkingTime = WorkingTime.parse({});

/** Office hours as flat minute arrays, with cumulative minutes, for O(1) position arithmetic. */
export interface CompiledWorkingTime {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** cumBefore[i] = office minutes before interval i starts. */
  readonly cumBefore: readonly number[];
  readonly minutesPerDay: number;
  readonly open: number;
  readonly close: number;
  readonly openLabel: string;
  readonly closeLabel: string;
}

const compiled = new WeakMap<WorkingTime, CompiledWorkingTime>();

export function compileWorkingTime(wt: WorkingTime): CompiledWorkingTime {
  const cached = compiled.get(wt);
  if (cached) return cached;
  const starts = wt.officeHours.map((r) => minuteFromClock(r.from));
  const ends = wt.officeHours.map((r) => minuteFromClock(r.to));
  const cumBefore: number[] = [];
  let total = 0;
  for (let i = 0; i < starts.length; i++) {
    cumBefore.push(total);
    total += ends[i]! - starts[i]!;
  }
  const open = starts[0]!;
  const close = ends[ends.length - 1]!;
  const result: CompiledWorkingTime = {
    starts,
    ends,
    cumBefore,
    minutesPerDay: total,
    open,
    close,
    openLabel: clockFromMinute(open),
    closeLabel: clockFromMinute(close),
  };
  compiled.set(wt, result);
  return result;
}

/** Office minutes elapsed on a working day at local minute `minute`. */
export function officeMinutesBefore(cw: CompiledWorkingTime, minute: number): number {
  let elapsed = 0;
  for (let i = 0; i < cw.starts.length; i++) {
    const s = cw.starts[i]!;
    if (minute <= s) break;
    const e = cw.ends[i]!;
    elapsed += Math.min(minute, e) - s;
  }
  return elapsed;
}

/**
 * Local minute at which `within` office minutes (0 < within ≤ minutesPerDay) have elapsed; the earliest such
 * instant, so a due time lands on 11:30 or 17:00 rather than on the next interval's opening.
 */
export function minuteAtOfficeMinutes(cw: CompiledWorkingTime, within: number): number {
  for (let i = 0; i < cw.starts.length; i++) {
    const length = cw.ends[i]! - cw.starts[i]!;
    if (within <= cw.cumBefore[i]! + length) return cw.starts[i]! + (within - cw.cumBefore[i]!);
  }
  return cw.close;
}

/** Whether local `minute` lies inside an office interval (start inclusive, end exclusive). */
export function isOfficeMinute(cw: CompiledWorkingTime, minute: number): boolean {
  for (let i = 0; i < cw.starts.length; i++) if (cw.starts[i]! <= minute && minute < cw.ends[i]!) return true;
  return false;
}

const inRanges = (ranges: readonly TimeRange[], minute: number): boolean =>
  ranges.some((r) => minuteFromClock(r.from) <= minute && minute < minuteFromClock(r.to));

/**
 * Whether the desk is open for receiving at local minute `minute` of a day, given whether that day is a
 * working day and whether it is a Saturday that is merely a weekly rest day (not a holiday).
 */
export function isReceivingMinute(
  wt: WorkingTime,
  minute: number,
  day: { isWorkingDay: boolean; isPlainSaturday: boolean },
): boolean {
  if (day.isWorkingDay) return inRanges(wt.receivingHours, minute);
  return day.isPlainSaturday && inRanges(wt.saturdayReceivingHours, minute);
}
