/**
 * The workload and the after-the-fact checks shared by the reliability tests (crash, two processes behind
 * nginx): clients receive dossiers and withdraw half of them, every request with an Idempotency-Key and retried
 * until answered; then PostgreSQL is read directly to prove that nothing was lost or done twice.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { expect } from 'vitest';
import { openPostgres } from '../db/client.ts';
import { intakeOf } from '../modules/dossiers/test-world.ts';
import { verifyCounters } from '../modules/reports/verify.ts';
import { type Mailbox, readMail } from '../test/mailbox.ts';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Session = Readonly<{ cookie: string; csrfToken: string; deskId: string }>;

/** One desk officer's session, shared by every client: sessions live in the database and survive restarts. */
export async function deskSession(base: string): Promise<Session> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'tiepnhan.hoankiem', password: 'Motcua@2025' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken, user } = (await login.json()) as {
    csrfToken: string;
    user: { grants: { role: string; agencyId: string }[] };
  };
  return { cookie, csrfToken, deskId: user.grants.find((g) => g.role === 'deskOfficer')!.agencyId };
}

export type Acknowledged = {
  /** Idempotency key → the dossier its intake answered with. */
  intakes: Map<string, { id: string; code: string }>;
  /** Idempotency key → the dossier withdrawn. */
  withdrawals: Map<string, string>;
  /** Intakes answered by a replay of an attempt written before the process died (HTTP 200 instead of 201). */
  replays: number;
  failures: string[];
};

/** Runs `clients` loops against `base` until `stop()` resolves; returns what was acknowledged. */
export async function runClients(
  base: string,
  s: Session,
  clients: number,
  stop: () => Promise<void>,
): Promise<Acknowledged> {
  const ack: Acknowledged = { intakes: new Map(), withdrawals: new Map(), replays: 0, failures: [] };
  let running = true;

  /** Sends until an answer comes (connection refused or reset while a process is down: try again). */
  const send = async (url: string, body: unknown, key: string) => {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(`${base}${url}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: s.cookie,
            'x-csrf-token': s.csrfToken,
            'idempotency-key': key,
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
        // 5xx from a process starting or a proxy without a live upstream, 409 from a retry racing its first
        // attempt: ask again.
        if (res.status >= 500 || res.status === 409) {
          const text = await res.text();
          if (attempt > 300) throw new Error(`POST ${url}: ${res.status} ${text}`);
          await sleep(100);
          continue;
        }
        return { status: res.status, body: (await res.json()) as { id: string; code: string } };
      } catch (err) {
        if (attempt > 600) throw err;
        await sleep(100);
      }
    }
  };

  const client = async (n: number) => {
    while (running) {
      const key = randomUUID();
      const received = await send('/api/dossiers', intakeOf(s.deskId, { note: `khách ${n}` }), key);
      if (received.status === 200) ack.replays++;
      else if (received.status !== 201) {
        ack.failures.push(`intake ${received.status} ${JSON.stringify(received.body).slice(0, 500)}`);
        return;
      }
      ack.intakes.set(key, { id: received.body.id, code: received.body.code });
      if (Math.random() < 0.5) {
        const wkey = randomUUID();
        const w = await send(
          `/api/dossiers/${received.body.id}/actions`,
          { action: 'withdraw', note: 'Người nộp xin rút hồ sơ' },
          wkey,
        );
        if (w.status !== 200) {
          ack.failures.push(`withdraw ${w.status} ${JSON.stringify(w.body).slice(0, 500)}`);
          return;
        }
        ack.withdrawals.set(wkey, received.body.id);
      }
    }
  };
  const loops = Array.from({ length: clients }, (_, n) => client(n));
  await stop();
  running = false;
  await Promise.all(loops);
  return ack;
}

/** Every acknowledged request once, codes 1…n, rows equal to their events; returns the number of dossiers. */
export async function checkDossiers(
  db: pg.Client,
  dbUrl: string,
  deskId: string,
  ack: Acknowledged,
): Promise<number> {
  expect(ack.failures).toEqual([]);
  const rows = (
    await db.query<{ id: string; code: string; status: string; last_seq: number; step_key: string }>(
      'select id, code, status, last_seq, step_key from dossiers where receiving_agency_id = $1',
      [deskId],
    )
  ).rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [, d] of ack.intakes) expect(byId.get(d.id)?.code).toBe(d.code);
  expect(rows.length).toBe(new Set([...ack.intakes.values()].map((d) => d.id)).size);

  // Codes of the day: 1…n, no gap, no duplicate (all received today by one desk).
  const numbers = rows.map((r) => Number(r.code.slice(-4))).sort((a, b) => a - b);
  expect(numbers).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));

  const events = (
    await db.query<{ dossier_id: string; seq: number; action: string; to_status: string; to_step: string }>(
      'select dossier_id, seq, action, to_status, to_step from dossier_events order by dossier_id, seq',
    )
  ).rows;
  const byDossier = new Map<string, typeof events>();
  for (const e of events) byDossier.set(e.dossier_id, [...(byDossier.get(e.dossier_id) ?? []), e]);
  for (const r of rows) {
    const list = byDossier.get(r.id) ?? [];
    expect(list.map((e) => e.seq)).toEqual(list.map((_, i) => i + 1));
    const last = list.at(-1)!;
    expect({ status: r.status, step: r.step_key, seq: r.last_seq }).toEqual({
      status: last.to_status,
      step: last.to_step,
      seq: last.seq,
    });
  }
  const withdrawn = events.filter((e) => e.action === 'withdraw').map((e) => e.dossier_id);
  expect(withdrawn.sort()).toEqual([...ack.withdrawals.values()].sort());

  // The hash chain is intact; the Biểu 06 counters equal a full recount from the events.
  expect((await db.query('select problem from audit_chain_verify()')).rows).toEqual([]);
  const reports = openPostgres(dbUrl, 1);
  try {
    const v = await verifyCounters(reports.db, new Date(), 1);
    expect(v.counterDifferences).toEqual([]);
    expect(v.reportDifferences).toEqual([]);
  } finally {
    await reports.close();
  }
  return rows.length;
}

/**
 * Waits until every e-mail of the outbox is sent; checks the receiver holds each notification (de-duplicated by
 * the id the message carries). Returns [rows, messages received].
 */
export async function checkOutbox(
  db: pg.Client,
  mailbox: Mailbox,
  waitMs: number,
): Promise<[number, number]> {
  const deadline = Date.now() + waitMs;
  let unsent: unknown[] = [];
  do {
    unsent = (
      await db.query(
        `select status, attempts, last_error, next_attempt_at from outbox where channel = 'email' and status <> 'sent' limit 5`,
      )
    ).rows;
    if (unsent.length > 0) await sleep(500);
  } while (unsent.length > 0 && Date.now() < deadline);
  expect(unsent).toEqual([]);
  const ids = (await db.query<{ id: string }>(`select id from outbox where channel = 'email'`)).rows.map(
    (r) => r.id,
  );
  const received = mailbox.received.map((m) => readMail(m.raw).id);
  expect(new Set(received)).toEqual(new Set(ids));
  return [ids.length, received.length];
}
