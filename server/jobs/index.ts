/**
 * The in-process background jobs of one app process: the notification worker (outbox delivery) and the overdue
 * job. Both poll on unref'd timers and are safe to run in every process sharing one PostgreSQL.
 */
import type { Deps } from '../context.ts';
import type { Log } from '../modules/notifications/channels.ts';
import { createNotificationWorker } from '../modules/notifications/worker.ts';
import { startOverdueJob } from './overdue.ts';

export type Jobs = Readonly<{ stop(): Promise<void> }>;

export function startJobs(deps: Deps, log: Log): Jobs {
  const worker = createNotificationWorker({ db: deps.db, clock: deps.clock, config: deps.config, log });
  worker.start();
  const overdue = startOverdueJob({ db: deps.db, clock: deps.clock, log });
  return {
    /** Waits for runs in progress, so the database may be closed right after. */
    stop: async () => {
      await Promise.all([worker.stop(), overdue.stop()]);
    },
  };
}
