import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords } from './amount-words.ts';

/** Reads the words back (test oracle): digits, trăm/mươi/mười/linh, nghìn/triệu/tỷ. */
function readBack(text: string): number {
  const digits: Record<string, number> = {
    không: 0,
    một: 1,
    mốt: 1,
    hai: 2,
    ba: 3,
    bốn: 4,
    tư: 4,
    năm: 5,
    lăm: 5,
    sáu: 6,
    bảy: 7,
    tám: 8,
    chín: 9,
  };
  let billions = 0;
  let below = 0;
  let group = 0;
  let pending: number | undefined;
  const flush = () => {
    group += pending ?? 0;
    pending = undefined;
  };
  for (const w of text.split(' ')) {
    if (w in digits) {
      if (pending !== undefined) throw new Error(`two digits in a row in "${text}"`);
      pending = digits[w];
    } else if (w === 'trăm') {
      group += (pending ?? Number.NaN) * 100;
      pending = undefined;
    } else if (w === 'mươi') {
      group += (pending ?? Number.NaN) * 10;
      pending = undefined;
    } else if (w === 'mười') group += 10;
    else if (w === 'linh') continue;
    else if (w === 'nghìn' || w === 'triệu') {
      flush();
      below += group * (w === 'nghìn' ? 1000 : 1_000_000);
      group = 0;
    } else if (w === 'tỷ') {
      flush();
      billions = (billions + below + group) * 1_000_000_000;
      below = 0;
      group = 0;
    } else throw new Error(`unknown word "${w}" in "${text}"`);
  }
  flush();
  return billions + below + group;
}

describe('amounts in Vietnamese words', () => {
  it.each([
    [0, 'không'],
    [1, 'một'],
    [4, 'bốn'],
    [5, 'năm'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [115, 'một trăm mười lăm'],
    [1_000, 'một nghìn'],
    [1_005, 'một nghìn không trăm linh năm'],
    [1_010, 'một nghìn không trăm mười'],
    [5_000, 'năm nghìn'],
    [15_500, 'mười lăm nghìn năm trăm'],
    [120_000, 'một trăm hai mươi nghìn'],
    [1_000_005, 'một triệu không trăm linh năm'],
    [1_250_000, 'một triệu hai trăm năm mươi nghìn'],
    [21_041_000, 'hai mươi mốt triệu không trăm bốn mươi mốt nghìn'],
    [1_000_000_000, 'một tỷ'],
    [2_000_000_005, 'hai tỷ không trăm linh năm'],
    [10_000_000_000, 'mười tỷ'],
    [1_000_000_000_000, 'một nghìn tỷ'],
    [
      9_999_999_999_999,
      'chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín',
    ],
  ])('%d → %s', (n, text) => {
    expect(numberInWords(n)).toBe(text);
  });

  it('writes a receipt amount with a capital letter and "đồng"', () => {
    expect(amountInWords(120_000)).toBe('Một trăm hai mươi nghìn đồng');
    expect(amountInWords(5_000)).toBe('Năm nghìn đồng');
    expect(amountInWords(0)).toBe('Không đồng');
  });

  it('reads back to the same number, with single spaces, for any safe integer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.maxSafeNat()), (n) => {
        const text = numberInWords(n);
        expect(text).toMatch(/^\S+( \S+)*$/);
        expect(readBack(text)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not a non-negative safe integer', () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) expect(() => numberInWords(bad)).toThrow(RangeError);
  });
});
