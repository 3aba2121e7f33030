import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationReport } from '../../../domain/indices/evaluation.ts';
import type { IndicatorScore, ServiceIndex } from '../../../domain/indices/service-index.ts';
import { demoCatalogue } from '../../seed/demo-catalogue.ts';
import { expectProblem, makeTestApp, type TestApp } from '../../test/harness.ts';
import type { dossierWorld } from '../dossiers/test-world.ts';
import { act, dossierSteps, monthWorld, ok, signInOfficers, vn } from '../reports/reports.testing.ts';

/**
 * Decision 766 for Xã An, March 2026, through the real API ("Đăng ký nhận cha, mẹ, con": 2 working days).
 *   A direct, received Mon 02/03, resolved Tue 03/03 (early); no scans; result at the counter
 *   F online, submitted and accepted Mon 02/03 (due Wed 04/03), resolved Wed 04/03 (on time); scans; result
 *     electronic; rated "satisfied" overall
 *   D direct, received Mon 16/03 (due Wed 18/03), resolved Thu 19/03 (late)
 * No fee was collected: online payment has nothing to count ("Không phát sinh").
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof dossierWorld>>;

const at = (s: string) => t.clock.set(vn(s));

beforeAll(async () => {
  t = await makeTestApp({ sessionHours: 24 * 365 });
  w = await monthWorld(t, '2026-02-23 08:00');
  const officers = await signInOfficers(t);
  const lan = await t.login('cd.lan');
  const { receive, resolve, submitOnline } = dossierSteps(t, w, officers);
  const f = await submitOnline('2026-03-02 08:00', lan);
  at('2026-03-02 08:30');
  await act(officers.desk, f.id, { action: 'accept' });
  const a = await receive('2026-03-02 09:00');
  await resolve(a.id, '2026-03-03 10:00');
  await resolve(f.id, '2026-03-04 10:00');
  at('2026-03-05 10:00');
  await ok(
    await lan.post(`/api/dossiers/${f.id}/rating`, {
      answers: {
        convenience: 'verySatisfied',
        overall: 'satisfied',
        timeliness: 'satisfied',
        staffAttitude: 'satisfied',
      },
    }),
    201,
  );
  const d = await receive('2026-03-16 09:00');
  await resolve(d.id, '2026-03-19 09:00');
  at('2026-04-02 10:00');
});
afterAll(() => t.close());

const march = 'from=2026-03-01&to=2026-03-31';
const indicator = (r: ServiceIndex, key: string): IndicatorScore =>
  r.groups.flatMap((g) => g.indicators).find((i) => i.key === key)!;

describe('GET /api/indices/766', () => {
  it('each indicator with its numerator, denominator and points; no value invented', async () => {
    const r: ServiceIndex = await ok(
      await (await t.login('ld.an')).get(`/api/indices/766?agencyId=${w.commune.id}&${march}`),
    );
    expect(r.decision).toMatch(/766\/QĐ-TTg/);
    expect(r.groups.map((g) => g.max)).toEqual([18, 20, 12, 10, 22, 18]);
    // Resolved: early A, on time F, late D.
    expect(indicator(r, '2.1')).toMatchObject({
      status: 'scored',
      numerator: 2,
      denominator: 3,
      points: 13.33,
    });
    // New receptions: F online, A and D direct.
    expect(indicator(r, '3.3')).toMatchObject({ numerator: 1, denominator: 3, points: 1.33 });
    const offered = demoCatalogue().filter((e) => e.version.onlineLevel !== 'none').length;
    expect(indicator(r, '3.1')).toMatchObject({ numerator: offered, denominator: demoCatalogue().length });
    expect(indicator(r, '3.2')).toMatchObject({ numerator: 1, denominator: offered });
    expect(indicator(r, '4.1')).toMatchObject({
      status: 'notApplicable',
      numerator: 0,
      denominator: 0,
      points: null,
    });
    // Only F has a scan for every document; only F's result is electronic.
    expect(indicator(r, '5.1')).toMatchObject({ numerator: 1, denominator: 3, points: 2.67 });
    expect(indicator(r, '5.2')).toMatchObject({ numerator: 1, denominator: 3, points: 2.67 });
    expect(indicator(r, '6.3')).toMatchObject({ numerator: 1, denominator: 1, points: 6 });
    for (const key of ['1.1', '1.2', '1.3', '5.3', '6.1', '6.2']) {
      expect(indicator(r, key)).toMatchObject({ status: 'noData', numerator: null, points: null });
    }
    const scored = r.groups.flatMap((g) => g.indicators).filter((i) => i.status === 'scored');
    expect(r.points).toBeCloseTo(
      scored.reduce((s, i) => s + i.points!, 0),
      6,
    );
  });

  it('who may read: leaders and admins of the subtree; 403 for other roles; 404 outside; 401 anonymous', async () => {
    const url = (agencyId: string) => `/api/indices/766?agencyId=${agencyId}&${march}`;
    expect((await (await t.login('qt.an')).get(url(w.commune.id))).statusCode).toBe(200);
    expectProblem(await (await t.login('ld.an')).get(url(w.province.id)), 404, 'NOT_FOUND');
    expectProblem(await (await t.login('mc.an')).get(url(w.commune.id)), 403, 'FORBIDDEN');
    expectProblem(await (await t.login('mc.binh')).get(url(w.commune.id)), 404, 'NOT_FOUND');
    expect((await t.app.inject({ method: 'GET', url: url(w.commune.id) })).statusCode).toBe(401);
    expectProblem(
      await (await t.login('ld.an')).get(
        `/api/indices/766?agencyId=${w.commune.id}&from=2022-01-01&to=2022-03-31`,
      ),
      400,
      'VALIDATION',
    );
  });
});

describe('GET /api/indices/evaluation (Decree 61/2018 art. 30–33)', () => {
  it('the agency and each officer over the dossiers resolved in the quarter; no band without all nine', async () => {
    const r: EvaluationReport = await ok(
      await (await t.login('ld.an')).get(
        `/api/indices/evaluation?agencyId=${w.commune.id}&year=2026&quarter=1`,
      ),
    );
    expect(r.period).toEqual({ from: '2026-01-01', to: '2026-03-31', label: 'Quý I/2026' });
    const e = r.agencyEvaluation;
    const avg = (key: number) => e.indicators.find((i) => i.key === key)!;
    expect(e.dossiers).toBe(3);
    // A early 2, F on time 1, D late 0.
    expect(avg(1)).toMatchObject({ dossiers: 3, average: 1 });
    // Nobody was asked for a supplement.
    expect(avg(3)).toMatchObject({ dossiers: 3, average: 2 });
    // Only F was rated: staff attitude "satisfied".
    expect(avg(7)).toMatchObject({ dossiers: 1, average: 1 });
    const level = demoCatalogue().find((c) => c.procedure.nationalCode === '1.001022')!.version.onlineLevel;
    expect(avg(9)).toMatchObject({
      dossiers: 3,
      average: level === 'full' ? 0.67 : level === 'partial' ? 0.33 : 0,
    });
    for (const key of [2, 4, 5, 6, 8]) expect(avg(key)).toMatchObject({ dossiers: null, average: null });
    expect(e.scoredMax).toBe(8);
    expect(e.band).toBeNull();
    // The desk officer, the specialist and the leader each worked on all three.
    expect(r.officers).toHaveLength(3);
    for (const o of r.officers) expect(o.evaluation.dossiers).toBe(3);
    // The next quarter has nothing resolved yet.
    const q2: EvaluationReport = await ok(
      await (await t.login('ld.an')).get(
        `/api/indices/evaluation?agencyId=${w.commune.id}&year=2026&quarter=2`,
      ),
    );
    expect([q2.agencyEvaluation.dossiers, q2.officers]).toEqual([0, []]);
  });

  it('outside the subtree 404, other roles 403', async () => {
    const url = (id: string) => `/api/indices/evaluation?agencyId=${id}&year=2026&quarter=1`;
    expectProblem(await (await t.login('ld.an')).get(url(w.other.id)), 404, 'NOT_FOUND');
    expectProblem(await (await t.login('cv.an')).get(url(w.commune.id)), 403, 'FORBIDDEN');
  });
});
