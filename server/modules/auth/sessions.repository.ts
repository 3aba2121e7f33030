import { createHash } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import { sessions } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function insertSession(
  q: Queryable,
  s: { token: string; userId: string; csrfToken: string; expiresAt: Date },
) {
  await q.insert(sessions).values({
    tokenHash: hashToken(s.token),
    userId: s.userId,
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt,
  });
}

export async function findLiveSession(q: Queryable, token: string, now: Date) {
  const [row] = await q
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)));
  return row;
}

export async function deleteSession(q: Queryable, token: string) {
  await q.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function deleteUserSessions(q: Queryable, userId: string) {
  await q.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(q: Queryable, now: Date) {
  await q.delete(sessions).where(lt(sessions.expiresAt, now));
}
