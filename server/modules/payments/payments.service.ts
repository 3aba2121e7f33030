/**
 * Fee payments of a dossier (issue 6, item 5). The payer transfers by the VietQR code and may declare it
 * (`requested`); the receiving desk checks its bank statement and confirms with the bank reference
 * (`confirmed`: an electronic receipt number, gap-free per agency and year, and the dossier's `collectFee` event,
 * decided by the status machine) or cancels a declaration no money came for. Each change commits with its audit
 * row; a confirmation is done at most once per Idempotency-Key, and a second one is a 409.
 */
import type { StaffRole } from '../../../domain/access/roles.ts';
import { type DossierEvent, decide } from '../../../domain/dossier/index.ts';
import {
  formatReceiptNo,
  type PaymentAccount,
  type PaymentCancellation,
  type PaymentConfirmation,
  type PaymentDeclaration,
  type PaymentView,
} from '../../../domain/payment/index.ts';
import type { Ctx } from '../../context.ts';
import { withTransaction } from '../../db/tx.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { formatDate, formatDong, vnParts } from '../../pdf/format.ts';
import { requireStaff } from '../access/access.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { legalClockAt } from '../calendar/calendar.service.ts';
import { asProblem, readable } from '../dossiers/actions.service.ts';
import { loadRelated } from '../dossiers/dossier-view.ts';
import { rolesAt } from '../dossiers/dossiers.policy.ts';
import * as dossierRepo from '../dossiers/dossiers.repository.ts';
import { once } from '../dossiers/idempotency.ts';
import { nextInSequence } from '../dossiers/sequences.ts';
import { situationOf } from '../dossiers/situation.ts';
import { getAccount } from './payment-accounts.service.ts';
import {
  collectedAtDesk,
  feeOf,
  type LoadedPayment,
  loadPayment,
  transferTo,
  viewOf,
} from './payment-view.ts';
import { canCollectAt, canDeclarePayment } from './payments.policy.ts';
import * as repo from './payments.repository.ts';

/** What the routes pass from the configuration. */
export type PaymentDefaults = Readonly<{ account: PaymentAccount | undefined }>;

export async function getPayment(ctx: Ctx, defaults: PaymentDefaults, id: string): Promise<PaymentView> {
  return viewOf(ctx, await loadPayment(ctx, id), defaults.account);
}

/** Why nothing can be paid now, as the payer or the desk should read it. */
function refuseUnlessDue(p: LoadedPayment): void {
  switch (p.state) {
    case 'due':
    case 'requested':
      return;
    case 'paid':
      throw new AppError('CONFLICT', alreadyPaid(p.current, p.desk), { reason: 'paymentAlreadyConfirmed' });
    case 'free':
      throw new AppError('CONFLICT', 'Thủ tục này không thu phí, lệ phí', { reason: 'paymentNotDue' });
    case 'closed':
      throw new AppError('CONFLICT', 'Hồ sơ đã kết thúc xử lý; không nộp phí, lệ phí cho hồ sơ này', {
        reason: 'paymentNotDue',
      });
  }
}

function alreadyPaid(current: repo.Payment | undefined, desk: { receiptNo: string } | null): string {
  if (current?.status === 'confirmed') {
    return `Phí, lệ phí của hồ sơ đã được xác nhận ngày ${formatDate(current.confirmedAt!)}, biên lai số ${current.receiptNo}`;
  }
  return `Hồ sơ đã thu phí, lệ phí tại Bộ phận Một cửa (biên lai số ${desk?.receiptNo ?? ''})`;
}

