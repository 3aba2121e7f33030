/**
 * `motcua backup`: one consistent snapshot of every application table and every attachment the tables name,
 * written as a logical, database-independent file (format.ts). ADR 0008 says why not a PGlite data-dir dump.
 */
import fs from 'node:fs/promises';
import type { Clock } from '../context.ts';
import type { Database } from '../db/client.ts';
import { readBlob } from './attachments.ts';
import { readCatalog, readMigrationLevel, readSequences } from './catalog.ts';
import { TableHasher, tableLines } from './digest.ts';
import { FORMAT, type Header, type Manifest, openWriter } from './format.ts';
import { inTransaction } from './sql.ts';

export async function motcuaVersion(): Promise<string> {
  const pkg = JSON.parse(await fs.readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export type BackupSummary = { file: string; bytes: number; rows: number; manifest: Manifest };

export async function createBackup(
  database: Database,
  dataDir: string,
  file: string,
  clock: Clock,
): Promise<BackupSummary> {
  const tmp = `${file}.${process.pid}.tmp`;
  const writer = openWriter(tmp);
  try {
    const manifest = await inTransaction(database, 'read', async (sql) => {
      const migration = await readMigrationLevel(sql);
      if (!migration)
        throw new Error('CSDL chưa được khởi tạo (chưa có migration nào): không có gì để sao lưu');
      const header: Header = {
        motcuaBackup: FORMAT,
        motcuaVersion: await motcuaVersion(),
        database: database.kind,
        migration,
        createdAt: clock.now().toISOString(),
      };
      await writer.line(JSON.stringify(header));
      const catalog = await readCatalog(sql);
      const tables: Manifest['tables'] = {};
      for (const table of catalog.tables) {
        const columns = table.columns.map((c) => c.name);
        await writer.line(JSON.stringify({ table: table.name, columns }));
        const hasher = new TableHasher(columns);
        for await (const page of tableLines(sql, table)) {
          for (const line of page) {
            hasher.addLine(line);
            await writer.line(line);
          }
        }
        tables[table.name] = hasher.result();
      }
      const sequences = await readSequences(sql, catalog.sequences);
      // Attachments are content-addressed and never rewritten, so reading them after the rows is still consistent.
      const shas = catalog.tables.some((t) => t.name === 'stored_files')
        ? (await sql.query('SELECT DISTINCT sha256 FROM stored_files ORDER BY 1')).map((r) =>
            String(r.sha256),
          )
        : [];
      const files: Manifest['files'] = [];
      const missingFiles: string[] = [];
      for (const sha of shas) {
        const bytes = await readBlob(dataDir, sha);
        if (!bytes) {
          missingFiles.push(sha);
          continue;
        }
        await writer.line(JSON.stringify({ file: sha, size: bytes.length, data: bytes.toString('base64') }));
        files.push({ sha256: sha, size: bytes.length });
      }
      const { motcuaBackup: _, ...about } = header;
      const m: Manifest = { ...about, format: FORMAT, tables, sequences, files, missingFiles };
      await writer.line(JSON.stringify({ manifest: m }));
      return m;
    });
    await writer.close();
    await fs.rename(tmp, file);
    const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
    return { file, bytes: (await fs.stat(file)).size, rows, manifest };
  } catch (err) {
    await writer.close().catch(() => {});
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
