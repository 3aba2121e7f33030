import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Form06Cell, type Form06Period, periodWindow } from '../../../domain/reports/form06.ts';
import {
  type AgencyNode,
  buildForm06,
  Form06GroupBy,
  identityViolations,
} from '../../../domain/reports/form06-rows.ts';
import type { Database } from '../../db/client.ts';
import { demoCatalogue } from '../../seed/demo-catalogue.ts';
import { make } from '../../test/factories.ts';
import { openTestDatabase } from '../../test/harness.ts';
import { listAgencies } from '../agencies/agencies.repository.ts';
import { importCatalogue } from '../catalogue/catalogue.service.ts';
import { diffCounters, rebuildCounters } from './aggregates.repository.ts';
import { BASE, DAY, eventsOf, History, span, writeHistories } from './random-histories.ts';
import { form06Cells } from './reports.service.ts';
import { verifyCounters } from './verify.ts';

/**
 * Issue 7 §7, "done when": on random histories written to the database (the trigger counts each event as it is
 * appended), Biểu 06 from the counters equals Biểu 06 from a direct recount — for random periods, before, during and
 * after them, for the province and for a commune, grouped every way — and the identity holds on every row. The
 * stored counters also equal a set-based recount from the events, before and after a rebuild.
 */
let database: Database;
let procedures: { id: string; versionId: string }[];

beforeAll(async () => {
  database = await openTestDatabase();
  await importCatalogue(
    { db: database.db, actor: null, clock: { now: () => new Date() }, requestId: 'test' },
    demoCatalogue(),
  );
  const res = (await database.db.execute(sql`
    select p.id, (select v.id from procedure_versions v where v.procedure_id = p.id limit 1) as version_id
    from procedures p order by p.national_code limit 3
  `)) as unknown as { rows: { id: string; version_id: string }[] };
  procedures = res.rows.map((r) => ({ id: r.id, versionId: r.version_id }));
  expect(procedures).toHaveLength(3);
});
afterAll(async () => {
  await database?.close();
});

const isoDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
const Period = fc
  .record({ start: fc.integer({ min: -10, max: 150 }), length: fc.integer({ min: 0, max: 95 }) })
  .map(({ start, length }) => ({
    from: isoDay(BASE + start * DAY),
    to: isoDay(BASE + (start + length) * DAY),
  }));

const sortCells = (cells: Form06Cell[]) =>
  cells
    .filter((c) => Object.values(c.counts).some((v) => v !== 0))
    .sort((a, b) => `${a.agencyId}${a.procedureCode}`.localeCompare(`${b.agencyId}${b.procedureCode}`));

/** A fresh province subtree per run, so runs do not see each other's dossiers (events cannot be deleted). */
async function freshTree() {
  const t = await make.tree(database.db);
  const unit = await make.agency(database.db, { parent: t.communeA, name: 'Phòng thử', kind: 'unit' });
  return { ...t, unit };
}

async function compare(root: AgencyNode & { path: string }, period: Form06Period, now: Date) {
  const window = periodWindow(period, now);
  const [fromCounters, recounted] = await Promise.all([
    form06Cells(database.db, 'aggregates', root.path, period, window),
    form06Cells(database.db, 'recount', root.path, period, window),
  ]);
  expect(sortCells(fromCounters), `${period.from}..${period.to} seen ${now.toISOString()}`).toEqual(
    sortCells(recounted),
  );
  const agencies = await listAgencies(database.db, [root.path]);
  for (const groupBy of Form06GroupBy.options) {
    const build = (cells: Form06Cell[]) =>
      buildForm06({ cells, groupBy, root, agencies, period, asOf: new Date(window.asOf) });
    const report = build(fromCounters);
    expect(report).toEqual(build(recounted));
    expect(identityViolations(report)).toEqual([]);
  }
}

