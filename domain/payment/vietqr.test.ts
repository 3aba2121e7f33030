import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBankText } from './bank-text.ts';
import { crc16CcittFalse, emvCrc } from './crc.ts';
import { type EmvField, findField, parseEmvQr, serializeEmv } from './emv.ts';
import { PaymentError, type PaymentErrorReason } from './errors.ts';
import { buildVietQr, readVietQr, type VietQrInput } from './vietqr.ts';

/**
 * Every payload below was published by a third party with its CRC (sources pinned to a commit). None was
 * produced by this module: if the builder, the CRC or the parser is wrong, these tests fail.
 */
const SRC = {
  subizTest: 'https://github.com/subiz/vietqr/blob/0861e8ad89bca9675c54a736a214a5c30726952e/vietqr_test.go',
  subizReadme: 'https://github.com/subiz/vietqr/blob/8da5679a6a8e91b8e4815239d6ddfd5d8856e738/README.md',
  qrPay:
    'https://github.com/xuannghia/vietnam-qr-pay/blob/10369f32001a74d0c72b3815879eaddd955d0484/README.md',
  napasQr: 'https://github.com/duyquoc1508/napas-qr/blob/1fa83989fa7431bdaabdb13084a76c687909d3dd/README.md',
  odoo: 'https://github.com/odoo/odoo/blob/006da4ce31a4df6c36dfbc8bf9a927ec10768adf/addons/l10n_vn/tests/test_l10n_vn_emv_qr.py',
  goParser: 'https://pkg.go.dev/github.com/thanhtinhpas1/vietqr-parser',
} as const;

type Published = Readonly<{ name: string; source: string; input: VietQrInput; payload: string }>;

/** Published inputs with the payload their library printed: our builder must reproduce them byte for byte. */
const BUILT: readonly Published[] = [
  {
    name: 'static, no amount (TPBank)',
    source: SRC.subizTest,
    input: { bankBin: '970423', accountNumber: '0099999999' },
    payload: '00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4',
  },
  {
    name: 'dynamic with amount and note (MB)',
    source: SRC.subizTest,
    input: { bankBin: '970422', accountNumber: '0023457923442', amount: 40123, note: 'test text string' },
    payload:
      '00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text string6304D9C6',
  },
  {
    name: 'note with Vietnamese diacritics folded to ASCII',
    source: SRC.subizTest,
    input: { bankBin: '970422', accountNumber: '0023457923442', amount: 40123, note: 'chuyển khoản' },
    payload:
      '00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62160812chuyen khoan6304722F',
  },
  {
    name: '19-character alphanumeric account and a 25-character note',
    source: SRC.subizTest,
    input: {
      bankBin: '970422',
      accountNumber: '0023457923442ASDFLJ',
      amount: 40123,
      note: 'chuyen khoan alsdkf laksj',
    },
    payload:
      '00020101021238630010A0000007270133000697042201190023457923442ASDFLJ0208QRIBFTTA53037045405401235802VN62290825chuyen khoan alsdkf laksj6304E5DB',
  },
  {
    name: 'dynamic 120,000 đồng, note with diacritics (VietinBank)',
    source: SRC.subizReadme,
    input: { bankBin: '970415', accountNumber: '0011001932418', amount: 120000, note: 'ủng hộ lũ lụt' },
    payload:
      '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C',
  },
  {
    name: 'static, no amount (ACB)',
    source: SRC.qrPay,
    input: { bankBin: '970416', accountNumber: '257678859' },
    payload: '00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F',
  },
  {
    name: 'dynamic 10,000 đồng "Chuyen tien" (ACB)',
    source: SRC.qrPay,
    input: { bankBin: '970416', accountNumber: '257678859', amount: 10000, note: 'Chuyen tien' },
    payload:
      '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6',
  },
  {
    name: 'dynamic 1,000 đồng (decode example)',
    source: SRC.qrPay,
    input: { bankBin: '970416', accountNumber: '257678859', amount: 1000, note: 'Chuyen tien' },
    payload:
      '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8',
  },
  {
    name: 'dynamic 999,999 đồng "Cam on nhe" (rebuild example)',
    source: SRC.qrPay,
    input: { bankBin: '970416', accountNumber: '257678859', amount: 999999, note: 'Cam on nhe' },
    payload:
      '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA530370454069999995802VN62140810Cam on nhe6304E786',
  },
  {
    name: 'ZaloPay wallet account at BVBank (18 alphanumerics)',
    source: SRC.qrPay,
    input: { bankBin: '970454', accountNumber: '99ZP24009M07248267' },
    payload:
      '00020101021138620010A00000072701320006970454011899ZP24009M072482670208QRIBFTTA53037045802VN6304073C',
  },
  {
    name: 'bill number (62/01) before purpose (62/08)',
    source: SRC.napasQr,
    input: {
      bankBin: '970416',
      accountNumber: '224528479',
      amount: 10000,
      billNumber: 'NPS6869',
      note: 'TRANSFER TO SOMEONE',
    },
    payload:
      '00020101021238530010A0000007270123000697041601092245284790208QRIBFTTA53037045405100005802VN62340107NPS68690819TRANSFER TO SOMEONE6304AC13',
  },
];

