import { z } from 'zod';

/** Every text a person typed is stored in Unicode NFC: decomposed Vietnamese renders with misplaced marks. */
export const nfc = (s: string): string => s.normalize('NFC').trim();

/** A trimmed, NFC-normalised, non-empty string of at most `max` characters. */
export const Text = (max = 500) =>
  z
    .string()
    // `overwrite`, not `transform`: the schema must also serialise responses (zod encode is bidirectional).
    .overwrite(nfc)
    .min(1, 'Không được để trống')
    .max(max, `Tối đa ${max} ký tự`);

/** ISO calendar date `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');

/** Vietnamese collation for lists shown to people (PGlite has no ICU: "Đức" must sort after "Dũng"). */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export const sortVi = <T>(items: readonly T[], key: (item: T) => string): T[] =>
  [...items].sort((a, b) => viCollator.compare(key(a), key(b)));

/**
 * Folds Vietnamese for matching what people type without marks: "Đăng ký khai sinh" → "dang ky khai sinh"
 * (the same folding as the database's `immutable_unaccent(lower(…))`).
 */
export const foldVi = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
