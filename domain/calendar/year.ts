/**
 * describeYear: the CLI contract (`motcua calendar <year>` prints this JSON). Keys and their order are part
 * of the contract: {"year","lunarNewYear","hungKings","holidays":[{"date","name","source"}],"makeUpWorkingDays"}.
 */
import { isoFromDayNumber, toDayNumber } from './civil.ts';
import type { WorkingCalendar } from './holidays.ts';
import { dayNumberFromLunar, lunarNewYear } from './lunar.ts';

export interface YearHoliday {
  readonly date: string;
  readonly name: string;
  readonly source: 'rule' | 'notice';
}

export interface YearDescription {
  readonly year: number;
  readonly lunarNewYear: string;
  readonly hungKings: string;
  readonly holidays: YearHoliday[];
  readonly makeUpWorkingDays: string[];
}

/** Named days off (rule or notice, weekends inside a notice included) and make-up working days of a year. */
export function describeYear(cal: WorkingCalendar, year: number): YearDescription {
  if (!Number.isInteger(year) || year < cal.fromYear || year > cal.toYear) {
    throw new RangeError(`Lịch làm việc chỉ có dữ liệu năm ${cal.fromYear}–${cal.toYear}`);
  }
  const holidays: YearHoliday[] = [];
  const makeUpWorkingDays: string[] = [];
  const from = toDayNumber({ y: year, m: 1, d: 1 }) - cal.firstDay;
  const to = toDayNumber({ y: year, m: 12, d: 31 }) - cal.firstDay;
  for (let i = from; i <= to; i++) {
    const date = isoFromDayNumber(cal.firstDay + i);
    const name = cal.names[i];
    if (cal.isWorking[i] === 0 && name) {
      holidays.push({ date, name, source: cal.sources[i] === 2 ? 'notice' : 'rule' });
    }
    if (cal.makeUp[i] === 1) makeUpWorkingDays.push(date);
  }
  return {
    year,
    lunarNewYear: lunarNewYear(year),
    hungKings: isoFromDayNumber(dayNumberFromLunar({ year, month: 3, day: 10, isLeapMonth: false })),
    holidays,
    makeUpWorkingDays,
  };
}
