import fs from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../db/client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a migrated data-dir dump each test file restores (initdb runs once per run, not per file). */
    pgliteSnapshot: string;
    /** PostgreSQL: URL of a migrated template database each test file clones. */
    pgTemplateUrl: string;
  }
}

export const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** Migrates once per run; every test file then gets its own copy of that database. */
export default async function setup(project: TestProject) {
  const testUrl = process.env.TEST_DATABASE_URL;
  if (testUrl) {
    const name = `motcua_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: testUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const tplUrl = withDatabase(testUrl, name);
    const db = openPostgres(tplUrl, 1);
    await db.migrate();
    await db.close();
    project.provide('pgTemplateUrl', tplUrl);
    project.provide('pgliteSnapshot', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = path.resolve('.tmp');
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `pglite-snapshot-${process.pid}.tar.gz`);
  const db = await openPglite(undefined);
  await db.migrate();
  const snapshot = await (db.client as PGlite).dumpDataDir('gzip');
  await fs.writeFile(file, Buffer.from(await snapshot.arrayBuffer()));
  await db.close();
  project.provide('pgliteSnapshot', file);
  project.provide('pgTemplateUrl', '');
  return async () => {
    await fs.rm(file, { force: true });
  };
}
