/** Vietnamese text helpers without schemas (the portal's first load uses them; zod stays out of it). */

/** Every text a person typed is stored in Unicode NFC: decomposed Vietnamese renders with misplaced marks. */
export const nfc = (s: string): string => s.normalize('NFC').trim();

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
