import { describe, expect, it } from 'vitest';
import { zeroCounts } from '../reports/form06.ts';
import { onlineShare, onTimeRate } from './dashboard.ts';
import { daysOf, monthsEnding, periodContaining, periodLabel, vnToday } from './periods.ts';

describe('reporting periods in Vietnam time', () => {
  it('"today" is the Vietnamese calendar day: 17:00 UTC on 31/12 is already 1 January', () => {
    expect(vnToday(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(vnToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('the month, quarter and year holding a day, with their Vietnamese labels', () => {
    expect(periodContaining('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodContaining('month', '2026-12-02')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodContaining('quarter', '2026-08-15')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodContaining('quarter', '2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodContaining('year', '2026-05-05')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(['month', 'quarter', 'year'].map((k) => periodLabel(k as 'month', '2026-11-20'))).toEqual([
      'Tháng 11/2026',
      'Quý IV/2026',
      'Năm 2026',
    ]);
  });

  it('twelve months ending with the month of a day, the last cut at that day, across a year boundary', () => {
    const months = monthsEnding('2026-02-10', 12);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ from: '2025-03-01', to: '2025-03-31', label: '03/2025' });
    expect(months[10]).toEqual({ from: '2026-01-01', to: '2026-01-31', label: '01/2026' });
    expect(months[11]).toEqual({ from: '2026-02-01', to: '2026-02-10', label: '02/2026' });
  });

  it('every day of a period, both ends included', () => {
    expect(daysOf({ from: '2026-02-27', to: '2026-03-02' })).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });
});

describe('rates', () => {
  it('on time over resolved; online over newly received (carried over left out); null with nothing to count', () => {
    const c = { ...zeroCounts(), resolvedEarly: 2000, resolvedOnTime: 350, resolvedLate: 15 };
    expect(onTimeRate(c)).toBeCloseTo(2350 / 2365, 12);
    expect(onTimeRate(zeroCounts())).toBeNull();
    const received = { ...zeroCounts(), receivedOnline: 6355, receivedDirect: 257, carriedOver: 900 };
    expect(onlineShare(received)).toBeCloseTo(0.9611, 4);
    expect(onlineShare({ ...zeroCounts(), carriedOver: 5 })).toBeNull();
  });
});
