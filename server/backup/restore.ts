/**
 * `motcua restore`: loads a backup into an empty database at the same migration level, in one transaction, tables in
 * foreign-key order, then re-reads every table and compares its digest with the manifest before committing.
 * Attachments are staged beside DATA_DIR/files and moved into place only after the commit.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/client.ts';
import { writeBlob } from './attachments.ts';
import { type Catalog, readCatalog, readMigrationLevel, type Table } from './catalog.ts';
import { digestDatabase } from './digest.ts';
import type { Manifest } from './format.ts';
import { walkBackup } from './read.ts';
import { ident, inTransaction, type Sql } from './sql.ts';

export class RestoreRefused extends Error {}

const BATCH_ROWS = 500;
const BATCH_CHARS = 4_000_000;

export type RestoreSummary = { rows: number; files: number; manifest: Manifest };

export async function restoreBackup(
  database: Database,
  dataDir: string,
  file: string,
): Promise<RestoreSummary> {
  const staging = path.join(dataDir, 'files', `.restore-${process.pid}`);
  await fs.rm(staging, { recursive: true, force: true });
  const staged: string[] = [];
  try {
    const manifest = await inTransaction(database, 'write', async (sql) => {
      const level = await readMigrationLevel(sql);
      if (!level) throw new RestoreRefused('CSDL đích chưa được khởi tạo: hãy chạy `motcua migrate` trước');
      const catalog = await readCatalog(sql);
      // A motcua started on the same database meanwhile must neither slip rows in nor see a half-loaded state.
      await sql.query(
        `LOCK TABLE ${catalog.tables.map((t) => `public.${ident(t.name)}`).join(', ')} IN EXCLUSIVE MODE`,
      );
      await refuseUnlessEmpty(sql, catalog);
      // The report counters are restored as backed up, not recounted while the events load (migration 0012).
      await sql.query(`SET LOCAL motcua.restoring = 'on'`);
      const loader = new Loader(sql, catalog);
      const m = await walkBackup(file, {
        header: async (h) => {
          if (h.migration.hash !== level.hash) {
            throw new RestoreRefused(
              `Bản sao lưu ở mức cấu trúc ${h.migration.tag ?? h.migration.hash} (motcua ${h.motcuaVersion}), ` +
                `CSDL đích ở mức ${level.tag ?? level.hash}: hãy khôi phục bằng đúng phiên bản motcua đã tạo bản sao lưu, ` +
                'rồi nâng cấp motcua như bình thường.',
            );
          }
        },
        tableStart: async (name, columns) => loader.start(name, columns),
        row: async (_name, values) => loader.add(values),
        tableEnd: async () => loader.end(),
        file: async (sha, bytes) => {
          await fs.mkdir(staging, { recursive: true });
          await fs.writeFile(path.join(staging, sha), bytes);
          staged.push(sha);
        },
      });
      const missing = catalog.tables.filter((t) => !loader.loaded.has(t.name)).map((t) => t.name);
      if (missing.length > 0) throw new RestoreRefused(`Tệp sao lưu thiếu bảng: ${missing.join(', ')}`);
      for (const [name, [value, isCalled]] of Object.entries(m.sequences)) {
        if (!catalog.sequences.includes(name))
          throw new RestoreRefused(`CSDL đích không có sequence ${name}`);
        await sql.query('SELECT setval($1::text::regclass, $2::text::bigint, $3::boolean)', [
          `public.${ident(name)}`,
          value,
          isCalled,
        ]);
      }
      // The proof: what the database now holds reads back to the digests the backup was taken with.
      const now = await digestDatabase(sql, catalog);
      const differ = Object.keys({ ...now, ...m.tables }).filter(
        (t) => now[t]?.digest !== m.tables[t]?.digest || now[t]?.rows !== m.tables[t]?.rows,
      );
      if (differ.length > 0) {
        throw new Error(
          `Dữ liệu sau khi nạp khác bản sao lưu (bảng ${differ.sort().join(', ')}): đã huỷ khôi phục`,
        );
      }
      return m;
    });
    for (const sha of staged) await writeBlob(dataDir, sha, await fs.readFile(path.join(staging, sha)));
    const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
    return { rows, files: staged.length, manifest };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

async function refuseUnlessEmpty(sql: Sql, catalog: Catalog) {
  const used: string[] = [];
  for (const t of catalog.tables) {
    const [r] = await sql.query(`SELECT EXISTS (SELECT 1 FROM public.${ident(t.name)}) AS used`);
    if (r?.used === true) used.push(t.name);
  }
  if (used.length === 0) return;
  throw new RestoreRefused(
    `CSDL đích đã có dữ liệu (bảng ${used.join(', ')}): chỉ khôi phục vào CSDL trống, không ghi đè. ` +
      'Hãy tạo CSDL mới (PostgreSQL: createdb rồi đặt DATABASE_URL; CSDL nhúng: một DATA_DIR mới) ' +
      'và chạy `motcua restore` trước khi `motcua start` (start sẽ nạp dữ liệu demo vào CSDL trống). Xem docs/backup.md.',
  );
}

/** Inserts one table at a time in batches; a table that refers to itself is loaded parents first. */
class Loader {
  readonly loaded = new Set<string>();
  private table: Table | undefined;
  private fileColumns: string[] = [];
  private batch: (string | null)[][] = [];
  private batchChars = 0;

