/**
 * Public holidays as dated rules, plus the yearly official notices applied on top.
 *
 * - Rules carry effectiveFrom/effectiveTo so a change of law does not rewrite past years.
 * - Labour Code 45/2019/QH14 art. 112(1) [law]: 1/1; Tết 5 days; 10/3 lunar; 30/4; 1/5; 2/9 plus one
 *   adjacent day (before or after, chosen yearly). Before 2021, Labour Code 10/2012/QH13 art. 115(1): the
 *   same list but 2/9 alone.
 * - Compensation [law]: Labour Code 2019 art. 111(3) (2012: art. 115(3)) — a holiday falling on the weekly
 *   rest day (Saturday/Sunday for the civil service, Decision 188/1999/QĐ-TTg) is compensated on the next
 *   working day.
 * - Which 5 days make up Tết is decided every year by the Prime Minister; the default below (last day of the
 *   lunar year + 1st–4th of month 1) is [practice, configurable] and is only a fallback.
 */
import { z } from 'zod';
import { IsoDate } from '../shared/text.ts';
import {
  dayNumberFromIso,
  fromDayNumber,
  isoFromDayNumber,
  isWeekend,
  toDayNumber,
  viFromDayNumber,
} from './civil.ts';
import { dayNumberFromLunar, lunarNewYearDay } from './lunar.ts';

const Rule = {
  id: z.string().min(1),
  name: z.string().min(1),
  /** First day on which the rule applies (compared with each occurrence's date). */
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.optional(),
  /** Article of law or practice the rule comes from (kept for the explanation shown to people). */
  basis: z.string().min(1),
  /** Art. 111(3): a holiday on a weekly rest day gives a compensatory day on the next working day. */
  compensate: z.boolean().default(true),
  /** Per-year replacement of the generated dates, e.g. { "2024": ["2024-09-03"] } for the 2/9 adjacent day. */
  yearOverrides: z.record(z.string().regex(/^\d{4}$/), z.array(IsoDate)).default({}),
};

export const HolidayRule = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('solar'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    ...Rule,
  }),
  z.object({
    kind: z.literal('lunar'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(30),
    ...Rule,
  }),
  z.object({
    kind: z.literal('lunarNewYear'),
    /** Day offsets from lunar 1/1: -1 is the last day of the previous lunar year (29 or 30 Chạp). */
    offsets: z.array(z.number().int().min(-15).max(15)).min(1),
    ...Rule,
  }),
]);
export type HolidayRule = z.infer<typeof HolidayRule>;
export type HolidayRuleInput = z.input<typeof HolidayRule>;

/** An official yearly notice line (e.g. "Thông báo 6150/TB-LĐTBXH"); notices win over rules. */
export const CalendarNotice = z.object({
  date: IsoDate,
  /** dayOff: not worked; makeUpWorkingDay: a rest day worked in exchange; workingDay: cancels a default. */
  kind: z.enum(['dayOff', 'makeUpWorkingDay', 'workingDay']),
  name: z.string().min(1),
  decision: z.string().min(1),
});
export type CalendarNotice = z.infer<typeof CalendarNotice>;

const LC2012 = 'Bộ luật Lao động 10/2012/QH13 điều 115';
const LC2019 = 'Bộ luật Lao động 45/2019/QH14 điều 112';

