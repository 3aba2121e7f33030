import { describe, expect, it } from 'vitest';
import { foldVi } from '../shared/text.ts';
import { type ListedProcedure, ListingQuery, searchListing, summariseParts, toListed } from './listing.ts';

const line = (
  code: string,
  name: string,
  sector: [string, string],
  extra: Partial<{ online: 'full' | 'none' }> = {},
) =>
  toListed(
    summariseParts(
      { nationalCode: code, name, sector: { code: sector[0], name: sector[1] }, levels: ['commune'] },
      {
        version: 1,
        onlineLevel: extra.online ?? 'full',
        localLimit: { workingDays: 3 },
        legalLimit: { workingDays: 5 },
        feeCount: 0,
        feeNote: undefined,
      },
    ),
    ['commune'],
  );

const hotich: [string, string] = ['HT', 'Hộ tịch'];
const chungthuc: [string, string] = ['CT', 'Chứng thực'];
const all: ListedProcedure[] = [
  line('1.000001', 'Đăng ký lại khai sinh', hotich),
  line('1.001193', 'Đăng ký khai sinh', hotich),
  line('1.000002', 'Đăng ký khai tử', hotich, { online: 'none' }),
  line('2.000815', 'Chứng thực bản sao từ bản chính', chungthuc),
  line('2.000900', 'Chứng thực chữ ký', chungthuc),
];
const search = (q: Record<string, unknown>) => searchListing(all, ListingQuery.parse(q));
const codes = (q: Record<string, unknown>) => search(q).items.map((i) => i.code);

describe('public search of the catalogue', () => {
  it('folds Vietnamese marks and đ the same way as the database', () => {
    expect(foldVi('  Đăng  ký KHAI SINH ')).toBe('dang ky khai sinh');
    expect(foldVi('Chứng thực')).toBe('chung thuc');
  });

  it('matches typed words without marks, in any order, and puts names starting with the text first', () => {
    expect(codes({ q: 'dang ky khai sinh' })).toEqual(['1.001193', '1.000001']);
    expect(codes({ q: 'khai sinh lại' })).toEqual(['1.000001']);
    expect(codes({ q: 'chung thuc' })).toEqual(['2.000815', '2.000900']);
    expect(codes({ q: '2.000815' })).toEqual(['2.000815']);
    expect(codes({ q: 'hộ chiếu' })).toEqual([]);
  });

  it('filters by online level and sector; sector counts describe the matches before the sector filter', () => {
    expect(codes({ onlineLevel: 'none' })).toEqual(['1.000002']);
    const r = search({ q: 'dang ky', sector: 'CT' });
    expect(r.items).toEqual([]);
    expect(r.sectors).toEqual([{ code: 'HT', name: 'Hộ tịch', count: 3 }]);
    expect(search({}).sectors.map((s) => [s.name, s.count])).toEqual([
      ['Chứng thực', 2],
      ['Hộ tịch', 3],
    ]);
  });

  it('pages with a total', () => {
    const first = search({ limit: 2 });
    const second = search({ limit: 2, offset: 2 });
    expect(first.total).toBe(5);
    expect([...first.items, ...second.items].map((i) => i.code)).toEqual(
      all.slice(0, 4).map((p) => p.summary.code),
    );
    expect(search({ level: 'province' }).total).toBe(0);
    expect(search({ agencyKind: 'commune' }).total).toBe(5);
  });
});
