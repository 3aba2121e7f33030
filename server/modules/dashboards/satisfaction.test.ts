import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SatisfactionReport } from '../../../domain/dashboard/satisfaction.ts';
import { make } from '../../test/factories.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import type { dossierWorld } from '../dossiers/test-world.ts';
import { act, dossierSteps, monthWorld, ok, signInOfficers, vn } from '../reports/reports.testing.ts';

/** Two online dossiers at Xã An, resolved and rated in March 2026: one all "very satisfied", one less so. */
let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;

const at = (s: string) => t.clock.set(vn(s));

beforeAll(async () => {
  t = await makeTestApp({ sessionHours: 24 * 365 });
  w = await monthWorld(t, '2026-03-02 08:00');
  await make.user(t.db, { username: 'ld.tinh', grants: [{ role: 'leader', agency: w.province }] });
  const officers = await signInOfficers(t);
  const lan = await t.login('cd.lan');
  const { submitOnline, resolve } = dossierSteps(t, w, officers);
  const answers = [
    {
      convenience: 'verySatisfied',
      overall: 'verySatisfied',
      timeliness: 'verySatisfied',
      staffAttitude: 'verySatisfied',
    },
    {
      convenience: 'satisfied',
      overall: 'satisfied',
      timeliness: 'satisfied',
      staffAttitude: 'notSatisfied',
    },
  ];
  for (const [i, a] of answers.entries()) {
    const when = `2026-03-0${2 + i} 08:00`;
    const f = await submitOnline(when, lan);
    await act(officers.desk, f.id, { action: 'accept' });
    await resolve(f.id, when);
    at(`2026-03-1${i} 09:00`);
    const reasons = a.staffAttitude === 'notSatisfied' ? { staffAttitude: 'Hướng dẫn chưa rõ ràng' } : {};
    await ok(await lan.post(`/api/dossiers/${f.id}/rating`, { answers: a, reasons }), 201);
  }
  at('2026-04-02 10:00');
});
afterAll(() => t.close());

const q = () => `agencyId=${w.province.id}&from=2026-03-01&to=2026-03-31`;

describe('GET /api/dashboards/satisfaction', () => {
  it('the four questions for the subtree, by unit, by procedure and by officer', async () => {
    const r: SatisfactionReport = await ok(
      await (await t.login('ld.tinh')).get(`/api/dashboards/satisfaction?${q()}`),
    );
    expect(r.total.total).toBe(2);
    const question = (key: string) => r.total.questions.find((x) => x.question === key)!;
    expect(question('overall').counts).toEqual({ verySatisfied: 1, satisfied: 1, notSatisfied: 0 });
    expect(question('staffAttitude').counts).toEqual({ verySatisfied: 1, satisfied: 0, notSatisfied: 1 });
    expect(question('staffAttitude').satisfiedShare).toBe(0.5);
    expect(r.byAgency.map((g) => [g.label, g.total])).toEqual([['Xã An', 2]]);
    expect(r.byProcedure.map((g) => [g.key, g.total])).toEqual([['1.001022', 2]]);
    // The desk officer, the specialist and the leader each acted on both dossiers.
    expect(r.byOfficer).toHaveLength(3);
    expect(r.byOfficer.every((g) => g.total === 2)).toBe(true);
    // February: nobody rated.
    const feb: SatisfactionReport = await ok(
      await (await t.login('ld.tinh')).get(
        `/api/dashboards/satisfaction?agencyId=${w.province.id}&from=2026-02-01&to=2026-02-28`,
      ),
    );
    expect([feb.total.total, feb.byAgency, feb.byProcedure, feb.byOfficer]).toEqual([0, [], [], []]);
  });

  it('outside the subtree 404; a desk officer 403', async () => {
    expectProblem(
      await (await t.login('ld.an')).get(`/api/dashboards/satisfaction?${q()}`),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await (await t.login('mc.an')).get(
        `/api/dashboards/satisfaction?agencyId=${w.commune.id}&from=2026-03-01&to=2026-03-31`,
      ),
      403,
      'FORBIDDEN',
    );
  });
});
