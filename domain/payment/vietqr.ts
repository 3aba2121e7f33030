/**
 * VietQR bank-transfer payloads (NAPAS 247 "chuyển nhanh" by QR), the EMVCo merchant-presented format as
 * profiled by NAPAS: 00 "01" · 01 "11" static / "12" dynamic · 38 { 00 GUID A000000727 · 01 { 00 acquirer BIN ·
 * 01 account or card number } · 02 service QRIBFTTA (to account) / QRIBFTTC (to card) } · 53 "704" · 54 amount ·
 * 58 "VN" · 62 { 01 bill number · 08 purpose of transaction } · 63 CRC. Sources and open points:
 * docs/payment-vietqr.md.
 */
import { z } from 'zod';
import { toBankText } from './bank-text.ts';
import { emvCrc } from './crc.ts';
import { type EmvField, type EmvQr, findField, NAPAS_GUID, parseEmvQr, serializeEmv } from './emv.ts';
import { PaymentError } from './errors.ts';

export const SERVICE_CODE = { account: 'QRIBFTTA', card: 'QRIBFTTC' } as const;
export type TransferService = keyof typeof SERVICE_CODE;

export const INITIATION_CODE = { static: '11', dynamic: '12' } as const;
export type Initiation = keyof typeof INITIATION_CODE;

/** ISO 4217 numeric code of the đồng; VND has no minor unit, so amounts are whole đồng. */
export const VND_NUMERIC = '704';
export const COUNTRY_VN = 'VN';

/** EMVCo MPM: data objects 01–08 of template 62 (bill number … purpose of transaction) are "ans", up to 25. */
export const ADDITIONAL_DATA_MAX = 25;
/** Default limit of the transfer note. Some gateways allow less (api.vietqr.vn: 19) — hence a parameter. */
export const DEFAULT_NOTE_MAX_LENGTH = ADDITIONAL_DATA_MAX;
/** EMVCo MPM: the transaction amount (54) is at most 13 characters. */
export const MAX_AMOUNT = 9_999_999_999_999;

export const VietQrInput = z
  .strictObject({
    /** Acquirer (beneficiary bank) BIN registered with NAPAS / the State Bank, e.g. 970415 VietinBank. */
    bankBin: z.string().regex(/^\d{6}$/, 'Mã BIN ngân hàng gồm đúng 6 chữ số'),
    /** Account number (QRIBFTTA) or card number (QRIBFTTC): NAPAS allows up to 19 letters or digits. */
    accountNumber: z
      .string()
      .regex(/^[A-Za-z0-9]{1,19}$/, 'Số tài khoản gồm 1–19 chữ cái hoặc chữ số, không dấu cách'),
    service: z.enum(['account', 'card']).default('account'),
    /** Whole đồng. Absent: the payer types the amount. */
    amount: z
      .number({ error: 'Số tiền phải là số' })
      .int('Số tiền tính bằng đồng, không có phần lẻ')
      .positive('Số tiền phải lớn hơn 0')
      .max(MAX_AMOUNT, 'Số tiền dài quá 13 chữ số')
      .optional(),
    /** Transfer note (purpose of transaction, 62/08); folded to bank-safe ASCII, see bank-text.ts. */
    note: z.string().optional(),
    /** Bill number (62/01); folded the same way. */
    billNumber: z.string().optional(),
    /** Default: dynamic when an amount is set, static otherwise. */
    initiation: z.enum(['static', 'dynamic']).optional(),
  })
  .refine((v) => v.service !== 'card' || /^\d+$/.test(v.accountNumber), {
    message: 'Số thẻ chỉ gồm chữ số',
    path: ['accountNumber'],
  });
export type VietQrInput = z.input<typeof VietQrInput>;

export type VietQrOptions = Readonly<{
  /** Longest transfer note accepted (1–25). Default 25, the EMVCo limit. [confirm] per bank. */
  maxNoteLength?: number;
}>;

function parseInput(input: VietQrInput): z.output<typeof VietQrInput> {
  const r = VietQrInput.safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new PaymentError('INVALID_INPUT', issues[0]!.message, issues);
}

function bankTextField(
  label: string,
  path: string,
  raw: string | undefined,
  max: number,
): string | undefined {
  if (raw === undefined) return undefined;
  const text = toBankText(raw);
  if (text === '') {
    const message = `${label} không còn ký tự nào ngân hàng chấp nhận`;
    throw new PaymentError('INVALID_INPUT', message, [{ path, message }]);
  }
  if (text.length > max) {
    const message = `${label} "${text}" dài ${text.length} ký tự, tối đa ${max}`;
    throw new PaymentError('NOTE_TOO_LONG', message, [{ path, message }]);
  }
  return text;
}

function noteLimit(options: VietQrOptions): number {
  const max = options.maxNoteLength ?? DEFAULT_NOTE_MAX_LENGTH;
  if (!Number.isInteger(max) || max < 1 || max > ADDITIONAL_DATA_MAX) {
    throw new RangeError(`Giới hạn nội dung chuyển khoản phải từ 1 đến ${ADDITIONAL_DATA_MAX}: ${max}`);
  }
  return max;
}

