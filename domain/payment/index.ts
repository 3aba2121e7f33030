/** Fees paid by bank transfer: VietQR (NAPAS 247) payloads, their parser, and the transfer note (pure). */

export { amountInWords, numberInWords } from './amount-words.ts';
export { isBankText, toBankText } from './bank-text.ts';
export { crc16CcittFalse, emvCrc, formatCrc } from './crc.ts';
export { type EmvField, type EmvQr, findField, NAPAS_GUID, parseEmvQr, serializeEmv, tlv } from './emv.ts';
export { PaymentError, type PaymentErrorReason, type PaymentIssue } from './errors.ts';
export {
  FeeLineView,
  formatReceiptNo,
  PaymentAccount,
  type PaymentAccountInput,
  PaymentCancellation,
  PaymentConfirmation,
  PaymentDeclaration,
  PaymentMethod,
  PaymentRecordView,
  PaymentState,
  PaymentStatus,
  PaymentView,
  paymentMethodLabel,
  RECEIPT_DIGITS,
  receiptSeries,
} from './payment.ts';
export {
  buildTransferNote,
  DEFAULT_NOTE_PREFIX,
  DEFAULT_NOTE_SUFFIX,
  findDossierCodeInNote,
  type TransferNoteOptions,
} from './transfer-note.ts';
export {
  ADDITIONAL_DATA_MAX,
  buildVietQr,
  COUNTRY_VN,
  DEFAULT_NOTE_MAX_LENGTH,
  INITIATION_CODE,
  type Initiation,
  MAX_AMOUNT,
  readVietQr,
  SERVICE_CODE,
  type TransferService,
  type VietQr,
  VietQrInput,
  type VietQrOptions,
  VND_NUMERIC,
} from './vietqr.ts';