/** Published payloads our builder does not produce (other objects) but the parser must accept. */
const ODOO_PLAIN =
  '00020101021238590010A0000007270129000697042201156607040600001290208QRIBFTTA52040000530370454031005802VN5914company_1_data6007Vietnam62150811INVTEST000163042656';
const ODOO_ACCENTED =
  '00020101021238590010A0000007270129000697042201156607040600001290208QRIBFTTA52040000530370454031005802VN5914aAeEoOiIuUyYdD6007Vietnam62150811INVTEST00026304E1C2';
const MOMO =
  '00020101021138620010A00000072701320006970454011899MM24011M348750800208QRIBFTTA53037045802VN62190515MOMOW2W3487508080030466304EBC8';
const VNPAY =
  '00020101021126280010A0000007750110010531314453037045408210900005802VN5910CELLPHONES62600312CPSHN ONLINE0517021908061613127850705ONLHN0810CellphoneS63047685';
/** Valid CRC, but payload format indicator "00" instead of "01" (printed by a Go library's README). */
const BAD_FORMAT_INDICATOR =
  '00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304CD60';

const ALL_PUBLISHED = [
  ...BUILT.map((b) => b.payload),
  ODOO_PLAIN,
  ODOO_ACCENTED,
  MOMO,
  VNPAY,
  BAD_FORMAT_INDICATOR,
];

function reasonOf(fn: () => unknown): PaymentErrorReason | 'no error' | 'other error' {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return e instanceof PaymentError ? e.reason : 'other error';
  }
}

function errorOf(fn: () => unknown): PaymentError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PaymentError) return e;
    throw e;
  }
  throw new Error('expected a PaymentError');
}

describe('CRC-16/CCITT-FALSE', () => {
  it('gives the catalogue check value 0x29B1 for "123456789" and the initial value for no data', () => {
    expect(crc16CcittFalse('123456789')).toBe(0x29b1);
    expect(crc16CcittFalse(new TextEncoder().encode('123456789'))).toBe(0x29b1);
    expect(crc16CcittFalse('')).toBe(0xffff);
  });

  it.each(ALL_PUBLISHED)('reproduces the published CRC of %s', (payload) => {
    expect(emvCrc(payload.slice(0, -4))).toBe(payload.slice(-4));
  });
});

describe('toBankText', () => {
  it('folds every Vietnamese vowel and đ as Odoo l10n_vn expects', () => {
    const accents =
      'áàảãạăắằẳẵặâấầẩẫậÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬéèẻẽẹêếềểễệÉÈẺẼẸÊẾỀỂỄỆóòỏõọôốồổỗộơớờởỡợÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢíìỉĩịÍÌỈĨỊúùủũụưứừửữựÚÙỦŨỤƯỨỪỬỮỰýỳỷỹỵÝỲỶỸỴđĐ';
    expect(toBankText(accents)).toBe(
      'aaaaaaaaaaaaaaaaaAAAAAAAAAAAAAAAAAeeeeeeeeeeeEEEEEEEEEEEoooooooooooooooooOOOOOOOOOOOOOOOOOiiiiiIIIIIuuuuuuuuuuuUUUUUUUUUUUyyyyyYYYYYdD',
    );
  });

  it('keeps letters, digits, space, dot and hyphen; turns anything else into one space', () => {
    expect(toBankText('  Lệ phí: hộ tịch / HS 000.00.01.H01-261202-0001!  ')).toBe(
      'Le phi ho tich HS 000.00.01.H01-261202-0001',
    );
    expect(toBankText('a\tb\nc__d')).toBe('a b c d');
  });
});

