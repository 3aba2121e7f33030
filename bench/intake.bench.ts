/**
 * Intake and public-tracking throughput over real HTTP (issue 5), next to pgbench's rate for an equivalent
 * transaction on the same PostgreSQL, measured in the same run.
 *
 *   npx tsx bench/intake.bench.ts                       # embedded database (PGlite)
 *   BENCH_PG=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/intake.bench.ts   # PostgreSQL
 *
 * With BENCH_PG a fresh database is created (and dropped) for the app and another for pgbench. pgbench's
 * script draws a daily number (INSERT … ON CONFLICT DO UPDATE), inserts a dossier row with a JSON document, an
 * event and an outbox row in one transaction: what an intake writes, without the application around it.
 *
 * pgbench runs the app's own write statement twice: with the simple protocol (parsed and planned on every call)
 * and with `-M prepared` (planned once per connection, as the app's named prepared statements are) — the fair
 * baseline for an app that prepares its statements is the second one.
 *
 * BENCH_COUNT_STATEMENTS=1 counts the SQL statements the app sends during the intake load (by wrapping
 * `pg.Client.prototype.query`) and prints them per intake, by kind; it costs a little CPU, so not for rates.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openPglite, openPostgres } from '../server/db/client.ts';
import { importCatalogue } from '../server/modules/catalogue/catalogue.service.ts';
import { intakeOf } from '../server/modules/dossiers/test-world.ts';
import { demoCatalogue } from '../server/seed/demo-catalogue.ts';
import { make } from '../server/test/factories.ts';
import { runLoad } from './http-load.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const INTAKES = Number(process.env.BENCH_INTAKES ?? 400);
const TRACK_CONNECTIONS = 100;
const TRACKS = Number(process.env.BENCH_TRACKS ?? 5000);
/** Offered rate of the open-loop tracking run (per second). */
const TRACK_RATE = Number(process.env.BENCH_TRACK_RATE ?? 1000);
const adminUrl = process.env.BENCH_PG;

const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function freshPgDatabase(name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return withDb(adminUrl!, name);
}
async function dropPgDatabase(name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

const PGBENCH_SCRIPT = `
\\set n random(1, 1000000000)
BEGIN;
INSERT INTO seq(scope, day, last) VALUES ('desk', '260302', 1)
  ON CONFLICT (scope, day) DO UPDATE SET last = seq.last + 1 RETURNING last;
INSERT INTO dossier(code, doc) VALUES ('X-' || :n, '{"applicant":{"fullName":"Nguyễn Văn An","citizenId":"001090012345"},"documents":[{"key":"a"},{"key":"b"}],"steps":[1,2,3,4,5]}') RETURNING id;
INSERT INTO event(dossier_code, seq, data) VALUES ('X-' || :n, 1, '{"explanation":["a","b","c"]}');
INSERT INTO outbox(dossier_code, channel, payload) VALUES ('X-' || :n, 'email', '{"code":"x"}');
COMMIT;
`;

/** pgbench's tps for `script` at CLIENTS clients for 10 s on database `name` (simple or prepared protocol). */
function pgbenchTps(name: string, script: string, mode: 'simple' | 'prepared' = 'simple'): number {
  const file = path.join(os.tmpdir(), `motcua-pgbench-${process.pid}.sql`);
  fs.writeFileSync(file, script);
  const u = new URL(adminUrl!);
  const out = execFileSync(
    'pgbench',
    ['-n', '-M', mode, '-c', String(CLIENTS), '-j', '2', '-T', '10', '-f', file, name],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        PGHOST: u.searchParams.get('host') ?? u.hostname,
        PGPORT: u.port || '5432',
        PGUSER: u.username || 'postgres',
      },
    },
  );
  const tps = /tps = ([\d.]+)/.exec(out);
  if (!tps) throw new Error(`pgbench output not understood:\n${out}`);
  return Number(tps[1]);
}

/** The simplified transaction (four bare tables, no index beyond the keys, no trigger), on a database of its own. */
async function pgbenchRate(): Promise<number> {
  const name = `motcua_pgbench_${process.pid}`;
  const url = await freshPgDatabase(name);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`
    CREATE TABLE seq (scope text, day text, last int NOT NULL, PRIMARY KEY (scope, day));
    CREATE TABLE dossier (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), code text UNIQUE, doc jsonb);
    CREATE TABLE event (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), dossier_code text, seq int, data jsonb);
    CREATE TABLE outbox (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), dossier_code text, channel text, payload jsonb);`);
  await c.end();
  const tps = pgbenchTps(name, PGBENCH_SCRIPT);
  await dropPgDatabase(name);
  return tps;
}

