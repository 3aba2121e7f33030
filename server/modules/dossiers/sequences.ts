import { sql } from 'drizzle-orm';
import { dailySequences } from '../../db/schema.ts';
import type { Tx } from '../../db/tx.ts';

/**
 * The next number of a daily sequence, drawn inside the caller's transaction: the row stays locked until that
 * transaction ends, so concurrent callers queue (no duplicates) and a rolled-back caller gives its number back
 * (no gaps).
 */
export async function nextInSequence(tx: Tx, scope: string, day: string): Promise<number> {
  const [row] = await tx
    .insert(dailySequences)
    .values({ scope, day, last: 1 })
    .onConflictDoUpdate({
      target: [dailySequences.scope, dailySequences.day],
      set: { last: sql`${dailySequences.last} + 1` },
    })
    .returning({ last: dailySequences.last });
  return row!.last;
}