/** The payer says the transfer is made ("Tôi đã chuyển khoản"); the desk will check. A repeat changes nothing. */
export async function declarePayment(
  ctx: Ctx,
  defaults: PaymentDefaults,
  id: string,
  req: PaymentDeclaration,
  idempotencyKey?: string,
): Promise<{ created: boolean; body: PaymentView }> {
  const p = await loadPayment(ctx, id);
  if (!canDeclarePayment(p.actor, p.l.row.citizenUserId)) {
    throw forbidden('Chỉ người nộp hồ sơ trực tuyến báo đã chuyển khoản; cán bộ xác nhận khoản thu');
  }
  refuseUnlessDue(p);
  if (p.state === 'requested') return { created: false, body: await viewOf(ctx, p, defaults.account) };
  const { l, fee } = p;
  const { account } = await getAccount(
    ctx.db,
    defaults.account,
    l.agencies.get(l.row.receivingAgencyId)!.path,
  );
  const transfer = await transferTo(account, l.row.code, fee.total);
  const now = ctx.clock.now();
  const result = await once<{ id: string }>(
    ctx.db,
    `user:${p.actor.userId}`,
    idempotencyKey,
    { op: 'declarePayment', id, req },
    async (tx) => {
      await dossierRepo.lockDossier(tx, id);
      const open = await repo.lockOpenPayment(tx, id);
      if (open?.status === 'confirmed') {
        throw new AppError('CONFLICT', alreadyPaid(open, null), { reason: 'paymentAlreadyConfirmed' });
      }
      if (open) return { statusCode: 200, body: { id: open.id } };
      const payment = await repo.insertPayment(tx, {
        dossierId: id,
        agencyId: l.row.receivingAgencyId,
        amount: fee.total,
        lines: fee.lines,
        method: 'vietqr',
        status: 'requested',
        bankBin: transfer.bankBin,
        accountNumber: transfer.accountNumber,
        accountName: transfer.accountName,
        transferNote: transfer.note,
        payerNote: req.payerNote ?? null,
        requestedAt: now,
        requestedBy: p.actor.userId,
      });
      await recordAudit(tx, ctx, {
        action: 'payment.request',
        targetType: 'dossier',
        targetId: id,
        agencyId: l.row.receivingAgencyId,
        details: { paymentId: payment.id, amount: fee.total },
      });
      return { statusCode: 201, body: { id: payment.id } };
    },
  );
  return {
    created: result.statusCode === 201 && !result.replayed,
    body: await getPayment(ctx, defaults, id),
  };
}

/** The dossier, for the receiving desk only (404 for those who cannot read it, 403 for readers who cannot collect). */
async function forCollector(ctx: Ctx, id: string) {
  requireStaff(ctx);
  const { actor, loaded } = await readable(ctx, id);
  const receivingPath = loaded.agencies.get(loaded.row.receivingAgencyId)!.path;
  if (!canCollectAt(actor, receivingPath)) {
    throw forbidden(
      'Chỉ cán bộ tiếp nhận (Bộ phận Một cửa) của nơi tiếp nhận hồ sơ được xác nhận thu phí, lệ phí',
    );
  }
  return { actor, loaded, receivingPath };
}

/**
 * The desk confirms the money arrived: the receipt number is drawn in the same transaction as the payment, the
 * dossier's `collectFee` event (the status machine decides whether fees may be collected now) and the audit row.
 */
