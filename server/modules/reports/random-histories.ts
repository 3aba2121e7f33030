/**
 * Random dossier histories for the Biểu 06 counter tests (tests only): fast-check arbitraries that follow the status
 * machine (intake or online submission and acceptance, forwarding, suspensions that move the due date when they
 * end, apologies, a result, a return, withdrawal, stop), written as the services write them — the dossier row as
 * the projection of its events and one dossier_events row per event — so the database trigger counts them.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { Channel, DossierStatus } from '../../../domain/dossier/status.ts';
import type { Queryable } from '../../db/tx.ts';

export const DAY = 86_400_000;
const MINUTE = 60_000;
/** 2026-01-01 00:00 in Vietnam. */
export const BASE = Date.parse('2026-01-01T00:00:00+07:00');

/** Minutes of a day, often right at the edges that decide a column (00:00, 00:01, 17:00, 23:59). */
const minuteOfDay = fc.oneof(fc.constantFrom(0, 1, 17 * 60, 23 * 60 + 59), fc.integer({ min: 0, max: 1439 }));
/** A duration of whole days plus minutes (0, a minute, a day minus a minute, or any). */
export const span = (maxDays: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: maxDays }), fc.oneof(fc.constantFrom(0, 1, 1439), minuteOfDay))
    .map(([d, m]) => d * DAY + m * MINUTE);

const Step = fc.record({
  after: span(6),
  kind: fc.constantFrom('forward', 'claim', 'suspend', 'resume', 'apologise'),
  obligation: fc.boolean(),
  moveBy: span(8),
});

export const History = fc.record({
  agency: fc.nat(),
  procedure: fc.nat(),
  channel: fc.constantFrom<Channel>('direct', 'online', 'postal'),
  start: fc.tuple(fc.integer({ min: 0, max: 120 }), minuteOfDay).map(([d, m]) => BASE + d * DAY + m * MINUTE),
  acceptance: fc.constantFrom('accept', 'accept', 'accept', 'refuse', 'withdraw', 'pending'),
  acceptAfter: span(4),
  dueAfter: span(12),
  steps: fc.array(Step, { maxLength: 6 }),
  end: fc.constantFrom('resolve', 'resolve', 'withdraw', 'stop', 'open'),
  endAfter: span(25),
  returnAfter: fc.option(span(5)),
});
export type History = typeof History extends fc.Arbitrary<infer T> ? T : never;

export type HistoryEvent = Readonly<{
  at: number;
  action: string;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  dueAt: number | null;
}>;

const PAUSED = new Set<DossierStatus>(['supplementRequested', 'financialObligation']);

/** The events of one history, in order (times never go back). */
export function eventsOf(h: History): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  let t = h.start;
  let status: DossierStatus | null = null;
  let due: number | null = null;
  let pausedSince = 0;
  const push = (action: string, to: DossierStatus) => {
    events.push({ at: t, action, fromStatus: status, toStatus: to, dueAt: due });
    status = to;
    return events;
  };
  if (h.channel === 'online') {
    push('submit', 'submitted');
    t += h.acceptAfter;
    if (h.acceptance === 'pending') return events;
    if (h.acceptance === 'refuse') return push('refuse', 'notAccepted');
    if (h.acceptance === 'withdraw') return push('withdraw', 'withdrawn');
    due = t + h.dueAfter;
    push('accept', 'accepted');
  } else {
    due = t + h.dueAfter;
    push('receive', 'accepted');
  }
  const resume = () => {
    due = due! + (t - pausedSince);
    push(status === 'supplementRequested' ? 'receiveSupplement' : 'confirmPayment', 'inProcess');
  };
  for (const s of h.steps) {
    t += s.after;
    const paused = PAUSED.has(status!);
    if (s.kind === 'forward' && !paused) push('forward', 'inProcess');
    else if (s.kind === 'claim' && !paused) push('claim', status!);
    else if (s.kind === 'suspend' && !paused) {
      pausedSince = t;
      push(
        s.obligation ? 'requestFinancialObligation' : 'requestSupplement',
        s.obligation ? 'financialObligation' : 'supplementRequested',
      );
    } else if (s.kind === 'resume' && paused) resume();
    else if (s.kind === 'apologise') {
      due = due! + s.moveBy + MINUTE;
      push('apologise', status!);
    }
  }
  t += h.endAfter;
  if (h.end === 'open') return events;
  if (h.end === 'withdraw') return push('withdraw', 'withdrawn');
  if (h.end === 'stop') return push('stop', 'stopped');
  if (PAUSED.has(status!)) resume();
  push('forward', 'resolved');
  if (h.returnAfter !== null) {
    t += h.returnAfter;
    push('returnResult', 'returned');
  }
  return events;
}

