/**
 * Deadline arithmetic on a precomputed WorkingCalendar. Every function is pure: the time is passed in, and
 * only UTC instants and UTC+7 offset arithmetic are used, so results do not depend on the host time zone.
 *
 * "Position" below = office minutes elapsed since the calendar's first day; it turns working-hour arithmetic
 * into additions (rank[] gives whole working days before a day in O(1)).
 */
import { clockFromMinute, instantAt, localDayOf, localMinuteOf, minuteFromClock } from './civil.ts';
import type { WorkingCalendar } from './holidays.ts';
import {
  type CompiledWorkingTime,
  compileWorkingTime,
  DEFAULT_WORKING_TIME,
  isOfficeMinute,
  isReceivingMinute,
  minuteAtOfficeMinutes,
  officeMinutesBefore,
  type WorkingTime,
} from './working-time.ts';

export interface Deadline {
  /** UTC instant. */
  readonly dueAt: Date;
  /** Vietnamese lines a person can read on the receipt or the control sheet. */
  readonly explanation: string[];
}

export interface Suspension {
  readonly from: Date;
  readonly to: Date;
  /** e.g. "chờ bổ sung hồ sơ", "chờ thực hiện nghĩa vụ tài chính". */
  readonly reason: string;
}

const outOfRange = (cal: WorkingCalendar): RangeError =>
  new RangeError(`Lịch làm việc chỉ có dữ liệu năm ${cal.fromYear}–${cal.toYear}`);

function msOf(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Thời điểm không hợp lệ');
  return ms;
}

function offsetOf(cal: WorkingCalendar, ms: number): number {
  const i = localDayOf(ms) - cal.firstDay;
  if (i < 0 || i >= cal.isWorking.length) throw outOfRange(cal);
  return i;
}

/** Offset of the r-th working day (0-based) of the calendar. */
function workingAt(cal: WorkingCalendar, r: number): number {
  const offset = cal.workingOffsets[r];
  if (offset === undefined || r < 0) throw outOfRange(cal);
  return offset;
}

const dateOf = (cal: WorkingCalendar, offset: number): string => cal.viDates[offset]!;
const instantOf = (cal: WorkingCalendar, offset: number, minute: number): Date =>
  new Date(Math.round(instantAt(cal.firstDay + offset, minute)));

/** Holiday breaks lying strictly between two offsets, as explanation lines. */
function breaksBetween(cal: WorkingCalendar, afterOffset: number, beforeOffset: number, out: string[]): void {
  const after = cal.firstDay + afterOffset;
  const before = cal.firstDay + beforeOffset;
  const starts = cal.breakStarts;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= after) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < starts.length && starts[k]! < before; k++) out.push(cal.breaks[k]!.label);
}

/** Why a non-working day is not counted ("thứ Bảy", "Tết Nguyên Đán"…). */
function restDayName(cal: WorkingCalendar, offset: number): string {
  const name = cal.names[offset];
  if (name) return name;
  return (cal.firstDay + offset + 1) % 7 === 0 ? 'Chủ nhật' : 'thứ Bảy';
}

/**
 * The working day from which a receipt is counted: the day itself when received on a working day before
 * closing time; otherwise the next working morning [practice], with the reason in `out`.
 */
function countedReceiptDay(cal: WorkingCalendar, cw: CompiledWorkingTime, ms: number, out: string[]): number {
  const i = offsetOf(cal, ms);
  const minute = localMinuteOf(ms);
  out.push(`Tiếp nhận lúc ${clockFromMinute(minute)} ngày ${dateOf(cal, i)}`);
  if (cal.isWorking[i] === 1) {
    if (minute < cw.close) return i;
    const next = workingAt(cal, cal.rank[i]! + 1);
    out.push(`Tiếp nhận ngoài giờ hành chính: tính từ ${cw.openLabel} ngày ${dateOf(cal, next)}`);
    return next;
  }
  const next = workingAt(cal, cal.rank[i]!);
  out.push(
    `Tiếp nhận vào ngày nghỉ (${restDayName(cal, i)}): tính từ ${cw.openLabel} ngày ${dateOf(cal, next)}`,
  );
  return next;
}

function positionOf(cal: WorkingCalendar, cw: CompiledWorkingTime, ms: number): number {
  const i = offsetOf(cal, ms);
  const base = cal.rank[i]! * cw.minutesPerDay;
  return cal.isWorking[i] === 1 ? base + officeMinutesBefore(cw, localMinuteOf(ms)) : base;
}

