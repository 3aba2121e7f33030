/**
 * Building blocks shared by the seed files: legal documents, agencies, form fields and the default commune
 * workflow. The seed entries themselves hold the facts (limits, fees, checklists) explicitly.
 */
import type { z } from 'zod';
import type {
  AgencyRef,
  CatalogueEntryInput,
  ConfirmNote,
  FormFieldInput,
  ImplementingAgency,
  LegalDocument,
  ProcedureVersionInput,
  RequiredDocument,
  TimeLimit,
  WorkflowStep,
} from '../../domain/catalogue/index.ts';
import { KNOWN_SECTORS, workingHoursOf } from '../../domain/catalogue/index.ts';

type Law = z.input<typeof LegalDocument>;
const law =
  (number: string, title: string, issuedOn?: string) =>
  (articles?: string): Law => ({
    number,
    title,
    ...(issuedOn ? { issuedOn } : {}),
    ...(articles ? { articles } : {}),
  });

/** Legal documents cited by the seed (numbers and dates as published in the Official Gazette). */
export const LAWS = {
  civilStatusLaw: law('60/2014/QH13', 'Luật Hộ tịch', '2014-11-20'),
  civilStatusDecree: law(
    '123/2015/NĐ-CP',
    'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
    '2015-11-15',
  ),
  civilStatusCircular: law(
    '04/2020/TT-BTP',
    'Thông tư quy định chi tiết thi hành Luật Hộ tịch và Nghị định 123/2015/NĐ-CP',
    '2020-05-28',
  ),
  localFeesCircular: law(
    '85/2019/TT-BTC',
    'Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh',
    '2019-11-29',
  ),
  marriageLaw: law('52/2014/QH13', 'Luật Hôn nhân và gia đình', '2014-06-19'),
  certificationDecree: law(
    '23/2015/NĐ-CP',
    'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch',
    '2015-02-16',
  ),
  certificationCircular: law(
    '01/2020/TT-BTP',
    'Thông tư quy định chi tiết, hướng dẫn thi hành một số điều của Nghị định 23/2015/NĐ-CP',
    '2020-03-03',
  ),
  certificationFees: law(
    '226/2016/TT-BTC',
    'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực',
    '2016-11-11',
  ),
  residenceLaw: law('68/2020/QH14', 'Luật Cư trú', '2020-11-13'),
  residenceDecree: law(
    '154/2024/NĐ-CP',
    'Nghị định quy định chi tiết một số điều của Luật Cư trú',
    '2024-11-26',
  ),
  residenceCircular: law(
    '55/2021/TT-BCA',
    'Thông tư quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú',
    '2021-05-15',
  ),
  residenceFees: law(
    '75/2022/TT-BTC',
    'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng lệ phí đăng ký cư trú',
    '2022-12-22',
  ),
  socialAidDecree: law(
    '20/2021/NĐ-CP',
    'Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội',
    '2021-03-15',
  ),
  socialAidAmendment: law(
    '76/2024/NĐ-CP',
    'Nghị định sửa đổi, bổ sung một số điều của Nghị định 20/2021/NĐ-CP',
    '2024-07-01',
  ),
  householdBusinessDecree: law(
    '01/2021/NĐ-CP',
    'Nghị định về đăng ký doanh nghiệp (Chương VIII: hộ kinh doanh)',
    '2021-01-04',
  ),
  householdBusinessDecree2025: law(
    '168/2025/NĐ-CP',
    'Nghị định về đăng ký doanh nghiệp (thay thế Nghị định 01/2021/NĐ-CP)',
  ),
} as const;

type Agency = z.input<typeof ImplementingAgency>;
export const AGENCIES = {
  communeCommittee: { kind: 'commune', level: 'commune', name: 'Ủy ban nhân dân cấp xã', role: 'competent' },
  communeCentre: {
    kind: 'serviceCentre',
    level: 'commune',
    name: 'Trung tâm Phục vụ hành chính công cấp xã',
    role: 'receiving',
  },
  communePolice: { kind: 'unit', level: 'commune', name: 'Công an cấp xã', role: 'competent' },
} as const satisfies Record<string, Agency>;

export const POLICE: z.input<typeof AgencyRef> = { ref: 'other', kind: 'unit', name: 'Công an cấp xã' };

type Field = FormFieldInput;
export type DocumentInput = z.input<typeof RequiredDocument>;
export type FormInput = { fields: FormFieldInput[] };
/** Fields every online form starts with: who submits and how to reach them. */
export const applicantFields = (prefix = 'Người yêu cầu'): Field[] => [
  { key: 'applicantName', label: `Họ, chữ đệm, tên ${prefix.toLowerCase()}`, type: 'text', maxLength: 100 },
  { key: 'applicantId', label: `Số định danh cá nhân ${prefix.toLowerCase()}`, type: 'citizenId' },
  { key: 'applicantPhone', label: 'Số điện thoại liên hệ', type: 'phone' },
  { key: 'applicantEmail', label: 'Thư điện tử', type: 'email', required: false },
  { key: 'applicantAddress', label: 'Nơi cư trú', type: 'address' },
];

