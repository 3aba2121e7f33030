import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  CalendarNotice,
  DEFAULT_HOLIDAY_RULES,
  describeDay,
  type HolidayRuleInput,
  noticeRange,
} from './holidays.ts';
import { NOTICES_2025, OFFICIAL_NOTICES } from './notices-data.ts';
import { describeYear } from './year.ts';

const defaults = buildCalendar({ fromYear: 2020, toYear: 2027, notices: [] });
const official = buildCalendar({ fromYear: 2024, toYear: 2027, notices: OFFICIAL_NOTICES });

const offDays = (cal: typeof defaults, from: string, to: string): string[] => {
  const out: string[] = [];
  const start = new Date(`${from}T00:00:00Z`).getTime();
  const end = new Date(`${to}T00:00:00Z`).getTime();
  for (let t = start; t <= end; t += 86_400_000) {
    const iso = new Date(t).toISOString().slice(0, 10);
    if (!describeDay(cal, iso).isWorkingDay) out.push(iso);
  }
  return out;
};

describe('default rules (Labour Code art. 112, compensation art. 111(3))', () => {
  it('gives Tết 2025 as 30 Tết + mùng 1–4 with a compensatory Monday for Saturday 01/02', () => {
    expect(offDays(defaults, '2025-01-24', '2025-02-04')).toEqual([
      '2025-01-25',
      '2025-01-26',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
    ]);
    expect(describeDay(defaults, '2025-02-03')).toMatchObject({
      name: 'Nghỉ bù Tết Nguyên Đán',
      source: 'rule',
    });
  });

  it('compensates 30/4 (Sat) and 1/5 (Sun) 2022 on Monday 2/5 and Tuesday 3/5', () => {
    expect(offDays(defaults, '2022-04-29', '2022-05-04')).toEqual([
      '2022-04-30',
      '2022-05-01',
      '2022-05-02',
      '2022-05-03',
    ]);
  });

  it('compensates Hùng Kings 2026 (Sunday 26/4) on Monday 27/4', () => {
    expect(describeDay(defaults, '2026-04-26')).toMatchObject({
      name: 'Giỗ Tổ Hùng Vương',
      isWorkingDay: false,
    });
    expect(describeDay(defaults, '2026-04-27')).toMatchObject({ name: 'Nghỉ bù Giỗ Tổ Hùng Vương' });
    expect(describeDay(defaults, '2026-04-28').isWorkingDay).toBe(true);
  });

  it('adds the 2/9 adjacent day only from 2021 (Labour Code 2019)', () => {
    expect(describeDay(defaults, '2020-09-01').isWorkingDay).toBe(true);
    expect(describeDay(defaults, '2020-09-02').isWorkingDay).toBe(false);
    expect(describeDay(defaults, '2021-09-01').isWorkingDay).toBe(false);
  });

  it('lets a year override the adjacent day (2/9/2024 Monday + 3/9 Tuesday)', () => {
    const rules: HolidayRuleInput[] = DEFAULT_HOLIDAY_RULES.map((r) =>
      r.id === 'national-day-adjacent' ? { ...r, yearOverrides: { '2024': ['2024-09-03'] } } : r,
    );
    const cal = buildCalendar({ fromYear: 2024, toYear: 2024, rules, notices: [] });
    expect(offDays(cal, '2024-08-30', '2024-09-04')).toEqual([
      '2024-08-31',
      '2024-09-01',
      '2024-09-02',
      '2024-09-03',
    ]);
    // With the default 1/9 (a Sunday) the compensation lands on Tuesday 3/9 instead.
    expect(describeDay(buildCalendar({ fromYear: 2024, toYear: 2024, notices: [] }), '2024-09-03').name).toBe(
      'Nghỉ bù Quốc khánh (ngày liền kề)',
    );
  });

  it('lets Tết be configured as data (two days before lunar 1/1 to mùng 3)', () => {
    const rules = DEFAULT_HOLIDAY_RULES.map((r) =>
      r.kind === 'lunarNewYear' ? { ...r, offsets: [-2, -1, 0, 1, 2] } : r,
    );
    const cal = buildCalendar({ fromYear: 2026, toYear: 2026, rules, notices: [] });
    // 15/02/2026 is a Sunday: compensated on Friday 20/02, the first weekday that is not a holiday.
    expect(describeDay(cal, '2026-02-15')).toMatchObject({ name: 'Tết Nguyên Đán', isWorkingDay: false });
    expect(describeDay(cal, '2026-02-20')).toMatchObject({
      name: 'Nghỉ bù Tết Nguyên Đán',
      isWorkingDay: false,
    });
    expect(describeDay(cal, '2026-02-13').isWorkingDay).toBe(true);
    expect(describeDay(cal, '2026-02-23').isWorkingDay).toBe(true);
  });

  it('refuses years before the modelled law', () => {
    expect(() => buildCalendar({ fromYear: 2010, toYear: 2012, notices: [] })).toThrow(RangeError);
  });
});