/** Earliest instant at a position (so a due time lands on 17:00, not on the next morning's 07:00). */
function instantAtPosition(cal: WorkingCalendar, cw: CompiledWorkingTime, position: number): Date {
  if (position <= 0) return instantOf(cal, workingAt(cal, 0), cw.open);
  const r = Math.ceil(position / cw.minutesPerDay) - 1;
  return instantOf(cal, workingAt(cal, r), minuteAtOfficeMinutes(cw, position - r * cw.minutesPerDay));
}

/** The next opening of an office interval after local `minute` of day offset `i`. */
function nextOpening(
  cal: WorkingCalendar,
  cw: CompiledWorkingTime,
  i: number,
  minute: number,
): { offset: number; minute: number } {
  if (cal.isWorking[i] === 1) {
    for (const start of cw.starts) if (minute < start) return { offset: i, minute: start };
    return { offset: workingAt(cal, cal.rank[i]! + 1), minute: cw.open };
  }
  return { offset: workingAt(cal, cal.rank[i]!), minute: cw.open };
}

/** "2 ngày làm việc", "4 giờ làm việc", "1 ngày 2 giờ 30 phút làm việc". */
export function formatWorkingDuration(minutes: number, minutesPerDay = 480): string {
  const days = Math.floor(minutes / minutesPerDay);
  const rest = Math.round(minutes - days * minutesPerDay);
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} ngày`);
  if (rest >= 60) parts.push(`${Math.floor(rest / 60)} giờ`);
  if (rest % 60 > 0) parts.push(`${rest % 60} phút`);
  return `${parts.length > 0 ? parts.join(' ') : '0 giờ'} làm việc`;
}

const dueLine = (cal: WorkingCalendar, offset: number, clock: string): string =>
  `Hạn trả kết quả: ${clock} ngày ${dateOf(cal, offset)}`;

/**
 * n working days after receipt [practice of one-stop desks, Decree 61/2018 art. 19]: the day of receipt is
 * not counted; due at closing time of the n-th working day after it.
 */
export function addWorkingDays(
  cal: WorkingCalendar,
  receivedAt: Date,
  n: number,
  wt: WorkingTime = DEFAULT_WORKING_TIME,
): Deadline {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Số ngày làm việc không hợp lệ: ${n}`);
  const cw = compileWorkingTime(wt);
  const explanation: string[] = [];
  const start = countedReceiptDay(cal, cw, msOf(receivedAt), explanation);
  const due = workingAt(cal, cal.rank[start]! + n);
  explanation.push(`Cộng ${n} ngày làm việc (không tính ngày tiếp nhận)`);
  breaksBetween(cal, start, due, explanation);
  explanation.push(dueLine(cal, due, cw.closeLabel));
  return { dueAt: instantOf(cal, due, cw.close), explanation };
}

/** Walks office-hour intervals: 8 h = one (default) office day, 4 h = half a day. */
export function addWorkingHours(
  cal: WorkingCalendar,
  receivedAt: Date,
  hours: number,
  wt: WorkingTime = DEFAULT_WORKING_TIME,
): Deadline {
  if (!(hours > 0) || !Number.isFinite(hours)) throw new RangeError(`Số giờ làm việc không hợp lệ: ${hours}`);
  const cw = compileWorkingTime(wt);
  const ms = msOf(receivedAt);
  const explanation: string[] = [];
  const i = offsetOf(cal, ms);
  const minute = localMinuteOf(ms);
  const start = positionOf(cal, cw, ms);
  explanation.push(`Tiếp nhận lúc ${clockFromMinute(minute)} ngày ${dateOf(cal, i)}`);
  if (cal.isWorking[i] !== 1 || !isOfficeMinute(cw, minute)) {
    const opening = nextOpening(cal, cw, i, minute);
    explanation.push(
      `Tiếp nhận ngoài giờ hành chính: tính từ ${clockFromMinute(opening.minute)} ngày ${dateOf(cal, opening.offset)}`,
    );
  }
  const dueAt = instantAtPosition(cal, cw, start + Math.round(hours * 60));
  const dueOffset = offsetOf(cal, dueAt.getTime());
  explanation.push(`Cộng ${formatWorkingDuration(Math.round(hours * 60), cw.minutesPerDay)}`);
  breaksBetween(cal, i, dueOffset, explanation);
  explanation.push(dueLine(cal, dueOffset, clockFromMinute(localMinuteOf(dueAt.getTime()))));
  return { dueAt, explanation };
}

