/**
 * The column layout of the catalogue workbook, documented in docs/catalogue-excel.md. Headers are the keys of
 * the rows; change a header here and in the document together.
 */
import { roleLabel, type StaffRole } from '../access/roles.ts';
import { type AgencyKind, agencyKindLabel } from '../org/agency.ts';
import type { Labels } from './excel-cells.ts';
import type { FormFieldType } from './forms.ts';
import type { DocumentKind, ImplementingAgency, OnlineLevel, ProcedureLevel } from './procedure.ts';
import { documentKindLabel } from './procedure.ts';
import { statusLabel } from './versioning.ts';
import { type StepKind, stepKindLabel } from './workflow.ts';

export const SHEET = {
  procedures: 'Thủ tục',
  documents: 'Thành phần hồ sơ',
  fees: 'Phí, lệ phí',
  fields: 'Biểu mẫu trực tuyến',
  results: 'Kết quả',
  agencies: 'Cơ quan thực hiện',
  steps: 'Quy trình',
  agencyWorkflows: 'Quy trình theo cơ quan',
} as const;
export type SheetKey = keyof typeof SHEET;

/** Key columns every child sheet starts with: a child row belongs to (mã thủ tục, phiên bản). */
export const KEY = { code: 'Mã thủ tục', version: 'Phiên bản' } as const;

export const P = {
  ...KEY,
  name: 'Tên thủ tục',
  sectorCode: 'Mã lĩnh vực',
  sectorName: 'Tên lĩnh vực',
  levels: 'Cấp thực hiện',
  status: 'Trạng thái',
  from: 'Hiệu lực từ',
  to: 'Hiệu lực đến',
  legalKind: 'Thời hạn luật định (loại)',
  legalValue: 'Thời hạn luật định (số)',
  localKind: 'Thời hạn cam kết (loại)',
  localValue: 'Thời hạn cam kết (số)',
  limitNote: 'Ghi chú thời hạn',
  online: 'Mức độ trực tuyến',
  feeNote: 'Ghi chú phí',
  legalBasis: 'Căn cứ pháp lý',
  decisions: 'Quyết định',
  procConfirm: 'Cần xác minh (thủ tục)',
  versionConfirm: 'Cần xác minh (phiên bản)',
} as const;

export const D = {
  ...KEY,
  key: 'Mã thành phần',
  name: 'Tên thành phần hồ sơ',
  kinds: 'Hình thức',
  count: 'Số lượng',
  mandatory: 'Bắt buộc',
  template: 'Mẫu đơn, tờ khai',
  note: 'Ghi chú',
} as const;

export const F = {
  ...KEY,
  key: 'Mã khoản thu',
  name: 'Tên khoản thu',
  nature: 'Loại',
  per: 'Tính theo',
  amount: 'Mức thu (đồng)',
  onlineAmount: 'Mức thu trực tuyến (đồng)',
  tiers: 'Bậc theo trang (JSON)',
  onlineTiers: 'Bậc theo trang trực tuyến (JSON)',
  min: 'Tối thiểu mỗi bản',
  max: 'Tối đa mỗi bản',
  condition: 'Điều kiện áp dụng',
  free: 'Trường hợp miễn',
  basis: 'Căn cứ',
  note: 'Ghi chú',
} as const;

export const O = {
  ...KEY,
  key: 'Mã trường',
  label: 'Nhãn',
  type: 'Kiểu',
  required: 'Bắt buộc',
  help: 'Hướng dẫn',
  extra: 'Thuộc tính khác (JSON)',
} as const;

export const R = { ...KEY, name: 'Tên kết quả', electronic: 'Bản điện tử' } as const;

export const A = {
  ...KEY,
  name: 'Tên cơ quan',
  kind: 'Loại cơ quan',
  level: 'Cấp',
  role: 'Vai trò',
} as const;

/** The columns of one workflow step, shared by "Quy trình" and "Quy trình theo cơ quan". */
const STEP = {
  key: 'Mã bước',
  name: 'Tên bước',
  kind: 'Loại bước',
  role: 'Vai trò thực hiện',
  unit: 'Bộ phận',
  otherKind: 'Cơ quan khác: loại',
  otherCode: 'Cơ quan khác: mã',
  otherName: 'Cơ quan khác: tên',
  hours: 'Số giờ làm việc',
  pauses: 'Tạm dừng tính thời gian',
  next: 'Bước tiếp theo',
  sendBack: 'Trả lại bước',
} as const;
export type StepColumns = typeof STEP;

