/**
 * A hand-written statement run by name. On PostgreSQL it is parsed and planned once per connection (pg's named
 * prepared statements) and each call sends only its values; PGlite runs it as it is. It goes through Drizzle's
 * session, so it runs on the database or inside the caller's transaction alike, and errors are Drizzle's as for
 * any other query. For the hottest statements only (desk intake), where building SQL with Drizzle on every request
 * and planning it again in PostgreSQL cost more than the statement's own work.
 *
 * Values are sent as they are (strings, numbers, booleans, null): cast them in the SQL text. Timestamps come back
 * as text (both drivers, as Drizzle configures them); JSON comes back parsed.
 */
import type { Queryable } from '../../db/tx.ts';

export function namedStatement<Row>(name: string, text: string) {
  return async (q: Queryable, values: readonly unknown[]): Promise<Row[]> => {
    const result = await q._.session
      .prepareQuery({ sql: text, params: values as unknown[] }, undefined, name, false)
      .execute();
    return (result as { rows: Row[] }).rows;
  };
}