/**
 * Same-day procedures (Decree 23/2015/NĐ-CP art. 7 for certification): received before the cut-off on a
 * working day → closing time that day; after it → closing time of the next working day.
 */
export function sameDay(
  cal: WorkingCalendar,
  receivedAt: Date,
  wt: WorkingTime = DEFAULT_WORKING_TIME,
  cutoff = '15:00',
): Deadline {
  const cw = compileWorkingTime(wt);
  const ms = msOf(receivedAt);
  const cut = minuteFromClock(cutoff);
  const i = offsetOf(cal, ms);
  const minute = localMinuteOf(ms);
  const explanation = [`Tiếp nhận lúc ${clockFromMinute(minute)} ngày ${dateOf(cal, i)}`];
  let due: number;
  if (cal.isWorking[i] === 1 && minute < cut) {
    due = i;
    explanation.push(`Tiếp nhận trước ${cutoff}: trả trong ngày (Nghị định 23/2015/NĐ-CP điều 7)`);
  } else if (cal.isWorking[i] === 1) {
    due = workingAt(cal, cal.rank[i]! + 1);
    explanation.push(
      `Tiếp nhận sau ${cutoff}: trả trong ngày làm việc tiếp theo (Nghị định 23/2015/NĐ-CP điều 7)`,
    );
  } else {
    due = workingAt(cal, cal.rank[i]!);
    explanation.push(
      `Tiếp nhận vào ngày nghỉ (${restDayName(cal, i)}): tính như tiếp nhận ${cw.openLabel} ngày ${dateOf(cal, due)}`,
    );
  }
  breaksBetween(cal, i, due, explanation);
  explanation.push(dueLine(cal, due, cw.closeLabel));
  return { dueAt: instantOf(cal, due, cw.close), explanation };
}

/**
 * A period of n calendar days (Civil Code 91/2015/QH13): it starts on the day after the trigger
 * (art. 147(2)), ends at 24:00 of its last day (art. 148(1), (6)); a last day that is a weekly rest day or
 * holiday moves the end to the next working day (art. 148(5)). dueAt is 23:59:59.999 of that day (UTC+7),
 * so it stays on the last day when compared by date.
 */
