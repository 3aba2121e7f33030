/**
 * One connection, one transaction, raw SQL: what backup and restore need from either database. Drizzle is not used
 * here because the tables are discovered from the catalogue at run time, not taken from the schema file.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from '../db/client.ts';

export type Row = Record<string, unknown>;
export type Sql = { query(text: string, params?: unknown[]): Promise<Row[]> };

/**
 * Settings that make every value's text form the same on PGlite (PostgreSQL 18) and PostgreSQL ≥ 15: instants in
 * UTC in ISO form, floats in their shortest exact form, bytea in hex. Digests depend on it.
 */
const canonicalSettings = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  'SET LOCAL extra_float_digits = 1',
  "SET LOCAL bytea_output = 'hex'",
];

/**
 * Runs `fn` in one transaction on one connection: a read-only snapshot (`read`) or a write that commits only if `fn`
 * returns. On PostgreSQL the read is REPEATABLE READ, so a backup taken while the app serves is consistent.
 */
export async function inTransaction<T>(
  database: Database,
  mode: 'read' | 'write',
  fn: (sql: Sql) => Promise<T>,
): Promise<T> {
  const prepare = async (sql: Sql) => {
    if (mode === 'read') await sql.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const s of canonicalSettings) await sql.query(s);
  };
  if (database.kind === 'pglite') {
    return (database.client as PGlite).transaction(async (tx: Transaction) => {
      const sql: Sql = { query: async (text, params) => (await tx.query<Row>(text, params)).rows };
      await prepare(sql);
      return fn(sql);
    });
  }
  const conn = await (database.client as pg.Pool).connect();
  const sql: Sql = { query: async (text, params) => (await conn.query<Row>(text, params)).rows };
  try {
    await conn.query('BEGIN');
    await prepare(sql);
    const result = await fn(sql);
    await conn.query('COMMIT');
    return result;
  } catch (err) {
    await conn.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    conn.release();
  }
}

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
