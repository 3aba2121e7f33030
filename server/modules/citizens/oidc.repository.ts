/** Storage of the links between citizen accounts and identities at an OpenID Connect provider (ADR 0009). */
import { and, asc, eq } from 'drizzle-orm';
import { citizenIdentities } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';

export type IdentityRow = typeof citizenIdentities.$inferSelect;

/** The link for this (issuer, subject), locked until the caller's transaction ends. */
export async function findIdentity(
  q: Queryable,
  issuer: string,
  subject: string,
): Promise<IdentityRow | undefined> {
  const [row] = await q
    .select()
    .from(citizenIdentities)
    .where(and(eq(citizenIdentities.issuer, issuer), eq(citizenIdentities.subject, subject)))
    .for('update');
  return row;
}

/** Links an identity to a citizen account (the database refuses a staff account and a second owner). */
export async function insertIdentity(
  q: Queryable,
  row: { userId: string; issuer: string; subject: string; at: Date },
): Promise<IdentityRow> {
  const [inserted] = await q
    .insert(citizenIdentities)
    .values({ userId: row.userId, issuer: row.issuer, subject: row.subject, lastSignInAt: row.at })
    .returning();
  return inserted!;
}

/** The identities linked to a citizen account, oldest first. */
export async function identitiesOf(q: Queryable, userId: string) {
  return q
    .select({ issuer: citizenIdentities.issuer, createdAt: citizenIdentities.createdAt })
    .from(citizenIdentities)
    .where(eq(citizenIdentities.userId, userId))
    .orderBy(asc(citizenIdentities.createdAt));
}

export async function touchIdentity(q: Queryable, id: string, at: Date) {
  await q.update(citizenIdentities).set({ lastSignInAt: at }).where(eq(citizenIdentities.id, id));
}
