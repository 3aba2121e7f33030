import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PaymentError } from './errors.ts';
import { buildTransferNote, findDossierCodeInNote } from './transfer-note.ts';
import { buildVietQr, readVietQr } from './vietqr.ts';

/** A standard code: agency AAA.BB.CC.LNN (13) + day + sequence = 25 characters, the whole default limit. */
const CODE = '000.00.01.H01-261202-0001';

function reasonOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return e instanceof PaymentError ? e.reason : 'other error';
  }
}

describe('buildTransferNote', () => {
  it('a standard dossier code fills the default 25 characters on its own', () => {
    expect(CODE).toHaveLength(25);
    expect(buildTransferNote(CODE)).toBe(CODE);
  });

  it('drops the suffix, then the prefix, to keep the code whole', () => {
    const short = 'H56-210531-0001';
    expect(buildTransferNote(short)).toBe('HS H56-210531-0001 LE PHI'); // exactly 25
    expect(buildTransferNote(short, { maxLength: 24 })).toBe('HS H56-210531-0001');
    expect(buildTransferNote(short, { maxLength: 18 })).toBe('HS H56-210531-0001');
    expect(buildTransferNote(short, { maxLength: 17 })).toBe('H56-210531-0001');
    expect(buildTransferNote(short, { maxLength: 15 })).toBe('H56-210531-0001');
    expect(buildTransferNote(short, { prefix: '', maxLength: 22 })).toBe('H56-210531-0001 LE PHI');
  });

  it('refuses a limit that cannot hold the code (e.g. a gateway taking 19 characters)', () => {
    expect(reasonOf(() => buildTransferNote(CODE, { maxLength: 19 }))).toBe('NOTE_TOO_LONG');
    expect(() => buildTransferNote(CODE, { maxLength: 0 })).toThrow(RangeError);
    expect(() => buildTransferNote(CODE, { maxLength: 26 })).toThrow(RangeError);
  });

  it('normalises the code and the words around it', () => {
    expect(buildTransferNote(' h56-210531-0001 ', { prefix: 'Hồ sơ', suffix: 'lệ phí' })).toBe(
      'HO SO H56-210531-0001',
    );
    expect(reasonOf(() => buildTransferNote('HS-000.00.01.H01'))).toBe('INVALID_INPUT');
  });

  it('goes through a VietQR and comes back out of the note', () => {
    const note = buildTransferNote(CODE);
    const payload = buildVietQr({ bankBin: '970415', accountNumber: '113366668888', amount: 8000, note });
    const read = readVietQr(payload);
    expect(read.note).toBe(CODE);
    expect(findDossierCodeInNote(read.note!)).toBe(CODE);
  });

  it('property: any valid code that fits is carried whole within the limit', () => {
    const code = fc
      .tuple(
        fc.stringMatching(/^[A-Z0-9.]{1,11}$/),
        fc.stringMatching(/^\d{6}$/),
        fc.stringMatching(/^\d{4}$/),
      )
      .map(([agency, day, seq]) => `${agency}-${day}-${seq}`);
    fc.assert(
      fc.property(code, fc.integer({ min: 1, max: 25 }), (c, max) => {
        fc.pre(c.length <= max);
        const note = buildTransferNote(c, { maxLength: max });
        expect(note.length).toBeLessThanOrEqual(max);
        expect(note.split(' ')).toContain(c);
      }),
    );
  });
});

describe('findDossierCodeInNote', () => {
  it('finds the code in a statement line whatever the case and the words around', () => {
    expect(findDossierCodeInNote('MBVCB.123456.hs 000.00.01.h01-261202-0001 le phi.CT tu 0123')).toBe(CODE);
    expect(findDossierCodeInNote(`MBVCB.3266417285.${CODE}.CT tu 0123`)).toBe(CODE);
    expect(findDossierCodeInNote('ck le phi H56-210531-0001')).toBe('H56-210531-0001');
  });

  it('finds nothing when there is no code or a bank stripped its punctuation', () => {
    expect(findDossierCodeInNote('chuyen tien le phi')).toBeUndefined();
    expect(findDossierCodeInNote('HS 0000001H012612020001')).toBeUndefined();
    expect(findDossierCodeInNote('000.00.01.H01-261202-00011')).toBeUndefined();
  });
});
