/**
 * Data generator for the volume benchmarks (issue 7 §7): realistic dossier histories over a province's agencies,
 * written set-based inside PostgreSQL, then the Biểu 06 counters rebuilt from the events in one pass.
 *
 *   npm run bench:data -- --dossiers 1000000 [--database-url postgres://…/motcua_bench_agg] [--communes 100]
 *                         [--from 2023-01-01] [--batch 500000]
 *
 * The database is created if missing and migrated; an empty one gets the demo organisation and catalogue plus
 * `--communes` communes (each with its service centre). Dossiers are received on the days from `--from` to today in
 * office hours, at a commune's centre for the commune (or at the provincial centre for a department), for a
 * procedure of the catalogue (a few procedures take most dossiers). Timelines: bench/data/timeline.sql.ts.
 * Running it again adds more dossiers. Secondary indexes are dropped during the load and built again after it,
 * and triggers are off while loading (session_replication_role = replica), so the counters come from
 * report_rebuild() at the end — the same rules as the trigger, checked by `motcua reports verify`.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../../server/db/client.ts';
import { insertAgency } from '../../server/modules/agencies/agencies.repository.ts';
import { seedDemo } from '../../server/seed/demo.ts';
import { drawTimelines, writeDossiers, writeEvents } from './timeline.sql.ts';

const { values: args } = parseArgs({
  options: {
    dossiers: { type: 'string' },
    'database-url': { type: 'string' },
    communes: { type: 'string', default: '100' },
    from: { type: 'string', default: '2023-01-01' },
    batch: { type: 'string', default: '500000' },
  },
});
if (!args.dossiers) throw new Error('--dossiers N is required');
const total = Number(args.dossiers);
const url =
  args['database-url'] ??
  process.env.BENCH_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/motcua_bench_agg';
const communes = Number(args.communes);
const batchSize = Number(args.batch);
const startAt = new Date(`${args.from}T00:00:00+07:00`);
const now = new Date();
const days = Math.floor((now.getTime() - startAt.getTime()) / 86_400_000);

const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

async function ensureDatabase() {
  const target = new URL(url);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  const name = target.pathname.slice(1);
  const found = await c.query('select 1 from pg_database where datname = $1', [name]);
  if (found.rowCount === 0) await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
}

/** The demo organisation and catalogue, then communes up to `communes`, each with its service centre. */
async function ensureProvince() {
  const database = openPostgres(url, 2);
  await database.migrate();
  const db = database.db;
  const count = async (q: string) =>
    Number(((await database.db.execute(q)) as { rows: { n: string }[] }).rows[0]!.n);
  if ((await count('select count(*) as n from agencies')) === 0) await seedDemo(db);
  const province = (
    (await db.execute(`select * from agencies where parent_id is null order by created_at limit 1`)) as {
      rows: { id: string; path: string; depth: number }[];
    }
  ).rows[0]!;
  const have = await count(`select count(*) as n from agencies where kind = 'commune'`);
  for (let i = have + 1; i <= communes; i++) {
    const parent = { ...province, parentId: null } as unknown as Parameters<typeof insertAgency>[2];
    const commune = await insertAgency(
      db,
      { parentId: province.id, name: `Xã Thử ${i}`, kind: 'commune' },
      parent,
    );
    await insertAgency(
      db,
      { parentId: commune.id, name: `Trung tâm PVHCC xã Thử ${i}`, kind: 'serviceCentre' },
      commune,
    );
  }
  await database.close();
}

