/**
 * Fuzzing (issue 8 §4): schema-driven random and malformed requests against every route of the OpenAPI document,
 * as anonymous callers, a citizen and staff members (with their CSRF token, sometimes a wrong one). No answer may
 * be ≥ 500, no promise may be left rejected, and the heap must stay flat.
 *
 * FUZZ_RUNS sets the number of requests (CI: the default; `npm run test:reliability`: 100 000), FUZZ_SEED the seed
 * (printed, so a failure can be replayed).
 */

import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT } from '../modules/payments/payments.testing.ts';
import { type AccessWorld, accessWorld, EDIT_CODE } from './access-world.ts';
import { type Caller, type FuzzRequest, type Pool, requestArb } from './fuzz-requests.ts';
import { makeTestApp, type TestApp } from './harness.ts';
import { apiRoutes } from './openapi-routes.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
/** Heap growth allowed between the end of the warm-up and the end of the run, after a full GC. */
const HEAP_BOUND_MB = Number(process.env.FUZZ_HEAP_BOUND_MB ?? 64);

v8.setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

let t: TestApp;
let w: AccessWorld;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
const onException = (error: unknown) => rejections.push(error);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  t = await makeTestApp({
    payment: ACCOUNT,
    sessionHours: 24 * 365,
    // High limits, so that requests reach the handlers instead of the rate limiter.
    loginRatePerMinute: 10_000_000,
    trackingRatePerMinute: 10_000_000,
    citizenCodeRatePerMinute: 10_000_000,
    citizenConfirmRatePerMinute: 10_000_000,
  });
  w = await accessWorld(t);
}, 180_000);
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  process.off('uncaughtException', onException);
  await t.close();
});

function pool(): Pool {
  return {
    id: [w.d1.id, w.d2.id, w.communeA.id, w.centreA.id, w.d1.fileId, w.targetUserId, w.ratingId, w.slipId],
    fileId: [w.d2.resultId, w.d1.fileId],
    code: ['1.004206', EDIT_CODE, w.d1.code],
    year: ['2026', '1899', '2101'],
    agencyId: [w.communeA.id, w.centreA.id, w.province.id],
    from: ['2026-01-01', '2026-03-01'],
    to: ['2026-12-31', '2025-01-01'],
  };
}

function callers(): Caller[] {
  const named = (name: string) => ({ name, ...w.sessions.get(name)! });
  return [
    { name: 'anonymous' },
    named('owner'),
    named('admin@province'),
    named('deskOfficer@communeA'),
    named('leader@province'),
    named('specialist@communeB'),
  ];
}

/** Routes that end the caller's session are fuzzed anonymously (the signed-in callers must stay signed in). */
const endsSession = new Set(['POST /api/auth/logout', 'POST /api/citizen/sign-out']);

describe('fuzzing every route', () => {
  it(`${RUNS} random and malformed requests: no 5xx, no unhandled rejection, a flat heap`, async () => {
    const routes = apiRoutes(t.app);
    const everyone = callers();
    const arbs = routes.flatMap((route) => {
      const who = endsSession.has(route.key) ? everyone.filter((c) => !c.cookie) : everyone;
      return [
        requestArb(route, who, pool(), true),
        requestArb(route, who, pool(), false),
        requestArb(route, who, pool(), false),
      ];
    });
    const requests = fc.oneof(...arbs);
    const statuses = new Map<number, number>();
    /** Time spent per route, to show where a run goes. */
    const time = new Map<string, number>();
    const failures: string[] = [];
    const warmup = Math.min(2000, Math.ceil(RUNS / 10));
    const heap: number[] = [];
    let heapAfterWarmup = 0;
    const started = Date.now();
    console.log(`fuzz: ${RUNS} requests over ${routes.length} routes, seed ${SEED}`);

    for (let done = 0, batch = 0; done < RUNS; batch++) {
      const size = Math.min(500, RUNS - done);
      const sample: FuzzRequest[] = fc.sample(requests, { numRuns: size, seed: SEED + batch });
      for (const req of sample) {
        let status: number;
        const t0 = performance.now();
        try {
          status = (await t.app.inject(req.options)).statusCode;
        } catch (error) {
          status = 599; // inject itself threw: count it as a server failure
          failures.push(`${req.label}: inject threw ${String(error)}`);
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        time.set(req.key, (time.get(req.key) ?? 0) + performance.now() - t0);
        if (status >= 500 && failures.length < 30) failures.push(`${status} ${req.label}`);
      }
      done += size;
      if (done >= warmup && heapAfterWarmup === 0) heapAfterWarmup = heapMb();
      if (batch % 20 === 19 || done === RUNS) {
        heap.push(Math.round(heapMb()));
        const fives = [...statuses.keys()].filter((s) => s >= 500).length;
        console.log(
          `fuzz: ${done} done, ${((Date.now() - started) / 1000).toFixed(0)} s, 5xx kinds ${fives}`,
        );
      }
    }
    const heapEnd = heapMb();
    const slowest = [...time.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(
      `fuzz: slowest routes ${slowest.map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}`,
    );
    const seconds = (Date.now() - started) / 1000;
    const histogram = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, c]) => `${s}: ${c}`);
    console.log(
      `fuzz: ${RUNS} requests in ${seconds.toFixed(0)} s (${(RUNS / seconds).toFixed(0)}/s); statuses ${histogram.join(', ')}`,
    );
    console.log(
      `fuzz: heap after warm-up ${heapAfterWarmup.toFixed(1)} MB, at the end ${heapEnd.toFixed(1)} MB; samples ${heap.join(' ')} MB; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
    );

    expect(failures).toEqual([]);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(rejections.map(String)).toEqual([]);
    expect(heapEnd - heapAfterWarmup).toBeLessThan(HEAP_BOUND_MB);
    // The fuzzer must reach the handlers, not only the validators: some requests succeed.
    expect([...statuses.keys()].some((s) => s >= 200 && s < 300)).toBe(true);
  }, 3_600_000);
});
