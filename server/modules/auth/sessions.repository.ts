import { createHash } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { ActorGrant } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { preparedPer } from '../../db/prepared.ts';
import { agencies, roleGrants, sessions, users } from '../../db/schema.ts';
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

const liveActorQuery = preparedPer((db: Db) =>
  db
    .select({
      userId: users.id,
      username: users.username,
      fullName: users.fullName,
      kind: users.kind,
      disabled: users.disabled,
      csrfToken: sessions.csrfToken,
      grants: sql<
        ActorGrant[]
      >`coalesce((select json_agg(json_build_object('role', g.role, 'agencyId', g.agency_id, 'agencyPath', a.path)) from ${roleGrants} g join ${agencies} a on a.id = g.agency_id where g.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
      ),
    )
    .prepare('motcua_live_actor'),
);

/** The live session's user with their grants, in one prepared query (every authenticated request runs it). */
export async function findLiveActor(db: Db, token: string, now: Date) {
  const [row] = await liveActorQuery(db).execute({ tokenHash: hashToken(token), now });
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