describe('buildVietQr reproduces published payloads byte for byte', () => {
  it.each(BUILT)('$name ($source)', ({ input, payload }) => {
    expect(buildVietQr(input)).toBe(payload);
  });
});

/** The tree without its CRC object, written back, plus "6304" and the CRC: the original string. */
const rewrite = (fields: readonly EmvField[], crc: string) =>
  `${serializeEmv(fields.filter((f) => f.id !== '63'))}6304${crc}`;

describe('parseEmvQr accepts published payloads', () => {
  it.each([...BUILT.map((b) => b.payload), ODOO_PLAIN, ODOO_ACCENTED, MOMO, VNPAY])(
    'round-trips %s',
    (payload) => {
      const qr = parseEmvQr(payload);
      expect(qr.crc).toBe(payload.slice(-4));
      expect(rewrite(qr.fields, qr.crc)).toBe(payload);
      expect(qr.fields.at(-1)).toEqual({ id: '63', value: payload.slice(-4) });
    },
  );

  it('opens the NAPAS template down to the BIN and the account', () => {
    const qr = parseEmvQr(BUILT.at(-1)!.payload);
    expect(findField(qr.fields, '38', '00')?.value).toBe('A000000727');
    expect(findField(qr.fields, '38', '01', '00')?.value).toBe('970416');
    expect(findField(qr.fields, '38', '01', '01')?.value).toBe('224528479');
    expect(findField(qr.fields, '38', '02')?.value).toBe('QRIBFTTA');
    expect(findField(qr.fields, '62', '01')?.value).toBe('NPS6869');
    expect(findField(qr.fields, '62', '08')?.value).toBe('TRANSFER TO SOMEONE');
  });

  it('keeps a wallet’s plain value in an unreserved object (MoMo "80") and reads other schemes’ templates', () => {
    const momo = parseEmvQr(MOMO);
    expect(findField(momo.fields, '80')).toEqual({ id: '80', value: '046' });
    expect(findField(momo.fields, '62', '05')?.value).toBe('MOMOW2W34875080');
    const vnpay = parseEmvQr(VNPAY);
    expect(findField(vnpay.fields, '26', '00')?.value).toBe('A000000775');
    expect(findField(vnpay.fields, '62', '08')?.value).toBe('CellphoneS');
  });

  it('accepts a lowercase CRC and a pasted line with surrounding whitespace', () => {
    const published = BUILT[5]!.payload; // …6304AE9F
    expect(parseEmvQr(`${published.slice(0, -4)}${published.slice(-4).toLowerCase()}`).crc).toBe('AE9F');
    expect(parseEmvQr(`  ${published}\r\n`).crc).toBe('AE9F');
  });
});

