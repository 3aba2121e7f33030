import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test/harness.ts';
import { dossierWorld, intakeOf } from './test-world.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;
beforeAll(async () => {
  t = await makeTestApp();
  t.clock.set(new Date('2026-03-02T02:15:00Z'));
  w = await dossierWorld(t);
});
afterAll(() => t.close());

describe(`concurrent intakes (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded database'})`, () => {
  it('64 parallel intakes at one agency get 64 distinct consecutive codes', async () => {
    const desk = await t.login('mc.an');
    const results = await Promise.all(
      Array.from({ length: 64 }, () => desk.post('/api/dossiers', intakeOf(w.centre.id))),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(64).fill(201));
    const numbers = results.map((r) => Number((r.json().code as string).slice(-4))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
  });

  it('the same Idempotency-Key sent 8 times at once makes one dossier', async () => {
    const desk = await t.login('mc.an');
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/dossiers',
          payload: intakeOf(w.centre.id),
          cookies: { motcua_session: desk.cookie },
          headers: { 'x-csrf-token': desk.csrf, 'idempotency-key': 'burst-1' },
        }),
      ),
    );
    const codes = new Set(results.map((r) => r.json().code));
    expect(codes.size).toBe(1);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
  });
});