export const S = {
  ...KEY,
  agencyKind: 'Áp dụng cho loại cơ quan',
  agencyCode: 'Mã cơ quan riêng',
  workflowName: 'Tên quy trình',
  ...STEP,
} as const;

/**
 * The workflows of single agencies (quy trình riêng của một cơ quan): they belong to the procedure, not to one
 * version (as stored), so their rows are keyed by (mã thủ tục, mã cơ quan) — no "Phiên bản" column.
 */
export const W = {
  code: KEY.code,
  agencyCode: 'Mã cơ quan',
  agencyKind: 'Loại cơ quan',
  workflowName: 'Tên quy trình',
  ...STEP,
} as const;

export const COLUMNS: Record<SheetKey, Record<string, string>> = {
  procedures: P,
  documents: D,
  fees: F,
  fields: O,
  results: R,
  agencies: A,
  steps: S,
  agencyWorkflows: W,
};

/** Column widths (characters) for the workbook; unlisted columns get 18. */
export const WIDTHS: Record<string, number> = {
  [P.name]: 60,
  [P.sectorName]: 30,
  [P.legalBasis]: 60,
  [P.decisions]: 50,
  [P.limitNote]: 40,
  [P.feeNote]: 40,
  [P.procConfirm]: 40,
  [P.versionConfirm]: 40,
  [D.name]: 50,
  [D.kinds]: 30,
  [D.note]: 40,
  [F.name]: 40,
  [F.tiers]: 40,
  [F.onlineTiers]: 40,
  [F.free]: 40,
  [O.label]: 35,
  [O.extra]: 50,
  [R.name]: 50,
  [A.name]: 40,
  [S.workflowName]: 40,
  [S.name]: 35,
  [S.unit]: 30,
};

/** Columns holding dates: written as real Excel dates. */
export const DATE_COLUMNS: readonly string[] = [P.from, P.to];

export const levelLabel: Labels<ProcedureLevel> = { province: 'Tỉnh', commune: 'Xã' };
export const versionStatusLabel = statusLabel;
export type LimitKind = 'workingDays' | 'workingHours' | 'sameDay' | 'calendarDays';
export const limitKindLabel: Labels<LimitKind> = {
  workingDays: 'Ngày làm việc',
  workingHours: 'Giờ làm việc',
  sameDay: 'Trong ngày',
  calendarDays: 'Ngày theo lịch',
};
export const onlineLabel: Labels<OnlineLevel> = { full: 'Toàn trình', partial: 'Một phần', none: 'Không' };
export const kindLabel: Labels<DocumentKind> = documentKindLabel;
export const natureLabel: Labels<'fee' | 'charge'> = { fee: 'Lệ phí', charge: 'Phí' };
export const perLabel: Labels<'case' | 'copy' | 'page'> = { case: 'Hồ sơ', copy: 'Bản', page: 'Trang' };
export const fieldTypeLabel: Labels<FormFieldType> = {
  text: 'Chữ',
  number: 'Số',
  date: 'Ngày',
  select: 'Lựa chọn',
  citizenId: 'Số định danh cá nhân',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  address: 'Địa chỉ',
  file: 'Tệp đính kèm',
};
export const agencyLabel: Labels<AgencyKind> = agencyKindLabel;
export const agencyRoleLabel: Labels<ImplementingAgency['role']> = {
  competent: 'Có thẩm quyền',
  receiving: 'Tiếp nhận',
  coordinating: 'Phối hợp',
};
export const stepLabel: Labels<StepKind> = stepKindLabel;
export const staffRoleLabel: Labels<StaffRole> = {
  admin: roleLabel.admin,
  deskOfficer: roleLabel.deskOfficer,
  specialist: roleLabel.specialist,
  leader: roleLabel.leader,
  clerk: roleLabel.clerk,
  petitionOfficer: roleLabel.petitionOfficer,
};
export const decisionLabel: Labels<'published' | 'amended' | 'replaced' | 'abolished'> = {
  published: 'Công bố',
  amended: 'Sửa đổi, bổ sung',
  replaced: 'Thay thế',
  abolished: 'Bãi bỏ',
};
