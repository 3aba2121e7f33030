import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { FeeLine } from '../../../domain/catalogue/fees.ts';
import type { PaymentAccount, PaymentMethod, PaymentStatus } from '../../../domain/payment/payment.ts';
import { agencies, agencyPaymentAccounts, payments, users } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';

type Row = typeof payments.$inferSelect;

/** A payment as stored, with its enums and lines typed. */
export type Payment = Omit<Row, 'method' | 'status' | 'lines'> & {
  method: PaymentMethod;
  status: PaymentStatus;
  lines: FeeLine[];
};

const toPayment = (r: Row): Payment => ({
  ...r,
  method: r.method as PaymentMethod,
  status: r.status as PaymentStatus,
  lines: r.lines as FeeLine[],
});

/** Every payment of a dossier, newest first. */
export async function listPayments(q: Queryable, dossierId: string): Promise<Payment[]> {
  const rows = await q
    .select()
    .from(payments)
    .where(eq(payments.dossierId, dossierId))
    .orderBy(desc(payments.requestedAt), desc(payments.createdAt));
  return rows.map(toPayment);
}

/** The requested or confirmed payment of a dossier (at most one), locked for the rest of the transaction. */
export async function lockOpenPayment(q: Queryable, dossierId: string): Promise<Payment | undefined> {
  const [row] = await q
    .select()
    .from(payments)
    .where(and(eq(payments.dossierId, dossierId), inArray(payments.status, ['requested', 'confirmed'])))
    .for('update');
  return row && toPayment(row);
}

export type NewPayment = typeof payments.$inferInsert & { lines: FeeLine[] };

export async function insertPayment(q: Queryable, p: NewPayment): Promise<Payment> {
  const [row] = await q.insert(payments).values(p).returning();
  return toPayment(row!);
}

/** Completes a requested payment (confirmed or cancelled); the database refuses any other change. */
export async function updatePayment(
  q: Queryable,
  id: string,
  patch: Partial<Omit<typeof payments.$inferInsert, 'id' | 'dossierId' | 'agencyId' | 'amount' | 'lines'>>,
): Promise<Payment> {
  const [row] = await q.update(payments).set(patch).where(eq(payments.id, id)).returning();
  return toPayment(row!);
}

export async function userNames(q: Queryable, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await q
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

type AccountRow = typeof agencyPaymentAccounts.$inferSelect;

const toAccount = (r: AccountRow): PaymentAccount => ({
  bankBin: r.bankBin,
  accountNumber: r.accountNumber,
  accountName: r.accountName,
  noteMaxLength: r.noteMaxLength,
  ...(r.bankName ? { bankName: r.bankName } : {}),
  ...(r.taxCode ? { taxCode: r.taxCode } : {}),
});

/** The account of the nearest agency at or above `agencyPath` that has one of its own. */
export async function findNearestAccount(
  q: Queryable,
  agencyPath: string,
): Promise<{ agencyId: string; agencyName: string; account: PaymentAccount } | undefined> {
  const [row] = await q
    .select({ account: agencyPaymentAccounts, agencyName: agencies.name })
    .from(agencyPaymentAccounts)
    .innerJoin(agencies, eq(agencies.id, agencyPaymentAccounts.agencyId))
    .where(sql`${agencyPath} like ${agencies.path} || '%'`)
    .orderBy(desc(agencies.depth))
    .limit(1);
  return (
    row && { agencyId: row.account.agencyId, agencyName: row.agencyName, account: toAccount(row.account) }
  );
}

export async function upsertAccount(
  q: Queryable,
  agencyId: string,
  account: PaymentAccount,
  by: string,
  at: Date,
): Promise<void> {
  const values = {
    bankBin: account.bankBin,
    bankName: account.bankName ?? null,
    accountNumber: account.accountNumber,
    accountName: account.accountName,
    taxCode: account.taxCode ?? null,
    noteMaxLength: account.noteMaxLength,
    updatedAt: at,
    updatedBy: by,
  };
  await q
    .insert(agencyPaymentAccounts)
    .values({ agencyId, ...values })
    .onConflictDoUpdate({ target: agencyPaymentAccounts.agencyId, set: values });
}

export async function deleteAccount(q: Queryable, agencyId: string): Promise<boolean> {
  const gone = await q
    .delete(agencyPaymentAccounts)
    .where(eq(agencyPaymentAccounts.agencyId, agencyId))
    .returning({ id: agencyPaymentAccounts.agencyId });
  return gone.length > 0;
}
