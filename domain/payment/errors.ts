/**
 * The one error the payment domain throws. `reason` is for machines (a service maps every reason to the
 * VALIDATION problem code), `message` is a Vietnamese sentence for the person at the desk or the portal.
 */
export type PaymentErrorReason =
  /** The builder's input failed validation (see `issues`). */
  | 'INVALID_INPUT'
  /** The transfer note does not fit the length limit (the dossier code is never cut). */
  | 'NOTE_TOO_LONG'
  /** The payload does not end with a CRC data object `6304XXXX`. */
  | 'CRC_MISSING'
  /** The CRC does not match: the string was damaged or edited. */
  | 'CRC_MISMATCH'
  /** The TLV structure is broken (bad id, bad length, truncated value, wrong first or last object, duplicate). */
  | 'MALFORMED'
  /** A well-formed EMV QR that is not a NAPAS VietQR transfer we can read (other scheme, currency, amount form). */
  | 'NOT_VIETQR';

export type PaymentIssue = Readonly<{ path: string; message: string }>;

export class PaymentError extends Error {
  constructor(
    readonly reason: PaymentErrorReason,
    message: string,
    readonly issues: readonly PaymentIssue[] = [],
    /** Character position in the payload where parsing stopped, when that is meaningful. */
    readonly offset?: number,
  ) {
    super(message);
    this.name = 'PaymentError';
  }
}