describe('Biểu 06 from the counters = Biểu 06 by direct recount (random histories in the database)', () => {
  it('for random periods, seen before, during and after them, for the province and a commune', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(History, { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(Period, span(60)), { minLength: 1, maxLength: 4 }),
        async (histories, looks) => {
          const tree = await freshTree();
          const agencyIds = [tree.province, tree.communeA, tree.centreA, tree.communeB, tree.unit].map(
            (a) => a.id,
          );
          const last = await writeHistories(database.db, { agencyIds, procedures }, histories);
          for (const [period, after] of looks) {
            // "Now" after every event (a database never holds events dated after now): inside, before or after.
            const now = new Date(last + after);
            for (const root of [tree.province, tree.communeA]) await compare(root, period, now);
          }
          // While a period runs, judged on the very day open dossiers fall due (not overdue yet on their due day).
          const dues = histories
            .map((h) => eventsOf(h).at(-1)!)
            .filter((e) => e.dueAt !== null && e.dueAt + DAY > last)
            .map((e) => Math.max(last, e.dueAt! - (e.dueAt! % 60_000)));
          for (const now of dues.slice(0, 3)) {
            const period = { from: isoDay(now - 5 * DAY), to: isoDay(now + 5 * DAY) };
            await compare(tree.province, period, new Date(now));
          }
          const end = new Date(last + DAY);
          await compare(tree.province, { from: isoDay(BASE), to: isoDay(last) }, end);
        },
      ),
      { numRuns: 40 },
    );
    expect(await diffCounters(database.db)).toEqual([]);
  });

  it('the counters kept event by event equal a set-based recount from the events, and a rebuild changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(History, { minLength: 1, maxLength: 30 }), async (histories) => {
        const tree = await freshTree();
        const agencyIds = [tree.province, tree.communeA, tree.centreB].map((a) => a.id);
        await writeHistories(database.db, { agencyIds, procedures }, histories);
        expect(await diffCounters(database.db)).toEqual([]);
      }),
      { numRuns: 15 },
    );
    const snapshot = async () =>
      (
        (await database.db.execute(sql`
          select f.agency_id, f.procedure_id, f.day::text, f.received_online, f.resolved_late,
            coalesce((select d.overdue from report_deadlines d where d.agency_id = f.agency_id
               and d.procedure_id = f.procedure_id and d.day <= f.day order by d.day desc limit 1), 0) as overdue
          from report_flows f order by 1, 2, 3
        `)) as unknown as { rows: unknown[] }
      ).rows;
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    await rebuildCounters(database.db);
    expect(await diffCounters(database.db)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('a wrong counter is found by the check (motcua reports verify)', async () => {
    const tree = await freshTree();
    const histories = fc.sample(History, { seed: 7, numRuns: 40 });
    await writeHistories(database.db, { agencyIds: [tree.communeA.id, tree.unit.id], procedures }, histories);
    // After every event (no history here goes beyond day 200).
    const now = new Date(BASE + 200 * DAY);
    expect(await verifyCounters(database.db, now)).toMatchObject({
      counterDifferences: [],
      reportDifferences: [],
    });
    await database.db.execute(sql`
      update report_flows set received_direct = received_direct + 1
      where (agency_id, procedure_id, day) = (
        select agency_id, procedure_id, max(day) from report_flows where agency_id = ${tree.communeA.id}
        group by agency_id, procedure_id limit 1)
    `);
    const diff = await diffCounters(database.db);
    expect(diff.length).toBeGreaterThan(0);
    expect(diff[0]!.table).toBe('report_flows');
    const wrong = await verifyCounters(database.db, now);
    expect(wrong.counterDifferences).toEqual(diff);
    await rebuildCounters(database.db);
    const verified = await verifyCounters(database.db, now);
    expect(verified).toEqual({
      counterDifferences: [],
      reportsCompared: expect.any(Number),
      reportDifferences: [],
    });
    expect(verified.reportsCompared).toBeGreaterThan(5);
  });
});
