/**
 * Two app processes behind a local nginx, on one PostgreSQL (issue 8): the deployment the scale-out story
 * describes, in miniature. Clients go through nginx only; one process at a time is killed with SIGKILL and
 * started again while the other keeps serving. Afterwards the crash test's checks hold (every acknowledged request
 * once, gap-free codes, rows equal to their events, intact hash chain, counters equal to a recount), and the
 * background jobs ran once, not twice: both processes run the notification worker, yet no e-mail was sent twice
 * except the few a killed process had sent but not yet recorded (at most one batch per kill, resent after the
 * lease and de-duplicated by the receiver).
 *
 * PostgreSQL (TEST_DATABASE_URL) and Debian's nginx (/usr/sbin/nginx) only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, appProcess, freePort } from './app-process.ts';
import { checkDossiers, checkOutbox, deskSession, runClients, sleep } from './load.ts';
import { type ReliabilityWorld, reliabilityWorld } from './world.ts';

const adminUrl = process.env.TEST_DATABASE_URL;
const NGINX = '/usr/sbin/nginx';
const CLIENTS = Number(process.env.CRASH_CLIENTS ?? 64);
const KILLS = Number(process.env.CRASH_KILLS ?? 2);
const SECONDS = Number(process.env.CRASH_SECONDS ?? 20);
/** The notification worker's batch (notifications/worker.ts): what a killed process can leave sent-but-unrecorded. */
const BATCH = 10;

function nginxConfig(dir: string, port: number, upstreams: number[]) {
  return `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream motcua {
    ${upstreams.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=1s;`).join('\n    ')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 20m;
    location / {
      proxy_pass http://motcua;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      # A request a dying process never answered goes to the other one (safe: every write has an Idempotency-Key).
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
    }
  }
}`;
}

describe.skipIf(!adminUrl || !fs.existsSync(NGINX))('two app processes behind nginx (PostgreSQL)', () => {
  let w: ReliabilityWorld;
  let apps: AppProcess[];
  let nginx: ChildProcess | undefined;
  let base: string;

  beforeAll(async () => {
    w = await reliabilityWorld(adminUrl!, 'two');
    apps = [
      appProcess({ port: await freePort(), env: w.env }),
      appProcess({ port: await freePort(), env: w.env }),
    ];
    await apps[0]!.start(); // migrates and loads the demo data first
    await apps[1]!.start();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-nginx-'));
    const port = await freePort();
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      nginxConfig(
        dir,
        port,
        apps.map((a) => Number(new URL(a.url).port)),
      ),
    );
    nginx = spawn(NGINX, ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      if ((await fetch(`${base}/healthz`).catch(() => undefined))?.ok) break;
      await sleep(100);
    }
  });

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    for (const a of apps ?? []) await a.stop();
    await w?.close();
  });

  it(`${CLIENTS} clients through nginx, one process killed ${KILLS} times: the same guarantees, jobs once`, async () => {
    const session = await deskSession(base);
    let kills = 0;
    const ack = await runClients(base, session, CLIENTS, async () => {
      const slice = (SECONDS * 1000) / (KILLS + 1);
      for (let k = 0; k < KILLS; k++) {
        await sleep(slice * (0.5 + Math.random()));
        const victim = apps[k % 2]!;
        await victim.kill();
        kills++;
        await sleep(500); // the other process carries the load alone for a while
        await victim.start();
      }
      await sleep(slice / 2);
    });
    expect(kills).toBe(KILLS);
    expect(ack.intakes.size).toBeGreaterThan(CLIENTS);
    const dossiers = await checkDossiers(w.db, w.dbUrl, session.deskId, ack);
    const [mails, received] = await checkOutbox(w.db, w.mailbox, 90_000);
    // Both workers claim with SKIP LOCKED: only a kill can make a second delivery.
    expect(received - mails).toBeLessThanOrEqual(kills * BATCH);
    console.log(
      `two processes behind nginx: ${CLIENTS} clients, ${kills} SIGKILLs; ${dossiers} dossiers, ` +
        `${ack.withdrawals.size} withdrawals, ${ack.replays} replays; ${mails} e-mails, ${received} received ` +
        `(${received - mails} sent twice by a killed process, removed by id)`,
    );
  }, 300_000);
});
