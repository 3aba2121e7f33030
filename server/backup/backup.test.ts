/**
 * Backup and restore round trips (issue 8, item 7): a database built through the app, backed up and restored into a
 * fresh empty database and data dir, reads back to the same per-table digests and the same attachment bytes — on
 * the harness's database and, with TEST_DATABASE_URL, across PGlite ↔ PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite, openPostgres } from '../db/client.ts';
import { dossierWorld, intakeOf, testPdf, uploadTestPdf } from '../modules/dossiers/test-world.ts';
import { makeTestApp, openTestDatabase, type TestApp } from '../test/harness.ts';
import { blobPath } from './attachments.ts';
import { createBackup } from './backup.ts';
import { type Digests, digestDatabase, TableHasher } from './digest.ts';
import { walkBackup } from './read.ts';
import { RestoreRefused, restoreBackup } from './restore.ts';
import { inTransaction } from './sql.ts';

const SLOW = 180_000;
const pgUrl = process.env.TEST_DATABASE_URL;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'motcua-backup-'));
const dirOf = (name: string) => path.join(tmp, name);
const digestsOf = (d: Database) => inTransaction(d, 'read', (sql) => digestDatabase(sql));

let t: TestApp;
let source: Digests;
let fileId: string;
const backupFile = path.join(tmp, 'source.backup.gz');
const cleanups: (() => Promise<unknown>)[] = [];

/** An empty database migrated to the current level, dropped (PostgreSQL) or closed after the run. */
async function freshDatabase(kind: 'same' | 'pglite' | 'postgres'): Promise<Database> {
  let database: Database;
  if (kind === 'same') {
    database = await openTestDatabase();
  } else if (kind === 'pglite') {
    database = await openPglite(undefined);
    await database.migrate();
  } else {
    const name = `motcua_backup_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(pgUrl!);
    url.pathname = `/${name}`;
    database = openPostgres(url.toString(), 2);
    await database.migrate();
    const close = database.close;
    database = {
      ...database,
      close: async () => {
        await close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  cleanups.push(() => database.close());
  return database;
}

beforeAll(async () => {
  t = await makeTestApp({ dataDir: dirOf('source'), sessionHours: 24 * 365 });
  t.clock.set(new Date('2026-03-02T02:15:00Z'));
  const w = await dossierWorld(t);
  const desk = await t.login('mc.an');
  fileId = await uploadTestPdf(t, desk);
  const intake = await desk.post(
    '/api/dossiers',
    intakeOf(w.centre.id, {
      documents: [
        { key: 'declaration', kind: 'original', fileIds: [fileId] },
        { key: 'evidence', kind: 'certifiedCopy' },
      ],
    }),
  );
  expect(intake.statusCode).toBe(201);
  const id = intake.json().id as string;
  expect((await desk.post(`/api/dossiers/${id}/actions`, { action: 'forward' })).statusCode).toBe(200);
  const specialist = await t.login('cv.an');
  expect((await specialist.post(`/api/dossiers/${id}/actions`, { action: 'claim' })).statusCode).toBe(200);
  // A second dossier received later the same day: several events, outbox notices and audit rows.
  t.clock.set(new Date('2026-03-02T07:40:00Z'));
  expect((await desk.post('/api/dossiers', intakeOf(w.centre.id))).statusCode).toBe(201);

  await createBackup(t.database, dirOf('source'), backupFile, t.clock);
  source = await digestsOf(t.database);
}, SLOW);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch((e: unknown) => console.error(e));
  await t?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Restores `file` into a fresh database and data dir; checks digests and attachment bytes against the source. */
async function roundTrip(kind: 'same' | 'pglite' | 'postgres', file: string, name: string) {
  const target = await freshDatabase(kind);
  const dataDir = dirOf(name);
  const r = await restoreBackup(target, dataDir, file);
  expect(r.files).toBe(1);
  expect(await digestsOf(target)).toEqual(source);
  const sha = r.manifest.files[0]!.sha256;
  expect(await fs.readFile(blobPath(dataDir, sha))).toEqual(testPdf);
  return target;
}

describe('backup', () => {
  it('holds every table with its digest, the attachment and the migration level', async () => {
    const m = await walkBackup(backupFile);
    expect(m.tables).toEqual(source);
    expect(m.migration.tag).toMatch(/^\d{4}_/);
    expect(m.database).toBe(t.database.kind);
    for (const table of ['dossiers', 'dossier_events', 'outbox', 'audit_events', 'stored_files']) {
      expect(m.tables[table]?.rows, table).toBeGreaterThan(0);
    }
    expect(m.files).toHaveLength(1);
    expect(m.missingFiles).toEqual([]);
  });
});

describe('restore', () => {
  it(
    `into a fresh ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'} database gives identical tables and files`,
    async () => {
      await roundTrip('same', backupFile, 'same');
    },
    SLOW,
  );

  it('refuses a backup with one byte changed in a row, and leaves the target empty', async () => {
    const text = gunzipSync(await fs.readFile(backupFile)).toString('utf8');
    const at = text.indexOf('Nguyễn Văn An');
    expect(at).toBeGreaterThan(0);
    const tampered = path.join(tmp, 'tampered.backup.gz');
    await fs.writeFile(tampered, gzipSync(`${text.slice(0, at)}Nguyễn Văn Am${text.slice(at + 13)}`));
    await expect(walkBackup(tampered)).rejects.toThrow(/bị sửa hoặc hỏng: dữ liệu bảng/);

    const target = await freshDatabase('same');
    const empty = await digestsOf(target);
    await expect(restoreBackup(target, dirOf('tampered'), tampered)).rejects.toThrow(/bị sửa hoặc hỏng/);
    expect(await digestsOf(target)).toEqual(empty);
    await expect(fs.readdir(path.join(dirOf('tampered'), 'files'))).resolves.toEqual([]);
  });

  it('rolls back when the loaded data does not read back as the manifest says', async () => {
    // A file that is consistent with its own manifest but holds an instant in a form the database normalises
    // ("+00:00" reads back as "+00"): only the check after loading can see it, and nothing is kept.
    const lines = gunzipSync(await fs.readFile(backupFile))
      .toString('utf8')
      .split('\n');
    const start = lines.findIndex((l) => l.startsWith('{"table":"dossiers"'));
    const columns = (JSON.parse(lines[start]!) as { columns: string[] }).columns;
    const row = JSON.parse(lines[start + 1]!) as (string | null)[];
    const at = row.findIndex((v) => v !== null && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?\+00$/.test(v));
    expect(at).toBeGreaterThanOrEqual(0);
    row[at] = `${row[at]}:00`;
    lines[start + 1] = JSON.stringify(row);
    const hasher = new TableHasher(columns);
    for (let i = start + 1; lines[i]?.startsWith('['); i++) hasher.addLine(lines[i]!);
    const last = lines.findIndex((l) => l.startsWith('{"manifest":'));
    const m = JSON.parse(lines[last]!) as { manifest: { tables: Record<string, unknown> } };
    m.manifest.tables.dossiers = hasher.result();
    lines[last] = JSON.stringify(m);
    const odd = path.join(tmp, 'odd.backup.gz');
    await fs.writeFile(odd, gzipSync(lines.join('\n')));
    await walkBackup(odd); // the file itself is consistent

    const target = await freshDatabase('same');
    await expect(restoreBackup(target, dirOf('odd'), odd)).rejects.toThrow(
      /Dữ liệu sau khi nạp khác bản sao lưu \(bảng dossiers\)/,
    );
    expect(Object.values(await digestsOf(target)).every((d) => d.rows === 0)).toBe(true);
    await expect(fs.readdir(path.join(dirOf('odd'), 'files'))).resolves.toEqual([]);
  });

  it('refuses a truncated backup', async () => {
    const bytes = gunzipSync(await fs.readFile(backupFile));
    const cut = path.join(tmp, 'cut.backup.gz');
    await fs.writeFile(cut, gzipSync(bytes.subarray(0, Math.floor(bytes.length / 2))));
    await expect(walkBackup(cut)).rejects.toThrow(/Tệp sao lưu/);
    await fs.writeFile(cut, (await fs.readFile(backupFile)).subarray(0, 2000));
    await expect(walkBackup(cut)).rejects.toThrow(/Không đọc được tệp sao lưu/);
  });

  it('refuses a database that already has data, and changes nothing', async () => {
    const before = await digestsOf(t.database);
    const err = await restoreBackup(t.database, dirOf('source'), backupFile).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RestoreRefused);
    expect((err as Error).message).toMatch(/CSDL đích đã có dữ liệu .* chỉ khôi phục vào CSDL trống/);
    expect(await digestsOf(t.database)).toEqual(before);
  });
});

describe.runIf(pgUrl)('across databases', () => {
  it(
    'PostgreSQL → PGlite → PostgreSQL gives identical tables and files',
    async () => {
      const lite = await roundTrip('pglite', backupFile, 'lite');
      const second = path.join(tmp, 'from-pglite.backup.gz');
      await createBackup(lite, dirOf('lite'), second, t.clock);
      expect((await walkBackup(second)).database).toBe('pglite');
      await roundTrip('postgres', second, 'pg-again');
    },
    SLOW,
  );
});
