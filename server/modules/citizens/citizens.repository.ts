/** Storage of citizen accounts (rows of `users` with kind 'citizen'), their profiles and one-time codes. */
import { and, eq, gt, isNotNull, like, lt, max, sql, sum } from 'drizzle-orm';
import type { IdentifierKind } from '../../../domain/citizen/account.ts';
import { agencies, citizenCodes, citizenProfiles, outbox, users } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';

export type CitizenRow = typeof users.$inferSelect;
export type ProfileRow = typeof citizenProfiles.$inferSelect;
export type CodeRow = typeof citizenCodes.$inferSelect;
export type CodePurpose = 'signUp' | 'passwordReset';

/** The citizen account signing in with this phone or e-mail (never a staff account). */
export async function findCitizenByIdentifier(
  q: Queryable,
  kind: IdentifierKind,
  value: string,
): Promise<CitizenRow | undefined> {
  const column = kind === 'phone' ? users.phone : users.email;
  const [row] = await q
    .select()
    .from(users)
    .where(and(eq(users.kind, 'citizen'), eq(column, value)));
  return row;
}

export async function findCitizen(q: Queryable, id: string): Promise<CitizenRow | undefined> {
  const [row] = await q
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.kind, 'citizen')));
  return row;
}

/**
 * Creates the account. The username is internal (`citizen:<id>`): it cannot pass the staff login's username
 * rule, so a citizen account is reachable only through the citizen sign-in.
 */
export async function insertCitizen(
  q: Queryable,
  c: { id: string; fullName: string; phone: string | null; email: string | null; passwordHash: string },
): Promise<CitizenRow> {
  const [row] = await q
    .insert(users)
    .values({ ...c, username: `citizen:${c.id}`, kind: 'citizen' })
    .returning();
  return row!;
}

export async function findProfile(q: Queryable, userId: string): Promise<ProfileRow | undefined> {
  const [row] = await q.select().from(citizenProfiles).where(eq(citizenProfiles.userId, userId));
  return row;
}

export async function saveProfile(q: Queryable, row: typeof citizenProfiles.$inferInsert) {
  const { userId: _id, ...set } = row;
  await q.insert(citizenProfiles).values(row).onConflictDoUpdate({ target: citizenProfiles.userId, set });
}

// --- one-time codes

export async function insertCode(q: Queryable, row: typeof citizenCodes.$inferInsert) {
  await q.insert(citizenCodes).values(row);
}

/** One code row, locked for the caller's transaction (confirm and resend serialise on it). */
export async function lockCode(q: Queryable, id: string): Promise<CodeRow | undefined> {
  const [row] = await q.select().from(citizenCodes).where(eq(citizenCodes.id, id)).for('update');
  return row;
}

export async function updateCode(q: Queryable, id: string, patch: Partial<typeof citizenCodes.$inferInsert>) {
  await q.update(citizenCodes).set(patch).where(eq(citizenCodes.id, id));
}

/**
 * Serialises code requests for one recipient until the transaction ends, so the cooldown and the daily cap
 * cannot be raced past (an advisory lock works the same on PGlite and PostgreSQL).
 */
export async function lockRecipient(q: Queryable, recipient: string) {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`motcua.citizen-code:${recipient}`}))`);
}

/** When a code last went to this recipient, and how many went since `since` (counted on the rows sent since). */
export async function recentSends(q: Queryable, recipient: string, since: Date) {
  const [row] = await q
    .select({ last: max(citizenCodes.sentAt), total: sum(citizenCodes.sends) })
    .from(citizenCodes)
    .where(and(eq(citizenCodes.recipient, recipient), gt(citizenCodes.sentAt, since)));
  return {
    lastSentAt: row?.last ?? undefined,
    total: Number(row?.total ?? 0),
  };
}

/** Codes last sent before `before` are dead and no longer count: they go (with a pending sign-up's hash). */
export async function deleteCodesSentBefore(q: Queryable, before: Date) {
  await q.delete(citizenCodes).where(lt(citizenCodes.sentAt, before));
}

/** Queues the message carrying a code, in the caller's transaction (transactional outbox). */
export async function enqueueCodeMessage(
  q: Queryable,
  m: { channel: 'sms' | 'email'; recipient: string; template: string; payload: object; at: Date },
) {
  await q.insert(outbox).values({
    channel: m.channel,
    recipient: m.recipient,
    template: m.template,
    payload: m.payload,
    nextAttemptAt: m.at,
  });
}

// --- addresses against the organisation tree

type Unit = { path: string; gsoCode: string | null };

export async function findUnitByGso(
  q: Queryable,
  kind: 'province' | 'commune',
  gsoCode: string,
): Promise<Unit | undefined> {
  const [row] = await q
    .select({ path: agencies.path, gsoCode: agencies.gsoCode })
    .from(agencies)
    .where(and(eq(agencies.kind, kind), eq(agencies.gsoCode, gsoCode)))
    .limit(1);
  return row;
}

/** The province a unit lies in (its ancestor of kind 'province'), if the tree has one. */
export async function findProvinceOf(q: Queryable, unitPath: string): Promise<Unit | undefined> {
  const [row] = await q
    .select({ path: agencies.path, gsoCode: agencies.gsoCode })
    .from(agencies)
    .where(and(eq(agencies.kind, 'province'), sql`${unitPath} like ${agencies.path} || '%'`))
    .limit(1);
  return row;
}

/** Whether the tree lists communes with GSO codes under this province (then it is the authority for them). */
export async function hasCodedCommunes(q: Queryable, provincePath: string): Promise<boolean> {
  const rows = await q
    .select({ one: sql<number>`1` })
    .from(agencies)
    .where(
      and(eq(agencies.kind, 'commune'), isNotNull(agencies.gsoCode), like(agencies.path, `${provincePath}%`)),
    )
    .limit(1);
  return rows.length > 0;
}
