import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../dossier/status.ts';
import { procedures, report, vn } from './form06.fixtures.ts';
import {
  type ClockState,
  type DossierFacts,
  holdsIdentity,
  inProgressTotal,
  periodWindow,
  placeInPeriod,
  receivedTotal,
  resolvedTotal,
} from './form06.ts';
import { Form06GroupBy, identityViolations } from './form06-rows.ts';

/** Biểu 06 on random histories (fast-check): the properties the hand-made cases in form06.test.ts cannot cover. */

const DAY = 86_400_000;
const base = vn('2026-01-01 00:00').getTime();
/** Minutes of a Vietnamese day, often right at the edges that decide a column (00:00, 00:30, 17:00, 23:59). */
const minuteOfDay = fc.oneof(
  fc.constantFrom(0, 1, 30, 7 * 60, 17 * 60, 23 * 60 + 59),
  fc.integer({ min: 0, max: 1439 }),
);
/** Any minute between 1/1 and about 30/6/2026. */
const instant = fc
  .tuple(fc.integer({ min: 0, max: 180 }), minuteOfDay)
  .map(([d, m]) => base + d * DAY + m * 60_000);
/** A duration of whole days plus minutes (0, 1, a day minus one minute, or any). */
const span = (maxDays: number) =>
  fc
    .tuple(
      fc.integer({ min: 0, max: maxDays }),
      fc.oneof(fc.constantFrom(0, 1, 1439), fc.integer({ min: 0, max: 1439 })),
    )
    .map(([d, m]) => d * DAY + m * 60_000);

/** One dossier's history, generated the way the status machine allows it, turned into facts. */
const history = fc
  .record({
    agencyId: fc.constantFrom('p', 'a', 'a1', 'b', 'c'),
    procedure: fc.constantFrom(...procedures),
    channel: fc.constantFrom<Channel>('direct', 'online', 'postal'),
    submitted: instant,
    /** Online: how long until the desk decides, and whether it accepts (null: still waiting). */
    acceptAfter: span(5),
    acceptance: fc.constantFrom('accepted', 'accepted', 'accepted', 'refused', 'pending'),
    /** The due date: some minutes into the future from the reception (can land on any hour). */
    dueAfter: span(20),
    /** A suspension: starts after reception, ends (moving the due date by its length) or never ends. */
    pause: fc.option(fc.record({ after: span(10), length: span(15), ends: fc.boolean() })),
    /** An apology moving the due date later. */
    apology: fc.option(fc.record({ after: span(10), moveBy: span(10) })),
    end: fc.constantFrom('resolved', 'resolved', 'withdrawn', 'stopped', 'open'),
    endAfter: span(40),
  })
  .map((h): DossierFacts => {
    const received =
      h.channel !== 'online' ? h.submitted : h.acceptance === 'accepted' ? h.submitted + h.acceptAfter : null;
    const clock: ClockState[] = [];
    let ended: DossierFacts['ended'] = null;
    let resolved: DossierFacts['resolved'] = null;
    if (received !== null) {
      let due = received + h.dueAfter;
      let paused = false;
      /** Clock changes: `paused` sets the stopped flag, `shift` moves the due date (resumption, apology). */
      const events: { at: number; paused?: boolean; shift: number }[] = [];
      if (h.pause) {
        const from = received + h.pause.after;
        events.push({ at: from, paused: true, shift: 0 });
        if (h.pause.ends) events.push({ at: from + h.pause.length, paused: false, shift: h.pause.length });
      }
      if (h.apology) events.push({ at: received + h.apology.after, shift: h.apology.moveBy + 60_000 });
      events.sort((x, y) => x.at - y.at);
      const finish = received + h.endAfter;
      clock.push({ at: new Date(received), dueAt: new Date(due), isPaused: false });
      for (const e of events) {
        if (h.end !== 'open' && e.at >= finish) break;
        paused = e.paused ?? paused;
        due += e.shift;
        clock.push({ at: new Date(e.at), dueAt: new Date(due), isPaused: paused });
      }
      if (h.end === 'resolved') resolved = { at: new Date(finish), dueAt: new Date(due) };
      if (h.end === 'withdrawn' || h.end === 'stopped') ended = { at: new Date(finish), kind: h.end };
    }
    return {
      agencyId: h.agencyId,
      ...h.procedure,
      channel: h.channel,
      receivedAt: received === null ? null : new Date(received),
      resolved,
      ended,
      clock,
    };
  });

const isoDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
/** Two adjacent periods [a, b] and [b+1, c] somewhere in the first half of 2026, and a moment to look from. */
const periods = fc
  .record({
    start: fc.integer({ min: 0, max: 150 }),
    first: fc.integer({ min: 0, max: 40 }),
    second: fc.integer({ min: 0, max: 40 }),
    nowAt: instant,
  })
  .map(({ start, first, second, nowAt }) => {
    const a = base + start * DAY;
    const p1 = { from: isoDay(a), to: isoDay(a + first * DAY) };
    const p2 = { from: isoDay(a + (first + 1) * DAY), to: isoDay(a + (first + 1 + second) * DAY) };
    const whole = { from: p1.from, to: p2.to };
    return { p1, p2, whole, now: new Date(Math.max(nowAt, a + (first + second + 3) * DAY)) };
  });

describe('property: random histories', () => {
  it('the identity holds on every row of every grouping, and the total is the sum of the rows', () => {
    fc.assert(
      fc.property(
        fc.array(history, { maxLength: 60 }),
        periods,
        fc.integer({ min: 0, max: 200 }),
        (facts, p, nowShift) => {
          // Also while a period is still running (now inside it).
          const now = new Date(periodWindow(p.whole, p.now).start + nowShift * 3_600_000);
          for (const groupBy of Form06GroupBy.options) {
            for (const at of [p.now, now]) {
              const r = report(facts, groupBy, p.whole, at);
              expect(identityViolations(r)).toEqual([]);
              const placed = facts.filter((f) => placeInPeriod(f, periodWindow(p.whole, at)) !== null).length;
              expect(r.total.received).toBe(placed);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('what is in progress at the end of a period is exactly what the next period carries over; flows add up', () => {
    fc.assert(
      fc.property(fc.array(history, { maxLength: 60 }), periods, (facts, p) => {
        const [r1, r2, rw] = [p.p1, p.p2, p.whole].map(
          (period) => report(facts, 'sector', period, p.now).total,
        );
        expect(r2!.carriedOver).toBe(inProgressTotal(r1!));
        expect(rw!.carriedOver).toBe(r1!.carriedOver);
        for (const c of [
          'receivedOnline',
          'receivedDirect',
          'resolvedEarly',
          'resolvedOnTime',
          'resolvedLate',
          'withdrawnOrStopped',
        ] as const) {
          expect(rw![c]).toBe(r1![c] + r2![c]);
        }
        expect(inProgressTotal(rw!)).toBe(inProgressTotal(r2!));
        expect(rw!.overdue).toBe(r2!.overdue);
        expect(holdsIdentity(rw!)).toBe(true);
        expect(receivedTotal(rw!)).toBe(resolvedTotal(rw!) + inProgressTotal(rw!) + rw!.withdrawnOrStopped);
      }),
      { numRuns: 300 },
    );
  });
});
