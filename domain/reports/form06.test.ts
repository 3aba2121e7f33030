import { describe, expect, it } from 'vitest';
import { afterMarch, march, procedures, report, vn } from './form06.fixtures.ts';
import {
  type ClockState,
  type DossierFacts,
  type DossierRecord,
  factsOfDossier,
  periodWindow,
  placeInPeriod,
  receptionInstant,
} from './form06.ts';
import { form06Header } from './form06-layout.ts';
import { type Form06Report, identityViolations } from './form06-rows.ts';

const w = periodWindow(march, afterMarch);

/** A direct dossier received on 10/03 09:00, due 12/03 17:00, still open; `over` changes any fact. */
function fact({ due: dueOver, ...over }: Partial<DossierFacts> & { due?: Date } = {}): DossierFacts {
  const receivedAt = over.receivedAt === undefined ? vn('2026-03-10 09:00') : over.receivedAt;
  const due = dueOver ?? vn('2026-03-12 17:00');
  return {
    agencyId: 'a',
    procedureCode: '1.001022',
    procedureName: 'Đăng ký nhận cha, mẹ, con',
    sectorCode: 'civilStatus',
    sectorName: 'Hộ tịch',
    channel: 'direct',
    resolved: null,
    ended: null,
    clock: receivedAt ? [{ at: receivedAt, dueAt: due, isPaused: false }] : [],
    ...over,
    receivedAt,
  };
}
const resolvedAt = (at: string, due: string) => ({ resolved: { at: vn(at), dueAt: vn(due) } });

