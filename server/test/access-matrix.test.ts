/**
 * The access matrix (issue 8 §3): every route of the OpenAPI document × every kind of caller — anonymous, the
 * citizen who owns the target dossier, another citizen, each staff role granted at the province, at commune A (the
 * target's) and at commune B — against real targets in commune A, checked against the hand-written EXPECTED table
 * (server/test/access-expected.ts). A route of the document without an expectation fails the test.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT } from '../modules/payments/payments.testing.ts';
import { AUDIENCE } from '../plugins/audience.ts';
import { EXPECTED, type Expectation } from './access-expected.ts';
import {
  ACTORS,
  type AccessWorld,
  accessWorld,
  OWNER_EMAIL,
  OWNER_PASSWORD,
  type Session,
  type Who,
  whoName,
} from './access-world.ts';
import { makeTestApp, type TestApp } from './harness.ts';
import { arbitraryOf } from './json-schema-arbitrary.ts';
import { type ApiRoute, apiRoutes, fillPath } from './openapi-routes.ts';

let t: TestApp;
let w: AccessWorld;
let routes: Map<string, ApiRoute>;
let cells = 0;
let n = 0;

beforeAll(async () => {
  t = await makeTestApp({
    payment: ACCOUNT,
    sessionHours: 24 * 365,
    loginRatePerMinute: 100_000,
    trackingRatePerMinute: 100_000,
    citizenCodeRatePerMinute: 100_000,
    citizenConfirmRatePerMinute: 100_000,
  });
  w = await accessWorld(t);
  routes = new Map(apiRoutes(t.app).map((r) => [r.key, r]));
}, 120_000);
afterAll(async () => {
  console.log(`access matrix: ${routes.size} routes × ${ACTORS.length} callers = ${cells} requests checked`);
  await t.close();
});

/** One value the schema accepts, the same on every run. */
const sampleOf = (schema: Parameters<typeof arbitraryOf>[0]) =>
  fc.sample(arbitraryOf(schema), { numRuns: 1, seed: 8 })[0];

/** A session of its own for routes that end it (the caller's main session stays for the other routes). */
async function freshSession(who: Who): Promise<Session | undefined> {
  if (who.kind === 'anonymous') return undefined;
  if (who.kind === 'citizen' && who.owner) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/citizen/sign-in',
      payload: { identifier: OWNER_EMAIL, password: OWNER_PASSWORD },
    });
    return {
      cookie: res.cookies.find((c) => c.name === 'motcua_session')!.value,
      csrf: res.json().csrfToken,
    };
  }
  const c = await t.login(
    who.kind === 'citizen' ? 'cd.khac' : `${who.role.toLowerCase()}.${who.at.toLowerCase()}`,
  );
  return { cookie: c.cookie, csrf: c.csrf };
}

async function call(
  route: ApiRoute,
  e: Expectation,
  who: Who,
  index: number,
): Promise<LightMyRequestResponse> {
  n++;
  const session = e.endsSession ? await freshSession(who) : w.sessions.get(whoName(who));
  const params = e.params?.(w) ?? {};
  const query =
    e.query?.(w) ??
    Object.fromEntries(
      Object.entries(route.query)
        .filter(([, q]) => q.required)
        .map(([name, q]) => [name, String(sampleOf(q.schema))]),
    );
  const qs = new URLSearchParams(query).toString();
  const headers: Record<string, string> = {};
  let payload: string | Buffer | undefined;
  const raw = e.raw?.();
  if (raw) {
    headers['content-type'] = raw.type;
    payload = raw.payload;
  } else if (e.body || route.body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(e.body ? e.body(w, n, who) : sampleOf(route.body!));
  }
  if (session && route.method !== 'GET') headers['x-csrf-token'] = session.csrf;
  return t.app.inject({
    method: route.method,
    url: `${fillPath(route.path, params)}${qs ? `?${qs}` : ''}`,
    headers,
    payload,
    cookies: session ? { motcua_session: session.cookie } : {},
    // Rate limits are per client address: each caller has its own.
    remoteAddress: `10.8.${index}.1`,
  });
}

