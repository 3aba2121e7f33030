import { describe, expect, it } from 'vitest';
import {
  citizenIdProblems,
  Identifier,
  maskRecipient,
  normaliseIdentifier,
  UpdateCitizenProfile,
} from './account.ts';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

describe('identifiers', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['+84 (0) 912.345.678', '0912345678'],
    ['0084-912-345-678', '0912345678'],
    ['  An.Nguyen@Example.VN ', 'an.nguyen@example.vn'],
  ])('normalises %j to %j', (raw, want) => {
    expect(normaliseIdentifier(raw)).toBe(want);
    expect(Identifier.parse(raw)).toBe(want);
  });

  it.each([
    '0243825012', // a Hà Nội landline: SMS does not reach it
    '091234567',
    '09123456789',
    '1912345678',
    '+1 415 555 0100',
  ])('refuses %j as a mobile number, in Vietnamese', (raw) => {
    expect(messages(Identifier.safeParse(raw))).toEqual([
      'Số điện thoại di động phải gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09',
    ]);
  });

  it('refuses a malformed e-mail address', () => {
    expect(messages(Identifier.safeParse('an@'))).toEqual(['Thư điện tử không đúng định dạng']);
  });

  it('masks what it shows of a recipient', () => {
    expect(maskRecipient('0912345678')).toBe('091****678');
    expect(maskRecipient('nguyenvana@gmail.com')).toBe('ng***@gmail.com');
    expect(maskRecipient('a@b.vn')).toBe('a***@b.vn');
  });
});

describe('citizen ID (căn cước)', () => {
  it('reads century, sex and year of birth from digits 4–6', () => {
    expect(citizenIdProblems('001090012345', '1990-05-01', 'male')).toEqual([]);
    expect(citizenIdProblems('079305012345', '2005-12-31', 'female')).toEqual([]);
    expect(citizenIdProblems('001090012345', '1991-05-01', 'female')).toEqual([
      'Số định danh cá nhân không khớp với giới tính',
      'Số định danh cá nhân không khớp với năm sinh',
    ]);
    expect(citizenIdProblems('001290012345', '1990-05-01', null)).toEqual([
      'Số định danh cá nhân không khớp với năm sinh',
    ]);
    expect(citizenIdProblems('099090012345', null, null)).toEqual([
      'Số định danh cá nhân có mã tỉnh (3 chữ số đầu) không hợp lệ',
    ]);
  });

  it('is checked with the profile, at the citizenId field', () => {
    const r = UpdateCitizenProfile.safeParse({
      fullName: 'Nguyễn Văn An',
      citizenId: '001 090 012 345',
      dateOfBirth: '1985-01-01',
    });
    expect(r.error?.issues).toEqual([
      expect.objectContaining({
        path: ['citizenId'],
        message: 'Số định danh cá nhân không khớp với năm sinh',
      }),
    ]);
    expect(messages(UpdateCitizenProfile.safeParse({ fullName: 'An', citizenId: '12345' }))).toEqual([
      'Số định danh cá nhân (căn cước) phải gồm đúng 12 chữ số',
    ]);
    expect(messages(UpdateCitizenProfile.safeParse({ fullName: 'An', dateOfBirth: '1990-02-30' }))).toEqual([
      'Ngày sinh không hợp lệ',
    ]);
  });
});