/**
 * The write an intake makes, as the app makes it (one statement: daily number, dossier row, first event, notices;
 * new-dossier.ts), against motcua's own schema with its indexes and triggers (append-only guards, Biểu 06
 * counters, hash chain) — copying the values of a dossier the app received, under a scope of its own so that the
 * numbers do not collide. What the app adds on top of this is its own cost.
 */
const sameStatementScript = (sourceId: string) => `
WITH src AS (SELECT * FROM dossiers WHERE id = '${sourceId}'),
ev AS (SELECT * FROM dossier_events WHERE dossier_id = '${sourceId}' AND seq = 1),
seq AS (
  INSERT INTO daily_sequences (scope, day, last) SELECT 'pgbench:' || receiving_agency_id, '260302', 1 FROM src
  ON CONFLICT (scope, day) DO UPDATE SET last = daily_sequences.last + 1 RETURNING last
),
d AS (
  INSERT INTO dossiers (id, code, procedure_id, procedure_version_id, receiving_agency_id, competent_agency_id,
    holder_agency_id, channel, status, step_key, assignee_id, applicant, applicant_name, submitter, citizen_user_id,
    documents, form_data, workflow, result_delivery, received_at, due_at, due_explanation, last_seq)
  SELECT gen_random_uuid(), 'PGB-' || lpad(seq.last::text, 8, '0'), procedure_id, procedure_version_id,
    receiving_agency_id, competent_agency_id, holder_agency_id, channel, status, step_key, assignee_id, applicant,
    applicant_name, submitter, citizen_user_id, documents, form_data, workflow, result_delivery, now(), due_at,
    due_explanation, 1
  FROM src, seq RETURNING id, code
),
e AS (
  INSERT INTO dossier_events (dossier_id, seq, at, action, actor_id, actor_name, role, agency_id, from_status,
    to_status, from_step, to_step, holder_agency_id, assignee_id, due_at, note, data)
  SELECT d.id, 1, now(), action, actor_id, actor_name, role, agency_id, from_status, to_status, from_step, to_step,
    holder_agency_id, assignee_id, due_at, note, data
  FROM d, ev
),
o AS (
  INSERT INTO outbox (channel, recipient, template, payload, dossier_id, agency_id, next_attempt_at)
  SELECT o.channel, o.recipient, o.template, o.payload || jsonb_build_object('code', d.code), d.id, o.agency_id, now()
  FROM d, outbox o WHERE o.dossier_id = '${sourceId}'
)
SELECT code FROM d;
`;

