/**
 * The draft of an online application: what the citizen typed and uploaded, kept in localStorage after every
 * change (a reload or a lost connection loses nothing), the Idempotency-Key of its submission, and the rules
 * that turn it into an `OnlineSubmission` and tell which step each problem belongs to.
 */
import type { z } from 'zod';
import type { FormField, ProcedureVersion, RequiredDocument } from '../../../../../domain/catalogue/index.ts';
import type { OnlineSubmission } from '../../../../../domain/dossier/online.ts';
import type { ResultDelivery } from '../../../../../domain/dossier/status.ts';
import type { Validation } from '../load-validation.ts';

export interface StoredUpload {
  fileId: string;
  name: string;
  size: number;
}

export interface AddressDraft {
  provinceCode: string;
  communeCode: string;
  street: string;
}

export interface ApplicantDraft {
  fullName: string;
  citizenId: string;
  phone: string;
  email: string;
  address: AddressDraft;
}

export interface Draft {
  v: 1;
  procedureCode: string;
  /** The procedure version the draft was started on: another version has another form. */
  version: number;
  idempotencyKey: string;
  step: number;
  deskId: string;
  applicant: ApplicantDraft;
  /** Values of the form's own fields (those not taken from the applicant or from the uploads). */
  form: Record<string, unknown>;
  /** Uploaded files per slot: `doc:<checklist key>` or `field:<file field key>`. */
  files: Record<string, StoredUpload[]>;
  delivery: ResultDelivery;
  postal: AddressDraft;
  saveToProfile: boolean;
  pledged: boolean;
  savedAt: string;
}

export const STEPS = [
  'Người nộp hồ sơ',
  'Tờ khai',
  'Giấy tờ đính kèm',
  'Nhận kết quả',
  'Kiểm tra và nộp',
] as const;
export const LAST_STEP = STEPS.length - 1;

export const emptyAddress = (): AddressDraft => ({ provinceCode: '', communeCode: '', street: '' });

export const docSlot = (key: string) => `doc:${key}`;
export const fieldSlot = (key: string) => `field:${key}`;

// ── Storage ──

const storageKey = (userId: string, code: string) => `motcua.portal.draft.${userId}.${code}`;