export async function confirmPayment(
  ctx: Ctx,
  defaults: PaymentDefaults,
  id: string,
  req: PaymentConfirmation,
  idempotencyKey?: string,
): Promise<PaymentView> {
  const { actor, loaded, receivingPath } = await forCollector(ctx, id);
  const fee = feeOf(loaded);
  if (fee.total === 0) {
    throw new AppError('CONFLICT', 'Thủ tục này không thu phí, lệ phí', { reason: 'paymentNotDue' });
  }
  const known = await repo.listPayments(ctx.db, id);
  const requested = known.find((k) => k.status === 'requested');
  // A transfer needs an account: the one the payer declared, else the one in force now.
  const account =
    req.method === 'vietqr' && !requested
      ? (await getAccount(ctx.db, defaults.account, receivingPath)).account
      : undefined;
  const clock = await legalClockAt(ctx, receivingPath);
  const now = ctx.clock.now();
  const roles = rolesAt(actor, receivingPath);
  await once<{ id: string }>(
    ctx.db,
    `user:${actor.userId}`,
    idempotencyKey,
    { op: 'confirmPayment', id, req },
    async (tx) => {
      const row = await dossierRepo.lockDossier(tx, id);
      if (!row) throw notFound('hồ sơ');
      const events = await dossierRepo.listEvents(tx, id);
      const desk = collectedAtDesk(events);
      const open = await repo.lockOpenPayment(tx, id);
      if (open?.status === 'confirmed' || desk) {
        throw new AppError('CONFLICT', alreadyPaid(open, desk), { reason: 'paymentAlreadyConfirmed' });
      }
      const amount = open?.amount ?? fee.total;
      if (req.amount !== undefined && req.amount !== amount) {
        throw new AppError(
          'VALIDATION',
          `Số tiền nhận được (${formatDong(req.amount)}) khác số tiền phải nộp (${formatDong(amount)})`,
          { errors: [{ path: 'amount', message: `Phải là ${formatDong(amount)}` }] },
        );
      }
      const l = await loadRelated(tx, row);
      const year = vnParts(now).year;
      const seq = await nextInSequence(tx, `fee-receipt:${row.receivingAgencyId}`, String(year));
      const receiptNo = formatReceiptNo(year, seq);
      let decision: ReturnType<typeof decide>;
      try {
        decision = decide(
          situationOf(actor, l, events, now),
          { action: 'collectFee', amount, receiptNo },
          {
            resume: clock.resume,
            workingDaysBetween: clock.workingDaysBetween,
            initialDue: (at) => clock.due(at, l.version.localLimit),
          },
        );
      } catch (e) {
        asProblem(e);
      }
      const confirmed = {
        status: 'confirmed' as const,
        method: req.method,
        confirmedAt: now,
        confirmedBy: actor.userId,
        bankReference: req.bankReference ?? null,
        receiptYear: year,
        receiptSeq: seq,
        receiptNo,
        receiptIssuedAt: now,
      };
      const payment = open
        ? await repo.updatePayment(tx, open.id, confirmed)
        : await repo.insertPayment(tx, {
            ...confirmed,
            dossierId: id,
            agencyId: row.receivingAgencyId,
            amount,
            lines: fee.lines,
            bankBin: account?.bankBin ?? null,
            accountNumber: account?.accountNumber ?? null,
            accountName: account?.accountName ?? null,
            requestedAt: now,
            requestedBy: actor.userId,
          });
      const event: DossierEvent = {
        ...decision,
        seq: row.lastSeq + 1,
        at: now,
        actorId: actor.userId,
        actorName: actor.fullName,
        role: roles.find((r): r is StaffRole => r === 'deskOfficer') ?? null,
        agencyId: row.receivingAgencyId,
        note: req.note ?? null,
        data: {
          ...decision.data,
          paymentId: payment.id,
          method: req.method,
          bankReference: req.bankReference ?? null,
        },
      };
      await dossierRepo.appendEvent(tx, id, event);
      await dossierRepo.project(tx, id, event);
      await recordAudit(tx, ctx, {
        action: 'payment.confirm',
        targetType: 'dossier',
        targetId: id,
        agencyId: row.receivingAgencyId,
        details: { paymentId: payment.id, amount, receiptNo, method: req.method },
      });
      return { statusCode: 200, body: { id: payment.id } };
    },
  );
  return getPayment(ctx, defaults, id);
}

/** The desk found no money for a declaration: it is cancelled with the reason; the payer may declare again. */
export async function cancelPayment(
  ctx: Ctx,
  defaults: PaymentDefaults,
  id: string,
  req: PaymentCancellation,
): Promise<PaymentView> {
  const { actor } = await forCollector(ctx, id);
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (tx) => {
    const row = await dossierRepo.lockDossier(tx, id);
    if (!row) throw notFound('hồ sơ');
    const open = await repo.lockOpenPayment(tx, id);
    if (open?.status !== 'requested') {
      throw new AppError(
        'CONFLICT',
        open
          ? 'Khoản phí, lệ phí đã được xác nhận và cấp biên lai; không hủy được'
          : 'Hồ sơ không có đề nghị xác nhận nộp phí, lệ phí nào đang chờ',
        { reason: 'paymentNotRequested' },
      );
    }
    await repo.updatePayment(tx, open.id, {
      status: 'cancelled',
      cancelledAt: now,
      cancelledBy: actor.userId,
      cancelReason: req.reason,
    });
    await recordAudit(tx, ctx, {
      action: 'payment.cancel',
      targetType: 'dossier',
      targetId: id,
      agencyId: row.receivingAgencyId,
      details: { paymentId: open.id, reason: req.reason },
    });
  });
  return getPayment(ctx, defaults, id);
}