/**
 * The VietQR payload string for a transfer. The note is never shortened here: a note over the limit is refused
 * (use `buildTransferNote`, which trims around the dossier code).
 */
export function buildVietQr(input: VietQrInput, options: VietQrOptions = {}): string {
  const v = parseInput(input);
  const note = bankTextField('Nội dung chuyển khoản', 'note', v.note, noteLimit(options));
  const billNumber = bankTextField('Số hóa đơn', 'billNumber', v.billNumber, ADDITIONAL_DATA_MAX);
  const initiation: Initiation = v.initiation ?? (v.amount === undefined ? 'static' : 'dynamic');

  const additional: EmvField[] = [];
  if (billNumber) additional.push({ id: '01', value: billNumber });
  if (note) additional.push({ id: '08', value: note });

  const fields: EmvField[] = [
    { id: '00', value: '01' },
    { id: '01', value: INITIATION_CODE[initiation] },
    {
      id: '38',
      value: '',
      children: [
        { id: '00', value: NAPAS_GUID },
        {
          id: '01',
          value: '',
          children: [
            { id: '00', value: v.bankBin },
            { id: '01', value: v.accountNumber },
          ],
        },
        { id: '02', value: SERVICE_CODE[v.service] },
      ],
    },
    { id: '53', value: VND_NUMERIC },
    ...(v.amount === undefined ? [] : [{ id: '54', value: String(v.amount) }]),
    { id: '58', value: COUNTRY_VN },
    ...(additional.length ? [{ id: '62', value: '', children: additional }] : []),
  ];
  const body = `${serializeEmv(fields)}6304`;
  return `${body}${emvCrc(body)}`;
}

/** What a VietQR transfer payload says, read back (for tests and for the desk checking a citizen's QR). */
export type VietQr = Readonly<{
  initiation?: Initiation;
  bankBin: string;
  accountNumber: string;
  serviceCode: string;
  /** Undefined for other NAPAS services (e.g. QRPUSH merchant payment, QRCASH). */
  service?: TransferService;
  amount?: number;
  currency: string;
  country?: string;
  note?: string;
  billNumber?: string;
  crc: string;
  emv: EmvQr;
}>;

const notVietQr = (message: string) => new PaymentError('NOT_VIETQR', message, [{ path: '', message }]);

/** Parses and verifies a payload (see `parseEmvQr`), then reads it as a NAPAS VietQR transfer. */
export function readVietQr(payload: string): VietQr {
  const emv = parseEmvQr(payload);
  const napas = emv.fields.find(
    (f) =>
      Number(f.id) >= 26 && Number(f.id) <= 51 && findField(f.children ?? [], '00')?.value === NAPAS_GUID,
  );
  if (!napas) throw notVietQr('Không phải mã VietQR: không có thông tin tài khoản NAPAS (GUID A000000727)');
  const at = (...path: string[]) => findField(napas.children ?? [], ...path)?.value;
  const bankBin = at('01', '00');
  const accountNumber = at('01', '01');
  const serviceCode = at('02');
  if (!bankBin || !accountNumber || !serviceCode) {
    throw notVietQr('Mã VietQR thiếu mã BIN ngân hàng, số tài khoản hoặc mã dịch vụ');
  }

  const root = (id: string) => findField(emv.fields, id)?.value;
  const currency = root('53');
  if (currency !== VND_NUMERIC) {
    throw notVietQr(`Mã QR không dùng đồng Việt Nam (mã tiền tệ ${currency ?? 'trống'})`);
  }
  const amountText = root('54');
  if (amountText !== undefined && !/^\d{1,13}$/.test(amountText)) {
    throw notVietQr(`Số tiền "${amountText}" không phải số nguyên đồng`);
  }
  const initiationCode = root('01');
  const initiation = (Object.keys(INITIATION_CODE) as Initiation[]).find(
    (k) => INITIATION_CODE[k] === initiationCode,
  );
  if (initiationCode !== undefined && !initiation) {
    throw new PaymentError('MALFORMED', `Phương thức khởi tạo "${initiationCode}" không hợp lệ (11 hoặc 12)`);
  }
  const service = (Object.keys(SERVICE_CODE) as TransferService[]).find(
    (k) => SERVICE_CODE[k] === serviceCode,
  );
  const note = findField(emv.fields, '62', '08')?.value;
  const billNumber = findField(emv.fields, '62', '01')?.value;
  const country = root('58');

  return {
    ...(initiation ? { initiation } : {}),
    bankBin,
    accountNumber,
    serviceCode,
    ...(service ? { service } : {}),
    ...(amountText === undefined ? {} : { amount: Number(amountText) }),
    currency,
    ...(country === undefined ? {} : { country }),
    ...(note === undefined ? {} : { note }),
    ...(billNumber === undefined ? {} : { billNumber }),
    crc: emv.crc,
    emv,
  };
}
