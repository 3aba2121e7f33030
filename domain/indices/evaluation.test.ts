import { describe, expect, it } from 'vitest';
import { bandOf, type EvaluatedDossier, evaluate, evaluationRulesOn } from './evaluation.ts';

const rules = evaluationRulesOn('2026-03-31');
const dossier = (over: Partial<EvaluatedDossier> = {}): EvaluatedDossier => ({
  outcome: 'onTime',
  supplementRequests: 0,
  staffAttitude: null,
  channel: 'direct',
  onlineLevel: 'full',
  ...over,
});
const average = (r: ReturnType<typeof evaluate>, key: number) => r.indicators.find((i) => i.key === key)!;

describe('officer / agency evaluation (Decree 61/2018 art. 30–33)', () => {
  it('nine indicators; those motcua does not record are "no data", never a guessed 2', () => {
    const r = evaluate([dossier()], rules);
    expect(r.indicators.map((i) => i.key)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const key of [2, 4, 5, 6, 8])
      expect(average(r, key)).toMatchObject({ dossiers: null, average: null });
  });

  it('1: early 2, on time 1, late 0, averaged over the dossiers', () => {
    const r = evaluate(
      [dossier({ outcome: 'early' }), dossier({ outcome: 'onTime' }), dossier({ outcome: 'late' })],
      rules,
    );
    expect(average(r, 1)).toMatchObject({ dossiers: 3, average: 1 });
  });

  it('3: no supplement request 2, one 1, two or more 0', () => {
    const r = evaluate(
      [0, 1, 2, 5].map((n) => dossier({ supplementRequests: n })),
      rules,
    );
    expect(average(r, 3)).toMatchObject({ dossiers: 4, average: 0.75 });
  });

  it('7: only rated dossiers count; very satisfied 2, satisfied 1, not satisfied 0', () => {
    const r = evaluate(
      [dossier({ staffAttitude: 'verySatisfied' }), dossier({ staffAttitude: 'notSatisfied' }), dossier()],
      rules,
    );
    expect(average(r, 7)).toMatchObject({ dossiers: 2, average: 1 });
    expect(average(evaluate([dossier()], rules), 7)).toMatchObject({ dossiers: 0, average: null });
  });

  it('9: online on a fully online procedure 2, partly 1, at the desk 0', () => {
    const r = evaluate(
      [
        dossier({ channel: 'online', onlineLevel: 'full' }),
        dossier({ channel: 'online', onlineLevel: 'partial' }),
        dossier({ channel: 'postal' }),
      ],
      rules,
    );
    expect(average(r, 9)).toMatchObject({ dossiers: 3, average: 1 });
  });

  it('the total adds the scored averages; no band while indicators are missing', () => {
    const r = evaluate(
      [dossier({ outcome: 'early', staffAttitude: 'verySatisfied', channel: 'online' })],
      rules,
    );
    expect([r.points, r.scoredMax, r.band]).toEqual([8, 8, null]);
  });

  it('bands: above 15 excellent, 12–15 good, 9–12 fair, 6–9 average, below 6 weak', () => {
    expect([18, 15.5, 15, 12, 11.99, 9, 8.5, 6, 5.99, 0].map((t) => bandOf(t, rules))).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'fair',
      'fair',
      'average',
      'average',
      'weak',
      'weak',
    ]);
  });
});