/** The default rules. The lists applied before 1/5/2013 are not modelled (see DEFAULT_RULES_FROM_YEAR). */
export const DEFAULT_HOLIDAY_RULES: readonly HolidayRule[] = [
  ...(
    [
      ['new-year', 'Tết Dương lịch', 1, 1, 'khoản 1 điểm a'],
      ['victory-day', 'Ngày Chiến thắng', 4, 30, 'khoản 1 điểm d'],
      ['labour-day', 'Ngày Quốc tế Lao động', 5, 1, 'khoản 1 điểm đ'],
      ['national-day', 'Quốc khánh', 9, 2, 'khoản 1 điểm e'],
    ] as const
  ).map(
    ([id, name, month, day, point]): HolidayRule => ({
      kind: 'solar',
      id,
      name,
      month,
      day,
      effectiveFrom: '2013-05-01',
      basis: `${LC2019} ${point} (trước 2021: ${LC2012})`,
      compensate: true,
      yearOverrides: {},
    }),
  ),
  {
    kind: 'solar',
    id: 'national-day-adjacent',
    name: 'Quốc khánh (ngày liền kề)',
    // The adjacent day (1/9 or 3/9) is chosen every year by the Prime Minister; 1/9 is only a default
    // [practice, configurable per year through yearOverrides or a notice].
    month: 9,
    day: 1,
    effectiveFrom: '2021-01-01',
    basis: `${LC2019} khoản 1 điểm e (một ngày liền kề trước hoặc sau 2/9)`,
    compensate: true,
    yearOverrides: {},
  },
  {
    kind: 'lunarNewYear',
    id: 'tet',
    name: 'Tết Nguyên Đán',
    // 5 days [law]; which 5 [practice, configurable]: last day of the lunar year + 1st–4th of month 1.
    offsets: [-1, 0, 1, 2, 3],
    effectiveFrom: '2013-05-01',
    basis: `${LC2019} khoản 1 điểm b (5 ngày; ngày cụ thể do Thủ tướng quyết định)`,
    compensate: true,
    yearOverrides: {},
  },
  {
    kind: 'lunar',
    id: 'hung-kings',
    name: 'Giỗ Tổ Hùng Vương',
    month: 3,
    day: 10,
    effectiveFrom: '2013-05-01',
    basis: `${LC2019} khoản 1 điểm c (10/3 âm lịch)`,
    compensate: true,
    yearOverrides: {},
  },
];

/** Default rules start with Labour Code 2012 (in force 1/5/2013); the first full year is 2014. */
export const DEFAULT_RULES_FROM_YEAR = 2014;

/** One year's application of one rule: its days and the compensatory days they gave. */
interface Occurrence {
  readonly rule: HolidayRule;
  readonly days: number[];
  readonly compensatory: number[];
}

function occurrenceDays(rule: HolidayRule, year: number): number[] {
  const override = rule.yearOverrides[String(year)];
  if (override) return override.map(dayNumberFromIso);
  let days: number[];
  switch (rule.kind) {
    case 'solar':
      days = [toDayNumber({ y: year, m: rule.month, d: rule.day })];
      break;
    case 'lunar':
      days = [dayNumberFromLunar({ year, month: rule.month, day: rule.day, isLeapMonth: false })];
      break;
    case 'lunarNewYear': {
      const tet = lunarNewYearDay(year);
      days = rule.offsets.map((o) => tet + o);
      break;
    }
  }
  const from = dayNumberFromIso(rule.effectiveFrom);
  const to = rule.effectiveTo ? dayNumberFromIso(rule.effectiveTo) : Number.POSITIVE_INFINITY;
  // The occurrence is in force if its main day is; Tết is judged by lunar 1/1.
  const anchor = rule.kind === 'lunarNewYear' ? lunarNewYearDay(year) : days[0]!;
  return anchor >= from && anchor <= to ? days : [];
}

/** What the rules and notices say about one day. */
export interface DayMark {
  readonly isWorkingDay: boolean;
  readonly name?: string;
  readonly source?: 'rule' | 'notice';
  readonly isMakeUpWorkingDay?: boolean;
  readonly decision?: string;
}

/**
 * Marks every day of [firstDay, lastDay] that differs from the plain Monday–Friday week. Days absent from the
 * result are plain weekdays (working) or plain weekend days (not working).
 */
