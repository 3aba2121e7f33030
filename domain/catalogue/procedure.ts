/**
 * The procedure catalogue (TTHC, DOMAIN §2): a procedure from the national catalogue and its dated versions.
 * A dossier pins the version it was received under, so every number (time limit, fee) lives in a version.
 */
import { z } from 'zod';
import { AgencyKind } from '../org/agency.ts';
import { IsoDate, Text } from '../shared/text.ts';
import { Fee } from './fees.ts';
import { OnlineForm } from './forms.ts';
import { documentKinds, onlineLevels } from './labels.ts';
import { describeLimit, isWithinLimit, TimeLimit } from './limits.ts';

/** National catalogue code, e.g. `1.001193` (đăng ký khai sinh), `2.000815` (chứng thực bản sao) [practice]. */
export const NationalCode = z.string().regex(/^\d\.\d{6}$/, 'Mã thủ tục phải có dạng 1.001193');
export type NationalCode = z.infer<typeof NationalCode>;

/** Sectors (lĩnh vực) seeded with motcua; a deployment may add others (the code is open). */
export const KNOWN_SECTORS = {
  civilStatus: 'Hộ tịch',
  certification: 'Chứng thực',
  residence: 'Đăng ký, quản lý cư trú',
  socialProtection: 'Bảo trợ xã hội',
  businessHousehold: 'Thành lập và hoạt động của hộ kinh doanh',
  land: 'Đất đai',
} as const satisfies Record<string, string>;

export const Sector = z.strictObject({
  code: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'Mã lĩnh vực viết liền, chữ thường đầu (camelCase)'),
  name: Text(200),
});
export type Sector = z.infer<typeof Sector>;

/** Administrative level that implements a procedure (two-tier government since 1 July 2025). */
export const ProcedureLevel = z.enum(['province', 'commune']);
export type ProcedureLevel = z.infer<typeof ProcedureLevel>;

/** A fact written down but not yet checked against the legal text: `field` names the part, `note` says what. */
export const ConfirmNote = z.strictObject({ field: z.string().min(1).max(100), note: Text(1000) });
export type ConfirmNote = z.infer<typeof ConfirmNote>;

export const Procedure = z.strictObject({
  nationalCode: NationalCode,
  name: Text(500),
  sector: Sector,
  levels: z.array(ProcedureLevel).min(1, 'Cần ít nhất một cấp thực hiện'),
  confirm: z.array(ConfirmNote).default([]),
});
export type Procedure = z.infer<typeof Procedure>;

export const VersionStatus = z.enum(['draft', 'published', 'superseded', 'abolished']);
export type VersionStatus = z.infer<typeof VersionStatus>;

/** A decision that published, amended, replaced or abolished the procedure (Quyết định công bố…). */
export const Decision = z.strictObject({
  action: z.enum(['published', 'amended', 'replaced', 'abolished']),
  number: Text(100),
  date: IsoDate,
  issuer: Text(300),
});
export type Decision = z.infer<typeof Decision>;

/** A legal document the procedure rests on (căn cứ pháp lý). */
export const LegalDocument = z.strictObject({
  /** Number and symbol, e.g. `60/2014/QH13`, `123/2015/NĐ-CP`. */
  number: Text(100),
  title: Text(500),
  issuedOn: IsoDate.optional(),
  /** The articles that matter here, e.g. "Điều 16". */
  articles: Text(200).optional(),
});
export type LegalDocument = z.infer<typeof LegalDocument>;

export const DocumentKind = z.enum(documentKinds);
export type DocumentKind = z.infer<typeof DocumentKind>;
export { documentKindLabel, onlineLevelLabel } from './labels.ts';

const Key = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'Mã viết liền, chữ thường đầu (camelCase)');

/** An item of the checklist (thành phần hồ sơ). */
export const RequiredDocument = z.strictObject({
  key: Key,
  name: Text(500),
  /** Accepted forms of the document; the first is the usual one. */
  kinds: z.array(DocumentKind).min(1),
  count: z.number().int().min(1).max(50).default(1),
  mandatory: z.boolean().default(true),
  /** Template form (mẫu tờ khai), e.g. "Tờ khai đăng ký khai sinh (TT 04/2020/TT-BTP)". */
  templateFile: Text(300).optional(),
  note: Text(1000).optional(),
});
export type RequiredDocument = z.infer<typeof RequiredDocument>;

export const OnlineLevel = z.enum(onlineLevels);
export type OnlineLevel = z.infer<typeof OnlineLevel>;

export const ResultDocument = z.strictObject({ name: Text(300), electronic: z.boolean().default(false) });
export type ResultDocument = z.infer<typeof ResultDocument>;

/** Who implements the procedure: the kind of agency (the org tree) and its role in the case. */
export const ImplementingAgency = z.strictObject({
  kind: AgencyKind,
  level: ProcedureLevel,
  /** As printed in the listing, e.g. "Ủy ban nhân dân cấp xã", "Công an cấp xã". */
  name: Text(300),
  role: z.enum(['competent', 'receiving', 'coordinating']),
});
export type ImplementingAgency = z.infer<typeof ImplementingAgency>;

