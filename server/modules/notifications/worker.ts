/**
 * The outbox worker: delivers the notices that services queued in their own transactions (dossiers/notify.ts).
 * Each run claims due rows in small batches (outbox.repository `claimDue`: safe with several app processes on
 * one PostgreSQL), renders and sends each one, then records the outcome: `sent` (a provider took it), `logged`
 * (no provider: written to the log only), `retry` with exponential backoff, or `failed` after the last attempt.
 * Time comes from the injected clock only.
 */
import type { Config } from '../../config.ts';
import type { Clock } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { poll } from '../../jobs/poll.ts';
import {
  type Channels,
  channelsFrom,
  LOGGED_VIA,
  type Log,
  OUTBOX_CHANNELS,
  type OutboxChannel,
} from './channels.ts';
import { claimDue, type OutboxRow, settle } from './outbox.repository.ts';
import { RenderError, renderNotice } from './templates.ts';

const MINUTE = 60_000;
/** Wait after the 1st, 2nd, … failed attempt; after the last one the row is `failed` (6 attempts in ~15 h). */
export const BACKOFF_MS: readonly number[] = [
  1 * MINUTE,
  5 * MINUTE,
  30 * MINUTE,
  120 * MINUTE,
  720 * MINUTE,
];
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/**
 * How long a claimed batch is ours before another worker may take it again (covers SMTP timeouts for a batch
 * sent at once). It is also how long the rows a crashed process had claimed wait before another process sends
 * them: configurable (`OUTBOX_LEASE_SECONDS`); this is the default.
 */
export const LEASE_MS = 15 * MINUTE;
const BATCH_SIZE = 10;
/** A run stops claiming after this long, so it has an end even when rows keep arriving. */
const RUN_BUDGET_MS = 10_000;
const POLL_MS = 5_000;

export type RunSummary = { sent: number; logged: number; retry: number; failed: number; lost: number };
type Outcome = keyof RunSummary;

export type WorkerDeps = Readonly<{
  db: Db;
  clock: Clock;
  config: Pick<Config, 'publicUrl' | 'smtpUrl' | 'mailFrom'> & Partial<Pick<Config, 'outboxLeaseSeconds'>>;
  log: Log;
  /** Defaults to the channels the configuration selects (channels.ts). */
  channels?: Channels;
}>;

/** Error text kept on the row: one line, short. It names no one beyond the recipient the row already holds. */
const errorText = (err: unknown) =>
  (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim().slice(0, 500) ||
  'Lỗi không rõ';

export function createNotificationWorker(deps: WorkerDeps) {
  const channels = deps.channels ?? channelsFrom(deps.config, deps.log);
  const { db, clock, log } = deps;
  const leaseMs = deps.config.outboxLeaseSeconds ? deps.config.outboxLeaseSeconds * 1000 : LEASE_MS;

  async function fail(row: OutboxRow, err: unknown, permanent: boolean): Promise<Outcome> {
    const now = clock.now();
    const last = permanent || row.attempts >= MAX_ATTEMPTS;
    const lastError = errorText(err);
    const delay = BACKOFF_MS[Math.min(row.attempts, BACKOFF_MS.length) - 1] ?? BACKOFF_MS[0]!;
    const settled = await settle(db, row, {
      status: last ? 'failed' : 'retry',
      nextAttemptAt: last ? now : new Date(now.getTime() + delay),
      lastError,
    });
    log.warn(
      {
        outboxId: row.id,
        channel: row.channel,
        template: row.template,
        attempts: row.attempts,
        err: lastError,
      },
      last ? 'notification failed for good' : 'notification failed; will retry',
    );
    if (!settled) return 'lost';
    return last ? 'failed' : 'retry';
  }

  async function deliver(row: OutboxRow): Promise<Outcome> {
    const channel = OUTBOX_CHANNELS.includes(row.channel as OutboxChannel)
      ? channels[row.channel as OutboxChannel]
      : undefined;
    if (!channel) return fail(row, new RenderError(`Kênh không được hỗ trợ: ${row.channel}`), true);
    let message: ReturnType<typeof renderNotice>;
    try {
      message = renderNotice(row.template, row.payload, deps.config.publicUrl);
    } catch (err) {
      return fail(row, err, true);
    }
    let via: string;
    try {
      via = (await channel.send({ id: row.id, to: row.recipient, ...message })).via;
    } catch (err) {
      return fail(row, err, false);
    }
    const status = via === LOGGED_VIA ? 'logged' : 'sent';
    const settled = await settle(db, row, { status, deliveredVia: via, sentAt: clock.now() });
    if (!settled) {
      // Our lease ran out while sending and another worker took the row: it may be delivered twice.
      log.warn({ outboxId: row.id }, 'notification delivered after its lease expired');
      return 'lost';
    }
    return status;
  }

  /** Delivers everything due now (in batches); returns what happened. Tests call this directly. */
  async function runOnce(): Promise<RunSummary> {
    const summary: RunSummary = { sent: 0, logged: 0, retry: 0, failed: 0, lost: 0 };
    const started = performance.now();
    while (performance.now() - started < RUN_BUDGET_MS) {
      const now = clock.now();
      const rows = await claimDue(db, now, BATCH_SIZE, new Date(now.getTime() + leaseMs));
      // The rows of a batch go out together: each is settled on its own, and one slow recipient does not hold
      // up the others for longer than the batch.
      for (const outcome of await Promise.all(rows.map(deliver))) summary[outcome]++;
      if (rows.length < BATCH_SIZE) break;
    }
    return summary;
  }

  let poller: ReturnType<typeof poll> | undefined;
  return {
    runOnce,
    /** Polls every few seconds until `stop()`; the timer never keeps the process alive. */
    start() {
      poller ??= poll(runOnce, {
        everyMs: POLL_MS,
        onError: (err) => log.error({ err: errorText(err) }, 'notification worker run failed'),
      });
    },
    async stop() {
      await poller?.stop();
      poller = undefined;
      for (const c of Object.values(channels)) c.close?.();
    },
  };
}

export type NotificationWorker = ReturnType<typeof createNotificationWorker>;
