import { describe, expect, it } from 'vitest';
import { scoreServiceIndex, serviceIndexRulesOn } from './service-index.ts';
import { SERVICE_INDEX_RULES, type ServiceIndexRules } from './service-index-rules.ts';

const rules = serviceIndexRulesOn('2026-03-31');
const indicator = (r: ReturnType<typeof scoreServiceIndex>, key: string) =>
  r.groups.flatMap((g) => g.indicators).find((i) => i.key === key)!;

describe('Decision 766 rules as dated data', () => {
  it('six groups with the maxima 18/20/12/10/22/18, each the sum of its indicators, 100 in all', () => {
    expect(rules.groups.map((g) => [g.key, g.max])).toEqual([
      ['transparency', 18],
      ['progress', 20],
      ['online', 12],
      ['payment', 10],
      ['digitisation', 22],
      ['satisfaction', 18],
    ]);
    for (const g of rules.groups) expect(g.indicators.reduce((s, i) => s + i.max, 0)).toBe(g.max);
    for (const table of SERVICE_INDEX_RULES) expect(table.groups.reduce((s, g) => s + g.max, 0)).toBe(100);
  });

  it('a later decision replaces the rules from its own date; before the first there are none', () => {
    const later: ServiceIndexRules = { ...rules, validFrom: '2027-01-01', decision: 'Quyết định mới' };
    const table = [...SERVICE_INDEX_RULES, later];
    expect(serviceIndexRulesOn('2026-12-31', table).decision).toBe(rules.decision);
    expect(serviceIndexRulesOn('2027-01-01', table).decision).toBe('Quyết định mới');
    expect(() => serviceIndexRulesOn('2022-06-22')).toThrow(RangeError);
  });
});

describe('scoring each indicator', () => {
  const all = {
    resolvedInTime: { numerator: 2350, denominator: 2365 },
    proceduresOnline: { numerator: 20, denominator: 27 },
    proceduresUsedOnline: { numerator: 5, denominator: 20 },
    dossiersOnline: { numerator: 6355, denominator: 6612 },
    paymentsOnline: { numerator: 3, denominator: 4 },
    dossiersDigitised: { numerator: 1, denominator: 2 },
    resultsElectronic: { numerator: 0, denominator: 10 },
    ratingsSatisfied: { numerator: 9, denominator: 10 },
  };
  const r = scoreServiceIndex(rules, all);

  it.each([
    ['2.1', 19.87], // 20 × 2350/2365 = 19.873…
    ['3.1', 2.96], // 4 × 20/27
    ['3.2', 1],
    ['3.3', 3.84], // 4 × 96,11 %
    ['4.1', 7.5],
    ['5.1', 4],
    ['5.2', 0],
    ['6.3', 5.4],
  ])('%s scores max × numerator / denominator → %s', (key, points) => {
    expect(indicator(r, key)).toMatchObject({ status: 'scored', points });
  });

  it.each(['1.1', '1.2', '1.3', '5.3', '6.1', '6.2'])(
    '%s: "Chưa có dữ liệu", no points, no invented ratio',
    (key) => {
      expect(indicator(r, key)).toMatchObject({
        status: 'noData',
        numerator: null,
        denominator: null,
        points: null,
      });
    },
  );

  it('the total adds the scored indicators and says how much they could have given', () => {
    expect(r.points).toBe(44.57); // 19,87 + 2,96 + 1 + 3,84 + 7,5 + 4 + 0 + 5,4
    expect(r.scoredMax).toBe(20 + 12 + 10 + 16 + 6);
    expect(r.max).toBe(100);
    expect(r.groups.find((g) => g.key === 'transparency')!.points).toBe(0);
  });

  it('nothing to count is "Không phát sinh": no points, not zero out of zero', () => {
    const none = scoreServiceIndex(rules, { resolvedInTime: { numerator: 0, denominator: 0 } });
    expect(indicator(none, '2.1')).toMatchObject({ status: 'notApplicable', points: null, denominator: 0 });
    expect(indicator(none, '3.3')).toMatchObject({ status: 'noData' });
    expect(none.scoredMax).toBe(0);
  });

  it('a numerator above its denominator is a bug in the counts, not a score above the maximum', () => {
    expect(() => scoreServiceIndex(rules, { dossiersOnline: { numerator: 5, denominator: 4 } })).toThrow(
      RangeError,
    );
  });
});