export function markDays(
  fromYear: number,
  toYear: number,
  rules: readonly HolidayRule[],
  notices: readonly CalendarNotice[],
): Map<number, DayMark> {
  const occurrences: Occurrence[] = [];
  const holidayOf = new Map<number, Occurrence>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const rule of rules) {
      const days = occurrenceDays(rule, year);
      if (days.length === 0) continue;
      const occ: Occurrence = { rule, days, compensatory: [] };
      occurrences.push(occ);
      for (const day of days) holidayOf.set(day, occ);
    }
  }
  // Art. 111(3): compensate, in date order, each holiday that falls on a Saturday or Sunday.
  const compensatoryOf = new Map<number, Occurrence>();
  const holidayDays = [...holidayOf.keys()].sort((a, b) => a - b);
  for (const day of holidayDays) {
    const occ = holidayOf.get(day)!;
    if (!occ.rule.compensate || !isWeekend(day)) continue;
    let next = day + 1;
    while (isWeekend(next) || holidayOf.has(next) || compensatoryOf.has(next)) next++;
    compensatoryOf.set(next, occ);
    occ.compensatory.push(next);
  }
  // A notice that gives a day off on a rule day supersedes that whole occurrence (and its compensation):
  // the official notice lists every day off for that holiday.
  const superseded = new Set<Occurrence>();
  for (const notice of notices) {
    if (notice.kind !== 'dayOff') continue;
    const day = dayNumberFromIso(notice.date);
    const occ = holidayOf.get(day) ?? compensatoryOf.get(day);
    if (occ) superseded.add(occ);
  }
  const marks = new Map<number, DayMark>();
  for (const occ of occurrences) {
    if (superseded.has(occ)) continue;
    for (const day of occ.days) marks.set(day, { isWorkingDay: false, name: occ.rule.name, source: 'rule' });
    for (const day of occ.compensatory) {
      marks.set(day, { isWorkingDay: false, name: `Nghỉ bù ${occ.rule.name}`, source: 'rule' });
    }
  }
  for (const notice of notices) {
    const day = dayNumberFromIso(notice.date);
    const year = fromDayNumber(day).y;
    if (year < fromYear || year > toYear) continue;
    marks.set(day, {
      isWorkingDay: notice.kind !== 'dayOff',
      name: notice.name,
      source: 'notice',
      isMakeUpWorkingDay: notice.kind === 'makeUpWorkingDay',
      decision: notice.decision,
    });
  }
  return marks;
}

/** One notice line per day of an inclusive ISO range (notices are published as ranges). */
export function noticeRange(
  from: string,
  to: string,
  kind: CalendarNotice['kind'],
  name: string,
  decision: string,
): CalendarNotice[] {
  const result: CalendarNotice[] = [];
  const end = dayNumberFromIso(to);
  for (let day = dayNumberFromIso(from); day <= end; day++) {
    result.push({ date: isoFromDayNumber(day), kind, name, decision });
  }
  return result;
}

/** A maximal run of non-working days that contains a holiday (weekends around it included). */
export interface HolidayBreak {
  readonly from: number;
  readonly to: number;
  /** e.g. "Bỏ qua ngày nghỉ Tết Nguyên Đán 25/01–02/02/2025". */
  readonly label: string;
}

/**
 * The precomputed working-day table. Days are Julian day numbers; `offset = jdn - firstDay`.
 * rank[i] = number of working days strictly before offset i, so "the n-th working day after" and "working
 * days between" are array look-ups.
 */
export interface WorkingCalendar {
  readonly fromYear: number;
  readonly toYear: number;
  readonly firstDay: number;
  readonly lastDay: number;
  readonly isWorking: Uint8Array;
  readonly rank: Int32Array;
  readonly workingOffsets: Int32Array;
  readonly names: readonly (string | undefined)[];
  /** 0 = none, 1 = rule, 2 = notice. */
  readonly sources: Uint8Array;
  readonly makeUp: Uint8Array;
  readonly breaks: readonly HolidayBreak[];
  readonly breakStarts: Int32Array;
  /** 'dd/mm/yyyy' per offset, precomputed so explanations cost no formatting. */
  readonly viDates: readonly string[];
}

export interface BuildCalendarOptions {
  readonly fromYear: number;
  readonly toYear: number;
  readonly rules?: readonly HolidayRuleInput[];
  readonly notices: readonly CalendarNotice[];
}

function rangeLabel(from: number, to: number): string {
  if (from === to) return viFromDayNumber(from);
  const a = viFromDayNumber(from);
  const b = viFromDayNumber(to);
  return a.slice(6) === b.slice(6) ? `${a.slice(0, 5)}–${b}` : `${a}–${b}`;
}

