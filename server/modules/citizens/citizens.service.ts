/**
 * Citizen accounts (ADR 0007): sign-up confirmed by a one-time code, sign-in by phone or e-mail with the staff
 * lockout rules, sign-out, password reset by code. Sessions are the staff sessions (ADR 0003): same table,
 * cookie and CSRF token; what separates the two is the account kind.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  type CitizenAccount,
  type CitizenSession,
  type CodeSent,
  type ConfirmSignUp,
  type IdentifierKind,
  identifierKind,
  type PasswordResetConfirm,
  type PasswordResetRequest,
  type SignInRequest,
  type SignUpRequest,
} from '../../../domain/citizen/account.ts';
import type { Actor, Ctx } from '../../context.ts';
import type { Tx } from '../../db/tx.ts';
import { withTransaction } from '../../db/tx.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { checkCredentials, type LoginPolicy } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password.ts';
import * as sessions from '../auth/sessions.repository.ts';
import * as users from '../users/users.repository.ts';
import { requireCitizen } from './citizens.policy.ts';
import * as repo from './citizens.repository.ts';
import { type CodePolicy, issueCode, redeemCode } from './codes.service.ts';

export { resendCode } from './codes.service.ts';

const newToken = () => randomBytes(32).toString('base64url');

export const toAccount = (u: repo.CitizenRow): CitizenAccount => ({
  id: u.id,
  fullName: u.fullName,
  phone: u.phone,
  email: u.email,
});

/** The citizen as the actor of their own audit rows (before a session exists). */
const selfActor = (u: repo.CitizenRow): Actor => ({
  userId: u.id,
  username: u.username,
  fullName: u.fullName,
  kind: 'citizen',
  grants: [],
  csrfToken: '',
});

const alreadyRegistered = (kind: IdentifierKind) =>
  new AppError(
    'CONFLICT',
    kind === 'phone'
      ? 'Số điện thoại này đã được dùng để đăng ký tài khoản'
      : 'Thư điện tử này đã được dùng để đăng ký tài khoản',
    { reason: 'identifierTaken', errors: [{ path: 'identifier', message: 'Đã được đăng ký' }] },
  );

const badCredentials = () =>
  new AppError('UNAUTHENTICATED', 'Số điện thoại, thư điện tử hoặc mật khẩu không đúng');

/** Opens a session for the citizen in the caller's transaction (ADR 0003: only the token's hash is stored). */
export async function openSession(
  tx: Tx,
  ctx: Ctx,
  user: repo.CitizenRow,
  sessionHours: number,
  action: string,
): Promise<{ token: string; session: CitizenSession }> {
  const now = ctx.clock.now();
  const token = newToken();
  const csrfToken = newToken();
  await sessions.insertSession(tx, {
    token,
    userId: user.id,
    csrfToken,
    expiresAt: new Date(now.getTime() + sessionHours * 3_600_000),
  });
  await sessions.deleteExpiredSessions(tx, now);
  await recordAudit(
    tx,
    { ...ctx, actor: selfActor(user) },
    { action, targetType: 'user', targetId: user.id },
  );
  return { token, session: { account: toAccount(user), csrfToken } };
}

/**
 * Starts a sign-up: nothing is created but a pending request holding the name and the password's hash, and a
 * code sent to the phone or e-mail. The account exists once the code comes back (`confirmSignUp`).
 */
export async function signUp(ctx: Ctx, input: SignUpRequest, policy: CodePolicy): Promise<CodeSent> {
  const kind = identifierKind(input.identifier);
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx.db, async (tx) => {
    if (await repo.findCitizenByIdentifier(tx, kind, input.identifier)) throw alreadyRegistered(kind);
    const sent = await issueCode(tx, ctx.clock.now(), policy, {
      purpose: 'signUp',
      recipient: input.identifier,
      fullName: input.fullName,
      passwordHash,
    });
    await recordAudit(tx, ctx, {
      action: 'citizen.signUpRequested',
      targetType: 'citizenCode',
      targetId: sent.challengeId,
      details: { channel: sent.channel },
    });
    return sent;
  });
}

