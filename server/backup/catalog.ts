/**
 * What the database holds, read from pg_catalog (the same on PGlite and PostgreSQL): the application tables of the
 * `public` schema with their columns, keys and foreign keys, the order they can be loaded in, the sequences, and the
 * last migration applied. Nothing is hard-coded, so a table added by a new migration is backed up without edits.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { migrationsFolder } from '../db/client.ts';
import { ident, type Sql } from './sql.ts';

export type Column = {
  name: string;
  type: string;
  generated: boolean;
  identity: boolean;
  collatable: boolean;
};
export type ForeignKey = { table: string; columns: string[]; refTable: string; refColumns: string[] };
export type Table = {
  name: string;
  columns: Column[];
  primaryKey: string[];
  /** Foreign keys from this table to itself (rows must then be loaded parents first). */
  selfKeys: ForeignKey[];
  /** Other tables this one refers to. */
  dependsOn: string[];
};
export type Catalog = { tables: Table[]; sequences: string[] };
export type MigrationLevel = { tag: string | null; hash: string; createdAt: string };

const jsonList = (v: unknown): string[] => JSON.parse(String(v)) as string[];

export async function readCatalog(sql: Sql): Promise<Catalog> {
  const tableRows = await sql.query(`
    SELECT c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname COLLATE "C"`);
  const columnRows = await sql.query(`
    SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
      a.attgenerated <> '' AS generated, a.attidentity <> '' AS identity, a.attcollation <> 0 AS collatable
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname COLLATE "C", a.attnum`);
  const keyCols = (rel: string, keys: string) => `(
      SELECT json_agg(a.attname ORDER BY k.ord)::text
      FROM unnest(${keys}) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.attnum)`;
  const constraintRows = await sql.query(`
    SELECT con.contype::text AS kind, tc.relname AS table, rc.relname AS ref_table,
      ${keyCols('con.conrelid', 'con.conkey')} AS columns,
      ${keyCols('con.confrelid', 'con.confkey')} AS ref_columns
    FROM pg_constraint con
    JOIN pg_class tc ON tc.oid = con.conrelid JOIN pg_namespace n ON n.oid = tc.relnamespace
    LEFT JOIN pg_class rc ON rc.oid = con.confrelid
    WHERE n.nspname = 'public' AND con.contype IN ('p', 'f') AND con.conparentid = 0
    ORDER BY con.conname COLLATE "C"`);
  const sequenceRows = await sql.query(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname COLLATE "C"`);

  const tables = new Map<string, Table>();
  for (const r of tableRows) {
    const name = String(r.name);
    tables.set(name, { name, columns: [], primaryKey: [], selfKeys: [], dependsOn: [] });
  }
  for (const r of columnRows) {
    tables.get(String(r.table))?.columns.push({
      name: String(r.name),
      type: String(r.type),
      generated: r.generated === true,
      identity: r.identity === true,
      collatable: r.collatable === true,
    });
  }
  for (const r of constraintRows) {
    const t = tables.get(String(r.table));
    if (!t) continue;
    if (r.kind === 'p') {
      t.primaryKey = jsonList(r.columns);
      continue;
    }
    const fk: ForeignKey = {
      table: t.name,
      columns: jsonList(r.columns),
      refTable: String(r.ref_table),
      refColumns: jsonList(r.ref_columns),
    };
    if (fk.refTable === t.name) t.selfKeys.push(fk);
    else if (tables.has(fk.refTable) && !t.dependsOn.includes(fk.refTable)) t.dependsOn.push(fk.refTable);
  }
  return { tables: loadOrder([...tables.values()]), sequences: sequenceRows.map((r) => String(r.name)) };
}

/**
 * Tables ordered so that every table comes after the tables it refers to (Kahn's algorithm, ties by name so the
 * order is stable). A cycle between two tables cannot be loaded with the constraints on: it is refused by name.
 */
export function loadOrder(tables: Table[]): Table[] {
  const pending = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: Table[] = [];
  while (pending.size > 0) {
    const ready = [...pending.values()]
      .filter((t) => t.dependsOn.every((d) => done.has(d)))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    if (ready.length === 0) {
      throw new Error(
        `Các bảng tham chiếu vòng tròn, không xác định được thứ tự nạp: ${[...pending.keys()].join(', ')}`,
      );
    }
    for (const t of ready) {
      pending.delete(t.name);
      done.add(t.name);
      ordered.push(t);
    }
  }
  return ordered;
}

/** The last migration drizzle applied (its journal tag when this code knows it), or undefined on a bare database. */
export async function readMigrationLevel(sql: Sql): Promise<MigrationLevel | undefined> {
  const [exists] = await sql.query(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS ok`);
  if (exists?.ok !== true) return undefined;
  const [last] = await sql.query(
    'SELECT hash, created_at::text AS created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC, id DESC LIMIT 1',
  );
  if (!last) return undefined;
  const journal = JSON.parse(
    await fs.readFile(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: { tag: string; when: number }[];
  };
  const createdAt = String(last.created_at);
  const tag = journal.entries.find((e) => String(e.when) === createdAt)?.tag ?? null;
  return { tag, hash: String(last.hash), createdAt };
}

/** Current value of each sequence (`last_value`, `is_called`), as text so a bigint survives. */
export async function readSequences(sql: Sql, names: string[]): Promise<Record<string, [string, boolean]>> {
  const out: Record<string, [string, boolean]> = {};
  for (const name of names) {
    const [r] = await sql.query(`SELECT last_value::text AS v, is_called AS c FROM public.${ident(name)}`);
    out[name] = [String(r?.v), r?.c === true];
  }
  return out;
}
