import { and, eq, inArray, like, or } from 'drizzle-orm';
import type { GrantInput } from '../../../domain/access/account.ts';
import type { AccountKind, StaffRole, User } from '../../../domain/access/roles.ts';
import { sortVi } from '../../../domain/shared/text.ts';
import type { ActorGrant } from '../../context.ts';
import { agencies, roleGrants, users } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | undefined> {
  const [row] = await q.select().from(users).where(eq(users.username, username));
  return row;
}

export async function findUserRow(q: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await q.select().from(users).where(eq(users.id, id));
  return row;
}

/** Grants with the agency path, for authorization. */
export async function loadGrants(q: Queryable, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return q
    .select({
      userId: roleGrants.userId,
      role: roleGrants.role,
      agencyId: roleGrants.agencyId,
      agencyPath: agencies.path,
      agencyName: agencies.name,
      agencyCode: agencies.agencyCode,
    })
    .from(roleGrants)
    .innerJoin(agencies, eq(agencies.id, roleGrants.agencyId))
    .where(inArray(roleGrants.userId, [...userIds]));
}

export async function loadActorGrants(q: Queryable, userId: string): Promise<ActorGrant[]> {
  return (await loadGrants(q, [userId])).map((g) => ({
    role: g.role as StaffRole,
    agencyId: g.agencyId,
    agencyPath: g.agencyPath,
  }));
}

type GrantRows = Awaited<ReturnType<typeof loadGrants>>;

function toUser(row: UserRow, grants: GrantRows): User & { grantPaths: string[] } {
  const mine = grants.filter((g) => g.userId === row.id);
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    kind: row.kind as AccountKind,
    email: row.email,
    phone: row.phone,
    disabled: row.disabled,
    grants: sortVi(
      mine.map((g) => ({
        role: g.role as StaffRole,
        agencyId: g.agencyId,
        agencyName: g.agencyName,
        agencyCode: g.agencyCode,
      })),
      (g) => `${g.agencyName} ${g.role}`,
    ),
    grantPaths: mine.map((g) => g.agencyPath),
  };
}

export async function getUserWithGrants(q: Queryable, id: string) {
  const row = await findUserRow(q, id);
  return row && toUser(row, await loadGrants(q, [id]));
}

/** Staff users holding at least one grant inside the subtrees rooted at `paths`. */
export async function listStaffUnder(q: Queryable, paths: readonly string[]) {
  if (paths.length === 0) return [];
  const ids = await q
    .selectDistinct({ id: roleGrants.userId })
    .from(roleGrants)
    .innerJoin(agencies, eq(agencies.id, roleGrants.agencyId))
    .where(or(...paths.map((p) => like(agencies.path, `${p}%`))));
  const idList = ids.map((r) => r.id);
  if (idList.length === 0) return [];
  const [rows, grants] = await Promise.all([
    q.select().from(users).where(inArray(users.id, idList)),
    loadGrants(q, idList),
  ]);
  return sortVi(
    rows.map((r) => toUser(r, grants)),
    (u) => u.fullName,
  );
}

export async function insertUser(
  q: Queryable,
  u: { username: string; fullName: string; kind: AccountKind; email?: string | null; phone?: string | null },
  passwordHash: string,
): Promise<UserRow> {
  const [row] = await q
    .insert(users)
    .values({ ...u, email: u.email ?? null, phone: u.phone ?? null, passwordHash })
    .returning();
  return row!;
}

export async function replaceGrants(q: Queryable, userId: string, grants: readonly GrantInput[]) {
  await q.delete(roleGrants).where(eq(roleGrants.userId, userId));
  const unique = [...new Map(grants.map((g) => [`${g.role}|${g.agencyId}`, g])).values()];
  if (unique.length) await q.insert(roleGrants).values(unique.map((g) => ({ userId, ...g })));
}

export async function updateUserRow(q: Queryable, id: string, patch: Partial<typeof users.$inferInsert>) {
  if (Object.keys(patch).length === 0) return;
  await q.update(users).set(patch).where(eq(users.id, id));
}

/** Counts a failed login and locks the account when the limit is reached; returns the new lock time if any. */
export async function recordFailedLogin(
  q: Queryable,
  id: string,
  now: Date,
  limit: { maxFailures: number; minutes: number },
) {
  const row = await findUserRow(q, id);
  if (!row) return undefined;
  const failures = row.failedLogins + 1;
  const lockedUntil =
    failures >= limit.maxFailures ? new Date(now.getTime() + limit.minutes * 60_000) : row.lockedUntil;
  await q
    .update(users)
    .set({ failedLogins: failures >= limit.maxFailures ? 0 : failures, lockedUntil })
    .where(and(eq(users.id, id)));
  return failures >= limit.maxFailures ? lockedUntil : undefined;
}