export type World = Readonly<{
  agencyIds: readonly string[];
  procedures: readonly Readonly<{ id: string; versionId: string }>[];
}>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
let serial = 0;

/**
 * Writes the dossiers (row = projection of the events) and their events, all events in time order across
 * dossiers as the services would append them. Returns the moment of the last event.
 */
export async function writeHistories(
  q: Queryable,
  world: World,
  histories: readonly History[],
): Promise<number> {
  const all: { dossierId: string; seq: number; holder: string; e: HistoryEvent }[] = [];
  let last = BASE;
  for (const h of histories) {
    const events = eventsOf(h);
    const agencyId = world.agencyIds[h.agency % world.agencyIds.length]!;
    const procedure = world.procedures[h.procedure % world.procedures.length]!;
    const final = events.at(-1)!;
    const resolved = events.find((e) => e.toStatus === 'resolved');
    const finished = events.find((e) =>
      ['returned', 'withdrawn', 'stopped', 'notAccepted'].includes(e.toStatus),
    );
    serial++;
    const res = (await q.execute(sql`
      insert into dossiers (code, procedure_id, procedure_version_id, receiving_agency_id, competent_agency_id,
        holder_agency_id, channel, status, applicant, applicant_name, documents, workflow, result_delivery,
        received_at, due_at, paused_since, resolved_at, finished_at, last_seq)
      values (${`RH-${process.pid}-${serial}`}, ${procedure.id}, ${procedure.versionId}, ${agencyId}, ${agencyId},
        ${agencyId}, ${h.channel}, ${final.toStatus}, '{}'::jsonb, 'Nguyễn Văn Thử', '[]'::jsonb, '{}'::jsonb,
        'counter', ${iso(h.start)}::timestamptz, ${iso(final.dueAt)}::timestamptz,
        ${PAUSED.has(final.toStatus) ? iso(final.at) : null}::timestamptz,
        ${iso(resolved?.at ?? null)}::timestamptz, ${iso(finished?.at ?? null)}::timestamptz, ${events.length})
      returning id
    `)) as unknown as { rows: { id: string }[] };
    const dossierId = res.rows[0]!.id;
    events.forEach((e, i) => {
      all.push({ dossierId, seq: i + 1, holder: agencyId, e });
    });
    last = Math.max(last, final.at);
  }
  all.sort((a, b) => a.e.at - b.e.at || a.seq - b.seq);
  for (let i = 0; i < all.length; i += 200) {
    const chunk = all.slice(i, i + 200);
    await q.execute(sql`
      insert into dossier_events (dossier_id, seq, at, action, from_status, to_status, holder_agency_id, due_at)
      values ${sql.join(
        chunk.map(
          (x) =>
            sql`(${x.dossierId}, ${x.seq}, ${iso(x.e.at)}::timestamptz, ${x.e.action}, ${x.e.fromStatus},
              ${x.e.toStatus}, ${x.holder}, ${iso(x.e.dueAt)}::timestamptz)`,
        ),
        sql`, `,
      )}
    `);
  }
  return last;
}