describe('placeInPeriod — boundaries in Vietnam time', () => {
  it('received on `from` at 00:30 is new in the period; at 23:59 the day before it is carried over', () => {
    expect(placeInPeriod(fact({ receivedAt: vn('2026-03-01 00:30') }), w)?.source).toBe('receivedDirect');
    expect(placeInPeriod(fact({ receivedAt: vn('2026-02-28 23:59') }), w)?.source).toBe('carriedOver');
    // 00:30 on 1/3 in Hà Nội is still 28/2 in UTC: the day is the Vietnamese one.
    expect(vn('2026-03-01 00:30').toISOString()).toBe('2026-02-28T17:30:00.000Z');
  });

  it('received after the period (from 00:00 of the next day) is not in it', () => {
    expect(placeInPeriod(fact({ receivedAt: vn('2026-03-31 23:59') }), w)).not.toBeNull();
    expect(placeInPeriod(fact({ receivedAt: vn('2026-04-01 00:00') }), w)).toBeNull();
  });

  it('resolved on `to` at 23:59 counts in the period; at 00:00 the next day it is still in progress', () => {
    const due = '2026-03-31 17:00';
    expect(placeInPeriod(fact(resolvedAt('2026-03-31 23:59', due)), w)?.outcome).toBe('resolvedOnTime');
    expect(placeInPeriod(fact({ ...resolvedAt('2026-04-01 00:00', due), due: vn(due) }), w)?.outcome).toBe(
      'overdue',
    );
  });

  it('compares by date: due day = on time (even after the due hour), the day before = early, after = late', () => {
    const due = '2026-03-12 17:00';
    expect(placeInPeriod(fact(resolvedAt('2026-03-12 21:00', due)), w)?.outcome).toBe('resolvedOnTime');
    expect(placeInPeriod(fact(resolvedAt('2026-03-12 07:00', due)), w)?.outcome).toBe('resolvedOnTime');
    expect(placeInPeriod(fact(resolvedAt('2026-03-11 23:59', due)), w)?.outcome).toBe('resolvedEarly');
    expect(placeInPeriod(fact(resolvedAt('2026-03-13 00:01', due)), w)?.outcome).toBe('resolvedLate');
  });

  it('finished before `from` is not in the period; finished at 00:00 of `from` is carried over and resolved', () => {
    const old = { receivedAt: vn('2026-02-20 09:00') };
    expect(
      placeInPeriod(fact({ ...old, ...resolvedAt('2026-02-28 23:59', '2026-02-27 17:00') }), w),
    ).toBeNull();
    expect(placeInPeriod(fact({ ...old, ...resolvedAt('2026-03-01 00:00', '2026-02-27 17:00') }), w)).toEqual(
      {
        source: 'carriedOver',
        outcome: 'resolvedLate',
      },
    );
  });

  it('a returned dossier counts when its result was ready, not when it was handed over', () => {
    // Result ready 31/3, handed over 2/4: resolved in March (on time), nothing in April.
    const f = fact(resolvedAt('2026-03-31 10:00', '2026-03-31 17:00'));
    expect(placeInPeriod(f, w)?.outcome).toBe('resolvedOnTime');
    expect(placeInPeriod(f, periodWindow({ from: '2026-04-01', to: '2026-04-30' }, afterMarch))).toBeNull();
  });

  it('withdrawn or stopped in the period: one column; before the period: not in it', () => {
    const withdrawn = fact({ ended: { at: vn('2026-03-20 10:00'), kind: 'withdrawn' } });
    expect(placeInPeriod(withdrawn, w)).toEqual({ source: 'receivedDirect', outcome: 'withdrawnOrStopped' });
    const stopped = fact({
      receivedAt: vn('2026-02-02 08:00'),
      ended: { at: vn('2026-03-01 08:00'), kind: 'stopped' },
    });
    expect(placeInPeriod(stopped, w)).toEqual({ source: 'carriedOver', outcome: 'withdrawnOrStopped' });
    const early = fact({
      receivedAt: vn('2026-02-02 08:00'),
      ended: { at: vn('2026-02-03 08:00'), kind: 'stopped' },
    });
    expect(placeInPeriod(early, w)).toBeNull();
  });

  it('online: received when accepted; still waiting or refused is not received', () => {
    const submitted = vn('2026-02-27 20:00');
    expect(receptionInstant('online', submitted, vn('2026-03-02 08:00'))).toEqual(vn('2026-03-02 08:00'));
    expect(receptionInstant('online', submitted, null)).toBeNull();
    expect(receptionInstant('postal', submitted, null)).toEqual(submitted);
    // Submitted in February, accepted in March: new online dossier of March, not carried over.
    const accepted = fact({ channel: 'online', receivedAt: vn('2026-03-02 08:00') });
    expect(placeInPeriod(accepted, w)?.source).toBe('receivedOnline');
    expect(placeInPeriod(fact({ channel: 'online', receivedAt: null }), w)).toBeNull();
    // Postal counts with direct.
    expect(placeInPeriod(fact({ channel: 'postal' }), w)?.source).toBe('receivedDirect');
  });

  it('in progress at the end: overdue when the due day has passed, judged with the due date in force then', () => {
    expect(placeInPeriod(fact({ due: vn('2026-03-31 17:00') }), w)?.outcome).toBe('overdue');
    expect(placeInPeriod(fact({ due: vn('2026-04-01 17:00') }), w)?.outcome).toBe('withinDeadline');
    // An apology in April moved the due date to 15/4: at the end of March it was overdue all the same.
    const clock: ClockState[] = [
      { at: vn('2026-03-10 09:00'), dueAt: vn('2026-03-12 17:00'), isPaused: false },
      { at: vn('2026-04-01 08:00'), dueAt: vn('2026-04-15 17:00'), isPaused: false },
    ];
    expect(placeInPeriod(fact({ clock }), w)?.outcome).toBe('overdue');
    expect(placeInPeriod(fact({ clock: [clock[1]!] }), w)?.outcome).toBe('withinDeadline');
  });

  it('waiting for a supplement or for the financial obligation counts as within the deadline', () => {
    const clock: ClockState[] = [
      { at: vn('2026-03-10 09:00'), dueAt: vn('2026-03-12 17:00'), isPaused: false },
      { at: vn('2026-03-11 09:00'), dueAt: vn('2026-03-12 17:00'), isPaused: true },
    ];
    expect(placeInPeriod(fact({ clock }), w)?.outcome).toBe('withinDeadline');
    // Supplied on 30/3, the due date moved to 1/4: within the deadline at the end of March.
    const resumed = [
      ...clock,
      { at: vn('2026-03-30 09:00'), dueAt: vn('2026-04-01 17:00'), isPaused: false },
    ];
    expect(placeInPeriod(fact({ clock: resumed }), w)?.outcome).toBe('withinDeadline');
    // Supplied on 1/4 (after the period): still paused at the end of March.
    const later = [...clock, { at: vn('2026-04-01 09:00'), dueAt: vn('2026-03-30 17:00'), isPaused: false }];
    expect(placeInPeriod(fact({ clock: later }), w)?.outcome).toBe('withinDeadline');
  });

  it('while the period runs, in progress is judged now: due today is within, due yesterday overdue', () => {
    const running = periodWindow(march, vn('2026-03-15 10:00'));
    expect(running.asOf).toBe(vn('2026-03-15 10:00').getTime());
    expect(placeInPeriod(fact({ due: vn('2026-03-15 08:00') }), running)?.outcome).toBe('withinDeadline');
    expect(placeInPeriod(fact({ due: vn('2026-03-14 17:00') }), running)?.outcome).toBe('overdue');
    expect(placeInPeriod(fact({ due: vn('2026-03-14 17:00') }), w)?.outcome).toBe('overdue');
  });

  it('a one-day period and a reversed period', () => {
    const day = periodWindow({ from: '2026-03-10', to: '2026-03-10' }, afterMarch);
    expect(day.end - day.start).toBe(86_400_000);
    expect(() => periodWindow({ from: '2026-03-10', to: '2026-03-09' }, afterMarch)).toThrow(RangeError);
  });
});