describe('readVietQr', () => {
  it.each(BUILT)('reads back what $name says', ({ input, payload }) => {
    const read = readVietQr(payload);
    expect(read.bankBin).toBe(input.bankBin);
    expect(read.accountNumber).toBe(input.accountNumber);
    expect(read.service).toBe('account');
    expect(read.amount).toBe(input.amount);
    expect(read.note).toBe(input.note === undefined ? undefined : toBankText(input.note));
    expect(read.billNumber).toBe(input.billNumber);
    expect(read.initiation).toBe(input.initiation ?? (input.amount === undefined ? 'static' : 'dynamic'));
    expect(read.currency).toBe('704');
    expect(read.country).toBe('VN');
  });

  it('reads Odoo’s invoice QR (with merchant category, name and city) and the MoMo wallet QR', () => {
    expect(readVietQr(ODOO_PLAIN)).toMatchObject({
      initiation: 'dynamic',
      bankBin: '970422',
      accountNumber: '660704060000129',
      service: 'account',
      amount: 100,
      note: 'INVTEST0001',
    });
    expect(findField(readVietQr(ODOO_ACCENTED).emv.fields, '59')?.value).toBe('aAeEoOiIuUyYdD');
    expect(readVietQr(MOMO)).toMatchObject({ bankBin: '970454', accountNumber: '99MM24011M34875080' });
  });

  it('static or dynamic can be chosen whatever the amount (EMVCo allows a static QR with an amount)', () => {
    const payload = buildVietQr({
      bankBin: '970415',
      accountNumber: '113366668888',
      amount: 50_000,
      initiation: 'static',
    });
    expect(payload.startsWith('000201010211')).toBe(true);
    expect(readVietQr(payload)).toMatchObject({ initiation: 'static', amount: 50_000 });
  });

  it('refuses a QR of another scheme (VNPay merchant QR) as not a VietQR', () => {
    expect(reasonOf(() => readVietQr(VNPAY))).toBe('NOT_VIETQR');
  });
});

describe('buildVietQr refuses invalid input', () => {
  const base = { bankBin: '970415', accountNumber: '113366668888' };

  it.each(['97041', '9704155', '97041A', ' 970415', ''])('bank BIN %j', (bankBin) => {
    const e = errorOf(() => buildVietQr({ ...base, bankBin }));
    expect(e.reason).toBe('INVALID_INPUT');
    expect(e.issues[0]?.path).toBe('bankBin');
  });

  it.each(['', '12345678901234567890', '1133 6666', '113-366', 'sốtàikhoản'])(
    'account %j',
    (accountNumber) => {
      expect(errorOf(() => buildVietQr({ ...base, accountNumber })).issues[0]?.path).toBe('accountNumber');
    },
  );

  it.each([79000.5, 0, -1000, 10_000_000_000_000, Number.NaN, Number.POSITIVE_INFINITY])(
    'amount %s',
    (amount) => {
      const e = errorOf(() => buildVietQr({ ...base, amount }));
      expect(e.reason).toBe('INVALID_INPUT');
      expect(e.issues[0]?.path).toBe('amount');
    },
  );

  it('takes 13 digits of amount but not 14', () => {
    expect(readVietQr(buildVietQr({ ...base, amount: 9_999_999_999_999 })).amount).toBe(9_999_999_999_999);
    expect(reasonOf(() => buildVietQr({ ...base, amount: 10_000_000_000_000 }))).toBe('INVALID_INPUT');
  });

  it('a card number is digits only; unknown fields are refused', () => {
    expect(reasonOf(() => buildVietQr({ ...base, service: 'card', accountNumber: '9704ABCD' }))).toBe(
      'INVALID_INPUT',
    );
    expect(
      readVietQr(buildVietQr({ ...base, service: 'card', accountNumber: '9704150000000001' })).serviceCode,
    ).toBe('QRIBFTTC');
    expect(reasonOf(() => buildVietQr({ ...base, purpose: 'x' } as VietQrInput))).toBe('INVALID_INPUT');
  });

  it('refuses (never cuts) a note over the limit, which is configurable down to a bank’s own', () => {
    expect(reasonOf(() => buildVietQr({ ...base, note: 'chuyen khoan alsdkf laksjd' }))).toBe(
      'NOTE_TOO_LONG',
    );
    expect(
      reasonOf(() => buildVietQr({ ...base, note: '12345678901234567890' }, { maxNoteLength: 19 })),
    ).toBe('NOTE_TOO_LONG');
    expect(reasonOf(() => buildVietQr({ ...base, note: '1234567890123456789' }, { maxNoteLength: 19 }))).toBe(
      'no error',
    );
    expect(() => buildVietQr(base, { maxNoteLength: 26 })).toThrow(RangeError);
  });

  it('refuses a note with nothing a bank accepts', () => {
    expect(reasonOf(() => buildVietQr({ ...base, note: '!!! ???' }))).toBe('INVALID_INPUT');
  });
});

