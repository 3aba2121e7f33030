/**
 * The profile form's draft (strings as typed) and its way to `UpdateCitizenProfile`: empty means cleared, the
 * domain schema gives the messages, with a few said more plainly for this form.
 */
import type { CitizenProfile, Sex } from '../../../../domain/citizen/account.ts';
import { isDateOrEmpty } from '../../components/typed-date-field.tsx';
import type { AddressDraft } from './apply/draft.ts';
import type { Validation } from './load-validation.ts';

export interface ProfileDraft {
  fullName: string;
  /** `YYYY-MM-DD` or `''`. */
  dateOfBirth: string;
  sex: Sex | '';
  citizenId: string;
  phone: string;
  email: string;
  address: AddressDraft;
}

export const draftOf = (p: CitizenProfile): ProfileDraft => ({
  fullName: p.fullName,
  dateOfBirth: p.dateOfBirth ?? '',
  sex: p.sex ?? '',
  citizenId: p.citizenId ?? '',
  phone: p.phone ?? '',
  email: p.email ?? '',
  address: {
    provinceCode: p.address?.provinceCode ?? '',
    communeCode: p.address?.communeCode ?? '',
    street: p.address?.street ?? '',
  },
});

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The PUT body: an address is sent when any part of it is filled (then the street is required). */
export function bodyOf(d: ProfileDraft) {
  const a = d.address;
  const hasAddress = a.provinceCode !== '' || a.communeCode !== '' || a.street.trim() !== '';
  return {
    fullName: d.fullName.trim(),
    dateOfBirth: orNull(d.dateOfBirth),
    sex: d.sex === '' ? null : d.sex,
    citizenId: orNull(d.citizenId),
    phone: orNull(d.phone),
    email: orNull(d.email),
    address: hasAddress
      ? {
          ...(a.provinceCode ? { provinceCode: a.provinceCode } : {}),
          ...(a.communeCode ? { communeCode: a.communeCode } : {}),
          street: a.street.trim(),
        }
      : null,
  };
}

/** Messages by field key (`fullName`, `address.street`…), in Vietnamese. */
export type ProfileProblems = Partial<Record<string, string>>;

const plainer: Record<string, string> = {
  fullName: 'Vui lòng nhập họ và tên',
  'address.street': 'Vui lòng nhập số nhà, đường, thôn, tổ dân phố',
};

/** The problems the server would find, found before sending (`today` in Asia/Ho_Chi_Minh, `YYYY-MM-DD`). */
export function problemsOf(
  { UpdateCitizenProfile }: Validation,
  d: ProfileDraft,
  today: string,
): ProfileProblems {
  const out: ProfileProblems = {};
  if (!isDateOrEmpty(d.dateOfBirth)) {
    out.dateOfBirth = 'Ngày sinh chưa đúng: nhập ngày/tháng/năm, ví dụ 05/09/1990';
  }
  const parsed = UpdateCitizenProfile.safeParse(bodyOf(d));
  for (const issue of parsed.error?.issues ?? []) {
    const key = issue.path.map(String).join('.');
    out[key] ??= issue.message === 'Không được để trống' ? (plainer[key] ?? issue.message) : issue.message;
  }
  if (!out.dateOfBirth && d.dateOfBirth && d.dateOfBirth > today) {
    out.dateOfBirth = 'Ngày sinh không được sau ngày hôm nay';
  }
  return out;
}

/** A server field path (`address.communeCode` or `/address/communeCode`) as the form's key. */
export const keyOfServerPath = (path: string) => path.replace(/^\//, '').replaceAll('/', '.');
