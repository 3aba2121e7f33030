/**
 * Reporting periods as calendar days in Asia/Ho_Chi_Minh (the days of Biểu 06, docs/reports-form06.md): this
 * month, this quarter, this year, and the months of a trend. Pure: "today" is passed in.
 */
import { z } from 'zod';
import { fromDayNumber, isoFromDayNumber, localDayOf, toDayNumber } from '../calendar/civil.ts';

export const PeriodKind = z.enum(['month', 'quarter', 'year']);
export type PeriodKind = z.infer<typeof PeriodKind>;

export type DayPeriod = Readonly<{ from: string; to: string }>;

/** The Vietnamese calendar day of an instant, as `YYYY-MM-DD`. */
export const vnToday = (now: Date): string => isoFromDayNumber(localDayOf(now.getTime()));

const lastDayOfMonth = (y: number, m: number): number => toDayNumber({ y, m: m + 1, d: 1 }) - 1;
const monthIso = (y: number, m: number) => ({
  from: isoFromDayNumber(toDayNumber({ y, m, d: 1 })),
  to: isoFromDayNumber(m === 12 ? toDayNumber({ y, m: 12, d: 31 }) : lastDayOfMonth(y, m)),
});

/** The whole month, quarter or year that holds `today` (the last day may be in the future: "as of now"). */
export function periodContaining(kind: PeriodKind, today: string): DayPeriod {
  const { y, m } = fromDayNumber(toDayNumber(parseIso(today)));
  switch (kind) {
    case 'month':
      return monthIso(y, m);
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: monthIso(y, first).from, to: monthIso(y, first + 2).to };
    }
    case 'year':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

/** Vietnamese label of a period kind for `today`'s period: "Tháng 12/2026", "Quý IV/2026", "Năm 2026". */
export function periodLabel(kind: PeriodKind, today: string): string {
  const { y, m } = parseIso(today);
  if (kind === 'month') return `Tháng ${m}/${y}`;
  if (kind === 'quarter') return `Quý ${['I', 'II', 'III', 'IV'][Math.floor((m - 1) / 3)]}/${y}`;
  return `Năm ${y}`;
}

/**
 * The months of a trend: the `count` calendar months ending with the month of `to`, each cut to `to` (so the
 * last one is "up to that day"), oldest first.
 */
export function monthsEnding(to: string, count: number): (DayPeriod & { label: string })[] {
  const end = parseIso(to);
  const months: (DayPeriod & { label: string })[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = end.y * 12 + (end.m - 1) - i;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const whole = monthIso(y, m);
    months.push({ from: whole.from, to: whole.to > to ? to : whole.to, label: `${pad(m)}/${y}` });
  }
  return months;
}

/** Every day of [from, to], as `YYYY-MM-DD`. */
export function daysOf(period: DayPeriod): string[] {
  const first = toDayNumber(parseIso(period.from));
  const last = toDayNumber(parseIso(period.to));
  const days: string[] = [];
  for (let d = first; d <= last; d++) days.push(isoFromDayNumber(d));
  return days;
}

const pad = (n: number) => String(n).padStart(2, '0');

function parseIso(iso: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`Ngày không hợp lệ: ${iso}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}
