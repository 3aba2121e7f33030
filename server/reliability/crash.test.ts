/**
 * Crash test (issue 8): many clients receive dossiers and withdraw them, each request with an Idempotency-Key and
 * retried until it is answered, while the app process is killed with SIGKILL at random moments and started again.
 * Afterwards, read straight from PostgreSQL:
 * - every acknowledged request exists exactly once (one dossier per intake key, one withdrawal per key);
 * - the dossier codes of the desk for the day are 1…n: no gap, no duplicate;
 * - each dossier's row agrees with its events (status, step, last sequence number; events numbered 1…n);
 * - the outbox delivered every e-mail at least once, and the receiver, de-duplicating by the notification id
 *   the message carries, holds exactly one of each.
 *
 * PostgreSQL only (TEST_DATABASE_URL). Size: CRASH_CLIENTS (64), CRASH_KILLS (3), CRASH_SECONDS (20);
 * `npm run test:reliability` runs a heavier version.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeOf } from '../modules/dossiers/test-world.ts';
import { withDatabase } from '../test/global-setup.ts';
import { type Mailbox, readMail, startMailbox } from '../test/mailbox.ts';
import { type AppProcess, appProcess } from './app-process.ts';

const adminUrl = process.env.TEST_DATABASE_URL;
const CLIENTS = Number(process.env.CRASH_CLIENTS ?? 64);
const KILLS = Number(process.env.CRASH_KILLS ?? 3);
const SECONDS = Number(process.env.CRASH_SECONDS ?? 20);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!adminUrl)(
  'crash test: SIGKILL during concurrent intakes and transitions (PostgreSQL)',
  () => {
    const dbName = `motcua_crash_${process.pid}_${Date.now()}`;
    let dbUrl: string;
    let mailbox: Mailbox;
    let app: AppProcess;
    let db: pg.Client;

    beforeAll(async () => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
      await admin.end();
      dbUrl = withDatabase(adminUrl!, dbName);
      mailbox = await startMailbox();
      // A process killed in the middle of an SMTP conversation resets its connection: expected here.
      mailbox.server.on('error', () => {});
      app = appProcess({
        port: await freePort(),
        env: {
          DATABASE_URL: dbUrl,
          DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-crash-')),
          SMTP_URL: mailbox.url,
          LOG_LEVEL: 'warn',
          // A killed process's claimed notifications go to another run after this lease (900 s by default).
          OUTBOX_LEASE_SECONDS: '10',
        },
      });
      await app.start(); // migrates and loads the demo data
      db = new pg.Client({ connectionString: dbUrl });
      await db.connect();
    });

    afterAll(async () => {
      await app?.stop();
      await db?.end();
      await new Promise<void>((resolve) => (mailbox ? mailbox.server.close(() => resolve()) : resolve()));
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    });

    it(`${CLIENTS} clients, ${KILLS} kills: nothing lost, nothing twice, codes without gaps`, async () => {
      // One desk officer's session, shared by every client: sessions live in the database and survive restarts.
      const login = await fetch(`${app.url}/api/auth/login`, {
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
      const deskId = user.grants.find((g) => g.role === 'deskOfficer')!.agencyId;

      /** Sends until an answer comes (connection refused or reset while the process is down: try again). */
      const send = async (method: string, url: string, body: unknown, key: string) => {
        for (let attempt = 0; ; attempt++) {
          try {
            const res = await fetch(`${app.url}${url}`, {
              method,
              headers: {
                'content-type': 'application/json',
                cookie,
                'x-csrf-token': csrfToken,
                'idempotency-key': key,
              },
              body: JSON.stringify(body),
              signal: AbortSignal.timeout(15_000),
            });
            // 503 from a process still starting, 409 from a retry racing its first attempt: ask again.
            if (res.status >= 500 || res.status === 409) {
              const text = await res.text();
              if (attempt > 200) throw new Error(`${method} ${url}: ${res.status} ${text}`);
              await sleep(100);
              continue;
            }
            return {
              status: res.status,
              body: (await res.json()) as { id: string; code: string; status: string },
            };
          } catch (err) {
            if (attempt > 600) throw err;
            await sleep(100);
          }
        }
      };

      const intakes = new Map<string, { id: string; code: string }>(); // key → acknowledged dossier
      const withdrawals = new Map<string, string>(); // key → dossier id
      const failures: string[] = [];
      let replays = 0;
      let running = true;
      const client = async (n: number) => {
        while (running) {
          const key = randomUUID();
          const received = await send('POST', '/api/dossiers', intakeOf(deskId, { note: `khách ${n}` }), key);
          // 200: the answer to a retry whose first attempt had been written before the process died (a replay).
          if (received.status === 200) replays++;
          else if (received.status !== 201) {
            failures.push(`intake ${received.status} ${JSON.stringify(received.body)}`);
            return;
          }
          intakes.set(key, { id: received.body.id, code: received.body.code });
          if (Math.random() < 0.5) {
            const wkey = randomUUID();
            const w = await send(
              'POST',
              `/api/dossiers/${received.body.id}/actions`,
              { action: 'withdraw', note: 'Người nộp xin rút hồ sơ' },
              wkey,
            );
            if (w.status !== 200) {
              failures.push(`withdraw ${w.status} ${JSON.stringify(w.body)}`);
              return;
            }
            withdrawals.set(wkey, received.body.id);
          }
        }
      };
      const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));

      // The killer: SIGKILL at random moments, start again at once.
      let kills = 0;
      const slice = (SECONDS * 1000) / (KILLS + 1);
      for (let k = 0; k < KILLS; k++) {
        await sleep(slice * (0.5 + Math.random()));
        await app.kill();
        kills++;
        await app.start();
      }
      await sleep(slice / 2);
      running = false;
      await Promise.all(clients);
      expect(failures).toEqual([]);
      expect(kills).toBe(KILLS);
      expect(intakes.size).toBeGreaterThan(CLIENTS);

      // Every acknowledged intake exists exactly once, and nothing else was received.
      const rows = (
        await db.query<{ id: string; code: string; status: string; last_seq: number; step_key: string }>(
          'select id, code, status, last_seq, step_key from dossiers where receiving_agency_id = $1',
          [deskId],
        )
      ).rows;
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const [, d] of intakes) expect(byId.get(d.id)?.code).toBe(d.code);
      expect(rows.length).toBe(new Set([...intakes.values()].map((d) => d.id)).size);

      // Codes of the day: 1…n, no gap, no duplicate (all received today by one desk).
      const numbers = rows.map((r) => Number(r.code.slice(-4))).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));

      // Each row agrees with its events; the events are numbered 1…n; one withdrawal per acknowledged key.
      const events = (
        await db.query<{
          dossier_id: string;
          seq: number;
          action: string;
          to_status: string;
          to_step: string;
        }>('select dossier_id, seq, action, to_status, to_step from dossier_events order by dossier_id, seq')
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
      expect(withdrawn.sort()).toEqual([...withdrawals.values()].sort());

      // The outbox: every e-mail delivered at least once; de-duplicated by id, exactly one of each.
      const deadline = Date.now() + 90_000;
      let pending = 1;
      while (pending > 0 && Date.now() < deadline) {
        pending = Number(
          (await db.query(`select count(*) from outbox where channel = 'email' and status <> 'sent'`)).rows[0]
            .count,
        );
        if (pending > 0) await sleep(500);
      }
      const unsent = (
        await db.query(
          `select status, attempts, last_error, next_attempt_at from outbox where channel = 'email' and status <> 'sent' limit 5`,
        )
      ).rows;
      expect(unsent).toEqual([]);
      const outboxIds = (
        await db.query<{ id: string }>(`select id from outbox where channel = 'email'`)
      ).rows.map((r) => r.id);
      const received = mailbox.received.map((m) => readMail(m.raw).id);
      expect(new Set(received)).toEqual(new Set(outboxIds));
      console.log(
        `crash test: ${CLIENTS} clients, ${kills} SIGKILLs, ${intakes.size} intakes and ${withdrawals.size} withdrawals acknowledged (${replays} intakes answered by replay); ` +
          `${outboxIds.length} e-mails, ${received.length} received (${received.length - outboxIds.length} duplicates removed by id)`,
      );
    }, 300_000);
  },
);
