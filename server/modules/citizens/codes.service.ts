/**
 * The life of a one-time code (ADR 0007): issued and queued in the outbox in one transaction, resent with a
 * cooldown, confirmed against its hash with a few tries. Errors carry a stable `reason` beside the problem code
 * so that the portal can offer the right next step (re-enter, resend, start again).
 */
import { randomUUID } from 'node:crypto';
import { type CodeSent, identifierKind, maskRecipient } from '../../../domain/citizen/account.ts';
import type { Config } from '../../config.ts';
import type { Ctx } from '../../context.ts';
import type { Tx } from '../../db/tx.ts';
import { withTransaction } from '../../db/tx.ts';
import { AppError } from '../../errors.ts';
import * as repo from './citizens.repository.ts';
import type { CitizenTemplate } from './citizens.templates.ts';
import { codeMatches, hashCode, newCode } from './codes.ts';

export type CodePolicy = Config['citizenCodes'];

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Rows last sent this long ago are deleted: past any cooldown or daily cap, and long dead. */
const KEEP_CODES_MS = 2 * DAY;

const template: Record<repo.CodePurpose, CitizenTemplate> = {
  signUp: 'citizen.signUpCode',
  passwordReset: 'citizen.passwordResetCode',
};

const codeError = (code: 'BAD_REQUEST' | 'NOT_FOUND' | 'RATE_LIMITED', reason: string, detail: string) =>
  new AppError(code, detail, { reason });

export const challengeNotFound = () =>
  codeError('NOT_FOUND', 'codeNotFound', 'Không tìm thấy yêu cầu xác nhận, vui lòng yêu cầu mã mới');
const codeUsed = () => codeError('BAD_REQUEST', 'codeUsed', 'Mã xác nhận này đã được sử dụng');

/**
 * Refuses a new code for this recipient within the cooldown or over the daily cap, whatever the purpose and
 * whether an account exists (so the answer tells nothing). Holds the recipient's lock until the transaction ends.
 */
async function assertMaySend(tx: Tx, recipient: string, now: Date, policy: CodePolicy) {
  await repo.lockRecipient(tx, recipient);
  const { lastSentAt, total } = await repo.recentSends(tx, recipient, new Date(now.getTime() - DAY));
  const waitMs = lastSentAt ? lastSentAt.getTime() + policy.resendCooldownSeconds * 1000 - now.getTime() : 0;
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError('RATE_LIMITED', `Vui lòng chờ ${seconds} giây rồi yêu cầu gửi lại mã`, {
      reason: 'codeCooldown',
      retryAfterSeconds: seconds,
    });
  }
  if (total >= policy.maxSendsPerRecipientPerDay) {
    throw codeError(
      'RATE_LIMITED',
      'codeDailyLimit',
      'Đã gửi mã xác nhận quá số lần cho phép trong ngày, vui lòng thử lại sau',
    );
  }
}

export const codeSent = (row: repo.CodeRow, policy: CodePolicy): CodeSent => ({
  challengeId: row.id,
  channel: row.channel as CodeSent['channel'],
  sentTo: maskRecipient(row.recipient),
  expiresAt: row.expiresAt.toISOString(),
  resendAfter: new Date(row.sentAt.getTime() + policy.resendCooldownSeconds * 1000).toISOString(),
});

/** A reset asked for an identifier without an account gets a row too, but nothing is sent for it. */
const isDeliverable = (row: Pick<repo.CodeRow, 'purpose' | 'userId'>) =>
  row.purpose === 'signUp' || row.userId !== null;

async function enqueue(tx: Tx, row: repo.CodeRow, code: string, policy: CodePolicy) {
  if (!isDeliverable(row)) return;
  await repo.enqueueCodeMessage(tx, {
    channel: row.channel as 'sms' | 'email',
    recipient: row.recipient,
    template: template[row.purpose as repo.CodePurpose],
    payload: { code, minutes: policy.ttlMinutes },
    at: row.sentAt,
  });
}

