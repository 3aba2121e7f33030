/**
 * Vietnamese names of the catalogue's closed sets, shared by the version diff and the admin screens (the words
 * a person reads: "Bản chính", "Lệ phí", "Số định danh cá nhân").
 */
import type { Fee } from './fees.ts';
import type { FormFieldType } from './forms.ts';
import type { TimeLimit } from './limits.ts';
import type { Decision, ImplementingAgency, ProcedureLevel } from './procedure.ts';

export const fieldTypeLabel: Record<FormFieldType, string> = {
  text: 'Chữ',
  number: 'Số',
  date: 'Ngày',
  select: 'Danh sách chọn',
  citizenId: 'Số định danh cá nhân',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  address: 'Địa chỉ',
  file: 'Tệp đính kèm',
};

export const agencyRoleLabel: Record<ImplementingAgency['role'], string> = {
  competent: 'Cơ quan có thẩm quyền quyết định',
  receiving: 'Cơ quan tiếp nhận hồ sơ',
  coordinating: 'Cơ quan phối hợp',
};

export const procedureLevelLabel: Record<ProcedureLevel, string> = {
  province: 'Cấp tỉnh',
  commune: 'Cấp xã',
};

export const decisionActionLabel: Record<Decision['action'], string> = {
  published: 'Công bố',
  amended: 'Sửa đổi, bổ sung',
  replaced: 'Thay thế',
  abolished: 'Bãi bỏ',
};

export const feeNatureLabel: Record<Fee['nature'], string> = { fee: 'Lệ phí', charge: 'Phí' };

export const feePerLabel: Record<Fee['per'], string> = {
  case: 'Theo hồ sơ',
  copy: 'Theo bản',
  page: 'Theo trang',
};

/** The four ways a time limit is counted (calendar/requests.ts `DueRule`). */
export type LimitKind = 'workingDays' | 'workingHours' | 'sameDay' | 'calendarDays';

export const limitKindLabel: Record<LimitKind, string> = {
  workingDays: 'Ngày làm việc',
  workingHours: 'Giờ làm việc',
  sameDay: 'Trong ngày',
  calendarDays: 'Ngày (kể cả ngày nghỉ)',
};

export const limitKindOf = (limit: TimeLimit): LimitKind => {
  if ('workingDays' in limit) return 'workingDays';
  if ('workingHours' in limit) return 'workingHours';
  if ('sameDay' in limit) return 'sameDay';
  return 'calendarDays';
};

/** The amount a limit carries (0 for "same day"). */
export const limitAmountOf = (limit: TimeLimit): number => {
  if ('workingDays' in limit) return limit.workingDays;
  if ('workingHours' in limit) return limit.workingHours;
  if ('sameDay' in limit) return 0;
  return limit.calendarDays;
};

/** A limit of `kind` with `amount` (ignored for "same day"). */
export const makeLimit = (kind: LimitKind, amount: number): TimeLimit => {
  switch (kind) {
    case 'workingDays':
      return { workingDays: amount };
    case 'workingHours':
      return { workingHours: amount };
    case 'sameDay':
      return { sameDay: true };
    case 'calendarDays':
      return { calendarDays: amount };
    default: {
      const never: never = kind;
      throw new Error(`Loại thời hạn không hỗ trợ: ${String(never)}`);
    }
  }
};
