import { randomBytes } from 'node:crypto';
import type { LoginRequest, Session } from '../../../domain/access/account.ts';
import type { Actor, Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { withTransaction } from '../../db/tx.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as users from '../users/users.repository.ts';
import { dummyHash, verifyPassword } from './password.ts';
import * as sessions from './sessions.repository.ts';

const newToken = () => randomBytes(32).toString('base64url');

export type LoginPolicy = { sessionHours: number; lockout: { maxFailures: number; minutes: number } };

/**
 * Checks the password and opens a session. Five wrong passwords in a row lock the account for 15 minutes
 * (configurable); a locked, disabled or unknown account gets the same answer as a wrong password, except the lock.
 */
type UserRow = NonNullable<Awaited<ReturnType<typeof users.findUserByUsername>>>;

/**
 * The one password check of staff login and citizen sign-in: an unknown account costs the same time and gets the
 * same answer as a wrong password; a locked account says until when; consecutive failures lock it (audited).
 */
export async function checkCredentials<U extends UserRow>(
  ctx: Ctx,
  user: U | undefined,
  password: string,
  policy: LoginPolicy,
  o: Readonly<{ failedAction: string; lockoutAction: string; badCredentials: () => AppError }>,
): Promise<U> {
  const now = ctx.clock.now();
  if (!user) {
    await verifyPassword(await dummyHash(), password);
    throw o.badCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) throw lockedError(user.lockedUntil);
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok || user.disabled) {
    const lockedUntil = await withTransaction(ctx.db, async (tx) => {
      const until = await users.recordFailedLogin(tx, user.id, now, policy.lockout);
      await recordAudit(tx, ctx, {
        action: until ? o.lockoutAction : o.failedAction,
        targetType: 'user',
        targetId: user.id,
      });
      return until;
    });
    if (lockedUntil) throw lockedError(lockedUntil);
    throw o.badCredentials();
  }
  return user;
}

export async function login(ctx: Ctx, input: LoginRequest, policy: LoginPolicy) {
  const now = ctx.clock.now();
  const user = await checkCredentials(
    ctx,
    await users.findUserByUsername(ctx.db, input.username),
    input.password,
    policy,
    {
      failedAction: 'auth.loginFailed',
      lockoutAction: 'auth.lockout',
      badCredentials: () => new AppError('UNAUTHENTICATED', 'Tên đăng nhập hoặc mật khẩu không đúng'),
    },
  );
  const token = newToken();
  const csrfToken = newToken();
  await withTransaction(ctx.db, async (tx) => {
    await users.updateUserRow(tx, user.id, { failedLogins: 0, lockedUntil: null });
    await sessions.insertSession(tx, {
      token,
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + policy.sessionHours * 3_600_000),
    });
    await sessions.deleteExpiredSessions(tx, now);
    await recordAudit(
      tx,
      { ...ctx, actor: actorStub(user.id, user.kind) },
      {
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
      },
    );
  });
  return { token, session: await getSession(ctx.db, user.id, csrfToken) };
}

const actorStub = (userId: string, kind: string): Actor => ({
  userId,
  username: '',
  fullName: '',
  kind: kind === 'citizen' ? 'citizen' : 'staff',
  grants: [],
  csrfToken: '',
});

function lockedError(until: Date) {
  const hhmm = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
  }).format(until);
  return new AppError('LOCKED', `Tài khoản tạm khóa đến ${hhmm} do nhập sai mật khẩu nhiều lần`, {
    lockedUntil: until.toISOString(),
  });
}

export async function getSession(db: Db, userId: string, csrfToken: string): Promise<Session> {
  const user = await users.getUserWithGrants(db, userId);
  if (!user) throw notFound('người dùng');
  const { grantPaths: _paths, ...plain } = user;
  return { user: plain, csrfToken };
}

/** Resolves the session cookie to the acting user, or null when it is missing, expired or disabled. */
export async function loadActor(db: Db, token: string, now: Date): Promise<Actor | null> {
  const found = await sessions.findLiveActor(db, token, now);
  if (!found || found.disabled) return null;
  return {
    userId: found.userId,
    username: found.username,
    fullName: found.fullName,
    kind: found.kind === 'citizen' ? 'citizen' : 'staff',
    grants: found.grants,
    csrfToken: found.csrfToken,
  };
}

export async function logout(ctx: Ctx, token: string) {
  await withTransaction(ctx.db, async (tx) => {
    await sessions.deleteSession(tx, token);
    if (ctx.actor)
      await recordAudit(tx, ctx, { action: 'auth.logout', targetType: 'user', targetId: ctx.actor.userId });
  });
}