describe('factsOfDossier — a stored dossier as report facts', () => {
  const record = (over: Partial<DossierRecord>): DossierRecord => ({
    agencyId: 'a',
    procedureCode: '1.001022',
    procedureName: 'Đăng ký nhận cha, mẹ, con',
    sectorCode: 'civilStatus',
    sectorName: 'Hộ tịch',
    channel: 'direct',
    status: 'inProcess',
    receivedAt: vn('2026-03-10 09:00'),
    acceptedAt: null,
    dueAt: vn('2026-03-12 17:00'),
    resolvedAt: null,
    finishedAt: null,
    lastState: { at: vn('2026-03-10 09:00'), dueAt: vn('2026-03-12 17:00'), status: 'inProcess' },
    ...over,
  });

  it('a returned dossier is resolved when its result was ready, not when it was handed over', () => {
    const f = factsOfDossier(
      record({ status: 'returned', resolvedAt: vn('2026-03-12 10:00'), finishedAt: vn('2026-03-20 10:00') }),
    );
    expect(f.resolved).toEqual({ at: vn('2026-03-12 10:00'), dueAt: vn('2026-03-12 17:00') });
    expect(f.ended).toBeNull();
  });

  it('withdrawn and stopped end without result; refused and waiting online dossiers were never received', () => {
    const withdrawn = factsOfDossier(record({ status: 'withdrawn', finishedAt: vn('2026-03-11 10:00') }));
    expect(withdrawn.ended).toEqual({ at: vn('2026-03-11 10:00'), kind: 'withdrawn' });
    const refused = record({ channel: 'online', status: 'notAccepted', finishedAt: vn('2026-03-11 10:00') });
    expect(factsOfDossier(refused)).toMatchObject({ receivedAt: null, ended: null, resolved: null });
    expect(factsOfDossier(record({ channel: 'online', status: 'submitted' })).receivedAt).toBeNull();
    const accepted = record({ channel: 'online', acceptedAt: vn('2026-03-11 08:00') });
    expect(factsOfDossier(accepted).receivedAt).toEqual(vn('2026-03-11 08:00'));
  });

  it('the clock is stopped while waiting for a supplement or the financial obligation', () => {
    const paused = (status: DossierRecord['status']) =>
      factsOfDossier(record({ lastState: { at: vn('2026-03-11 10:00'), dueAt: null, status } })).clock[0]
        ?.isPaused;
    expect(paused('supplementRequested')).toBe(true);
    expect(paused('financialObligation')).toBe(true);
    expect(paused('inProcess')).toBe(false);
    expect(factsOfDossier(record({ lastState: null })).clock).toEqual([]);
  });
});