/** Confirms a sign-up with its code: creates the account and signs the citizen in. */
export async function confirmSignUp(
  ctx: Ctx,
  input: ConfirmSignUp,
  policy: CodePolicy & { sessionHours: number },
) {
  return redeemCode(ctx, 'signUp', input, policy, async (tx, row) => {
    const kind = identifierKind(row.recipient);
    // Two pending sign-ups for one identifier: the first confirmed wins (the unique index backs this up).
    if (await repo.findCitizenByIdentifier(tx, kind, row.recipient)) throw alreadyRegistered(kind);
    const user = await repo.insertCitizen(tx, {
      id: randomUUID(),
      fullName: row.fullName!,
      phone: kind === 'phone' ? row.recipient : null,
      email: kind === 'email' ? row.recipient : null,
      passwordHash: row.passwordHash!,
    });
    await recordAudit(
      tx,
      { ...ctx, actor: selfActor(user) },
      { action: 'citizen.signUp', targetType: 'user', targetId: user.id, details: { via: kind } },
    );
    return openSession(tx, ctx, user, policy.sessionHours, 'citizen.signIn');
  });
}

/**
 * Signs a citizen in by phone or e-mail. Same rules as staff login (ADR 0003): an unknown identifier costs the
 * same time and gets the same answer as a wrong password; consecutive failures lock the account for a while.
 */
export async function signIn(ctx: Ctx, input: SignInRequest, policy: LoginPolicy) {
  const user = await checkCredentials(
    ctx,
    await repo.findCitizenByIdentifier(ctx.db, identifierKind(input.identifier), input.identifier),
    input.password,
    policy,
    { failedAction: 'citizen.signInFailed', lockoutAction: 'citizen.lockout', badCredentials },
  );
  return withTransaction(ctx.db, async (tx) => {
    await users.updateUserRow(tx, user.id, { failedLogins: 0, lockedUntil: null });
    return openSession(tx, ctx, user, policy.sessionHours, 'citizen.signIn');
  });
}

/** Ends the session the request came with (on the server, not only in the browser). */
export async function signOut(ctx: Ctx, token: string) {
  await withTransaction(ctx.db, async (tx) => {
    await sessions.deleteSession(tx, token);
    if (ctx.actor) {
      await recordAudit(tx, ctx, {
        action: ctx.actor.kind === 'citizen' ? 'citizen.signOut' : 'auth.logout',
        targetType: 'user',
        targetId: ctx.actor.userId,
      });
    }
  });
}

export async function getMe(ctx: Ctx): Promise<CitizenSession> {
  const actor = requireCitizen(ctx);
  const user = await repo.findCitizen(ctx.db, actor.userId);
  if (!user) throw notFound('tài khoản');
  return { account: toAccount(user), csrfToken: actor.csrfToken };
}

/**
 * Sends a reset code. The answer is the same whether or not an account uses the identifier (a request row is
 * kept either way, so resend, tries and limits behave alike); only an existing, enabled account gets a message.
 */
export async function requestPasswordReset(
  ctx: Ctx,
  input: PasswordResetRequest,
  policy: CodePolicy,
): Promise<CodeSent> {
  const kind = identifierKind(input.identifier);
  return withTransaction(ctx.db, async (tx) => {
    const user = await repo.findCitizenByIdentifier(tx, kind, input.identifier);
    const account = user && !user.disabled ? user : undefined;
    return issueCode(tx, ctx.clock.now(), policy, {
      purpose: 'passwordReset',
      recipient: input.identifier,
      userId: account?.id ?? null,
    });
  });
}

/** Sets a new password with a reset code; ends every session of the account and lifts a lockout. */
export async function confirmPasswordReset(ctx: Ctx, input: PasswordResetConfirm, policy: CodePolicy) {
  const passwordHash = await hashPassword(input.newPassword);
  await redeemCode(ctx, 'passwordReset', input, policy, async (tx, row) => {
    const userId = row.userId!;
    await users.updateUserRow(tx, userId, { passwordHash, failedLogins: 0, lockedUntil: null });
    await sessions.deleteUserSessions(tx, userId);
    await recordAudit(tx, ctx, { action: 'citizen.passwordReset', targetType: 'user', targetId: userId });
  });
}
