import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBankText } from './bank-text.ts';
import { crc16CcittFalse, emvCrc } from './crc.ts';
import { type EmvField, findField, parseEmvQr, serializeEmv } from './emv.ts';
import { PaymentError, type PaymentErrorReason } from './errors.ts';
import {
  ALL_PUBLISHED,
  BAD_FORMAT_INDICATOR,
  BUILT,
  MOMO,
  ODOO_ACCENTED,
  ODOO_PLAIN,
  VNPAY,
} from './vietqr.fixtures.ts';
import { buildVietQr, readVietQr, type VietQrInput } from './vietqr.ts';

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