/** Statements sent through node-postgres while `counting` is on, by their first words (or prepared name). */
const statements = new Map<string, number>();
let counting = false;
if (process.env.BENCH_COUNT_STATEMENTS && adminUrl) {
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (counting) {
      const c = args[0] as string | { name?: string; text?: string };
      const text = typeof c === 'string' ? c : (c.text ?? '');
      const key =
        (typeof c === 'object' && c.name) || text.replace(/\s+/g, ' ').trim().slice(0, 60) || '(unnamed)';
      statements.set(key, (statements.get(key) ?? 0) + 1);
    }
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

async function main() {
  const appDbName = `motcua_bench_${process.pid}`;
  const database = adminUrl
    ? openPostgres(await freshPgDatabase(appDbName), CLIENTS + 4)
    : await openPglite(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-')), 'db'));
  await database.migrate();
  // BENCH_NO_REPORT_COUNTERS=1: without the trigger keeping the Biểu 06 counters (to measure what they cost).
  if (process.env.BENCH_NO_REPORT_COUNTERS)
    await database.db.execute('ALTER TABLE dossier_events DISABLE TRIGGER dossier_events_report_counters');
  const clock = { now: () => new Date() };
  await importCatalogue({ db: database.db, actor: null, clock, requestId: 'bench' }, demoCatalogue());
  const province = await make.agency(database.db, {
    name: 'Tỉnh Thử',
    kind: 'province',
    agencyCode: '000.00.00.H99',
  });
  const commune = await make.agency(database.db, {
    parent: province,
    name: 'Xã An',
    agencyCode: '000.01.00.H99',
  });
  await make.user(database.db, {
    username: 'bench.desk',
    grants: [{ role: 'deskOfficer', agency: commune }],
  });
  const config = loadConfig(
    { ...process.env, LOG_LEVEL: 'silent' },
    { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-files-')), trackingRatePerMinute: 1e9 },
  );
  const app = await buildApp({ db: database.db, dbKind: database.kind, config, clock }, { serveWeb: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });

  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.desk', password: 'Test@12345' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const body = JSON.stringify(intakeOf(commune.id));
  const intake = async () => {
    const res = await fetch(`${base}/api/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body,
    });
    if (res.status !== 201) throw new Error(`intake ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { code: string }).code;
  };
  for (let i = 0; i < 10; i++) await intake(); // warm-up
  // Intake load comes from a worker thread too, so the server's thread only serves.
  const cpu0 = process.cpuUsage();
  counting = true;
  const load = await runLoad({
    base,
    paths: ['/api/dossiers'],
    clients: CLIENTS,
    requests: INTAKES,
    post: { body, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken } },
  });
  const intakeSeconds = load.seconds;
  const intakeCpu = process.cpuUsage(cpu0);
  counting = false;
  const codes = (
    (await database.db.execute(sql`select code from dossiers`)) as unknown as { rows: { code: string }[] }
  ).rows.map((r) => r.code);
  const intakeRate = INTAKES / intakeSeconds;

  // Tracking load comes from a worker thread (the server's thread only serves).
  const track = await runLoad({
    base,
    paths: codes.map((c) => `/api/public/dossiers/${c}`),
    clients: TRACK_CONNECTIONS,
    requests: TRACKS,
  });
  // The same lookups at a fixed offered rate (open loop): latency at a load the service is meant to carry.
  const trackAt = await runLoad({
    base,
    paths: codes.map((c) => `/api/public/dossiers/${c}`),
    clients: TRACK_CONNECTIONS,
    requests: TRACKS,
    ratePerSecond: TRACK_RATE,
  });
  await app.close();
  const source = (
    (await database.db.execute(sql`select id from dossiers limit 1`)) as unknown as { rows: { id: string }[] }
  ).rows[0]!.id;
  await database.close();
  const sameStatement = adminUrl ? pgbenchTps(appDbName, sameStatementScript(source)) : undefined;
  const samePrepared = adminUrl ? pgbenchTps(appDbName, sameStatementScript(source), 'prepared') : undefined;
  if (adminUrl) await dropPgDatabase(appDbName);

  const pgbench = adminUrl ? await pgbenchRate() : undefined;
  const f = (n: number) => n.toFixed(1);
  console.log(
    `database: ${adminUrl ? 'PostgreSQL' : 'PGlite (embedded)'}; Node ${process.version}; ${os.cpus().length} cores`,
  );
  console.log(
    `intake: ${INTAKES} at ${CLIENTS} clients in ${f(intakeSeconds)} s = ${f(intakeRate)} /s; p50 ${f(load.pct(0.5))} ms, p99 ${f(load.pct(0.99))} ms`,
  );
  console.log(
    `  process CPU during intake (server + load thread): ${f(((intakeCpu.user + intakeCpu.system) / 1e3 / INTAKES) * 1)} ms per intake, ${f(((intakeCpu.user + intakeCpu.system) / 1e4 / intakeSeconds) * 1)} % of one core`,
  );
  if (statements.size > 0) {
    const total = [...statements.values()].reduce((a, b) => a + b, 0);
    console.log(`  statements sent during the intake load: ${f(total / INTAKES)} per intake`);
    for (const [k, n] of [...statements].sort((a, b) => b[1] - a[1]))
      console.log(`    ${(n / INTAKES).toFixed(2)}  ${k}`);
  }
  if (pgbench)
    console.log(
      `pgbench, simplified transaction (bare tables) at ${CLIENTS} clients: ${f(pgbench)} tps; intake/pgbench = ${((intakeRate / pgbench) * 100).toFixed(1)} % (target ≥ 50 %)`,
    );
  if (sameStatement)
    console.log(
      `pgbench, the app's own write statement on motcua's schema (indexes, triggers) at ${CLIENTS} clients, simple protocol: ${f(sameStatement)} tps; intake/pgbench = ${((intakeRate / sameStatement) * 100).toFixed(1)} % (target ≥ 50 %)`,
    );
  if (samePrepared)
    console.log(
      `pgbench, the same statement, prepared (-M prepared): ${f(samePrepared)} tps; intake/pgbench = ${((intakeRate / samePrepared) * 100).toFixed(1)} % (target ≥ 50 %)`,
    );
  console.log(
    `tracking, closed loop (saturation): ${TRACKS} requests at ${TRACK_CONNECTIONS} connections in ${f(track.seconds)} s = ${f(track.rate)} /s; p50 ${f(track.pct(0.5))} ms, p99 ${f(track.pct(0.99))} ms`,
  );
  console.log(
    `tracking, open loop at ${TRACK_RATE} /s over up to ${TRACK_CONNECTIONS} connections: p50 ${f(trackAt.pct(0.5))} ms, p99 ${f(trackAt.pct(0.99))} ms, max ${f(trackAt.pct(1))} ms (target p99 < 20 ms)`,
  );
}

await main();