describe('parseEmvQr reports damaged and malformed payloads', () => {
  const good = BUILT[1]!.payload; // dynamic, amount 40123, …6304D9C6

  it('detects a corrupted CRC', () => {
    const corrupted = `${good.slice(0, -1)}${good.endsWith('6') ? '7' : '6'}`;
    const e = errorOf(() => parseEmvQr(corrupted));
    expect(e.reason).toBe('CRC_MISMATCH');
    expect(e.message).toContain('D9C');
  });

  it('detects an edited amount (54: 40123 → 90123) whose CRC was left alone', () => {
    const edited = good.replace('540540123', '540590123');
    expect(edited).not.toBe(good);
    expect(reasonOf(() => parseEmvQr(edited))).toBe('CRC_MISMATCH');
  });

  it('needs a CRC object at the end', () => {
    expect(reasonOf(() => parseEmvQr(good.slice(0, -8)))).toBe('CRC_MISSING');
    expect(reasonOf(() => parseEmvQr(''))).toBe('CRC_MISSING');
    expect(reasonOf(() => parseEmvQr(`${good}X`))).toBe('CRC_MISSING');
  });

  it('refuses a published payload whose format indicator is "00"', () => {
    const e = errorOf(() => parseEmvQr(BAD_FORMAT_INDICATOR));
    expect(e.reason).toBe('MALFORMED');
    expect(e.message).toContain('000201');
  });

  it('reports broken TLV structure even under a valid CRC, with the position', () => {
    const withCrc = (body: string) => `${body}6304${emvCrc(`${body}6304`)}`;
    const overlong = errorOf(() => parseEmvQr(withCrc('000201010212389900')));
    expect(overlong.reason).toBe('MALFORMED');
    expect(overlong.offset).toBe(12);
    expect(reasonOf(() => parseEmvQr(withCrc('0002010102125802VN5802VN')))).toBe('MALFORMED');
    expect(reasonOf(() => parseEmvQr(withCrc('000201AB02125802VN')))).toBe('MALFORMED');
    // 38 claims a NAPAS template whose beneficiary organisation (01) is not TLV.
    expect(reasonOf(() => parseEmvQr(withCrc('00020101021238200010A0000007270102XY')))).toBe('MALFORMED');
  });
});

describe('properties', () => {
  const input = fc.record(
    {
      bankBin: fc.stringMatching(/^\d{6}$/),
      accountNumber: fc.stringMatching(/^[A-Za-z0-9]{1,19}$/),
      amount: fc.integer({ min: 1, max: 9_999_999_999_999 }),
      note: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .-]{0,23}[A-Za-z0-9]$/),
      billNumber: fc.stringMatching(/^[A-Z0-9]{1,25}$/),
    },
    { requiredKeys: ['bankBin', 'accountNumber'] },
  );

  it('what is built reads back unchanged', () => {
    fc.assert(
      fc.property(input, (v) => {
        const note = v.note?.replace(/ {2,}/g, ' ');
        const read = readVietQr(buildVietQr({ ...v, ...(note === undefined ? {} : { note }) }));
        expect(read.bankBin).toBe(v.bankBin);
        expect(read.accountNumber).toBe(v.accountNumber);
        expect(read.amount).toBe(v.amount);
        expect(read.note).toBe(note);
        expect(read.billNumber).toBe(v.billNumber);
        expect(read.initiation).toBe(v.amount === undefined ? 'static' : 'dynamic');
      }),
    );
  });

  it('any one printable character changed before the CRC is detected', () => {
    const payload = BUILT.at(-1)!.payload;
    const body = payload.length - 4;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: body - 1 }), fc.integer({ min: 0x20, max: 0x7e }), (at, code) => {
        const ch = String.fromCharCode(code);
        fc.pre(ch !== payload[at]);
        const damaged = `${payload.slice(0, at)}${ch}${payload.slice(at + 1)}`;
        expect(['CRC_MISMATCH', 'CRC_MISSING']).toContain(reasonOf(() => parseEmvQr(damaged)));
      }),
    );
  });
});
