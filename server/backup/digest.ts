/**
 * The content digest of a table: SHA-256 over its column names and then every row, in primary-key order, as a JSON
 * array of the PostgreSQL text form of each value (null for NULL). Text forms are fixed by the settings in sql.ts,
 * so PGlite and PostgreSQL give the same digest for the same data, and a backup line is exactly a digest line.
 */
import { createHash, type Hash } from 'node:crypto';
import { type Catalog, readCatalog, type Table } from './catalog.ts';
import { ident, type Sql } from './sql.ts';

export type TableDigest = { rows: number; digest: string };
export type Digests = Record<string, TableDigest>;

/** A running digest, fed with the same lines a backup file holds. */
export class TableHasher {
  private readonly hash: Hash = createHash('sha256');
  rows = 0;
  constructor(columns: string[]) {
    this.hash.update(`${JSON.stringify(columns)}\n`);
  }
  addLine(line: string) {
    this.hash.update(`${line}\n`);
    this.rows += 1;
  }
  result(): TableDigest {
    return { rows: this.rows, digest: this.hash.digest('hex') };
  }
}

const FETCH = 1000;

/** Every row of `table` in primary-key order, as a backup line (JSON array of text values), in pages. */
export async function* tableLines(sql: Sql, table: Table): AsyncGenerator<string[]> {
  const select = table.columns.map((c, i) => `${ident(c.name)}::text AS c${i}`).join(', ');
  // Text keys sort bytewise ("C"): PGlite has no ICU and the server's locale may differ.
  const keyOf = (name: string) => {
    const col = table.columns.find((c) => c.name === name);
    return col?.collatable ? `${ident(name)} COLLATE "C"` : ident(name);
  };
  const order =
    table.primaryKey.length > 0
      ? table.primaryKey.map(keyOf).join(', ')
      : table.columns.map((c) => `${ident(c.name)}::text COLLATE "C"`).join(', ');
  const cursor = `motcua_backup_${table.name.replace(/\W/g, '_')}`;
  await sql.query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${select} FROM public.${ident(table.name)} ORDER BY ${order}`,
  );
  try {
    for (;;) {
      const rows = await sql.query(`FETCH ${FETCH} FROM ${cursor}`);
      if (rows.length === 0) return;
      yield rows.map((r) =>
        JSON.stringify(table.columns.map((_, i) => (r[`c${i}`] === null ? null : String(r[`c${i}`])))),
      );
      if (rows.length < FETCH) return;
    }
  } finally {
    // After an error the transaction is aborted and rolls back anyway: the original error is the one to report.
    await sql.query(`CLOSE ${cursor}`).catch(() => {});
  }
}

export async function digestTable(sql: Sql, table: Table): Promise<TableDigest> {
  const hasher = new TableHasher(table.columns.map((c) => c.name));
  for await (const page of tableLines(sql, table)) for (const line of page) hasher.addLine(line);
  return hasher.result();
}

/** Per-table digests of a live database, inside the caller's transaction. */
export async function digestDatabase(sql: Sql, catalog?: Catalog): Promise<Digests> {
  const { tables } = catalog ?? (await readCatalog(sql));
  const out: Digests = {};
  for (const t of [...tables].sort((a, b) => (a.name < b.name ? -1 : 1)))
    out[t.name] = await digestTable(sql, t);
  return out;
}

/** One digest for a whole set of tables: handy to compare two databases at a glance. */
export function overallDigest(digests: Digests): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(digests).sort())
    hash.update(`${name} ${digests[name]!.rows} ${digests[name]!.digest}\n`);
  return hash.digest('hex');
}