/** Draws a code for a new request and queues it to the phone (SMS) or e-mail, in the caller's transaction. */
export async function issueCode(
  tx: Tx,
  now: Date,
  policy: CodePolicy,
  r: Readonly<{
    purpose: repo.CodePurpose;
    recipient: string;
    userId?: string | null;
    fullName?: string;
    passwordHash?: string;
  }>,
): Promise<CodeSent> {
  await assertMaySend(tx, r.recipient, now, policy);
  const id = randomUUID();
  const code = newCode();
  const row: repo.CodeRow = {
    id,
    purpose: r.purpose,
    channel: identifierKind(r.recipient) === 'phone' ? 'sms' : 'email',
    recipient: r.recipient,
    userId: r.userId ?? null,
    fullName: r.fullName ?? null,
    passwordHash: r.passwordHash ?? null,
    codeHash: hashCode(id, code),
    attempts: 0,
    sends: 1,
    sentAt: now,
    expiresAt: new Date(now.getTime() + policy.ttlMinutes * MINUTE),
    consumedAt: null,
    createdAt: now,
  };
  await repo.deleteCodesSentBefore(tx, new Date(now.getTime() - KEEP_CODES_MS));
  await repo.insertCode(tx, row);
  await enqueue(tx, row, code, policy);
  return codeSent(row, policy);
}

/** Replaces the code of a pending request with a fresh one (fresh tries, fresh expiry) and sends it again. */
export async function resendCode(ctx: Ctx, challengeId: string, policy: CodePolicy): Promise<CodeSent> {
  const now = ctx.clock.now();
  return withTransaction(ctx.db, async (tx) => {
    const row = await repo.lockCode(tx, challengeId);
    if (!row) throw challengeNotFound();
    if (row.consumedAt) throw codeUsed();
    if (row.sends >= policy.maxSendsPerCode) {
      throw codeError(
        'RATE_LIMITED',
        'codeResendLimit',
        'Đã gửi lại mã quá số lần cho phép, vui lòng thực hiện lại từ đầu',
      );
    }
    await assertMaySend(tx, row.recipient, now, policy);
    const code = newCode();
    const patch = {
      codeHash: hashCode(row.id, code),
      attempts: 0,
      sends: row.sends + 1,
      sentAt: now,
      expiresAt: new Date(now.getTime() + policy.ttlMinutes * MINUTE),
    };
    await repo.updateCode(tx, row.id, patch);
    const updated = { ...row, ...patch };
    await enqueue(tx, updated, code, policy);
    return codeSent(updated, policy);
  });
}

/**
 * Checks a code and, when it matches, runs `onMatch` in the same transaction as marking the code used. A wrong
 * code uses up one try, and that is committed although the request fails; after the last try, or after expiry,
 * only a new code helps. A reset code for an identifier without an account never matches.
 */
export async function redeemCode<T>(
  ctx: Ctx,
  purpose: repo.CodePurpose,
  input: Readonly<{ challengeId: string; code: string }>,
  policy: CodePolicy,
  onMatch: (tx: Tx, row: repo.CodeRow) => Promise<T>,
): Promise<T> {
  const now = ctx.clock.now();
  const outcome = await withTransaction(ctx.db, async (tx) => {
    const row = await repo.lockCode(tx, input.challengeId);
    if (!row || row.purpose !== purpose) throw challengeNotFound();
    if (row.consumedAt) throw codeUsed();
    if (row.attempts >= policy.maxAttempts) {
      throw codeError(
        'BAD_REQUEST',
        'codeAttemptsExhausted',
        'Đã nhập sai mã xác nhận quá số lần cho phép, vui lòng yêu cầu gửi lại mã',
      );
    }
    if (row.expiresAt <= now) {
      throw codeError('BAD_REQUEST', 'codeExpired', 'Mã xác nhận đã hết hạn, vui lòng yêu cầu gửi lại mã');
    }
    if (!isDeliverable(row) || !codeMatches(row.id, input.code, row.codeHash)) {
      const attempts = row.attempts + 1;
      await repo.updateCode(tx, row.id, { attempts });
      return { ok: false, attemptsLeft: policy.maxAttempts - attempts } as const;
    }
    // The pending sign-up's password hash has served its purpose once the account exists.
    await repo.updateCode(tx, row.id, { consumedAt: now, passwordHash: null });
    return { ok: true, value: await onMatch(tx, row) } as const;
  });
  if (!outcome.ok) {
    const left = outcome.attemptsLeft;
    throw new AppError(
      'VALIDATION',
      left > 0
        ? `Mã xác nhận không đúng, còn ${left} lần thử`
        : 'Mã xác nhận không đúng; đã hết số lần thử, vui lòng yêu cầu gửi lại mã',
      {
        reason: 'codeInvalid',
        attemptsLeft: left,
        errors: [{ path: 'code', message: 'Mã xác nhận không đúng' }],
      },
    );
  }
  return outcome.value;
}
