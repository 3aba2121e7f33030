import type { CalendarYear } from '../../../../domain/calendar/requests.ts';

/** The first and last years the server's calendar covers (rules from 2014, ten years ahead). */
export const FIRST_YEAR = 2014;
export const lastYear = (todayIso: string): number => Number(todayIso.slice(0, 4)) + 10;

export const monthNames = Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`);
export const weekdayHeaders = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'] as const;
const weekdayNames = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];

const pad = (n: number) => String(n).padStart(2, '0');
export const isoOf = (year: number, month: number, day: number) => `${year}-${pad(month + 1)}-${pad(day)}`;

/** Today's date in Vietnam (`YYYY-MM-DD`), whatever the device's time zone. */
export const todayInVietnam = (now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);

/** The current time in Vietnam (`HH:MM`). */
export const clockInVietnam = (now = new Date()): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(now);

/** Monday = 0 … Sunday = 6. */
export const weekdayOf = (year: number, month: number, day: number) =>
  (new Date(Date.UTC(year, month, day)).getUTCDay() + 6) % 7;

export const weekdayName = (iso: string) =>
  weekdayNames[weekdayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))];

/** The weeks of a month, Monday first; `null` pads the first and last week. */
export function monthWeeks(year: number, month: number): (number | null)[][] {
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cells: (number | null)[] = Array.from({ length: weekdayOf(year, month, 1) }, () => null);
  for (let d = 1; d <= days; d++) cells.push(d);
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

export type DayKind = 'holiday' | 'makeUp' | 'weekend' | 'working';

export interface DayInfo {
  kind: DayKind;
  /** Holiday name, or the make-up day's label. */
  name?: string;
}

/** What each date of the year is, from the server's description of the year. */
export function dayIndex(cal: CalendarYear): Map<string, DayInfo> {
  const index = new Map<string, DayInfo>();
  for (const h of cal.holidays) index.set(h.date, { kind: 'holiday', name: h.name });
  for (const d of cal.makeUpWorkingDays) index.set(d, { kind: 'makeUp', name: 'Ngày làm bù' });
  return index;
}

export interface DateRun {
  from: string;
  to: string;
  name: string;
}

export const nextIso = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Consecutive holidays of the same name as one line: Tết 25/01 – 02/02 rather than nine rows. */
export function holidayRuns(holidays: CalendarYear['holidays']): DateRun[] {
  const runs: DateRun[] = [];
  for (const h of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = runs.at(-1);
    if (last && last.name === h.name && nextIso(last.to) === h.date) last.to = h.date;
    else runs.push({ from: h.date, to: h.date, name: h.name });
  }
  return runs;
}
