/**
 * Time limits of a procedure version. A limit is counted exactly like a deadline (calendar/requests.ts
 * `DueRule`), so the server can pass it straight to the legal clock.
 */
import { DueRule } from '../calendar/requests.ts';

export const TimeLimit = DueRule;
export type TimeLimit = DueRule;

/** 8 working hours make one working day (office hours 07:00–11:30 and 13:30–17:00) [practice]. */
export const HOURS_PER_WORKING_DAY = 8;

/**
 * A limit expressed in working hours, for comparing limits and summing workflow budgets.
 * - same day: at most one working day (8 h);
 * - calendar days: only 5 of every 7 days are working days, so the working time inside n calendar days is at
 *   least ⌊n·5/7⌋ days (holidays make it smaller still: callers treat it as an approximation).
 */
export const workingHoursOf = (limit: TimeLimit): number => {
  if ('workingDays' in limit) return limit.workingDays * HOURS_PER_WORKING_DAY;
  if ('workingHours' in limit) return limit.workingHours;
  if ('sameDay' in limit) return HOURS_PER_WORKING_DAY;
  return Math.floor((limit.calendarDays * 5) / 7) * HOURS_PER_WORKING_DAY;
};

/**
 * Whether `local` is no longer than `legal`. Limits of the same kind compare exactly; mixed kinds compare in
 * working hours. A same-day legal limit admits only same-day or a working-hours limit of at most 8 h.
 */
export const isWithinLimit = (local: TimeLimit, legal: TimeLimit): boolean => {
  if ('calendarDays' in local && 'calendarDays' in legal) return local.calendarDays <= legal.calendarDays;
  if ('sameDay' in legal) return 'sameDay' in local || ('workingHours' in local && local.workingHours <= 8);
  // n calendar days end no later than n working days: sufficient (and safe) to compare n with the working days.
  if ('calendarDays' in local) return local.calendarDays * HOURS_PER_WORKING_DAY <= workingHoursOf(legal);
  return workingHoursOf(local) <= workingHoursOf(legal);
};

const hoursText = (h: number): string => `${String(h).replace('.', ',')} giờ làm việc`;

/** "03 ngày làm việc", "Trong ngày", "4 giờ làm việc", "30 ngày" — as printed on receipts and listings. */
export const describeLimit = (limit: TimeLimit): string => {
  if ('workingDays' in limit) return `${String(limit.workingDays).padStart(2, '0')} ngày làm việc`;
  if ('workingHours' in limit) return hoursText(limit.workingHours);
  if ('sameDay' in limit) return 'Trong ngày (tiếp nhận sau 15 giờ: trả trong ngày làm việc tiếp theo)';
  return `${String(limit.calendarDays).padStart(2, '0')} ngày`;
};