describe('rows: by agency with roll-up, by sector, by procedure', () => {
  const facts = [
    fact({ agencyId: 'a1', ...resolvedAt('2026-03-11 10:00', '2026-03-12 17:00') }),
    fact({ agencyId: 'a' }),
    fact({ agencyId: 'b', channel: 'online', ...procedures[2]! }),
    fact({ agencyId: 'p', ended: { at: vn('2026-03-12 10:00'), kind: 'withdrawn' } }),
    fact({ agencyId: 'b', receivedAt: vn('2026-04-02 08:00') }),
  ];

  it('an agency row includes its descendants; the agency’s own dossiers have their own row', () => {
    const r = report(facts, 'agency');
    expect(r.rows.map((x) => [x.label, x.scope, x.received])).toEqual([
      ['Tỉnh Thử', 'own', 1],
      ['Xã An', 'subtree', 2],
      ['Xã Bình', 'subtree', 1],
    ]);
    expect(r.rows[1]).toMatchObject({ resolvedEarly: 1, overdue: 1, resolved: 1, inProgress: 1 });
    expect(r.total).toMatchObject({
      received: 4,
      receivedDirect: 3,
      receivedOnline: 1,
      withdrawnOrStopped: 1,
    });
    expect(identityViolations(r)).toEqual([]);
  });

  it('groups by sector and by procedure, in Vietnamese order', () => {
    expect(report(facts, 'sector').rows.map((x) => [x.label, x.received])).toEqual([
      ['Chứng thực', 1],
      ['Hộ tịch', 3],
    ]);
    const byProcedure = report(facts, 'procedure').rows;
    expect(byProcedure.map((x) => [x.code, x.sectorName, x.received])).toEqual([
      ['2.000815', 'Chứng thực', 1],
      ['1.001022', 'Hộ tịch', 3],
    ]);
  });

  it('a cell of an agency outside the subtree is an error, not a silent loss', () => {
    expect(() => report([fact({ agencyId: 'elsewhere' })], 'agency')).toThrow(RangeError);
  });

  it('identityViolations names a broken row and a total that is not the sum of rows', () => {
    const r = report(facts, 'sector');
    const broken: Form06Report = {
      ...r,
      rows: r.rows.map((x, i) => (i === 0 ? { ...x, overdue: x.overdue + 1 } : x)),
    };
    const problems = identityViolations(broken);
    expect(problems.some((p) => p.startsWith('Chứng thực: tiếp nhận'))).toBe(true);
    expect(problems.some((p) => p.startsWith('Tổng cộng: cột overdue'))).toBe(true);
  });
});

describe('header layout', () => {
  it('numbers 14 columns under three header rows, groups spanning their leaves', () => {
    const h = form06Header('sector');
    expect(h.depth).toBe(3);
    expect(h.leaves).toEqual([
      'index',
      'label',
      'received',
      'receivedOnline',
      'carriedOver',
      'receivedDirect',
      'resolved',
      'resolvedEarly',
      'resolvedOnTime',
      'resolvedLate',
      'inProgress',
      'withinDeadline',
      'overdue',
      'withdrawnOrStopped',
    ]);
    const cell = (label: string) => h.cells.find((c) => c.label === label);
    expect(cell('Số hồ sơ nhận giải quyết')).toMatchObject({ row: 0, col: 2, colSpan: 4, rowSpan: 1 });
    expect(cell('Trong đó')).toMatchObject({ row: 1, col: 3, colSpan: 3 });
    expect(cell('Kết quả giải quyết')).toMatchObject({ row: 0, col: 6, colSpan: 7 });
    expect(cell('STT')).toMatchObject({ row: 0, rowSpan: 3 });
    expect(cell('Trả quá hạn')).toMatchObject({ row: 2, col: 9, rowSpan: 1 });
  });
});
