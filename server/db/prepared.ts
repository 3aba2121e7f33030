import type { Db } from './client.ts';

/**
 * A statement prepared once per database handle (named prepared statements on PostgreSQL; parsed once on PGlite).
 * Only for hot read paths that run outside transactions.
 */
export function preparedPer<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const byDb = new WeakMap<Db, Q>();
  return (db) => {
    let q = byDb.get(db);
    if (!q) {
      q = build(db);
      byDb.set(db, q);
    }
    return q;
  };
}
