/**
 * The applicant (người nộp hồ sơ / chủ hồ sơ) and, when someone else brings the dossier, the submitter.
 * Personal data (DOMAIN §10): only what the procedure needs; public pages show a masked name only.
 */
import { z } from 'zod';
import { AddressValue } from '../catalogue/forms.ts';
import { Text } from '../shared/text.ts';

/** Căn cước: 12 digits; spaces typed by people are dropped. */
export const CitizenId = z
  .string()
  .overwrite((s) => s.replace(/\s+/g, ''))
  .regex(/^\d{12}$/, 'Số định danh cá nhân (căn cước) phải gồm đúng 12 chữ số');

/** 10 digits starting with 0; `+84` becomes `0`, spaces, dots and dashes are dropped. */
export const Phone = z
  .string()
  .overwrite((s) => s.replace(/[\s.-]/g, '').replace(/^\+84/, '0'))
  .regex(/^0\d{9}$/, 'Số điện thoại phải gồm 10 chữ số, bắt đầu bằng số 0');

export const Email = z
  .string()
  .overwrite((s) => s.trim().toLowerCase())
  .pipe(z.email('Thư điện tử không đúng định dạng').max(254));

/** Where the applicant lives: province and commune codes (GSO) from the organisation tree, and the street. */
export const Address = AddressValue.partial({ provinceCode: true, communeCode: true });
export type Address = z.infer<typeof Address>;

export const Applicant = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('person'),
    fullName: Text(200),
    citizenId: CitizenId,
    phone: Phone.optional(),
    email: Email.optional(),
    address: Address,
  }),
  z.strictObject({
    kind: z.literal('organisation'),
    name: Text(300),
    /** Mã số doanh nghiệp / mã số thuế: 10 or 13 digits (with a dash). */
    taxCode: z
      .string()
      .regex(/^\d{10}(-\d{3})?$/, 'Mã số thuế gồm 10 chữ số (hoặc 10 chữ số, gạch ngang, 3 chữ số)')
      .optional(),
    representative: Text(200),
    phone: Phone.optional(),
    email: Email.optional(),
    address: Address,
  }),
]);
export type Applicant = z.infer<typeof Applicant>;

export const Submitter = z.strictObject({
  fullName: Text(200),
  citizenId: CitizenId.optional(),
  phone: Phone.optional(),
  /** e.g. "Cha của người được khai sinh", "Theo giấy ủy quyền số…". */
  relation: Text(300).optional(),
});
export type Submitter = z.infer<typeof Submitter>;

export const applicantName = (a: Applicant): string => (a.kind === 'person' ? a.fullName : a.name);

/**
 * The name as public tracking may show it: each word keeps its first letter, the rest become `*`, except the
 * family name (first word), which stays whole: "Nguyễn Văn An" → "Nguyễn V** A*". Organisation names are
 * public facts and stay whole.
 */
export function maskName(a: Applicant): string {
  if (a.kind === 'organisation') return a.name;
  const words = a.fullName.normalize('NFC').split(/\s+/).filter(Boolean);
  return words
    .map((w, i) => {
      if (i === 0) return w;
      const letters = [...w];
      return letters[0] + '*'.repeat(letters.length - 1);
    })
    .join(' ');
}
