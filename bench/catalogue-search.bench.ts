/**
 * Public catalogue search (issue 4): 5,000 procedures × 3 versions (two superseded, one in force) on the
 * embedded database, searched over real HTTP by 50 concurrent clients with queries typed without marks,
 * by code, by sector, and browsing. Target: p95 < 20 ms.
 *
 *   npx tsx bench/catalogue-search.bench.ts
 *   BENCH_PG=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/catalogue-search.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openPglite, openPostgres } from '../server/db/client.ts';
import { procedures, procedureVersions } from '../server/db/schema.ts';
import { demoCatalogue } from '../server/seed/demo-catalogue.ts';
import { runLoad } from './http-load.ts';

const PROCEDURES = Number(process.env.BENCH_PROCEDURES ?? 5000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10000);
const adminUrl = process.env.BENCH_PG;
const dbName = `motcua_search_${process.pid}`;

const QUALIFIERS = [
  'có yếu tố nước ngoài',
  'cho người đang cư trú ở nước ngoài',
  'trường hợp đặc biệt',
  'lưu động',
  'liên thông',
  'cấp lại',
  'điều chỉnh',
  'bổ sung thông tin',
  'tại cơ quan đại diện',
  'trực tuyến',
];

async function adminQuery(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(sql);
  await c.end();
}

async function main() {
  const database = adminUrl
    ? await (async () => {
        await adminQuery(`DROP DATABASE IF EXISTS ${dbName}`);
        await adminQuery(`CREATE DATABASE ${dbName}`);
        const u = new URL(adminUrl);
        u.pathname = `/${dbName}`;
        return openPostgres(u.toString(), 10);
      })()
    : await openPglite(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-search-')), 'db'));
  await database.migrate();
  const db = database.db;
  const seed = demoCatalogue();
  const t0 = performance.now();
  const CHUNK = 250;
  for (let start = 0; start < PROCEDURES; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, PROCEDURES - start) }, (_, k) => {
      const i = start + k;
      const base = seed[i % seed.length]!;
      const qualifier = QUALIFIERS[Math.floor(i / seed.length) % QUALIFIERS.length]!;
      const name = i < seed.length ? base.procedure.name : `${base.procedure.name} ${qualifier} (${i})`;
      return { base, code: `${3 + (i % 7)}.${String(100000 + i).padStart(6, '0')}`, name };
    });
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(procedures)
        .values(
          rows.map((r) => ({
            nationalCode: r.code,
            name: r.name,
            sectorCode: r.base.procedure.sector.code,
            sectorName: r.base.procedure.sector.name,
            levels: r.base.procedure.levels,
            confirm: false,
          })),
        )
        .returning({ id: procedures.id });
      const versions = inserted.flatMap(({ id }, k) =>
        [1, 2, 3].map((version) => {
          const status = version === 3 ? 'published' : 'superseded';
          const effectiveFrom = `${2022 + version}-01-01`;
          const effectiveTo = version === 3 ? null : `${2022 + version}-12-31`;
          const document = { ...rows[k]!.base.version, version, status, effectiveFrom, effectiveTo };
          return {
            procedureId: id,
            version,
            status,
            effectiveFrom,
            effectiveTo,
            onlineLevel: document.onlineLevel,
            document,
          };
        }),
      );
      await tx.insert(procedureVersions).values(versions);
    });
  }
  const loadSeconds = (performance.now() - t0) / 1000;

  const config = loadConfig(
    { ...process.env, LOG_LEVEL: 'silent' },
    { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-search-files-')) },
  );
  const clock = { now: () => new Date() };
  const app = await buildApp({ db, dbKind: database.kind, config, clock }, { serveWeb: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });

  const sectors = [...new Set(seed.map((e) => e.procedure.sector.code))];
  const queries = [
    'q=dang%20ky%20khai%20sinh',
    'q=chung%20thuc',
    'q=ho%20kinh%20doanh',
    'q=tro%20cap',
    'q=ket%20hon',
    'q=nuoc%20ngoai',
    'q=cap%20lai',
    'q=3.1000',
    'q=khai%20tu%20luu%20dong',
    '',
    'onlineLevel=full',
    ...sectors.map((s) => `sector=${encodeURIComponent(s)}`),
    ...sectors.map((s) => `q=dang%20ky&sector=${encodeURIComponent(s)}`),
  ];
  // The first request builds this process's index (what a cold start costs).
  const c0 = performance.now();
  const first = await fetch(`${base}/api/public/procedures?q=dang%20ky%20khai%20sinh`);
  const firstBody = (await first.json()) as { total: number };
  const coldMs = performance.now() - c0;
  if (first.status !== 200 || firstBody.total < 1) throw new Error(`search failed: ${first.status}`);

  const load = await runLoad({
    base,
    paths: queries.map((q) => `/api/public/procedures?${q}`),
    clients: CLIENTS,
    requests: REQUESTS,
  });
  await app.close();
  await database.close();
  if (adminUrl) await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  const f = (n: number) => n.toFixed(1);
  console.log(
    `database: ${adminUrl ? 'PostgreSQL' : 'PGlite (embedded)'}; Node ${process.version}; ${os.cpus().length} cores; load avg ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(`catalogue: ${PROCEDURES} procedures × 3 versions written in ${f(loadSeconds)} s`);
  console.log(`first search (builds the index): ${f(coldMs)} ms`);
  console.log(
    `search: ${REQUESTS} requests at ${CLIENTS} clients in ${f(load.seconds)} s = ${f(load.rate)} /s; p50 ${f(load.pct(0.5))} ms, p95 ${f(load.pct(0.95))} ms, p99 ${f(load.pct(0.99))} ms (target p95 < 20 ms)`,
  );
}

await main();
