/**
 * Fees of a dossier paid by VietQR transfer (docs/payment-vietqr.md): what is owed and how to pay it, the payer's
 * "Tôi đã chuyển khoản", and the desk's confirmation or cancellation. Shared by the portal and the desk's panel.
 */
import type {
  PaymentCancellation,
  PaymentConfirmation,
  PaymentDeclaration,
  PaymentState,
  PaymentView,
} from '../../../../domain/payment/payment.ts';
import { api } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';

export type { PaymentState, PaymentView } from '../../../../domain/payment/payment.ts';

const base = (dossierId: string) => `/api/dossiers/${encodeURIComponent(dossierId)}/payment`;

export const getPayment = (dossierId: string) => api.get<PaymentView>(base(dossierId));

/** The same key for retries of one tap: a lost answer does not make a second declaration or receipt. */
export const declarePayment = (dossierId: string, body: PaymentDeclaration, idempotencyKey: string) =>
  api.post<PaymentView>(`${base(dossierId)}/request`, body, undefined, { 'idempotency-key': idempotencyKey });

export const confirmPayment = (
  dossierId: string,
  body: Partial<PaymentConfirmation>,
  idempotencyKey: string,
) =>
  api.post<PaymentView>(`${base(dossierId)}/confirm`, body, undefined, { 'idempotency-key': idempotencyKey });

export const cancelPayment = (dossierId: string, body: PaymentCancellation) =>
  api.post<PaymentView>(`${base(dossierId)}/cancel`, body);

export const paymentPagePath = (dossierId: string) => `/cong-dan/ho-so/${dossierId}/thanh-toan`;

/** 50000 → "50.000 đ" (whole đồng, grouped the Vietnamese way). */
export const formatDong = (amount: number): string => `${formatNumber(amount)} đ`;

/** Why nothing can be paid through the portal (409 reasons of GET …/payment), or undefined. */
export const reasonOf = (e: { status: number; extensions: Readonly<Record<string, unknown>> }) =>
  e.status === 409 && typeof e.extensions.reason === 'string' ? e.extensions.reason : undefined;

/** What each state is called for the payer and the desk. */
export const paymentStateLabel: Record<PaymentState, string> = {
  free: 'Không thu phí',
  due: 'Chưa nộp',
  requested: 'Đã báo chuyển khoản, chờ xác nhận',
  paid: 'Đã xác nhận',
  closed: 'Không cần nộp',
};
