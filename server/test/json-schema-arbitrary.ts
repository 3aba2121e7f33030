/**
 * JSON Schema (as the OpenAPI document writes the zod route schemas) → fast-check arbitraries: `arbitraryOf` draws
 * values the schema accepts (refinements zod keeps to itself aside), `malformedOf` draws values that break it in
 * the ways clients break things — wrong types, missing or unknown fields, huge or odd strings, deep nesting.
 * Test code only.
 */
import fc from 'fast-check';

export type JsonSchema = Readonly<{
  type?: string | readonly string[];
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: readonly unknown[];
  const?: unknown;
  oneOf?: readonly JsonSchema[];
  anyOf?: readonly JsonSchema[];
  allOf?: readonly JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
}>;

/** Strings stay short unless the schema asks for long ones: this is about shapes, not volume. */
const MAX_STRING = 40;
const MAX_ITEMS = 3;

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

function stringOf(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? MAX_STRING, Math.max(MAX_STRING, min)));
  const fits = (v: string) => v.length >= min && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY);
  if (s.format === 'uuid') return fc.uuid({ version: 4 });
  if (s.pattern) {
    const matching = fc.stringMatching(new RegExp(s.pattern)).filter(fits);
    return s.format === 'date-time' ? isoDate : matching;
  }
  switch (s.format) {
    case 'date-time':
      return isoDate;
    case 'date':
      return isoDate.map((d) => d.slice(0, 10));
    case 'email':
      return fc.emailAddress().filter(fits);
    case 'uri':
    case 'url':
      return fc.webUrl().filter(fits);
  }
  return fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }).filter(fits);
}

function numberOf(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo =
    s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : -1e6);
  const hi =
    s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : 1e6);
  const min = Math.max(lo, -1e9);
  const max = Math.min(hi, 1e9);
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function objectOf(s: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) model[k] = arbitraryOf(v);
  const known = fc.record(model, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
  if (typeof s.additionalProperties === 'object' && Object.keys(props).length === 0) {
    return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), arbitraryOf(s.additionalProperties), {
      maxKeys: MAX_ITEMS,
    });
  }
  return known as fc.Arbitrary<Record<string, unknown>>;
}

/** Values the schema accepts. */
export function arbitraryOf(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives) return fc.oneof(...alternatives.map(arbitraryOf));
  if (s.allOf?.length) return arbitraryOf(Object.assign({}, ...s.allOf) as JsonSchema);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => arbitraryOf({ ...s, type })));
  switch (types[0]) {
    case 'string':
      return stringOf(s);
    case 'integer':
      return numberOf(s, true);
    case 'number':
      return numberOf(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const min = s.minItems ?? 0;
      return fc.array(arbitraryOf(s.items ?? {}), {
        minLength: min,
        maxLength: Math.max(min, Math.min(s.maxItems ?? MAX_ITEMS, MAX_ITEMS)),
      });
    }
    case 'object':
      return objectOf(s);
  }
  if (s.properties) return objectOf(s);
  return fc.jsonValue({ maxDepth: 2 });
}

/** Strings that have broken servers: huge, control characters, odd Unicode, SQL and path fragments. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'null',
    'undefined',
    '-1',
    '1e309',
    'NaN',
    "'; drop table dossiers; --",
    '../../../../etc/passwd',
    '..\\..\\x',
    '%00',
    '%',
    '%E0%A4%A',
    '\uD800',
    '\uFEFF',
    'e\u0301\u0301\u0301',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🇻🇳',
    'Nguyễn Văn An',
    '__proto__',
    'constructor',
    '0000-00-00',
    '2026-02-30',
    '9999-12-31T23:59:59.999Z',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => 'ạ'.repeat(n)),
);

/** Any JSON value, wrong more often than right. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), [], {}),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A JSON value nested `depth` levels deep. */
const deep = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** Values that break the schema (and some that happen not to): the fuzzer's malformed inputs. */
export function malformedOf(s: JsonSchema): fc.Arbitrary<unknown> {
  const valid = arbitraryOf(s);
  const mutateObject = valid.chain((v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return junk;
    const keys = Object.keys(v);
    return fc.oneof(
      // Drop a field.
      keys.length ? fc.constantFrom(...keys).map((k) => omit(v as Record<string, unknown>, k)) : junk,
      // Replace a field by junk.
      keys.length
        ? fc.tuple(fc.constantFrom(...keys), junk).map(([k, j]) => ({ ...(v as object), [k]: j }))
        : junk,
      // Add an unknown field (strict schemas refuse it), or a prototype-pollution attempt.
      // A computed key makes `__proto__` an own property, so JSON.stringify sends it.
      fc
        .tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'prototype'), junk)
        .map(([k, j]) => ({ ...(v as object), [k]: j })),
    );
  });
  return fc.oneof(
    { weight: 4, arbitrary: mutateObject },
    { weight: 2, arbitrary: junk },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 2000 }).map(deep) },
    { weight: 1, arbitrary: fc.array(valid, { maxLength: 3 }) },
  );
}

const omit = (o: Record<string, unknown>, k: string) => {
  const { [k]: _dropped, ...rest } = o;
  return rest;
};
