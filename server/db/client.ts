import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The one database type every repository takes: PGlite and node-postgres both satisfy it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  /** The driver-level handle (PGlite instance or pg.Pool), for tests and tools only. */
  client: PGlite | pg.Pool;
  kind: DbKind;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

const pgliteExtensions = { pg_trgm, unaccent };

/** Opens the embedded PostgreSQL (PGlite) with its data under `dir`; `loadDataDir` restores a dump (tests). */
export async function openPglite(dir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dir) await fs.mkdir(path.dirname(dir), { recursive: true });
  const client = await PGlite.create({ dataDir: dir, extensions: pgliteExtensions, loadDataDir });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    client,
    kind: 'pglite',
    migrate: async () => {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    },
    close: () => client.close(),
  };
}

export function openPostgres(url: string, poolSize = 10): Database {
  // Connections stay open once made (no idle timeout): a connection opened under load costs this request a
  // backend start, authentication and re-preparing the named statements — measured as stalls of 300 ms and more
  // in public tracking (bench/README.md, third session). `poolSize` per process bounds what is kept.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 0 });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool reconnects.
  pool.on('error', (err) => console.error(`PostgreSQL: idle connection lost (${err.message})`));
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    db,
    client: pool,
    kind: 'postgres',
    migrate: async () => {
      // Several app processes may start at once: one migrates, the others wait on the advisory lock.
      const conn = await pool.connect();
      try {
        await conn.query('SELECT pg_advisory_lock(hashtext($1))', ['motcua.migrate']);
        await migrateNodePg(drizzleNodePg(conn, { schema }), { migrationsFolder });
      } finally {
        await conn.query('SELECT pg_advisory_unlock(hashtext($1))', ['motcua.migrate']).catch(() => {});
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(path.join(opts.dataDir, 'db'));
}
