/**
 * `motcua reports verify` (issue 7 §7): the Biểu 06 counters against a full recount. Two checks: the stored
 * counters, day by day and cell by cell, against a set-based recount from every event; and Biểu 06 itself, from
 * the counters and by direct recount of the dossiers, for each top-level agency over recent months and quarters.
 */
import { sql } from 'drizzle-orm';
import { periodWindow } from '../../../domain/reports/form06.ts';
import type { Queryable } from '../../db/tx.ts';
import { type CounterDifference, diffCounters } from './aggregates.repository.ts';
import { form06Cells } from './reports.service.ts';

export type VerifyResult = Readonly<{
  counterDifferences: CounterDifference[];
  reportsCompared: number;
  reportDifferences: string[];
}>;

const isoOf = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);

/** The last `months` calendar months (Vietnam time) up to the current one, and the current and last quarter. */
export function recentPeriods(now: Date, months: number): { from: string; to: string }[] {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const [y, m] = [local.getUTCFullYear(), local.getUTCMonth()];
  const out = Array.from({ length: months }, (_, i) => ({
    from: isoOf(y, m - i, 1),
    to: isoOf(y, m - i + 1, 0),
  }));
  const q = m - (m % 3);
  out.push(
    { from: isoOf(y, q, 1), to: isoOf(y, q + 3, 0) },
    { from: isoOf(y, q - 3, 1), to: isoOf(y, q, 0) },
  );
  return out;
}

const key = (c: { agencyId: string; procedureCode: string; counts: object }) =>
  `${c.agencyId} ${c.procedureCode} ${JSON.stringify(c.counts)}`;

export async function verifyCounters(q: Queryable, now: Date, months = 3): Promise<VerifyResult> {
  const counterDifferences = await diffCounters(q);
  const roots = (
    (await q.execute(
      sql`select name, path from agencies where parent_id is null order by name`,
    )) as unknown as {
      rows: { name: string; path: string }[];
    }
  ).rows;
  const reportDifferences: string[] = [];
  let reportsCompared = 0;
  for (const root of roots) {
    for (const period of recentPeriods(now, months)) {
      const window = periodWindow(period, now);
      const [a, b] = await Promise.all(
        (['aggregates', 'recount'] as const).map((s) => form06Cells(q, s, root.path, period, window)),
      );
      reportsCompared++;
      const nonZero = (cells: typeof a) =>
        cells!
          .filter((c) => Object.values(c.counts).some((v) => v !== 0))
          .map(key)
          .sort();
      const [ka, kb] = [nonZero(a), nonZero(b)];
      if (ka.join('\n') !== kb.join('\n')) {
        const only = ka.filter((k) => !kb.includes(k)).slice(0, 3);
        reportDifferences.push(
          `${root.name} ${period.from}..${period.to}: ${only.join('; ') || 'khác số dòng'}`,
        );
      }
    }
  }
  return { counterDifferences, reportsCompared, reportDifferences };
}
