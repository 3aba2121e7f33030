import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** The first message per field path (`grants.0.agencyId`), to put under the matching input. */
export const fieldErrors = (error: z.ZodError): FieldErrors => {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    out[key] ??= issue.message;
  }
  return out;
};

/** Optional text inputs send `null` when left empty, so the schema's `nullish()` applies. */
export const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value);

/** Field messages from a problem response (`errors[].path` is dotted, like the zod paths above). */
export const problemFieldErrors = (errors: readonly { path: string; message: string }[]): FieldErrors => {
  const out: FieldErrors = {};
  for (const e of errors) out[e.path.replace(/^\//, '').replaceAll('/', '.')] ??= e.message;
  return out;
};