export function addCalendarDays(cal: WorkingCalendar, trigger: Date, n: number): Deadline {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Số ngày không hợp lệ: ${n}`);
  const i = offsetOf(cal, msOf(trigger));
  const last = i + n;
  if (last >= cal.isWorking.length) throw outOfRange(cal);
  const explanation = [
    `Sự kiện ngày ${dateOf(cal, i)}; thời hạn bắt đầu từ ngày ${dateOf(cal, i + 1)} (Bộ luật Dân sự 2015 điều 147)`,
    `Cộng ${n} ngày: ngày cuối cùng là ${dateOf(cal, last)}`,
  ];
  let end = last;
  if (cal.isWorking[last] !== 1) {
    end = workingAt(cal, cal.rank[last]!);
    explanation.push(
      `Ngày cuối cùng là ngày nghỉ (${restDayName(cal, last)}): chuyển sang ngày làm việc tiếp theo ${dateOf(cal, end)} (Bộ luật Dân sự 2015 điều 148 khoản 5)`,
    );
  }
  explanation.push(
    `Thời hạn kết thúc lúc 24:00 ngày ${dateOf(cal, end)} (Bộ luật Dân sự 2015 điều 148 khoản 6)`,
  );
  // One millisecond before the next local midnight.
  return { dueAt: instantOf(cal, end + 1, -1 / 60_000), explanation };
}

/**
 * Moves a due date later by the office time inside the suspension intervals (waiting for a supplement, for a
 * financial obligation…): that time is not counted in the processing time. Overlapping intervals count
 * once. Never moves the date earlier.
 */
export function applySuspensions(
  cal: WorkingCalendar,
  due: Date,
  suspensions: readonly Suspension[],
  wt: WorkingTime = DEFAULT_WORKING_TIME,
): Deadline {
  const cw = compileWorkingTime(wt);
  const dueMs = msOf(due);
  const explanation: string[] = [];
  let counted = 0;
  const spans = suspensions.map((s) => {
    const from = msOf(s.from);
    const to = msOf(s.to);
    if (to < from) throw new RangeError(`Khoảng tạm dừng không hợp lệ (${s.reason})`);
    const minutes = positionOf(cal, cw, to) - positionOf(cal, cw, from);
    counted += minutes;
    explanation.push(`Tạm dừng ${formatWorkingDuration(minutes, cw.minutesPerDay)} (${s.reason})`);
    return { from, to };
  });
  spans.sort((a, b) => a.from - b.from);
  let total = 0;
  let coveredTo = Number.NEGATIVE_INFINITY;
  for (const span of spans) {
    const from = Math.max(span.from, coveredTo);
    if (span.to > from) total += positionOf(cal, cw, span.to) - positionOf(cal, cw, from);
    coveredTo = Math.max(coveredTo, span.to);
  }
  if (total < counted) {
    explanation.push('Các khoảng tạm dừng chồng lấn chỉ tính một lần');
  }
  // Whole minutes: a suspension of a few seconds (a supplement handed in at once) moves nothing, rather than
  // pushing a 17:00 due date onto the next morning's opening.
  total = Math.floor(total);
  if (total <= 0) {
    explanation.push('Không có thời gian làm việc bị tạm dừng: giữ nguyên hạn');
    return { dueAt: new Date(dueMs), explanation };
  }
  const moved = instantAtPosition(cal, cw, positionOf(cal, cw, dueMs) + total);
  const dueAt = moved.getTime() > dueMs ? moved : new Date(dueMs);
  const offset = offsetOf(cal, dueAt.getTime());
  breaksBetween(cal, offsetOf(cal, dueMs), offset, explanation);
  explanation.push(`Hạn mới: ${clockFromMinute(localMinuteOf(dueAt.getTime()))} ngày ${dateOf(cal, offset)}`);
  return { dueAt, explanation };
}

/** Extension by n working days (a written extension decision); keeps the time of day of a working-day due. */
export function extend(
  cal: WorkingCalendar,
  due: Date,
  n: number,
  wt: WorkingTime = DEFAULT_WORKING_TIME,
): Deadline {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Số ngày gia hạn không hợp lệ: ${n}`);
  const cw = compileWorkingTime(wt);
  const ms = msOf(due);
  const i = offsetOf(cal, ms);
  const working = cal.isWorking[i] === 1;
  const target = workingAt(cal, cal.rank[i]! + n - (working ? 0 : 1));
  const minute = working ? localMinuteOf(ms) : cw.close;
  const explanation = [`Gia hạn ${n} ngày làm việc từ hạn ${dateOf(cal, i)}`];
  breaksBetween(cal, i, target, explanation);
  explanation.push(`Hạn mới: ${clockFromMinute(minute)} ngày ${dateOf(cal, target)}`);
  return { dueAt: instantOf(cal, target, minute), explanation };
}

/** Working days whose date (UTC+7) is after `from`'s date and not after `to`'s date. */
export function countWorkingDays(cal: WorkingCalendar, from: Date, to: Date): number {
  return cal.rank[offsetOf(cal, msOf(to)) + 1]! - cal.rank[offsetOf(cal, msOf(from)) + 1]!;
}

export function isWorkingDay(cal: WorkingCalendar, at: Date): boolean {
  return cal.isWorking[offsetOf(cal, msOf(at))] === 1;
}

/**
 * Whether the desk receives dossiers at `at`: receiving hours on working days, plus the agency's Saturday
 * receiving hours on Saturdays that are ordinary rest days (not holidays). Receiving is not counting.
 */
export function isReceivingTime(
  cal: WorkingCalendar,
  at: Date,
  wt: WorkingTime = DEFAULT_WORKING_TIME,
): boolean {
  const ms = msOf(at);
  const i = offsetOf(cal, ms);
  const isWorkingDay = cal.isWorking[i] === 1;
  const isPlainSaturday = !isWorkingDay && cal.names[i] === undefined && (cal.firstDay + i + 1) % 7 === 6;
  return isReceivingMinute(wt, localMinuteOf(ms), { isWorkingDay, isPlainSaturday });
}

export type Timeliness = 'early' | 'onTime' | 'late';

/** Reports compare by date in UTC+7: a day before the due day is early, the due day on time [practice]. */
export function classify(finishedAt: Date, dueAt: Date): Timeliness {
  const finished = localDayOf(msOf(finishedAt));
  const due = localDayOf(msOf(dueAt));
  if (finished < due) return 'early';
  return finished === due ? 'onTime' : 'late';
}

export const isOverdue = (now: Date, dueAt: Date): boolean => msOf(now) > msOf(dueAt);
