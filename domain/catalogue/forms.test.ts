import { describe, expect, it } from 'vitest';
import { SEED_CATALOGUE } from '../../data/catalogue/index.ts';
import { CatalogueEntry } from './entry.ts';
import { buildSubmissionSchema, type OnlineForm } from './forms.ts';

const birth = CatalogueEntry.parse(SEED_CATALOGUE.find((e) => e.procedure.nationalCode === '1.001193'));
const form = birth.version.onlineForm as OnlineForm;
const schema = buildSubmissionSchema(form, { today: '2026-03-10' });

const good = {
  applicantName: 'Nguyễn Thị Hoa',
  applicantId: '001190012345',
  applicantPhone: '0912345678',
  applicantAddress: { provinceCode: '01', communeCode: '00070', street: 'Số 5 phố Hàng Bài' },
  relationship: 'mother',
  childName: 'Trần Minh An',
  childGender: 'male',
  childBirthDate: '2026-03-01',
  birthPlace: 'Bệnh viện Phụ sản Hà Nội',
  ethnicity: 'Kinh',
  motherName: 'Nguyễn Thị Hoa',
  motherId: '001190012345',
  birthCertificateFile: [{ fileId: 'f-1', name: 'giay-chung-sinh.pdf' }],
};

const problems = (input: unknown): Record<string, string> => {
  const r = schema.safeParse(input);
  return Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
};

describe('buildSubmissionSchema (birth registration form)', () => {
  it('accepts a good submission and normalises it', () => {
    const decomposed = 'Tra\u0302\u0300n Minh An'; // "Trần" typed with combining marks (NFD)
    const r = schema.parse({
      ...good,
      childName: `  ${decomposed} `,
      applicantId: '001 190 012 345',
      applicantPhone: '+84 912 345 678',
      applicantEmail: '',
      fatherName: '',
    });
    expect(r.childName).toBe('Trần Minh An');
    expect(r.childName).toBe((r.childName as string).normalize('NFC'));
    expect(r.applicantId).toBe('001190012345');
    expect(r.applicantPhone).toBe('0912345678');
    expect(r).not.toHaveProperty('applicantEmail');
    expect(r).not.toHaveProperty('fatherName');
  });

  it('rejects a citizen ID that is not 12 digits', () => {
    expect(problems({ ...good, applicantId: '00119001234' })).toEqual({
      applicantId: 'Số định danh cá nhân người yêu cầu phải gồm đúng 12 chữ số',
    });
    expect(problems({ ...good, motherId: '00119001234A' })).toEqual({
      motherId: 'Số định danh cá nhân người mẹ phải gồm đúng 12 chữ số',
    });
  });

  it('rejects a phone that is not 10 digits starting with 0', () => {
    for (const phone of ['912345678', '1912345678', '09123456789']) {
      expect(problems({ ...good, applicantPhone: phone })).toEqual({
        applicantPhone: 'Số điện thoại liên hệ phải gồm 10 chữ số, bắt đầu bằng số 0',
      });
    }
  });

  it('rejects missing required fields with one message each', () => {
    const { childName: _n, childGender: _g, birthCertificateFile: _f, ...rest } = good;
    expect(problems({ ...rest, birthPlace: '   ' })).toEqual({
      childName: 'Vui lòng nhập: Họ, chữ đệm, tên người được khai sinh',
      childGender: 'Vui lòng chọn: Giới tính',
      birthPlace: 'Vui lòng nhập: Nơi sinh',
      birthCertificateFile: 'Vui lòng đính kèm: Giấy chứng sinh',
    });
  });

  it('checks select options, real dates and dates in the future', () => {
    expect(problems({ ...good, childGender: 'x' })).toEqual({
      childGender: 'Giới tính không nằm trong danh sách lựa chọn',
    });
    expect(problems({ ...good, childBirthDate: '2026-02-30' })).toEqual({
      childBirthDate: 'Ngày, tháng, năm sinh không phải ngày có thật',
    });
    expect(problems({ ...good, childBirthDate: '2026-03-11' })).toEqual({
      childBirthDate: 'Ngày, tháng, năm sinh không được sau ngày nộp hồ sơ',
    });
    expect(problems({ ...good, childBirthDate: '01/03/2026' })).toEqual({
      childBirthDate: 'Ngày, tháng, năm sinh phải có dạng YYYY-MM-DD',
    });
  });

  it('checks the address codes, and the commune against the org tree when given', () => {
    expect(
      problems({ ...good, applicantAddress: { provinceCode: '1', communeCode: '00070', street: 'x' } }),
    ).toEqual({
      'applicantAddress.provinceCode': 'Mã tỉnh gồm 2 chữ số',
    });
    const tree = buildSubmissionSchema(form, { isCommuneInProvince: (p, c) => p === '01' && c === '00070' });
    expect(tree.safeParse(good).success).toBe(true);
    const wrong = tree.safeParse({
      ...good,
      applicantAddress: { ...good.applicantAddress, provinceCode: '79' },
    });
    expect(wrong.error?.issues[0]?.message).toBe(
      'Nơi cư trú: xã, phường không thuộc tỉnh, thành phố đã chọn',
    );
  });

  it('refuses fields the form does not have', () => {
    expect(problems({ ...good, salary: 1 })).toEqual({ '': 'Trường không có trong biểu mẫu: salary' });
  });
});

describe('buildSubmissionSchema (other field types)', () => {
  const other = buildSubmissionSchema({
    fields: [
      { key: 'pages', label: 'Số trang', type: 'number', integer: true, min: 1, max: 100 },
      { key: 'email', label: 'Thư điện tử', type: 'email' },
      {
        key: 'kinds',
        label: 'Loại giấy tờ',
        type: 'select',
        multiple: true,
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      },
      { key: 'note', label: 'Ghi chú', type: 'text', required: false, maxLength: 5 },
    ],
  });

  it('coerces numeric strings, lower-cases e-mail, accepts several options', () => {
    expect(other.parse({ pages: '12', email: ' An@Example.VN ', kinds: ['a', 'b'] })).toEqual({
      pages: 12,
      email: 'an@example.vn',
      kinds: ['a', 'b'],
    });
  });

  it('rejects out-of-range numbers, bad e-mail, unknown options and long optional text', () => {
    const r = other.safeParse({ pages: 2.5, email: 'an@', kinds: ['c'], note: 'quá dài' });
    expect(Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]))).toEqual({
      pages: 'Số trang phải là số nguyên',
      email: 'Thư điện tử không đúng định dạng thư điện tử',
      'kinds.0': 'Loại giấy tờ không nằm trong danh sách lựa chọn',
      note: 'Ghi chú tối đa 5 ký tự',
    });
  });

  it('refuses a form definition with duplicate keys', () => {
    expect(() =>
      buildSubmissionSchema({
        fields: [
          { key: 'a', label: 'A', type: 'phone' },
          { key: 'a', label: 'B', type: 'email' },
        ],
      }),
    ).toThrow(/bị trùng/);
  });
});
