/**
 * Runs a task over and over in the app process: the next run is scheduled only once the previous one has
 * finished (no overlap), timers are unref'd (they never keep the process alive), and `stop()` waits for the run
 * in progress so that the database can be closed right after.
 */
export type Poller = Readonly<{ stop(): Promise<void> }>;

export function poll(
  task: () => Promise<unknown>,
  opts: Readonly<{ everyMs: number; firstAfterMs?: number; onError: (err: unknown) => void }>,
): Poller {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const schedule = (ms: number) => {
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  const tick = () => {
    timer = undefined;
    running = task()
      .then(
        () => undefined,
        (err: unknown) => opts.onError(err),
      )
      .finally(() => {
        running = undefined;
        if (!stopped) schedule(opts.everyMs);
      });
  };
  schedule(opts.firstAfterMs ?? opts.everyMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
