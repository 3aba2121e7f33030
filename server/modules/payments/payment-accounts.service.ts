/**
 * The account fees are transferred to: the nearest agency (at or above the receiving desk) with an account of its
 * own, else the default of the configuration (PAYMENT_BANK_BIN, PAYMENT_ACCOUNT_NO, PAYMENT_ACCOUNT_NAME).
 */
import type { PaymentAccount, PaymentAccountInput } from '../../../domain/payment/payment.ts';
import type { Ctx } from '../../context.ts';
import type { Queryable } from '../../db/tx.ts';
import { withTransaction } from '../../db/tx.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { requireStaff } from '../access/access.ts';
import { findAgency } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { canConfigureAccount } from './payments.policy.ts';
import * as repo from './payments.repository.ts';

export type AccountSource = Readonly<
  { kind: 'agency'; agencyId: string; agencyName: string } | { kind: 'default' }
>;

export const NOT_CONFIGURED = 'Cơ quan chưa cấu hình tài khoản nhận tiền';

/** The account for a desk at `agencyPath`, or undefined when neither an agency nor the configuration has one. */
export async function findAccount(
  q: Queryable,
  fallback: PaymentAccount | undefined,
  agencyPath: string,
): Promise<{ account: PaymentAccount; source: AccountSource } | undefined> {
  const own = await repo.findNearestAccount(q, agencyPath);
  if (own) {
    return {
      account: own.account,
      source: { kind: 'agency', agencyId: own.agencyId, agencyName: own.agencyName },
    };
  }
  return fallback && { account: fallback, source: { kind: 'default' } };
}

/** As `findAccount`, or a 409 the payer and the desk can read. */
export async function getAccount(q: Queryable, fallback: PaymentAccount | undefined, agencyPath: string) {
  const found = await findAccount(q, fallback, agencyPath);
  if (!found) {
    throw new AppError(
      'CONFLICT',
      `${NOT_CONFIGURED}: chưa thể nộp phí, lệ phí bằng chuyển khoản; liên hệ Bộ phận Một cửa`,
      { reason: 'paymentAccountMissing' },
    );
  }
  return found;
}

async function configurable(ctx: Ctx, agencyId: string) {
  const actor = requireStaff(ctx);
  const agency = await findAgency(ctx.db, agencyId);
  if (!agency) throw notFound('đơn vị');
  if (!canConfigureAccount(actor, agency.path)) {
    throw forbidden('Chỉ quản trị hệ thống của đơn vị (hoặc cấp trên) đặt tài khoản nhận phí, lệ phí');
  }
  return { actor, agency };
}

const viewOf = (found: Awaited<ReturnType<typeof findAccount>>, agencyId: string) => ({
  own: found?.source.kind === 'agency' && found.source.agencyId === agencyId,
  account: found?.account ?? null,
  source: found?.source ?? null,
});
export type AccountView = ReturnType<typeof viewOf>;

/** The account that applies at an agency and where it comes from (administrators of the agency). */
export async function getAgencyAccount(ctx: Ctx, fallback: PaymentAccount | undefined, agencyId: string) {
  const { agency } = await configurable(ctx, agencyId);
  return viewOf(await findAccount(ctx.db, fallback, agency.path), agency.id);
}

export async function setAgencyAccount(
  ctx: Ctx,
  fallback: PaymentAccount | undefined,
  agencyId: string,
  input: PaymentAccount | PaymentAccountInput,
) {
  const { actor, agency } = await configurable(ctx, agencyId);
  const account = input as PaymentAccount;
  await withTransaction(ctx.db, async (tx) => {
    await repo.upsertAccount(tx, agency.id, account, actor.userId, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'paymentAccount.set',
      targetType: 'agency',
      targetId: agency.id,
      agencyId: agency.id,
      details: { bankBin: account.bankBin, accountNumber: account.accountNumber },
    });
  });
  return viewOf(await findAccount(ctx.db, fallback, agency.path), agency.id);
}

export async function removeAgencyAccount(ctx: Ctx, fallback: PaymentAccount | undefined, agencyId: string) {
  const { agency } = await configurable(ctx, agencyId);
  await withTransaction(ctx.db, async (tx) => {
    if (!(await repo.deleteAccount(tx, agency.id))) throw notFound('tài khoản nhận tiền riêng của đơn vị');
    await recordAudit(tx, ctx, {
      action: 'paymentAccount.remove',
      targetType: 'agency',
      targetId: agency.id,
      agencyId: agency.id,
    });
  });
  return viewOf(await findAccount(ctx.db, fallback, agency.path), agency.id);
}