/** The parts of a version an editor may change (everything but identity, status and decisions). */
export const VersionContent = z.strictObject({
  effectiveFrom: IsoDate.nullable().default(null),
  effectiveTo: IsoDate.nullable().default(null),
  legalBasis: z.array(LegalDocument).min(1, 'Cần ít nhất một căn cứ pháp lý'),
  /** Time limit set by law (thời hạn giải quyết theo quy định). */
  legalLimit: TimeLimit,
  /** Time limit the locality commits to (may only be shorter); deadlines use this one. */
  localLimit: TimeLimit,
  /** Conditions on the limit, e.g. "Trường hợp cần xác minh: không quá 05 ngày làm việc". */
  limitNote: Text(1000).optional(),
  fees: z.array(Fee).default([]),
  /** Free text for fees the data cannot carry (amounts set by the provincial council…). */
  feeNote: Text(1000).optional(),
  requiredDocuments: z.array(RequiredDocument).min(1, 'Cần ít nhất một thành phần hồ sơ'),
  onlineForm: OnlineForm.nullable().default(null),
  onlineLevel: OnlineLevel,
  resultDocuments: z.array(ResultDocument).min(1, 'Cần ít nhất một kết quả'),
  implementingAgencies: z.array(ImplementingAgency).min(1, 'Cần ít nhất một cơ quan thực hiện'),
  confirm: z.array(ConfirmNote).default([]),
});
export type VersionContent = z.infer<typeof VersionContent>;

const versionShape = {
  nationalCode: NationalCode,
  /** 1, 2, 3… per procedure. */
  version: z.number().int().min(1),
  status: VersionStatus,
  decisions: z.array(Decision).default([]),
  ...VersionContent.shape,
};

type VersionDraft = z.infer<z.ZodObject<typeof versionShape>>;

/** Cross-field rules of a version; paths point at the field a person must fix. */
const checkVersion = (v: VersionDraft, ctx: z.RefinementCtx): void => {
  if (!isWithinLimit(v.localLimit, v.legalLimit)) {
    ctx.addIssue({
      code: 'custom',
      path: ['localLimit'],
      message: `Thời hạn cam kết (${describeLimit(v.localLimit)}) không được dài hơn thời hạn luật định (${describeLimit(v.legalLimit)})`,
    });
  }
  if (v.effectiveFrom !== null && v.effectiveTo !== null && v.effectiveTo < v.effectiveFrom) {
    ctx.addIssue({
      code: 'custom',
      path: ['effectiveTo'],
      message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực',
    });
  }
  if (v.status !== 'draft' && v.effectiveFrom === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['effectiveFrom'],
      message: 'Phiên bản đã công bố phải có ngày hiệu lực',
    });
  }
  if (v.status !== 'draft' && !v.decisions.some((d) => d.action === 'published' || d.action === 'amended')) {
    ctx.addIssue({
      code: 'custom',
      path: ['decisions'],
      message: 'Phiên bản đã công bố phải có quyết định công bố',
    });
  }
  if (v.status === 'superseded' && v.effectiveTo === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['effectiveTo'],
      message: 'Phiên bản đã được thay thế phải có ngày hết hiệu lực',
    });
  }
  if (v.status === 'abolished' && !v.decisions.some((d) => d.action === 'abolished')) {
    ctx.addIssue({
      code: 'custom',
      path: ['decisions'],
      message: 'Thủ tục bị bãi bỏ phải có quyết định bãi bỏ',
    });
  }
  const docKeys = v.requiredDocuments.map((d) => d.key);
  docKeys.forEach((key, i) => {
    if (docKeys.indexOf(key) !== i)
      ctx.addIssue({
        code: 'custom',
        path: ['requiredDocuments', i, 'key'],
        message: `Mã thành phần hồ sơ bị trùng: ${key}`,
      });
  });
  v.onlineForm?.fields.forEach((f, i) => {
    if (f.type === 'file' && f.requiredDocumentKey !== undefined && !docKeys.includes(f.requiredDocumentKey))
      ctx.addIssue({
        code: 'custom',
        path: ['onlineForm', 'fields', i, 'requiredDocumentKey'],
        message: `Không có thành phần hồ sơ mã ${f.requiredDocumentKey}`,
      });
  });
  if (v.onlineLevel !== 'none' && v.onlineForm === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['onlineForm'],
      message: 'Thủ tục trực tuyến phải có biểu mẫu điện tử',
    });
  }
  const feeKeys = v.fees.map((f) => f.key);
  feeKeys.forEach((key, i) => {
    if (feeKeys.indexOf(key) !== i)
      ctx.addIssue({ code: 'custom', path: ['fees', i, 'key'], message: `Mã khoản phí bị trùng: ${key}` });
  });
};

export const ProcedureVersion = z.strictObject(versionShape).superRefine(checkVersion);
export type ProcedureVersion = z.infer<typeof ProcedureVersion>;
export type ProcedureVersionInput = z.input<typeof ProcedureVersion>;
