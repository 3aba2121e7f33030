/**
 * The overdue job: every minute, records for each open dossier that has just passed its due date when it became
 * overdue (its due date) and who held it then — once. The statement itself is safe with several app processes
 * on one PostgreSQL (see `recordOverdue` for why one conditional UPDATE and no advisory lock).
 */
import type { Clock } from '../context.ts';
import type { Db } from '../db/client.ts';
import type { Log } from '../modules/notifications/channels.ts';
import { recordOverdue } from '../modules/notifications/warnings.repository.ts';
import { poll } from './poll.ts';

const EVERY_MS = 60_000;

export type OverdueDeps = Readonly<{ db: Db; clock: Clock; log: Log }>;

/** One pass; returns the dossiers it recorded (none when run again at once). */
export async function runOverdueCheck(deps: OverdueDeps) {
  const marked = await recordOverdue(deps.db, deps.clock.now());
  if (marked.length > 0) {
    deps.log.info(
      { count: marked.length, codes: marked.slice(0, 20).map((m) => m.code) },
      'dossiers became overdue',
    );
  }
  return marked;
}

/** Runs the check shortly after start, then every minute, until `stop()`. */
export function startOverdueJob(deps: OverdueDeps, opts: Readonly<{ everyMs?: number }> = {}) {
  return poll(() => runOverdueCheck(deps), {
    everyMs: opts.everyMs ?? EVERY_MS,
    firstAfterMs: 5_000,
    onError: (err) =>
      deps.log.error({ err: err instanceof Error ? err.message : String(err) }, 'overdue job run failed'),
  });
}
