/**
 * Random requests for the fuzzer, from the routes of the OpenAPI document: valid ones (drawn from the schemas,
 * with path parameters that name real targets) and malformed ones (broken bodies, broken JSON, the wrong media
 * type, odd path parameters, random query strings, a wrong CSRF token). Test code only.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { arbitraryOf, malformedOf, nastyString } from './json-schema-arbitrary.ts';
import { type ApiRoute, fillPath, wellFormed } from './openapi-routes.ts';

export type Caller = Readonly<{ name: string; cookie?: string; csrf?: string }>;
export type FuzzRequest = Readonly<{ key: string; label: string; options: InjectOptions }>;

/** Real values for path parameters, by name (ids of dossiers, agencies, files… in the world). */
export type Pool = Readonly<Record<string, readonly string[]>>;

const mediaTypes = [
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/pdf',
  'image/png',
  'application/octet-stream',
  'application/json; charset=latin1',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/zip',
];
const brokenJson = [
  '{',
  '{"a":',
  '[1,2',
  'null',
  '',
  '"text"',
  '{"a":1}}',
  '\u0000',
  '{"__proto__":{"x":1}}',
  '1e999',
];

/** Header values must be ASCII: odd text goes in URL-encoded, as a client would have to send it. */
const headerSafe = (s: string) => encodeURIComponent(wellFormed(s)).slice(0, 8000);

const bytes = fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a));

function paramArb(name: string, route: ApiRoute, pool: Pool): fc.Arbitrary<string> {
  const real = pool[name] ?? [];
  const schema = route.params[name];
  const valid = schema ? arbitraryOf(schema).map(String) : fc.string();
  return real.length
    ? fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...real) },
        { weight: 2, arbitrary: valid },
        nastyString,
      )
    : fc.oneof({ weight: 3, arbitrary: valid }, nastyString);
}

function queryArb(route: ApiRoute, pool: Pool, valid: boolean): fc.Arbitrary<string> {
  const entries = Object.entries(route.query).map(([name, q]) => {
    const real = pool[name] ?? [];
    const value = fc.oneof(
      { weight: 4, arbitrary: real.length ? fc.constantFrom(...real) : arbitraryOf(q.schema).map(String) },
      { weight: valid ? 0 : 2, arbitrary: nastyString },
    );
    return fc.option(
      value.map((v) => [name, v] as const),
      { freq: q.required ? 10 : 2 },
    );
  });
  const extra = valid
    ? fc.constant([] as (readonly [string, string])[])
    : fc.array(
        fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'limit', 'x[]', 'a[b]'), fc.string()), nastyString),
        {
          maxLength: 3,
        },
      );
  return fc.tuple(fc.tuple(...entries), extra).map(([known, more]) => {
    const pairs = [...known.filter((p): p is readonly [string, string] => p !== null), ...more];
    return new URLSearchParams(pairs.map(([k, v]): [string, string] => [k, v])).toString();
  });
}

type Body = Readonly<{ type?: string; payload?: string | Buffer; mode: string }>;

function bodyArb(route: ApiRoute, valid: boolean): fc.Arbitrary<Body> {
  if (route.method === 'GET' || route.method === 'DELETE') {
    return valid ? fc.constant({ mode: 'none' }) : fc.oneof(fc.constant({ mode: 'none' }), wrongType);
  }
  const json = (v: unknown, mode: string): Body => ({
    type: 'application/json',
    payload: JSON.stringify(v),
    mode,
  });
  if (valid)
    return route.body ? arbitraryOf(route.body).map((v) => json(v, 'valid')) : fc.constant({ mode: 'none' });
  return fc.oneof(
    {
      weight: 80,
      arbitrary: route.body ? malformedOf(route.body).map((v) => json(v, 'malformed')) : wrongType,
    },
    {
      weight: 20,
      arbitrary: fc
        .constantFrom(...brokenJson)
        .map((p) => ({ type: 'application/json', payload: p, mode: 'brokenJson' })),
    },
    { weight: 40, arbitrary: wrongType },
    // Over the JSON body limit (1 MB by default): refused with 413, never parsed.
    {
      weight: 1,
      arbitrary: fc.constant({
        type: 'application/json',
        payload: `"${'a'.repeat(1_100_000)}"`,
        mode: 'huge',
      }),
    },
  );
}

const wrongType: fc.Arbitrary<Body> = fc
  .tuple(
    fc.constantFrom(...mediaTypes),
    fc.oneof(
      bytes,
      nastyString.map((s) => Buffer.from(s)),
    ),
  )
  .map(([type, payload]) => ({ type, payload, mode: 'wrongType' }));

/** Requests to one route by one caller; `valid` draws only schema-valid parts. */
export function requestArb(route: ApiRoute, callers: readonly Caller[], pool: Pool, valid: boolean) {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const params = fc
    .tuple(...names.map((n) => paramArb(n, route, pool)))
    .map((vs) => Object.fromEntries(vs.map((v, i) => [names[i]!, v])));
  return fc
    .record({
      caller: fc.constantFrom(...callers),
      params,
      query: queryArb(route, pool, valid),
      body: bodyArb(route, valid),
      badCsrf: valid ? fc.constant(false) : fc.integer({ min: 0, max: 9 }).map((i) => i === 0),
      idempotencyKey: fc.option(nastyString.map(headerSafe), { freq: 8 }),
      fileName: fc.option(nastyString.map(headerSafe), { freq: 3 }),
    })
    .map(({ caller, params, query, body, badCsrf, idempotencyKey, fileName }): FuzzRequest => {
      const headers: Record<string, string> = {};
      if (body.type) headers['content-type'] = body.type;
      if (caller.csrf && route.method !== 'GET') headers['x-csrf-token'] = badCsrf ? 'wrong' : caller.csrf;
      if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
      if (fileName !== null) headers['x-file-name'] = fileName;
      const url = `${fillPath(route.path, params)}${query ? `?${query}` : ''}`;
      return {
        key: route.key,
        label: `${caller.name} ${route.method} ${url.slice(0, 300)} [${body.mode}${body.type ? ` ${body.type}` : ''}]`,
        options: {
          method: route.method,
          url,
          headers,
          ...(body.payload !== undefined ? { payload: body.payload } : {}),
          cookies: caller.cookie ? { motcua_session: caller.cookie } : {},
        },
      };
    });
}
