/**
 * What a dossier owes and how to pay it: the fee of the pinned version (computeFee, online amounts for online
 * dossiers), the payment records, and the VietQR transfer (payload and PNG) while something is due. Shared by
 * every payment endpoint so that each answers with the same view.
 */
import QRCode from 'qrcode';
import { computeFee, type FeeResult } from '../../../domain/catalogue/fees.ts';
import { type DossierEvent, type DossierStatus, TERMINAL } from '../../../domain/dossier/index.ts';
import {
  buildTransferNote,
  buildVietQr,
  type PaymentAccount,
  PaymentError,
  type PaymentRecordView,
  type PaymentState,
  type PaymentView,
} from '../../../domain/payment/index.ts';
import type { Ctx } from '../../context.ts';
import type { Queryable } from '../../db/tx.ts';
import { AppError } from '../../errors.ts';
import { readable } from '../dossiers/actions.service.ts';
import type { Loaded } from '../dossiers/dossier-view.ts';
import * as dossierRepo from '../dossiers/dossiers.repository.ts';
import { getAccount } from './payment-accounts.service.ts';
import * as repo from './payments.repository.ts';

export type Channel = 'online' | 'direct' | 'postal';

/** The fee due by the pinned version; per-page fees need the page count only the desk knows. */
export function feeOf(l: Loaded): FeeResult & { channel: Channel } {
  const channel = l.row.channel as Channel;
  try {
    return { ...computeFee(l.version, { channel }), channel };
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    throw new AppError(
      'CONFLICT',
      `${e.message}: số tiền do Bộ phận Một cửa xác định; nộp tại Bộ phận Một cửa`,
      { reason: 'feeNeedsDesk' },
    );
  }
}

/** A fee recorded at the desk without this module: paid at intake, or the `collectFee` action typed by hand. */
export function collectedAtDesk(
  events: readonly DossierEvent[],
): { amount: number; receiptNo: string } | null {
  const atIntake = events[0]?.data.fee as { amount: number; receiptNo: string } | undefined;
  const byHand = [...events]
    .reverse()
    .find((e) => e.action === 'collectFee' && e.data.paymentId === undefined);
  if (byHand) return { amount: Number(byHand.data.amount), receiptNo: String(byHand.data.receiptNo) };
  return atIntake && atIntake.amount > 0 ? atIntake : null;
}

/** The requested or confirmed payment; else the last cancelled one (payments come newest first). */
export const currentPayment = (payments: readonly repo.Payment[]): repo.Payment | undefined =>
  payments.find((p) => p.status !== 'cancelled') ?? payments[0];

export function stateOf(
  status: DossierStatus,
  fee: FeeResult,
  current: repo.Payment | undefined,
  desk: unknown,
): PaymentState {
  if (current?.status === 'confirmed' || desk) return 'paid';
  if (fee.total === 0) return 'free';
  if (current?.status === 'requested') return 'requested';
  if (TERMINAL.has(status)) return 'closed';
  return 'due';
}

export type Transfer = NonNullable<PaymentView['transfer']>;

/** The VietQR payload of a transfer and its PNG; a note the bank cannot carry is a configuration problem. */
export async function transferTo(
  account: Pick<PaymentAccount, 'bankBin' | 'accountNumber' | 'accountName' | 'noteMaxLength'> & {
    bankName?: string | undefined;
  },
  dossierCode: string,
  amount: number,
  note?: string,
): Promise<Transfer> {
  try {
    const text = note ?? buildTransferNote(dossierCode, { maxLength: account.noteMaxLength });
    const payload = buildVietQr(
      { bankBin: account.bankBin, accountNumber: account.accountNumber, amount, note: text },
      { maxNoteLength: account.noteMaxLength },
    );
    const qrPng = await QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 4, width: 360 });
    return {
      bankBin: account.bankBin,
      bankName: account.bankName ?? null,
      accountNumber: account.accountNumber,
      accountName: account.accountName,
      amount,
      note: text,
      payload,
      qrPng,
    };
  } catch (e) {
    if (e instanceof PaymentError) {
      throw new AppError('CONFLICT', `Không lập được mã VietQR: ${e.message}`, { reason: 'vietQrInvalid' });
    }
    throw e;
  }
}

export const receiptPath = (dossierId: string) => `/api/dossiers/${dossierId}/payment/receipt.pdf`;

async function recordView(q: Queryable, p: repo.Payment): Promise<PaymentRecordView> {
  const names = await repo.userNames(q, [p.requestedBy, p.confirmedBy]);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: p.id,
    status: p.status,
    method: p.method,
    amount: p.amount,
    transferNote: p.transferNote,
    payerNote: p.payerNote,
    requestedAt: p.requestedAt.toISOString(),
    requestedByName: (p.requestedBy && names.get(p.requestedBy)) ?? null,
    confirmedAt: iso(p.confirmedAt),
    confirmedByName: (p.confirmedBy && names.get(p.confirmedBy)) ?? null,
    bankReference: p.bankReference,
    cancelledAt: iso(p.cancelledAt),
    cancelReason: p.cancelReason,
    receiptNo: p.receiptNo,
    receiptIssuedAt: iso(p.receiptIssuedAt),
    receiptUrl: p.status === 'confirmed' ? receiptPath(p.dossierId) : null,
  };
}

/** Everything about paying a dossier the actor may read (404 otherwise). */
export async function loadPayment(ctx: Ctx, id: string) {
  const { actor, loaded } = await readable(ctx, id);
  const [events, payments] = await Promise.all([
    dossierRepo.listEvents(ctx.db, id),
    repo.listPayments(ctx.db, id),
  ]);
  const fee = feeOf(loaded);
  const current = currentPayment(payments);
  const desk = collectedAtDesk(events);
  return {
    actor,
    l: loaded,
    events,
    fee,
    current,
    desk,
    state: stateOf(loaded.row.status as DossierStatus, fee, current, desk),
  };
}

export type LoadedPayment = Awaited<ReturnType<typeof loadPayment>>;

/** The view of a loaded dossier; a transfer is shown while due (409 when no account is configured). */
export async function viewOf(
  ctx: Ctx,
  p: LoadedPayment,
  fallback: PaymentAccount | undefined,
): Promise<PaymentView> {
  const { l, fee, current, state } = p;
  let transfer: Transfer | null = null;
  if (state === 'due') {
    const receivingPath = l.agencies.get(l.row.receivingAgencyId)!.path;
    const { account } = await getAccount(ctx.db, fallback, receivingPath);
    transfer = await transferTo(account, l.row.code, fee.total);
  } else if (state === 'requested' && current?.bankBin && current.accountNumber && current.transferNote) {
    // The transfer the payer declared: the account and note frozen when they declared it.
    transfer = await transferTo(
      {
        bankBin: current.bankBin,
        accountNumber: current.accountNumber,
        accountName: current.accountName ?? '',
        noteMaxLength: current.transferNote.length,
      },
      l.row.code,
      current.amount,
      current.transferNote,
    );
  }
  return {
    dossierId: l.row.id,
    dossierCode: l.row.code,
    procedureName: l.procedureName,
    state,
    fee: {
      total: fee.total,
      channel: fee.channel,
      lines: fee.lines,
      note: l.version.feeNote ?? null,
    },
    transfer,
    payment: current ? await recordView(ctx.db, current) : null,
    collectedAtDesk: p.desk,
  };
}
