import { buildApp } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import { type Deps, systemClock } from './context.ts';
import { openDatabase } from './db/client.ts';
import { type Jobs, startJobs } from './jobs/index.ts';
import { type DemoAccount, isEmpty, seedDemo } from './seed/demo.ts';

export type StartOptions = Partial<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  /** Seed the demo organisation and accounts when the database is empty. */
  seedDemo: boolean;
  logLevel: Config['logLevel'];
}>;

/** Opens the database, migrates, seeds an empty one if asked, and listens. Used by the CLI and the e2e tests. */
export async function startMotcua(opts: StartOptions = {}) {
  const base = loadConfig();
  const config = loadConfig(process.env, {
    port: opts.port ?? base.port,
    host: opts.host ?? base.host,
    dataDir: opts.dataDir ?? base.dataDir,
    databaseUrl: opts.databaseUrl ?? base.databaseUrl,
    logLevel: opts.logLevel ?? base.logLevel,
  });
  const database = await openDatabase(config);
  await database.migrate();
  let demoAccounts: DemoAccount[] = [];
  if (opts.seedDemo && (await isEmpty(database.db))) demoAccounts = await seedDemo(database.db);
  const deps: Deps = { db: database.db, dbKind: database.kind, config, clock: systemClock };
  const app = await buildApp(deps);
  // Background jobs (outbox delivery, overdue marking) start once listening and stop when the app closes,
  // before the database does.
  let jobs: Jobs | undefined;
  app.addHook('onClose', async () => {
    await jobs?.stop();
  });
  await app.listen({ port: config.port, host: config.host });
  jobs = startJobs(deps, app.log);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    url: `http://localhost:${port}`,
    app,
    dbKind: database.kind,
    demoAccounts,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
