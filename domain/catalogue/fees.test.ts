import { describe, expect, it } from 'vitest';
import { SEED_CATALOGUE } from '../../data/catalogue/index.ts';
import { CatalogueEntry } from './entry.ts';
import { computeFee, Fee } from './fees.ts';

const version = (code: string) =>
  CatalogueEntry.parse(SEED_CATALOGUE.find((e) => e.procedure.nationalCode === code)).version;

describe('computeFee — certification by the page (Thông tư 226/2016/TT-BTC)', () => {
  const copy = version('2.000815');

  it('1 copy of 5 pages = 2,000 + 2,000 + 1,000 + 1,000 + 1,000 = 7,000 đồng', () => {
    const r = computeFee(copy, { channel: 'direct', pages: 5 });
    expect(r.total).toBe(7000);
    expect(r.lines[0]?.explanation).toBe('2 trang × 2.000 đồng + 3 trang × 1.000 đồng');
  });

  it('1 and 2 pages cost 2,000 đồng each; 3 copies of 3 pages = 3 × 5,000', () => {
    expect(computeFee(copy, { channel: 'direct', pages: 1 }).total).toBe(2000);
    expect(computeFee(copy, { channel: 'direct', pages: 2 }).total).toBe(4000);
    expect(computeFee(copy, { channel: 'direct', pages: 3, copies: 3 }).total).toBe(15_000);
  });

  it('caps a copy at 200,000 đồng (198 pages = 200,000; 500 pages still 200,000; two copies 400,000)', () => {
    expect(computeFee(copy, { channel: 'direct', pages: 198 }).total).toBe(200_000);
    expect(computeFee(copy, { channel: 'direct', pages: 197 }).total).toBe(199_000);
    const big = computeFee(copy, { channel: 'direct', pages: 500 });
    expect(big.total).toBe(200_000);
    expect(big.lines[0]?.explanation).toContain('áp mức tối đa 200.000 đồng/bản');
    expect(computeFee(copy, { channel: 'direct', pages: 500, copies: 2 }).total).toBe(400_000);
  });

  it('needs the page count', () => {
    expect(() => computeFee(copy, { channel: 'direct' })).toThrow(/số trang/);
  });
});

describe('computeFee — per case, per copy, online amounts, exemptions', () => {
  it('signature certification is 10,000 đồng per case; a contract 50,000', () => {
    expect(computeFee(version('2.000884'), { channel: 'direct' }).total).toBe(10_000);
    expect(computeFee(version('2.001035'), { channel: 'direct' }).total).toBe(50_000);
  });

  it('permanent residence costs 20,000 at the desk and 10,000 online; postal pays the direct amount', () => {
    const v = version('1.004222');
    expect(computeFee(v, { channel: 'direct' }).total).toBe(20_000);
    expect(computeFee(v, { channel: 'online' }).total).toBe(10_000);
    expect(computeFee(v, { channel: 'postal' }).total).toBe(20_000);
    expect(computeFee(v, { channel: 'direct', exempt: true }).total).toBe(0);
  });

  it('birth registration on time is free', () => {
    expect(computeFee(version('1.001193'), { channel: 'online' })).toEqual({ total: 0, lines: [] });
  });

  it('charges extract copies per copy', () => {
    expect(computeFee(version('2.000635'), { channel: 'direct', copies: 3 }).total).toBe(24_000);
  });

  it('applies a conditional item only when selected, and a minimum per copy', () => {
    const fees = [
      Fee.parse({ key: 'base', name: 'Lệ phí', per: 'case', amount: 5000 }),
      Fee.parse({
        key: 'late',
        name: 'Lệ phí quá hạn',
        per: 'case',
        amount: 8000,
        condition: 'Đăng ký quá hạn',
      }),
      Fee.parse({
        key: 'pages',
        name: 'Phí trang',
        per: 'page',
        tiers: [{ fromPage: 1, amount: 500 }],
        minPerCopy: 3000,
      }),
    ];
    expect(computeFee({ fees }, { channel: 'direct', pages: 2 }).total).toBe(5000 + 3000);
    expect(computeFee({ fees }, { channel: 'direct', pages: 10, conditions: ['late'] }).total).toBe(
      5000 + 8000 + 5000,
    );
  });

  it('rejects malformed fee data', () => {
    expect(Fee.safeParse({ key: 'x', name: 'X', per: 'case', amount: 1.5 }).success).toBe(false);
    expect(
      Fee.safeParse({ key: 'x', name: 'X', per: 'page', tiers: [{ fromPage: 2, amount: 1 }] }).success,
    ).toBe(false);
    expect(
      Fee.safeParse({
        key: 'x',
        name: 'X',
        per: 'page',
        tiers: [{ fromPage: 1, amount: 1 }],
        minPerCopy: 10,
        maxPerCopy: 5,
      }).success,
    ).toBe(false);
  });
});