export const person = (key: string, who: string, required = true): Field[] => [
  { key: `${key}Name`, label: `Họ, chữ đệm, tên ${who}`, type: 'text', maxLength: 100, required },
  { key: `${key}Id`, label: `Số định danh cá nhân ${who}`, type: 'citizenId', required },
];

export const upload = (key: string, label: string, requiredDocumentKey: string, required = true): Field => ({
  key,
  label,
  type: 'file',
  accept: ['pdf', 'jpg', 'jpeg', 'png'],
  required,
  requiredDocumentKey,
});

export const GENDER: { value: string; label: string }[] = [
  { value: 'male', label: 'Nam' },
  { value: 'female', label: 'Nữ' },
];

type Step = z.input<typeof WorkflowStep>;
const half = (h: number): number => Math.round(h * 2) / 2;

/**
 * The default commune flow: desk intake → appraisal → leader approval → return, with send-backs. Budgets
 * split the local limit (≈ 1/8 intake, 1/8 return, 1/4 approval, the rest appraisal).
 */
export const communeFlow = (options: {
  limit: TimeLimit;
  unit: string;
  approver?: string;
  /** Extra steps between appraisal and approval (e.g. a council review and public posting). */
  middle?: Step[];
  /** Steps run by another agency (residence: the commune police). */
  agency?: z.input<typeof AgencyRef>;
}): Step[] => {
  const total = workingHoursOf(options.limit);
  const middle = options.middle ?? [];
  const middleHours = middle.reduce((s, m) => s + (m.pausesClock ? 0 : m.budgetHours), 0);
  const rest = total - middleHours;
  const intake = Math.max(0.5, half(rest / 8));
  const approval = Math.max(0.5, half(rest / 4));
  const appraisal = rest - 2 * intake - approval;
  const external = options.agency !== undefined;
  const firstMiddle = middle[0]?.key ?? 'approve';
  return [
    {
      key: 'receive',
      name: 'Tiếp nhận, kiểm tra hồ sơ, cấp giấy tiếp nhận',
      kind: 'intake',
      role: 'deskOfficer',
      unit: 'Bộ phận Một cửa',
      budgetHours: intake,
      next: ['appraise'],
    },
    {
      key: 'appraise',
      name: 'Thẩm định hồ sơ, dự thảo kết quả',
      kind: external ? 'interAgency' : 'appraisal',
      role: 'specialist',
      unit: options.unit,
      ...(options.agency ? { agency: options.agency } : {}),
      budgetHours: appraisal,
      next: [firstMiddle],
      sendBack: ['receive'],
    },
    ...middle,
    {
      key: 'approve',
      name: 'Xem xét, ký kết quả',
      kind: external ? 'interAgency' : 'approval',
      role: 'leader',
      unit: options.approver ?? 'Lãnh đạo Ủy ban nhân dân cấp xã',
      ...(options.agency ? { agency: options.agency } : {}),
      budgetHours: approval,
      next: ['return'],
      sendBack: ['appraise'],
    },
    {
      key: 'return',
      name: 'Trả kết quả, thu phí, lệ phí (nếu có)',
      kind: 'return',
      role: 'deskOfficer',
      unit: 'Bộ phận Một cửa',
      budgetHours: intake,
    },
  ];
};

export type Spec = {
  code: string;
  name: string;
  sector: keyof typeof KNOWN_SECTORS;
  version: Omit<ProcedureVersionInput, 'nationalCode' | 'version' | 'status'>;
  workflow: Omit<Parameters<typeof communeFlow>[0], 'limit'>;
  /** Notes on facts not yet checked; `nationalCode` and `name` notes go to the procedure. */
  confirm?: z.input<typeof ConfirmNote>[];
};

/** A seed entry: a draft version 1 (the province publishes it by its own decision) and the commune flow. */
export const entry = (spec: Spec): CatalogueEntryInput => {
  const confirm = spec.confirm ?? [];
  const isProcedureNote = (n: { field: string }) => n.field === 'nationalCode' || n.field === 'name';
  return {
    procedure: {
      nationalCode: spec.code,
      name: spec.name,
      sector: { code: spec.sector, name: KNOWN_SECTORS[spec.sector] },
      levels: ['commune'],
      confirm: confirm.filter(isProcedureNote),
    },
    version: {
      ...spec.version,
      nationalCode: spec.code,
      version: 1,
      status: 'draft',
      confirm: confirm.filter((n) => !isProcedureNote(n)),
    },
    workflow: {
      nationalCode: spec.code,
      agencyKind: 'commune',
      name: `Quy trình nội bộ mặc định cấp xã: ${spec.name}`,
      steps: communeFlow({ ...spec.workflow, limit: spec.version.localLimit }),
    },
  };
};