async function main() {
  await ensureDatabase();
  await ensureProvince();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const q = (text: string, values?: unknown[]) => c.query(text, values);
  await q(
    `SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'; SET synchronous_commit = off; SET jit = off`,
  );

  // Where dossiers are received and decided; which procedures, with a time limit (working days) each.
  await q(`DROP TABLE IF EXISTS gen_agencies, gen_procedures, gen_batch`);
  await q(`
    CREATE UNLOGGED TABLE gen_agencies AS
    SELECT (row_number() OVER (ORDER BY a.path) - 1)::int AS k, coalesce(desk.id, a.id) AS desk_id, a.id AS agency_id
    FROM agencies a
    LEFT JOIN LATERAL (
      SELECT s.id FROM agencies s WHERE s.parent_id = a.id AND s.kind = 'serviceCentre' LIMIT 1
    ) desk ON true
    WHERE a.kind IN ('commune', 'department')`);
  await q(`
    CREATE UNLOGGED TABLE gen_procedures AS
    SELECT (row_number() OVER (ORDER BY p.national_code) - 1)::int AS k, p.id AS procedure_id, v.id AS version_id,
      (1 + (row_number() OVER (ORDER BY p.national_code) * 7) % 15)::int AS limit_days
    FROM procedures p
    JOIN LATERAL (
      SELECT v.id FROM procedure_versions v WHERE v.procedure_id = p.id ORDER BY v.id LIMIT 1
    ) v ON true`);
  const agencies = Number((await q('select count(*) as n from gen_agencies')).rows[0].n);
  const procedures = Number((await q('select count(*) as n from gen_procedures')).rows[0].n);
  const first =
    Number(
      (await q(`select coalesce(max(substr(code, 3)::bigint), 0) as n from dossiers where code like 'G-%'`))
        .rows[0].n,
    ) + 1;
  console.log(
    `${total.toLocaleString('en')} dossiers over ${agencies} agencies × ${procedures} procedures, ${args.from} → today (${days} days), into ${new URL(url).pathname.slice(1)}`,
  );

  // Secondary indexes are built once at the end: much faster than maintaining them row by row.
  const indexes = (
    await q(`
      SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename IN ('dossiers', 'dossier_events')
        AND i.indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p'))`)
  ).rows as { indexname: string; indexdef: string }[];
  for (const ix of indexes) await q(`DROP INDEX IF EXISTS "${ix.indexname}"`);
  await q(`SET session_replication_role = replica`);

  const t0 = performance.now();
  for (let done = 0; done < total; ) {
    const count = Math.min(batchSize, total - done);
    const tb = performance.now();
    await q('BEGIN');
    await q(drawTimelines({ first: first + done, count, startAt, days, now, agencies, procedures }));
    const d = await q(writeDossiers);
    const e = await q(writeEvents);
    await q('DROP TABLE gen_batch');
    await q('COMMIT');
    done += count;
    console.log(
      `  ${done.toLocaleString('en')} dossiers (+${d.rowCount} rows, ${e.rowCount} events) in ${seconds(tb)} s; ` +
        `${Math.round(done / ((performance.now() - t0) / 1000)).toLocaleString('en')} dossiers/s so far`,
    );
  }
  const loaded = seconds(t0);
  await q(`SET session_replication_role = DEFAULT`);

  const ti = performance.now();
  for (const ix of indexes) await q(ix.indexdef);
  await q('ANALYZE dossiers; ANALYZE dossier_events');
  const indexed = seconds(ti);

  const tr = performance.now();
  await q('SELECT report_rebuild()');
  await q('ANALYZE report_cells; ANALYZE report_flows; ANALYZE report_deadlines');
  const rebuilt = seconds(tr);
  const sizes = (
    await q(`
      SELECT (SELECT count(*) FROM dossiers) AS dossiers, (SELECT count(*) FROM dossier_events) AS events,
        (SELECT count(*) FROM report_cells) AS cells, (SELECT count(*) FROM report_flows) AS flows,
        (SELECT count(*) FROM report_deadlines) AS deadlines,
        pg_size_pretty(pg_database_size(current_database())) AS size`)
  ).rows[0];
  await q('DROP TABLE gen_agencies, gen_procedures');
  await c.end();
  console.log(
    `loaded in ${loaded} s, indexes in ${indexed} s, counters rebuilt in ${rebuilt} s (total ${seconds(t0)} s)\n` +
      `database: ${JSON.stringify(sizes)}`,
  );
}

await main();