/** What is wrong with one cell of the matrix (undefined: as expected). */
function judge(e: Expectation, who: Who, res: LightMyRequestResponse): string | undefined {
  const status = res.statusCode;
  if (status >= 500) return `${status} ${res.body.slice(0, 200)}`;
  if (e.allow(who)) {
    if (status === 401 || status === 403) return `allowed but refused: ${status} ${res.body.slice(0, 200)}`;
    if (e.ok && !e.ok.includes(status))
      return `allowed: expected ${e.ok.join('/')}, got ${status} ${res.body.slice(0, 200)}`;
    return undefined;
  }
  if (![401, 403, 404].includes(status)) return `must be refused, got ${status} ${res.body.slice(0, 200)}`;
  if (who.kind === 'anonymous' && status !== 401) return `anonymous: expected 401, got ${status}`;
  if (!String(res.headers['content-type']).includes('application/problem+json'))
    return 'refusal is not problem+json';
  return undefined;
}

// Routes that end sessions run after all the others.
const order = Object.keys(EXPECTED).sort(
  (a, b) => Number(!!EXPECTED[a]!.endsSession) - Number(!!EXPECTED[b]!.endsSession),
);

describe('access matrix', () => {
  it('every route of the OpenAPI document has an expectation here and an audience in the gate', () => {
    const keys = [...routes.keys()];
    expect(
      keys.filter((k) => !EXPECTED[k]),
      'routes missing from EXPECTED',
    ).toEqual([]);
    expect(
      keys.filter((k) => !AUDIENCE[k]),
      'routes missing from the audience gate',
    ).toEqual([]);
    expect(
      Object.keys(EXPECTED).filter((k) => !routes.has(k)),
      'EXPECTED names no such route',
    ).toEqual([]);
    expect(
      Object.keys(AUDIENCE).filter((k) => !routes.has(k)),
      'the gate names no such route',
    ).toEqual([]);
  });

  for (const key of order) {
    it(key, async () => {
      const route = routes.get(key);
      if (!route) return; // reported by the first test
      const e = EXPECTED[key]!;
      const wrong: string[] = [];
      for (const [index, who] of ACTORS.entries()) {
        await e.prepare?.(w);
        const res = await call(route, e, who, index);
        cells++;
        const why = judge(e, who, res);
        if (why) wrong.push(`${whoName(who)}: ${why}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('the audience gate answers before the body is validated', () => {
  const junk = JSON.stringify({ zz: ['not', 'a', 'valid', 'body'] });
  it('anonymous callers get 401, citizens on staff routes and staff on citizen routes get 403', async () => {
    const wrong: string[] = [];
    for (const route of routes.values()) {
      const audience = AUDIENCE[route.key];
      if (!route.body || !audience || audience === 'public') continue;
      const url = fillPath(route.path, { id: w.d1.id, code: w.d1.code, fileId: w.d1.fileId, year: '2026' });
      const tries: [string, number][] = [['anonymous', 401]];
      if (audience !== 'signedIn')
        tries.push([audience === 'citizen' ? 'deskOfficer@communeA' : 'owner', 403]);
      for (const [name, want] of tries) {
        const s = w.sessions.get(name);
        const res = await t.app.inject({
          method: route.method,
          url,
          headers: { 'content-type': 'application/json', ...(s ? { 'x-csrf-token': s.csrf } : {}) },
          cookies: s ? { motcua_session: s.cookie } : {},
          payload: junk,
        });
        if (res.statusCode !== want) wrong.push(`${route.key} as ${name}: ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('citizens only ever see their own dossiers', () => {
  it('another citizen: no trace of the owner’s dossiers, and their ids answer like unknown ids', async () => {
    const other = w.session('otherCitizen');
    const mine = (await other.get('/api/my/dossiers')).json().items as { id: string }[];
    expect(mine.map((d) => d.id)).not.toContain(w.d1.id);
    expect(mine.map((d) => d.id)).not.toContain(w.d2.id);
    const theirs = await other.get(`/api/dossiers/${w.d1.id}`);
    const unknown = await other.get('/api/dossiers/00000000-0000-4000-8000-000000000000');
    expect([theirs.statusCode, theirs.json().code]).toEqual([404, 'NOT_FOUND']);
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'NOT_FOUND']);
    const owner = w.session('owner');
    const own = (await owner.get('/api/my/dossiers')).json().items as { id: string }[];
    expect(own.map((d) => d.id)).toEqual(expect.arrayContaining([w.d1.id, w.d2.id]));
  });
});
