/**
 * Biểu 06 for a quarter, whole province, from the counters and by direct recount (issue 7 §7), on a database
 * filled by `npm run bench:data`. Target: < 100 ms from the counters over 10,000,000 dossiers on PostgreSQL.
 *
 *   npm run bench:data -- --dossiers 1000000
 *   npx tsx bench/form06.bench.ts [--database-url postgres://postgres@127.0.0.1:5432/motcua_bench_agg]
 *                                 [--runs 30] [--recount-runs 3]
 *
 * Measures what depends on the source — reading the cells and building the rows (form06Cells + buildForm06), as
 * the service does — for the last finished quarter and the running one, checks that both sources give the same
 * report, and prints p50 / p95 with the load average of the machine.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { periodWindow } from '../domain/reports/form06.ts';
import { buildForm06 } from '../domain/reports/form06-rows.ts';
import { openPostgres } from '../server/db/client.ts';
import { findAgency, listAgencies } from '../server/modules/agencies/agencies.repository.ts';
import { form06Cells } from '../server/modules/reports/reports.service.ts';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    runs: { type: 'string', default: '30' },
    'recount-runs': { type: 'string', default: '3' },
  },
});
const url =
  args['database-url'] ??
  process.env.BENCH_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/motcua_bench_agg';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const quarterOf = (y: number, q: number) => ({
  from: new Date(Date.UTC(y, q * 3, 1)).toISOString().slice(0, 10),
  to: new Date(Date.UTC(y, q * 3 + 3, 0)).toISOString().slice(0, 10),
});

async function main() {
  const database = openPostgres(url, 4);
  const db = database.db;
  const root = (
    (await db.execute(
      sql`select id from agencies where parent_id is null order by created_at limit 1`,
    )) as unknown as {
      rows: { id: string }[];
    }
  ).rows[0]!;
  const agency = (await findAgency(db, root.id))!;
  const counts = (
    (await db.execute(
      sql`select (select count(*) from dossiers) as dossiers, (select count(*) from dossier_events) as events,
        (select count(*) from report_cells) as cells, (select count(*) from report_flows) as flows`,
    )) as unknown as { rows: Record<string, string>[] }
  ).rows[0]!;
  const now = new Date();
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const q = Math.floor(local.getUTCMonth() / 3);
  const periods = [
    { name: 'last quarter', ...quarterOf(local.getUTCFullYear(), q - 1) },
    { name: 'this quarter (running)', ...quarterOf(local.getUTCFullYear(), q) },
  ];
  console.log(
    `${agency.name}: ${Number(counts.dossiers).toLocaleString('en')} dossiers, ${Number(counts.events).toLocaleString('en')} events, ` +
      `${counts.cells} cells, ${Number(counts.flows).toLocaleString('en')} flow rows; Node ${process.version}, ${os.cpus().length} cores`,
  );
  const agencies = await listAgencies(db, [agency.path]);
  for (const p of periods) {
    const period = { from: p.from, to: p.to };
    const window = periodWindow(period, now);
    const once = async (source: 'aggregates' | 'recount') => {
      const t0 = performance.now();
      const cells = await form06Cells(db, source, agency.path, period, window);
      const report = buildForm06({
        cells,
        groupBy: 'agency',
        root: agency,
        agencies,
        period,
        asOf: new Date(window.asOf),
      });
      return { ms: performance.now() - t0, report };
    };
    for (const [source, runs] of [
      ['aggregates', Number(args.runs)],
      ['recount', Number(args['recount-runs'])],
    ] as const) {
      await once(source); // warm-up (plans, caches)
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push((await once(source)).ms);
      console.log(
        `  ${p.name} ${p.from}..${p.to} from ${source.padEnd(10)}: p50 ${quantile(times, 0.5).toFixed(1)} ms, ` +
          `p95 ${quantile(times, 0.95).toFixed(1)} ms (${runs} runs; load avg ${os
            .loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')})`,
      );
    }
    const [a, b] = [await once('aggregates'), await once('recount')];
    const same = JSON.stringify(a.report) === JSON.stringify(b.report);
    console.log(
      `  same report from both sources: ${same} (received ${a.report.total.received.toLocaleString('en')}, ` +
        `resolved ${a.report.total.resolved.toLocaleString('en')}, in progress ${a.report.total.inProgress.toLocaleString('en')})`,
    );
    if (!same) process.exitCode = 1;
  }
  await database.close();
}

await main();