/** Builds the working calendar for whole years fromYear..toYear (rules first, notices on top). */
export function buildCalendar(options: BuildCalendarOptions): WorkingCalendar {
  const { fromYear, toYear } = options;
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`Khoảng năm không hợp lệ: ${fromYear}–${toYear}`);
  }
  if (!options.rules && fromYear < DEFAULT_RULES_FROM_YEAR) {
    throw new RangeError(`Quy tắc ngày nghỉ mặc định chỉ áp dụng từ năm ${DEFAULT_RULES_FROM_YEAR}`);
  }
  const rules = options.rules ? options.rules.map((r) => HolidayRule.parse(r)) : DEFAULT_HOLIDAY_RULES;
  const notices = options.notices.map((n) => CalendarNotice.parse(n));
  const marks = markDays(fromYear, toYear, rules, notices);
  const firstDay = toDayNumber({ y: fromYear, m: 1, d: 1 });
  const lastDay = toDayNumber({ y: toYear, m: 12, d: 31 });
  const size = lastDay - firstDay + 1;
  const isWorking = new Uint8Array(size);
  const rank = new Int32Array(size + 1);
  const sources = new Uint8Array(size);
  const makeUp = new Uint8Array(size);
  const names: (string | undefined)[] = new Array(size).fill(undefined);
  const viDates: string[] = new Array(size);
  const working: number[] = [];
  for (let i = 0; i < size; i++) {
    const day = firstDay + i;
    const mark = marks.get(day);
    const works = mark ? mark.isWorkingDay : !isWeekend(day);
    isWorking[i] = works ? 1 : 0;
    rank[i + 1] = rank[i]! + (works ? 1 : 0);
    if (works) working.push(i);
    if (mark) {
      names[i] = mark.name;
      sources[i] = mark.source === 'notice' ? 2 : 1;
      makeUp[i] = mark.isMakeUpWorkingDay ? 1 : 0;
    }
    viDates[i] = viFromDayNumber(day);
  }
  const breaks: HolidayBreak[] = [];
  for (let i = 0; i < size; ) {
    if (isWorking[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < size && !isWorking[j + 1]) j++;
    const runNames: string[] = [];
    for (let k = i; k <= j; k++) {
      const name = names[k];
      if (name && !runNames.includes(name)) runNames.push(name);
    }
    if (runNames.length > 0) {
      // "Nghỉ bù X" adds nothing to the label when X itself is in the same break.
      const main = runNames.filter((n) => !(n.startsWith('Nghỉ bù ') && runNames.includes(n.slice(8))));
      // "Nghỉ bù …" names already say "nghỉ": avoid "ngày nghỉ Nghỉ bù …".
      const said = main.every((n) => /^nghỉ /iu.test(n));
      const what = said
        ? main.map((n) => n.charAt(0).toLowerCase() + n.slice(1)).join(', ')
        : main.join(', ');
      const label = `Bỏ qua ${said ? '' : 'ngày nghỉ '}${what} ${rangeLabel(firstDay + i, firstDay + j)}`;
      breaks.push({ from: firstDay + i, to: firstDay + j, label });
    }
    i = j + 1;
  }
  return {
    fromYear,
    toYear,
    firstDay,
    lastDay,
    isWorking,
    rank,
    workingOffsets: Int32Array.from(working),
    names,
    sources,
    makeUp,
    breaks,
    breakStarts: Int32Array.from(breaks.map((b) => b.from)),
    viDates,
  };
}

/** What the calendar says about one ISO date. */
export function describeDay(
  cal: WorkingCalendar,
  iso: string,
): { isWorkingDay: boolean; name?: string; source?: 'rule' | 'notice'; isMakeUpWorkingDay: boolean } {
  const i = dayNumberFromIso(iso) - cal.firstDay;
  if (i < 0 || i >= cal.isWorking.length) {
    throw new RangeError(`Lịch làm việc chỉ có dữ liệu năm ${cal.fromYear}–${cal.toYear}`);
  }
  const name = cal.names[i];
  const source = cal.sources[i] === 2 ? 'notice' : cal.sources[i] === 1 ? 'rule' : undefined;
  return {
    isWorkingDay: cal.isWorking[i] === 1,
    isMakeUpWorkingDay: cal.makeUp[i] === 1,
    ...(name ? { name } : {}),
    ...(source ? { source } : {}),
  };
}
