/** Fees paid by VietQR and the collecting accounts. */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { dossiers } from './dossiers.ts';
import { agencies, users } from './organisation.ts';

/**
 * Fee payments of dossiers (issue 6; docs/payment-vietqr.md): a transfer the payer declared (`requested`), then
 * `confirmed` by the desk with the bank reference and a receipt number, or `cancelled` when no money came. The
 * account, amount and note are copied when the row is written, so later configuration changes never alter it.
 * At most one requested-or-confirmed payment per dossier; a trigger (migration 0009) refuses deletes and any
 * change to a confirmed or cancelled row.
 */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** The collecting agency (the receiving desk): receipts are numbered per agency and year. */
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** Whole đồng. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** The fee lines (computeFee) the amount is made of. */
    lines: jsonb('lines').notNull(),
    method: text('method').notNull(),
    status: text('status').notNull(),
    bankBin: text('bank_bin'),
    accountNumber: text('account_number'),
    accountName: text('account_name'),
    transferNote: text('transfer_note'),
    payerNote: text('payer_note'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    /** The bank's transaction reference, as the confirming officer read it on the statement. */
    bankReference: text('bank_reference'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
    cancelReason: text('cancel_reason'),
    receiptYear: integer('receipt_year'),
    receiptSeq: integer('receipt_seq'),
    receiptNo: text('receipt_no'),
    receiptIssuedAt: timestamp('receipt_issued_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('payments_dossier_idx').on(t.dossierId),
    uniqueIndex('payments_open_uq').on(t.dossierId).where(sql`status in ('requested', 'confirmed')`),
    uniqueIndex('payments_receipt_uq').on(t.agencyId, t.receiptYear, t.receiptSeq),
    check('payments_status_check', sql`${t.status} in ('requested', 'confirmed', 'cancelled')`),
    check('payments_method_check', sql`${t.method} in ('vietqr', 'cash')`),
    check('payments_amount_check', sql`${t.amount} >= 0`),
    check(
      'payments_confirmed_check',
      sql`${t.status} <> 'confirmed' or (${t.confirmedAt} is not null and ${t.receiptNo} is not null and ${t.receiptIssuedAt} is not null)`,
    ),
    check(
      'payments_cancelled_check',
      sql`${t.status} <> 'cancelled' or (${t.cancelledAt} is not null and ${t.cancelReason} is not null)`,
    ),
  ],
);

/** An agency's own collecting account; it covers the agency's subtree (the nearest one wins over the default). */
export const agencyPaymentAccounts = pgTable('agency_payment_accounts', {
  agencyId: uuid('agency_id')
    .primaryKey()
    .references(() => agencies.id),
  bankBin: text('bank_bin').notNull(),
  bankName: text('bank_name'),
  accountNumber: text('account_number').notNull(),
  accountName: text('account_name').notNull(),
  taxCode: text('tax_code'),
  noteMaxLength: integer('note_max_length').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});
