/**
 * Citizen accounts (ADR 0007): sign-up and sign-in by phone or e-mail, one-time codes, the profile that prefills
 * online forms. Pure zod, no I/O: shared by the server and the portal.
 * Identity formats follow DOMAIN §10 and reuse the applicant's schemas (domain/dossier/applicant.ts), so a
 * profile always prefills a valid applicant.
 */
import { z } from 'zod';
import { Password } from '../access/account.ts';
import { Address, CitizenId, Email, Phone } from '../dossier/applicant.ts';
import { IsoDate, nfc, Text } from '../shared/text.ts';

/** Vietnamese mobile numbers, which SMS reaches: 10 digits, 03x/05x/07x/08x/09x since the 2018 renumbering. */
export const MOBILE_PATTERN = /^0[35789]\d{8}$/;

/**
 * Phone or e-mail as a person types it → the stored form: e-mail trimmed and lower-cased; phone without spaces,
 * dots, dashes or brackets, with `+84`, `84` or `0084` (even followed by a stray 0) written as `0`.
 */
export function normaliseIdentifier(raw: string): string {
  const s = nfc(raw);
  if (s.includes('@')) return s.toLowerCase();
  const digits = s.replace(/[\s.\-()]/g, '');
  const international = /^(?:\+84|0084|84)0?(\d{9})$/.exec(digits);
  return international ? `0${international[1]}` : digits;
}

export type IdentifierKind = 'phone' | 'email';
export const identifierKind = (normalised: string): IdentifierKind =>
  normalised.includes('@') ? 'email' : 'phone';

const isEmail = (s: string) => z.email().max(254).safeParse(s).success;

/** What a citizen signs up and signs in with: a Vietnamese mobile number or an e-mail address. */
export const Identifier = z
  .string()
  .max(320)
  .overwrite(normaliseIdentifier)
  .superRefine((s, ctx) => {
    if (s.includes('@')) {
      if (!isEmail(s)) ctx.addIssue({ code: 'custom', message: 'Thư điện tử không đúng định dạng' });
    } else if (!MOBILE_PATTERN.test(s)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Số điện thoại di động phải gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09',
      });
    }
  })
  .describe('Số điện thoại di động hoặc thư điện tử');

/** The 6-digit one-time code; spaces typed by people are dropped. */
export const OneTimeCode = z
  .string()
  .overwrite((s) => s.replace(/\s+/g, ''))
  .regex(/^\d{6}$/, 'Mã xác nhận gồm 6 chữ số');

const ChallengeId = z.uuid('Mã yêu cầu xác nhận không hợp lệ');

export const SignUpRequest = z.strictObject({
  identifier: Identifier,
  fullName: Text(200),
  password: Password,
});
export type SignUpRequest = z.infer<typeof SignUpRequest>;

/** Where a code went and until when; `challengeId` goes back with the code (it binds the code to this request). */
export const CodeSent = z.object({
  challengeId: z.uuid(),
  channel: z.enum(['sms', 'email']),
  /** The recipient, masked ("091****678", "ng***@gmail.com"). */
  sentTo: z.string(),
  expiresAt: z.iso.datetime(),
  resendAfter: z.iso.datetime(),
});
export type CodeSent = z.infer<typeof CodeSent>;

export const ConfirmSignUp = z.strictObject({ challengeId: ChallengeId, code: OneTimeCode });
export type ConfirmSignUp = z.infer<typeof ConfirmSignUp>;

export const ResendCode = z.strictObject({ challengeId: ChallengeId });
export type ResendCode = z.infer<typeof ResendCode>;

