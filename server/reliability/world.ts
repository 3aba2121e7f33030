/**
 * What a reliability test runs against: a fresh PostgreSQL database, a local SMTP server receiving the
 * notifications, and the environment of the app processes started on them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from '../test/global-setup.ts';
import { type Mailbox, startMailbox } from '../test/mailbox.ts';

export type ReliabilityWorld = Readonly<{
  dbUrl: string;
  db: pg.Client;
  mailbox: Mailbox;
  /** Environment of every app process: same database, same files directory, same SMTP server. */
  env: Record<string, string>;
  close(): Promise<void>;
}>;

export async function reliabilityWorld(adminUrl: string, name: string): Promise<ReliabilityWorld> {
  const dbName = `motcua_${name}_${process.pid}_${Date.now()}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(statement);
    await c.end();
  };
  await admin(`CREATE DATABASE ${dbName}`);
  const dbUrl = withDatabase(adminUrl, dbName);
  const mailbox = await startMailbox();
  // A process killed in the middle of an SMTP conversation resets its connection: expected here.
  mailbox.server.on('error', () => {});
  const env = {
    DATABASE_URL: dbUrl,
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), `motcua-${name}-`)),
    SMTP_URL: mailbox.url,
    LOG_LEVEL: 'warn',
    // A killed process's claimed notifications go to another run after this lease (900 s by default).
    OUTBOX_LEASE_SECONDS: '10',
  };
  // The test's own connection (the tables appear when the first app process migrates the database).
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  return {
    dbUrl,
    db,
    mailbox,
    env,
    async close() {
      await db.end();
      await new Promise<void>((resolve) => mailbox.server.close(() => resolve()));
      await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
    },
  };
}