export function loadDraft(userId: string, code: string): Draft | undefined {
  try {
    const raw = localStorage.getItem(storageKey(userId, code));
    const parsed = raw ? (JSON.parse(raw) as Draft) : undefined;
    return parsed?.v === 1 && parsed.procedureCode === code ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** False when the browser refuses (private mode, storage full): the page says the draft is not kept. */
export function saveDraft(userId: string, draft: Draft): boolean {
  try {
    localStorage.setItem(storageKey(userId, draft.procedureCode), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function dropDraft(userId: string, code: string): void {
  try {
    localStorage.removeItem(storageKey(userId, code));
  } catch {
    // Nothing was kept.
  }
}

// ── Which form fields come from elsewhere ──

/**
 * Online forms open with the applicant's own fields (data/catalogue/helpers.ts `applicantFields`): they are
 * filled from the first step rather than typed twice.
 */
const APPLICANT_LINKS: Record<string, { to: keyof ApplicantDraft; type: FormField['type'] }> = {
  applicantName: { to: 'fullName', type: 'text' },
  applicantId: { to: 'citizenId', type: 'citizenId' },
  applicantPhone: { to: 'phone', type: 'phone' },
  applicantEmail: { to: 'email', type: 'email' },
  applicantAddress: { to: 'address', type: 'address' },
};

export const applicantLink = (f: FormField): keyof ApplicantDraft | undefined => {
  const link = APPLICANT_LINKS[f.key];
  return link && link.type === f.type ? link.to : undefined;
};

/** A file field standing for a checklist item takes the scans uploaded for that item. */
export const documentLink = (f: FormField, checklist: readonly RequiredDocument[]): string | undefined =>
  f.type === 'file' && f.requiredDocumentKey && checklist.some((d) => d.key === f.requiredDocumentKey)
    ? f.requiredDocumentKey
    : undefined;

export const fieldsOf = (v: ProcedureVersion): FormField[] => v.onlineForm?.fields ?? [];

/** The fields typed in the "Tờ khai" step. */
export const ownFields = (v: ProcedureVersion): FormField[] =>
  fieldsOf(v).filter((f) => f.type !== 'file' && !applicantLink(f));

/** File fields of the form that no checklist item covers: uploaded in the documents step. */
export const extraFileFields = (v: ProcedureVersion) =>
  fieldsOf(v).filter(
    (f): f is Extract<FormField, { type: 'file' }> =>
      f.type === 'file' && documentLink(f, v.requiredDocuments) === undefined,
  );

/** Whether the form asks for this applicant datum as required (then the first step requires it too). */
const formRequires = (v: ProcedureVersion, to: keyof ApplicantDraft) =>
  fieldsOf(v).some((f) => applicantLink(f) === to && f.required);

// ── Building the submission ──

const isBlank = (s: string) => s.trim() === '';

const addressValue = (a: AddressDraft) =>
  isBlank(a.street) && !a.provinceCode && !a.communeCode
    ? undefined
    : {
        ...(a.provinceCode ? { provinceCode: a.provinceCode } : {}),
        ...(a.communeCode ? { communeCode: a.communeCode } : {}),
        street: a.street,
      };

export function formDataOf(v: ProcedureVersion, d: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const asFiles = (slot: string) => (d.files[slot] ?? []).map((u) => ({ fileId: u.fileId, name: u.name }));
  for (const f of fieldsOf(v)) {
    const link = applicantLink(f);
    const doc = documentLink(f, v.requiredDocuments);
    if (link === 'address') out[f.key] = addressValue(d.applicant.address);
    else if (link) out[f.key] = d.applicant[link];
    else if (doc) out[f.key] = asFiles(docSlot(doc));
    else if (f.type === 'file') out[f.key] = asFiles(fieldSlot(f.key));
    else out[f.key] = d.form[f.key];
  }
  return out;
}

export function submissionOf(v: ProcedureVersion, d: Draft): z.input<typeof OnlineSubmission> {
  const a = d.applicant;
  return {
    procedureCode: d.procedureCode,
    receivingAgencyId: d.deskId,
    applicant: {
      kind: 'person',
      fullName: a.fullName,
      citizenId: a.citizenId,
      ...(isBlank(a.phone) ? {} : { phone: a.phone }),
      ...(isBlank(a.email) ? {} : { email: a.email }),
      address: addressValue(a.address) ?? { street: '' },
    },
    documents: v.requiredDocuments
      .map((doc) => ({ key: doc.key, fileIds: (d.files[docSlot(doc.key)] ?? []).map((u) => u.fileId) }))
      .filter((doc) => doc.fileIds.length > 0),
    formData: formDataOf(v, d),
    resultDelivery: d.delivery,
    ...(d.delivery === 'post' ? { postalAddress: addressValue(d.postal) ?? { street: '' } } : {}),
  };
}

// ── Problems, by step ──

/**
 * Problem keys: `desk`, `applicant.<fullName|citizenId|phone|email|provinceCode|communeCode|street>`,
 * `form.<field key>`, `slot.<slot>`, `documents`, `postal.<provinceCode|communeCode|street>`, `pledge`.
 */
export type Problems = Record<string, string>;

export const stepOfProblem = (key: string): number => {
  if (key === 'desk' || key.startsWith('applicant.')) return 0;
  if (key.startsWith('form.')) return 1;
  if (key.startsWith('slot.') || key === 'documents') return 2;
  if (key.startsWith('postal.')) return 3;
  return LAST_STEP;
};

export const problemsOfStep = (problems: Problems, step: number): Problems =>
  Object.fromEntries(Object.entries(problems).filter(([k]) => stepOfProblem(k) === step));

const firstMessage = (schema: z.ZodType, value: string): string | undefined => {
  const r = schema.safeParse(value);
  return r.success ? undefined : r.error.issues[0]?.message;
};

const addressProblems = (prefix: string, a: AddressDraft, needCodes: boolean, out: Problems) => {
  if (needCodes && !a.provinceCode) out[`${prefix}.provinceCode`] = 'Vui lòng chọn tỉnh, thành phố';
  if (needCodes && !a.communeCode) out[`${prefix}.communeCode`] = 'Vui lòng chọn xã, phường, đặc khu';
  if (isBlank(a.street)) out[`${prefix}.street`] = 'Vui lòng nhập số nhà, đường, thôn, tổ dân phố';
};

/** Where a problem with the form field `key` (and its part `sub`) is shown. */
function keyOfField(v: ProcedureVersion, key: string, sub?: string): string | undefined {
  const f = fieldsOf(v).find((x) => x.key === key);
  if (!f) return undefined;
  const link = applicantLink(f);
  if (link === 'address') return `applicant.${sub && sub !== 'street' ? sub : 'street'}`;
  if (link) return `applicant.${link}`;
  const doc = documentLink(f, v.requiredDocuments);
  if (doc) return `slot.${docSlot(doc)}`;
  if (f.type === 'file') return `slot.${fieldSlot(f.key)}`;
  return `form.${f.key}`;
}

const ADDRESS_PART_MESSAGE: Record<string, string> = {
  provinceCode: 'Vui lòng chọn tỉnh, thành phố',
  communeCode: 'Vui lòng chọn xã, phường, đặc khu',
  street: 'Vui lòng nhập số nhà, đường, thôn, tổ dân phố',
};

/**
 * Everything that stops the draft from being submitted, in Vietnamese, keyed by where it is shown. `rules`: the
 * schemas, loaded on demand (load-validation.ts).
 */
export function problemsOf(rules: Validation, v: ProcedureVersion, d: Draft, today: string): Problems {
  const { buildSubmissionSchema, CitizenId, checkOnlineDocuments, Email, Phone } = rules;
  const out: Problems = {};
  if (!d.deskId) out.desk = 'Vui lòng chọn nơi tiếp nhận hồ sơ';

  // The applicant: the rules of the Applicant schema, and what the form adds (a required phone…).
  const a = d.applicant;
  if (isBlank(a.fullName)) out['applicant.fullName'] = 'Vui lòng nhập họ, chữ đệm và tên';
  if (isBlank(a.citizenId)) out['applicant.citizenId'] = 'Vui lòng nhập số định danh cá nhân';
  else {
    const m = firstMessage(CitizenId, a.citizenId);
    if (m) out['applicant.citizenId'] = m;
  }
  if (isBlank(a.phone)) {
    if (formRequires(v, 'phone')) out['applicant.phone'] = 'Vui lòng nhập số điện thoại';
  } else {
    const m = firstMessage(Phone, a.phone);
    if (m) out['applicant.phone'] = m;
  }
  if (isBlank(a.email)) {
    if (formRequires(v, 'email')) out['applicant.email'] = 'Vui lòng nhập thư điện tử';
  } else {
    const m = firstMessage(Email, a.email);
    if (m) out['applicant.email'] = m;
  }
  const codesTouched = a.address.provinceCode !== '' || a.address.communeCode !== '';
  addressProblems('applicant', a.address, codesTouched || formRequires(v, 'address'), out);

  // The online form, by the very schema the server applies.
  if (v.onlineForm) {
    const checked = buildSubmissionSchema(v.onlineForm, { today }).safeParse(formDataOf(v, d));
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const [key, sub] = issue.path.map(String);
        if (key === undefined) continue;
        const where = keyOfField(v, key, sub);
        if (!where || out[where]) continue;
        // Parts of an address are named by us: zod's own words for a missing part are English.
        out[where] = sub && ADDRESS_PART_MESSAGE[sub] ? ADDRESS_PART_MESSAGE[sub] : issue.message;
      }
    }
  }

  // Every mandatory checklist item needs a scan.
  const documents = v.requiredDocuments.map((doc) => ({
    key: doc.key,
    fileIds: (d.files[docSlot(doc.key)] ?? []).map((u) => u.fileId),
  }));
  for (const issue of checkOnlineDocuments(v.requiredDocuments, documents)) {
    const doc = v.requiredDocuments.find((x) => x.name === issue.item?.name);
    const where = doc ? `slot.${docSlot(doc.key)}` : 'documents';
    out[where] ??= doc ? 'Vui lòng tải lên bản chụp hoặc bản quét của giấy tờ này' : issue.message;
  }

  if (d.delivery === 'post') addressProblems('postal', d.postal, true, out);
  if (!d.pledged) out.pledge = 'Vui lòng đánh dấu lời cam đoan trước khi nộp';
  return out;
}

/** Where the server's field message (`errors[].path`, dotted) is shown, or undefined for the general alert. */
export function keyOfServerPath(v: ProcedureVersion, path: string, message: string): string | undefined {
  const [head, second, third] = path.split('.');
  switch (head) {
    case 'receivingAgencyId':
      return 'desk';
    case 'applicant':
      if (second === 'address') return `applicant.${third ?? 'street'}`;
      return second ? `applicant.${second}` : undefined;
    case 'formData':
      return second ? keyOfField(v, second, third) : undefined;
    case 'documents': {
      const doc = v.requiredDocuments.find((x) => message.includes(x.name));
      return doc ? `slot.${docSlot(doc.key)}` : 'documents';
    }
    case 'postalAddress':
      return `postal.${second ?? 'street'}`;
    default:
      return undefined;
  }
}
