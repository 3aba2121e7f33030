import { z } from 'zod';
import { nfc } from './vi.ts';

// The plain text helpers live in vi.ts (no zod: the web's first load imports them).
export { foldVi, nfc, sortVi, viCollator } from './vi.ts';

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