export const SignInRequest = z.strictObject({
  identifier: Identifier,
  password: z.string().min(1, 'Vui lòng nhập mật khẩu').max(200),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const PasswordResetRequest = z.strictObject({ identifier: Identifier });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

export const PasswordResetConfirm = z.strictObject({
  challengeId: ChallengeId,
  code: OneTimeCode,
  newPassword: Password,
});
export type PasswordResetConfirm = z.infer<typeof PasswordResetConfirm>;

/** The signed-in citizen: `phone` / `email` are the sign-in identifiers proved by a code. */
export const CitizenAccount = z.object({
  id: z.uuid(),
  fullName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type CitizenAccount = z.infer<typeof CitizenAccount>;

export const CitizenSession = z.object({ account: CitizenAccount, csrfToken: z.string() });
export type CitizenSession = z.infer<typeof CitizenSession>;

export const Sex = z.enum(['male', 'female']);
export type Sex = z.infer<typeof Sex>;
export const sexLabel: Record<Sex, string> = { male: 'Nam', female: 'Nữ' };

/** Real calendar date from 1900 on (the "not after today" check needs the clock: the service does it). */
const DateOfBirth = IsoDate.refine((s) => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}, 'Ngày sinh không hợp lệ');

/**
 * What the 12 digits of a citizen ID (căn cước) say about the holder: digits 1–3 the province of birth
 * registration (001–096), digit 4 the century of birth and sex (0/1 male/female born 1900–1999, 2/3 2000–2099,
 * 4/5 2100–2199…), digits 5–6 the last two digits of the year of birth. Decree 137/2015/NĐ-CP art. 13 and
 * Circular 59/2021/TT-BCA art. 7 [confirm]. Returns the messages for what does not match.
 */
export function citizenIdProblems(
  citizenId: string,
  dateOfBirth: string | null | undefined,
  sex: Sex | null | undefined,
): string[] {
  const out: string[] = [];
  const province = Number(citizenId.slice(0, 3));
  if (province < 1 || province > 96) out.push('Số định danh cá nhân có mã tỉnh (3 chữ số đầu) không hợp lệ');
  const centurySex = Number(citizenId[3]);
  if (sex && (centurySex % 2 === 0 ? 'male' : 'female') !== sex) {
    out.push('Số định danh cá nhân không khớp với giới tính');
  }
  if (dateOfBirth) {
    const year = Number(dateOfBirth.slice(0, 4));
    const century = 1900 + Math.floor(centurySex / 2) * 100;
    if (year - (year % 100) !== century || year % 100 !== Number(citizenId.slice(4, 6))) {
      out.push('Số định danh cá nhân không khớp với năm sinh');
    }
  }
  return out;
}

/**
 * The whole profile (PUT replaces it; a missing or null field is cleared, except the name). Text is NFC; phone,
 * e-mail and citizen ID are normalised like an applicant's.
 */
export const UpdateCitizenProfile = z
  .strictObject({
    fullName: Text(200),
    dateOfBirth: DateOfBirth.nullish(),
    sex: Sex.nullish(),
    citizenId: CitizenId.nullish(),
    phone: Phone.nullish(),
    email: Email.nullish(),
    address: Address.nullish(),
  })
  .superRefine((p, ctx) => {
    // Refinements run even when a field failed its own check: cross-check only well-formed values.
    if (!p.citizenId || !/^\d{12}$/.test(p.citizenId)) return;
    const dob = p.dateOfBirth && /^\d{4}-\d{2}-\d{2}$/.test(p.dateOfBirth) ? p.dateOfBirth : null;
    for (const message of citizenIdProblems(p.citizenId, dob, p.sex)) {
      ctx.addIssue({ code: 'custom', path: ['citizenId'], message });
    }
  });
export type UpdateCitizenProfile = z.infer<typeof UpdateCitizenProfile>;

export const CitizenProfile = z.object({
  fullName: z.string(),
  dateOfBirth: z.string().nullable(),
  sex: Sex.nullable(),
  citizenId: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z
    .object({ provinceCode: z.string().optional(), communeCode: z.string().optional(), street: z.string() })
    .nullable(),
  updatedAt: z.iso.datetime().nullable(),
  /** Sign-in identities linked to the account (the national digital ID over OpenID Connect, ADR 0009). */
  linkedIdentities: z.array(z.object({ issuer: z.string(), linkedAt: z.iso.datetime() })),
});
export type CitizenProfile = z.infer<typeof CitizenProfile>;

/** "0912345678" → "091****678"; "nguyenvana@gmail.com" → "ng***@gmail.com". */
export function maskRecipient(recipient: string): string {
  const at = recipient.indexOf('@');
  if (at < 0)
    return `${recipient.slice(0, 3)}${'*'.repeat(Math.max(recipient.length - 6, 0))}${recipient.slice(-3)}`;
  const local = recipient.slice(0, at);
  return `${local.slice(0, Math.min(2, Math.max(local.length - 1, 1)))}***${recipient.slice(at)}`;
}
