/**
 * Requests the fuzzer (server/test/fuzz.test.ts) once answered with a 5xx, kept as plain regression tests so that
 * they stay fixed whatever seed the fuzzer draws.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { importCatalogue } from '../modules/catalogue/catalogue.service.ts';
import { demoCatalogue } from '../seed/demo-catalogue.ts';
import { make } from './factories.ts';
import { expectProblem, makeTestApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
  await importCatalogue({ db: t.db, actor: null, clock: t.clock, requestId: 'seed' }, demoCatalogue());
  const province = await make.agency(t.db, { name: 'Tỉnh Thử', kind: 'province' });
  await make.user(t.db, { username: 'qt.tinh', grants: [{ role: 'admin', agency: province }] });
});
afterAll(() => t.close());

describe('fuzzing regressions', () => {
  it('publishing with a date of the right shape that does not exist is a 400, not a 500', async () => {
    const admin = await t.login('qt.tinh');
    const url = '/api/catalogue/procedures/1.001193/draft';
    await admin.patch(url, { limitNote: 'Dự thảo' });
    const decision = { action: 'amended', number: '15/QĐ-UBND', date: '2026-03-10', issuer: 'UBND tỉnh Thử' };
    for (const effectiveFrom of ['2026-02-30', '1694-89-02']) {
      expectProblem(await admin.post(`${url}/publish`, { decision, effectiveFrom }), 400, 'VALIDATION');
    }
  });
});
