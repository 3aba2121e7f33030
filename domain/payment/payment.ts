/**
 * Fee payments of a dossier (issue 6, item 5): the collecting account, the payment record and its life
 * (requested → confirmed | cancelled), what the API shows, and the number of the electronic fee receipt
 * (biên lai thu phí, lệ phí điện tử). See docs/payment-vietqr.md, "Payments of a dossier".
 */
import { z } from 'zod';
import { Text } from '../shared/text.ts';
import { ADDITIONAL_DATA_MAX, DEFAULT_NOTE_MAX_LENGTH } from './vietqr.ts';

/** The account fees are transferred to (one default in configuration, or one per agency subtree). */
export const PaymentAccount = z.strictObject({
  /** Beneficiary bank BIN registered with NAPAS, e.g. 970415 (VietinBank). */
  bankBin: z.string().regex(/^\d{6}$/, 'Mã BIN ngân hàng gồm đúng 6 chữ số'),
  /** Shown to payers who type the transfer by hand, e.g. "VietinBank — Chi nhánh Hà Nội". */
  bankName: Text(200).optional(),
  accountNumber: z
    .string()
    .regex(/^[A-Za-z0-9]{1,19}$/, 'Số tài khoản gồm 1–19 chữ cái hoặc chữ số, không dấu cách'),
  /** Account holder as the bank shows it, e.g. "UBND XA AN". */
  accountName: Text(200),
  /** Tax code (mã số thuế) of the collecting organisation, printed on the receipt. */
  taxCode: z
    .string()
    .regex(/^\d{10}(-\d{3})?$/, 'Mã số thuế gồm 10 chữ số (hoặc 10 chữ số, gạch ngang, 3 chữ số)')
    .optional(),
  /** Longest transfer note the collecting bank carries (1–25) [confirm per bank]. */
  noteMaxLength: z.number().int().min(1).max(ADDITIONAL_DATA_MAX).default(DEFAULT_NOTE_MAX_LENGTH),
});
export type PaymentAccount = z.infer<typeof PaymentAccount>;
export type PaymentAccountInput = z.input<typeof PaymentAccount>;

export const PaymentMethod = z.enum(['vietqr', 'cash']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;
export const paymentMethodLabel: Record<PaymentMethod, string> = {
  vietqr: 'Chuyển khoản qua mã VietQR',
  cash: 'Tiền mặt tại Bộ phận Một cửa',
};

/**
 * requested: the payer says the transfer is made and asks the desk to check; confirmed: the desk saw the money
 * and issued the receipt; cancelled: the desk found no such transfer (the payer may declare again).
 */
export const PaymentStatus = z.enum(['requested', 'confirmed', 'cancelled']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

/** The payer declares a transfer made with the QR ("Tôi đã chuyển khoản"). */
export const PaymentDeclaration = z.strictObject({
  /** e.g. "Chuyển lúc 9 giờ 30 từ tài khoản Vietcombank của Trần Thị Lan". */
  payerNote: Text(500).optional(),
});
export type PaymentDeclaration = z.infer<typeof PaymentDeclaration>;

/** The desk confirms the money arrived (bank statement line) or was paid in cash at the counter. */
export const PaymentConfirmation = z
  .strictObject({
    method: PaymentMethod.default('vietqr'),
    /** The bank's transaction reference from the statement (required for transfers). */
    bankReference: Text(100).optional(),
    /** What the statement shows; when given it must equal the amount due. */
    amount: z.number().int().min(0).max(1e13).optional(),
    note: Text(1000).optional(),
  })
  .refine((c) => c.method !== 'vietqr' || c.bankReference !== undefined, {
    message: 'Nhập mã giao dịch ngân hàng (trên sao kê) của khoản chuyển khoản',
    path: ['bankReference'],
  });
export type PaymentConfirmation = z.infer<typeof PaymentConfirmation>;

export const PaymentCancellation = z.strictObject({
  reason: Text(1000),
});
export type PaymentCancellation = z.infer<typeof PaymentCancellation>;

const Instant = z.string().describe('ISO 8601 instant');

export const FeeLineView = z.object({
  key: z.string(),
  name: z.string(),
  amount: z.number().int(),
  explanation: z.string(),
});

export const PaymentRecordView = z.object({
  id: z.uuid(),
  status: PaymentStatus,
  method: PaymentMethod,
  amount: z.number().int(),
  transferNote: z.string().nullable(),
  payerNote: z.string().nullable(),
  requestedAt: Instant,
  requestedByName: z.string().nullable(),
  confirmedAt: Instant.nullable(),
  confirmedByName: z.string().nullable(),
  bankReference: z.string().nullable(),
  cancelledAt: Instant.nullable(),
  cancelReason: z.string().nullable(),
  receiptNo: z.string().nullable(),
  receiptIssuedAt: Instant.nullable(),
  /** Path of the receipt PDF, once issued. */
  receiptUrl: z.string().nullable(),
});
export type PaymentRecordView = z.infer<typeof PaymentRecordView>;

/**
 * free: nothing to pay; due: to pay (QR shown); requested: the payer declared a transfer, the desk checks;
 * paid: confirmed (receipt) or collected at the desk before this module existed; closed: the dossier ended unpaid.
 */
export const PaymentState = z.enum(['free', 'due', 'requested', 'paid', 'closed']);
export type PaymentState = z.infer<typeof PaymentState>;

export const PaymentView = z.object({
  dossierId: z.uuid(),
  dossierCode: z.string(),
  procedureName: z.string(),
  state: PaymentState,
  fee: z.object({
    total: z.number().int(),
    /** The online amounts apply to online dossiers (computeFee). */
    channel: z.enum(['online', 'direct', 'postal']),
    lines: z.array(FeeLineView),
    /** Fees the catalogue states only in words (amounts set by the provincial council…). */
    note: z.string().nullable(),
  }),
  /** How to pay by transfer; present while something is due. */
  transfer: z
    .object({
      bankBin: z.string(),
      bankName: z.string().nullable(),
      accountNumber: z.string(),
      accountName: z.string(),
      amount: z.number().int(),
      note: z.string(),
      /** The VietQR (EMVCo) payload string. */
      payload: z.string(),
      /** The same as a PNG image, `data:image/png;base64,…`. */
      qrPng: z.string(),
    })
    .nullable(),
  /** The current payment (requested or confirmed), else the last cancelled one, else null. */
  payment: PaymentRecordView.nullable(),
  /** A fee recorded at the desk without this module (intake or the collectFee action). */
  collectedAtDesk: z.object({ amount: z.number().int(), receiptNo: z.string() }).nullable(),
});
export type PaymentView = z.infer<typeof PaymentView>;

/** Receipt numbers restart every year per collecting agency: 7 digits [confirm: Decree 123/2020, Circular 78/2021]. */
export const RECEIPT_DIGITS = 7;

/** The series (ký hiệu) of a year's receipts, e.g. "BL2026" [confirm: registered series per agency]. */
export const receiptSeries = (year: number): string => `BL${year}`;

/** "BL2026-0000001": series and number, unique within the collecting agency. */
export function formatReceiptNo(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence >= 10 ** RECEIPT_DIGITS) {
    throw new RangeError(`Số biên lai vượt giới hạn ${RECEIPT_DIGITS} chữ số: ${sequence}`);
  }
  return `${receiptSeries(year)}-${String(sequence).padStart(RECEIPT_DIGITS, '0')}`;
}