  constructor(
    private readonly sql: Sql,
    private readonly catalog: Catalog,
  ) {}

  async start(name: string, columns: string[]) {
    const table = this.catalog.tables.find((t) => t.name === name);
    if (!table) throw new RestoreRefused(`CSDL đích không có bảng ${name}`);
    const expected = table.columns.map((c) => c.name);
    if (expected.join(',') !== columns.join(',')) {
      throw new RestoreRefused(`Cột của bảng ${name} trong bản sao lưu khác CSDL đích`);
    }
    const notYet = table.dependsOn.filter((d) => !this.loaded.has(d));
    if (notYet.length > 0) {
      throw new RestoreRefused(
        `Bảng ${name} đứng trước bảng nó tham chiếu (${notYet.join(', ')}) trong tệp sao lưu`,
      );
    }
    this.table = table;
    this.fileColumns = columns;
  }

  async add(values: (string | null)[]) {
    this.batch.push(values);
    this.batchChars += values.reduce((n, v) => n + (v?.length ?? 0), 0);
    const selfReferencing = (this.table?.selfKeys.length ?? 0) > 0;
    if (!selfReferencing && (this.batch.length >= BATCH_ROWS || this.batchChars >= BATCH_CHARS))
      await this.flush();
  }

  async end() {
    const table = this.table!;
    if (table.selfKeys.length > 0) this.batch = parentsFirst(table, this.fileColumns, this.batch);
    const rows = this.batch;
    this.batch = [];
    for (let i = 0; i < rows.length; i += BATCH_ROWS) await this.insert(rows.slice(i, i + BATCH_ROWS));
    this.loaded.add(table.name);
    this.table = undefined;
  }

  private async flush() {
    const rows = this.batch;
    this.batch = [];
    this.batchChars = 0;
    await this.insert(rows);
  }

  private async insert(rows: (string | null)[][]) {
    if (rows.length === 0) return;
    const table = this.table!;
    const cols = table.columns.map((c, i) => ({ ...c, at: i })).filter((c) => !c.generated);
    const overriding = table.columns.some((c) => c.identity) ? ' OVERRIDING SYSTEM VALUE' : '';
    // Each value goes in as text and is cast by the column type's own input function: lossless, and the same
    // statement works on both drivers (one text parameter, no driver-side type conversion).
    await this.sql.query(
      `INSERT INTO public.${ident(table.name)} (${cols.map((c) => ident(c.name)).join(', ')})${overriding}
       SELECT ${cols.map((c) => `(r->>${c.at})::${c.type}`).join(', ')}
       FROM jsonb_array_elements($1::text::jsonb) AS r`,
      [JSON.stringify(rows)],
    );
  }
}

/** Orders rows so that a row comes after the row its self-reference points at (e.g. an agency after its parent). */
export function parentsFirst(
  table: Table,
  columns: string[],
  rows: (string | null)[][],
): (string | null)[][] {
  const at = (name: string) => columns.indexOf(name);
  const keysOf = (row: (string | null)[], cols: string[]) => {
    const vals = cols.map((c) => row[at(c)] ?? null);
    return vals.some((v) => v === null) ? undefined : JSON.stringify(vals);
  };
  const ordered: (string | null)[][] = [];
  const placed = new Set<string>();
  let pending = rows;
  while (pending.length > 0) {
    const next: (string | null)[][] = [];
    for (const row of pending) {
      const ready = table.selfKeys.every((fk) => {
        const parent = keysOf(row, fk.columns);
        const own = keysOf(row, fk.refColumns);
        return parent === undefined || parent === own || placed.has(`${fk.refColumns}|${parent}`);
      });
      if (!ready) {
        next.push(row);
        continue;
      }
      ordered.push(row);
      for (const fk of table.selfKeys) {
        const own = keysOf(row, fk.refColumns);
        if (own) placed.add(`${fk.refColumns}|${own}`);
      }
    }
    // Rows whose parent is not in the backup: inserting them makes the database report the broken reference.
    if (next.length === pending.length) return [...ordered, ...next];
    pending = next;
  }
  return ordered;
}