describe('official notices win over rules', () => {
  it('Tết 2025: off Sat 25/01 – Sun 02/02, and the default compensatory 03/02 is superseded', () => {
    expect(offDays(official, '2025-01-24', '2025-02-04')).toEqual([
      '2025-01-25',
      '2025-01-26',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
    ]);
    expect(describeDay(official, '2025-01-27')).toMatchObject({ source: 'notice', name: 'Tết Nguyên Đán' });
  });

  it('30/4 – 1/5/2025: off 30/04–04/05, Saturday 26/04 is a make-up working day', () => {
    expect(offDays(official, '2025-04-25', '2025-05-05')).toEqual([
      '2025-04-27',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-05-03',
      '2025-05-04',
    ]);
    expect(describeDay(official, '2025-04-26')).toMatchObject({
      isWorkingDay: true,
      isMakeUpWorkingDay: true,
    });
  });

  it('2/9/2025: off Sat 30/08 – Tue 02/09', () => {
    expect(offDays(official, '2025-08-29', '2025-09-03')).toEqual([
      '2025-08-30',
      '2025-08-31',
      '2025-09-01',
      '2025-09-02',
    ]);
  });

  it('a workingDay notice cancels a default holiday', () => {
    const notices = [
      { date: '2026-09-01', kind: 'workingDay', name: 'Làm việc', decision: 'TB thử' } as const,
    ];
    const cal = buildCalendar({ fromYear: 2026, toYear: 2026, notices });
    expect(describeDay(cal, '2026-09-01').isWorkingDay).toBe(true);
    expect(describeDay(cal, '2026-09-02').isWorkingDay).toBe(false);
  });

  it('validates notices with zod', () => {
    expect(CalendarNotice.safeParse(NOTICES_2025[0]).success).toBe(true);
    expect(
      CalendarNotice.safeParse({ date: '25/01/2025', kind: 'dayOff', name: 'x', decision: 'y' }).success,
    ).toBe(false);
    expect(
      CalendarNotice.safeParse({ date: '2025-01-25', kind: 'holiday', name: 'x', decision: 'y' }).success,
    ).toBe(false);
    const impossible = { date: '2025-02-30', kind: 'dayOff', name: 'x', decision: 'y' } as const;
    expect(() => buildCalendar({ fromYear: 2025, toYear: 2025, notices: [impossible] })).toThrow(RangeError);
    expect(noticeRange('2025-01-31', '2025-02-01', 'dayOff', 'x', 'y').map((n) => n.date)).toEqual([
      '2025-01-31',
      '2025-02-01',
    ]);
  });
});

describe('describeYear (CLI contract)', () => {
  it('prints 2026 exactly', () => {
    const json = JSON.stringify(describeYear(official, 2026));
    expect(
      json.startsWith('{"year":2026,"lunarNewYear":"2026-02-17","hungKings":"2026-04-26","holidays":['),
    ).toBe(true);
    const year = describeYear(official, 2026);
    expect(year.holidays.slice(0, 2)).toEqual([
      { date: '2026-01-01', name: 'Tết Dương lịch', source: 'rule' },
      { date: '2026-02-14', name: 'Tết Nguyên Đán', source: 'notice' },
    ]);
    expect(year.holidays.map((h) => h.date).slice(10)).toEqual([
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
    expect(json.endsWith(',"makeUpWorkingDays":[]}')).toBe(true);
  });

  it('lists 2025 make-up working days', () => {
    expect(describeYear(official, 2025).makeUpWorkingDays).toEqual(['2025-04-26']);
    expect(describeYear(official, 2025).hungKings).toBe('2025-04-07');
  });
});
