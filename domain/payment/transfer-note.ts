/**
 * The transfer note (nội dung chuyển khoản) a citizen's bank carries to the collecting account: it must let the
 * desk match the money to the dossier, so the dossier code is always there, whole; the words around it are
 * dropped first when the bank's limit is short. A code that does not fit on its own is refused, never cut.
 */
import { DOSSIER_CODE_PATTERN } from '../dossier/code.ts';
import { toBankText } from './bank-text.ts';
import { PaymentError } from './errors.ts';
import { ADDITIONAL_DATA_MAX, DEFAULT_NOTE_MAX_LENGTH } from './vietqr.ts';

/** "HS" = hồ sơ (dossier). */
export const DEFAULT_NOTE_PREFIX = 'HS';
/** "LE PHI" = lệ phí (fee), without diacritics. */
export const DEFAULT_NOTE_SUFFIX = 'LE PHI';

export type TransferNoteOptions = Readonly<{
  /** Longest note (1–25), default 25. [confirm] per collecting bank; some gateways take 19. */
  maxLength?: number;
  /** Words before the code; folded to bank-safe ASCII and uppercased. Empty string: none. */
  prefix?: string;
  /** Words after the code; same folding. Empty string: none. */
  suffix?: string;
}>;

const words = (...parts: string[]) => parts.filter((p) => p !== '').join(' ');

/**
 * "000.00.01.H01-261202-0001" → "HS 000.00.01.H01-261202-0001 LE PHI" when it fits, else without the suffix,
 * else without the prefix, else the bare code (25 characters for a standard agency code, so with the default
 * limit of 25 a standard code is sent alone).
 */
export function buildTransferNote(dossierCode: string, options: TransferNoteOptions = {}): string {
  const code = dossierCode.trim().toUpperCase();
  if (!DOSSIER_CODE_PATTERN.test(code)) {
    const message = `Mã hồ sơ "${dossierCode}" không đúng dạng {mã cơ quan}-{yyMMdd}-{NNNN}`;
    throw new PaymentError('INVALID_INPUT', message, [{ path: 'dossierCode', message }]);
  }
  const max = options.maxLength ?? DEFAULT_NOTE_MAX_LENGTH;
  if (!Number.isInteger(max) || max < 1 || max > ADDITIONAL_DATA_MAX) {
    throw new RangeError(`Giới hạn nội dung chuyển khoản phải từ 1 đến ${ADDITIONAL_DATA_MAX}: ${max}`);
  }
  const prefix = toBankText(options.prefix ?? DEFAULT_NOTE_PREFIX).toUpperCase();
  const suffix = toBankText(options.suffix ?? DEFAULT_NOTE_SUFFIX).toUpperCase();

  const candidates = [words(prefix, code, suffix), words(prefix, code), words(code, suffix), code];
  const note = candidates.find((c) => c.length <= max);
  if (note === undefined) {
    const message = `Mã hồ sơ ${code} dài ${code.length} ký tự, vượt giới hạn ${max} ký tự của nội dung chuyển khoản`;
    throw new PaymentError('NOTE_TOO_LONG', message, [{ path: 'dossierCode', message }]);
  }
  return note;
}

/** Standard agency identifier AAA.BB.CC.LNN (Decision 20/2020/QĐ-TTg) — found even when glued to other text. */
const STANDARD_CODE_IN_TEXT = /(?<!\d)\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}(?!\d)/;
/** Any code `DOSSIER_CODE_PATTERN` accepts, standing apart from neighbouring letters, digits and dots. */
const ANY_CODE_IN_TEXT = /(?<![A-Z0-9.])[A-Z0-9.]{1,40}-\d{6}-\d{4}(?!\d)/;

/**
 * The dossier code inside a note as a bank statement or a scanned QR shows it (any case, any words around —
 * statements often glue their own reference with dots, e.g. "MBVCB.123456.000.00.01.H01-…"). Undefined when
 * absent — or when a bank stripped the '.' and '-' [confirm].
 */
export function findDossierCodeInNote(text: string): string | undefined {
  const upper = text.toUpperCase();
  return (STANDARD_CODE_IN_TEXT.exec(upper) ?? ANY_CODE_IN_TEXT.exec(upper))?.[0];
}
