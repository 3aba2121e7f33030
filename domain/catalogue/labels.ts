/**
 * Vietnamese names of the catalogue's closed sets, shared by the version diff, the admin screens and the citizen
 * portal (the words a person reads: "Bản chính", "Lệ phí", "Số định danh cá nhân"), and the workflow's path
 * length. Plain data, no zod: the portal's first load imports this module (issue 6). The schemas in procedure.ts
 * and workflow.ts are built from the lists here.
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

export const documentKinds = ['original', 'certifiedCopy', 'photocopy', 'electronic'] as const;
export const documentKindLabel: Record<(typeof documentKinds)[number], string> = {
  original: 'Bản chính',
  certifiedCopy: 'Bản sao có chứng thực',
  photocopy: 'Bản chụp (kèm bản chính để đối chiếu)',
  electronic: 'Bản điện tử',
};

export const onlineLevels = ['full', 'partial', 'none'] as const;
export type OnlineLevelName = (typeof onlineLevels)[number];
export const onlineLevelLabel: Record<OnlineLevelName, string> = {
  full: 'Dịch vụ công trực tuyến toàn trình',
  partial: 'Dịch vụ công trực tuyến một phần',
  none: 'Không cung cấp trực tuyến',
};

export const stepKinds = [
  'intake',
  'appraisal',
  'approval',
  'interAgency',
  'financialObligation',
  'return',
] as const;
export const stepKindLabel: Record<(typeof stepKinds)[number], string> = {
  intake: 'Tiếp nhận hồ sơ',
  appraisal: 'Thẩm định, xử lý',
  approval: 'Phê duyệt, ký kết quả',
  interAgency: 'Liên thông cơ quan khác',
  financialObligation: 'Thực hiện nghĩa vụ tài chính',
  return: 'Trả kết quả',
};

/** What the path length needs of a step. */
interface PathStep {
  key: string;
  next: readonly string[];
  budgetHours: number;
  pausesClock?: boolean | undefined;
}

/**
 * Longest clock-running path from `start` along `next`, in working hours. A loop is cut where it closes (the
 * editor shows a total while someone is still wiring the steps; `validateWorkflow` refuses loops anyway).
 */
export const longestPath = (steps: ReadonlyMap<string, PathStep>, start: string): number => {
  const memo = new Map<string, number>();
  const onPath = new Set<string>();
  const visit = (key: string): number => {
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    const step = steps.get(key);
    if (step === undefined || onPath.has(key)) return 0;
    onPath.add(key);
    const own = step.pausesClock ? 0 : step.budgetHours;
    const rest = Math.max(0, ...step.next.map(visit));
    onPath.delete(key);
    memo.set(key, own + rest);
    return own + rest;
  };
  return visit(start);
};

/** Clock-running working hours along the longest forward path (what `validateWorkflow` compares). */
export const workflowHours = (workflow: { steps: readonly PathStep[] }): number =>
  longestPath(new Map(workflow.steps.map((s) => [s.key, s])), workflow.steps[0]!.key);
