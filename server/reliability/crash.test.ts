/**
 * Crash test (issue 8): many clients receive dossiers and withdraw them, each request with an Idempotency-Key and
 * retried until it is answered, while the app process is killed with SIGKILL at random moments and started again.
 * Afterwards, read straight from PostgreSQL:
 * - every acknowledged request exists exactly once (one dossier per intake key, one withdrawal per key);
 * - the dossier codes of the desk for the day are 1…n: no gap, no duplicate;
 * - each dossier's row agrees with its events (status, step, last sequence number; events numbered 1…n);
 * - the audit hash chain is intact and the Biểu 06 counters equal a full recount;
 * - the outbox delivered every e-mail at least once, and the receiver, de-duplicating by the notification id
 *   the message carries, holds exactly one of each.
 *
 * PostgreSQL only (TEST_DATABASE_URL). Size: CRASH_CLIENTS (64), CRASH_KILLS (3), CRASH_SECONDS (20);
 * `npm run test:reliability` runs a heavier version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, appProcess, freePort } from './app-process.ts';
import { checkDossiers, checkOutbox, deskSession, runClients, sleep } from './load.ts';
import { type ReliabilityWorld, reliabilityWorld } from './world.ts';

const adminUrl = process.env.TEST_DATABASE_URL;
const CLIENTS = Number(process.env.CRASH_CLIENTS ?? 64);
const KILLS = Number(process.env.CRASH_KILLS ?? 3);
const SECONDS = Number(process.env.CRASH_SECONDS ?? 20);

describe.skipIf(!adminUrl)(
  'crash test: SIGKILL during concurrent intakes and transitions (PostgreSQL)',
  () => {
    let w: ReliabilityWorld;
    let app: AppProcess;

    beforeAll(async () => {
      w = await reliabilityWorld(adminUrl!, 'crash');
      app = appProcess({ port: await freePort(), env: w.env });
      await app.start(); // migrates and loads the demo data
    });

    afterAll(async () => {
      await app?.stop();
      await w?.close();
    });

    it(`${CLIENTS} clients, ${KILLS} kills: nothing lost, nothing twice, codes without gaps`, async () => {
      const session = await deskSession(app.url);
      let kills = 0;
      // The killer: SIGKILL at random moments, start again at once.
      const ack = await runClients(app.url, session, CLIENTS, async () => {
        const slice = (SECONDS * 1000) / (KILLS + 1);
        for (let k = 0; k < KILLS; k++) {
          await sleep(slice * (0.5 + Math.random()));
          await app.kill();
          kills++;
          await app.start();
        }
        await sleep(slice / 2);
      });
      expect(kills).toBe(KILLS);
      expect(ack.intakes.size).toBeGreaterThan(CLIENTS);
      const dossiers = await checkDossiers(w.db, w.dbUrl, session.deskId, ack);
      const [mails, received] = await checkOutbox(w.db, w.mailbox, 90_000);
      console.log(
        `crash test: ${CLIENTS} clients, ${kills} SIGKILLs; ${dossiers} dossiers, ${ack.intakes.size} intakes and ` +
          `${ack.withdrawals.size} withdrawals acknowledged (${ack.replays} answered by replay); ${mails} e-mails, ` +
          `${received} received (${received - mails} duplicates removed by id)`,
      );
    }, 300_000);
  },
);
