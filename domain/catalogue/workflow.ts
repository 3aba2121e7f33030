/**
 * Internal workflow (quy trình nội bộ) of a procedure at an agency (DOMAIN §2): ordered steps, each with a role,
 * an agency and a budget in working hours (8 h = 1 working day), plus transitions forward (`next`) and back
 * (`sendBack`). A financial-obligation step pauses the legal clock [practice].
 */
import { z } from 'zod';
import { StaffRole } from '../access/roles.ts';
import { AgencyCode, AgencyKind } from '../org/agency.ts';
import { Text } from '../shared/text.ts';
import { longestPath, stepKinds } from './labels.ts';
import { describeLimit, type TimeLimit, workingHoursOf } from './limits.ts';
import { NationalCode } from './procedure.ts';

export const StepKind = z.enum(stepKinds);
export type StepKind = z.infer<typeof StepKind>;
export { longestPath, stepKindLabel, workflowHours } from './labels.ts';

/** Where a step is done: the workflow's own agency, or another one (inter-agency). */
export const AgencyRef = z.discriminatedUnion('ref', [
  z.strictObject({ ref: z.literal('self') }),
  z.strictObject({
    ref: z.literal('other'),
    kind: AgencyKind,
    /** A specific agency; absent = "the competent one of that kind" (e.g. the commune's tax office). */
    agencyCode: AgencyCode.optional(),
    name: Text(300),
  }),
]);
export type AgencyRef = z.infer<typeof AgencyRef>;

const StepKey = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'Mã bước viết liền, chữ thường đầu (camelCase)');

export const WorkflowStep = z.strictObject({
  key: StepKey,
  name: Text(300),
  kind: StepKind,
  role: StaffRole,
  /** The unit inside the agency, e.g. "Công chức Tư pháp - Hộ tịch", "Văn phòng đăng ký đất đai". */
  unit: Text(300).optional(),
  agency: AgencyRef.default({ ref: 'self' }),
  /** Working hours this step may take. */
  budgetHours: z.number().positive().max(3200),
  pausesClock: z.boolean().default(false),
  next: z.array(StepKey).default([]),
  sendBack: z.array(StepKey).default([]),
});
export type WorkflowStep = z.infer<typeof WorkflowStep>;

export const Workflow = z.strictObject({
  nationalCode: NationalCode,
  /** The agency kind this is the default for, or one agency when `agencyCode` is set. */
  agencyKind: AgencyKind,
  agencyCode: AgencyCode.nullable().default(null),
  name: Text(300),
  steps: z.array(WorkflowStep).min(1, 'Quy trình cần ít nhất một bước'),
});
export type Workflow = z.infer<typeof Workflow>;

export type WorkflowIssue = { path: string; message: string };

const hours = (h: number): string => `${String(h).replace('.', ',')} giờ`;

/** Finds a cycle along `next` edges (send-backs may loop; forward moves may not). */
const findCycle = (steps: Map<string, WorkflowStep>): string[] | undefined => {
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (key: string): string[] | undefined => {
    if (state.get(key) === 'done') return undefined;
    if (state.get(key) === 'open') return [...trail.slice(trail.indexOf(key)), key];
    state.set(key, 'open');
    trail.push(key);
    for (const next of steps.get(key)?.next ?? []) {
      const cycle = steps.has(next) ? visit(next) : undefined;
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(key, 'done');
    return undefined;
  };
  for (const key of steps.keys()) {
    const cycle = visit(key);
    if (cycle) return cycle;
  }
  return undefined;
};

/**
 * Checks a workflow against the local time limit of the version it serves. Returns Vietnamese messages with
 * paths (empty = valid):
 * - the first step is an intake and the last a return; a return has no `next`, every other step has one;
 * - transitions point at existing steps, every step is reachable from the first, forward moves do not loop;
 * - a financial-obligation step pauses the clock;
 * - the clock-running budgets along the longest forward path fit in the local limit (working days × 8 h;
 *   same day = 8 h).
 */
export const validateWorkflow = (
  workflow: z.input<typeof Workflow>,
  localLimit: TimeLimit,
): WorkflowIssue[] => {
  const parsed = Workflow.safeParse(workflow);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  }
  const { steps } = parsed.data;
  const issues: WorkflowIssue[] = [];
  const byKey = new Map<string, WorkflowStep>();
  steps.forEach((step, i) => {
    if (byKey.has(step.key))
      issues.push({ path: `steps.${i}.key`, message: `Mã bước bị trùng: ${step.key}` });
    else byKey.set(step.key, step);
  });

  const first = steps[0]!;
  const last = steps[steps.length - 1]!;
  if (first.kind !== 'intake')
    issues.push({ path: 'steps.0.kind', message: 'Bước đầu tiên phải là tiếp nhận hồ sơ' });
  if (last.kind !== 'return') {
    issues.push({ path: `steps.${steps.length - 1}.kind`, message: 'Bước cuối cùng phải là trả kết quả' });
  }

  steps.forEach((step, i) => {
    for (const field of ['next', 'sendBack'] as const) {
      step[field].forEach((target, j) => {
        if (!byKey.has(target)) {
          issues.push({
            path: `steps.${i}.${field}.${j}`,
            message: `Bước «${step.name}» chuyển tới bước không tồn tại: ${target}`,
          });
        } else if (target === step.key) {
          issues.push({
            path: `steps.${i}.${field}.${j}`,
            message: `Bước «${step.name}» không được chuyển cho chính nó`,
          });
        }
      });
    }
    if (step.kind === 'return' && step.next.length > 0) {
      issues.push({ path: `steps.${i}.next`, message: 'Bước trả kết quả không chuyển tiếp sang bước khác' });
    }
    if (step.kind !== 'return' && step.next.length === 0) {
      issues.push({ path: `steps.${i}.next`, message: `Bước «${step.name}» chưa có bước tiếp theo` });
    }
    if (step.kind === 'financialObligation' && !step.pausesClock) {
      issues.push({
        path: `steps.${i}.pausesClock`,
        message: 'Bước nghĩa vụ tài chính phải tạm dừng tính thời gian',
      });
    }
  });

  const reached = new Set<string>([first.key]);
  const queue = [first.key];
  while (queue.length > 0) {
    for (const next of byKey.get(queue.shift()!)?.next ?? []) {
      if (byKey.has(next) && !reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  steps.forEach((step, i) => {
    if (!reached.has(step.key)) {
      issues.push({ path: `steps.${i}`, message: `Bước «${step.name}» không thể đến được từ bước đầu tiên` });
    }
  });

  const cycle = findCycle(byKey);
  if (cycle) {
    issues.push({
      path: 'steps',
      message: `Các bước chuyển tiếp tạo vòng lặp: ${cycle.join(' → ')} (dùng «trả lại» để quay lui)`,
    });
    return issues;
  }

  const limitHours = workingHoursOf(localLimit);
  const used = longestPath(byKey, first.key);
  if (used > limitHours) {
    issues.push({
      path: 'steps',
      message: `Tổng thời gian các bước (${hours(used)}) vượt thời hạn cam kết ${describeLimit(localLimit)} (${hours(limitHours)})`,
    });
  }
  return issues;
};
