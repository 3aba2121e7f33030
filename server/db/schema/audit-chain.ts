import { bigint, customType, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * The tamper-evident record (issue 8): every row appended to `dossier_events` and `audit_events` gets a link in
 * its agency's hash chain, written by a trigger in the same transaction. A link holds the SHA-256 of the row as
 * it was written and `hash = sha256(prev_hash ‖ row_hash ‖ seq)`; `audit_chain_verify()` recomputes everything
 * (migration 0013, ADR 0012, docs/SECURITY.md). Editing, deleting or reordering a chained row — or a link — breaks it.
 */
export const auditChain = pgTable(
  'audit_chain',
  {
    /** `dossier_events:<agency id>` or `audit_events:<agency id | system>`. */
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    tableName: text('table_name').notNull(),
    rowId: uuid('row_id').notNull(),
    rowHash: bytea('row_hash').notNull(),
    prevHash: bytea('prev_hash').notNull(),
    hash: bytea('hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.chain, t.seq] }), index('audit_chain_row_idx').on(t.tableName, t.rowId)],
);

/** The last link of each chain (locked while a link is added, so links of one chain are numbered in order). */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: bytea('hash').notNull(),
});
