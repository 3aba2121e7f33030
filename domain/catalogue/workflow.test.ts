import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { validateWorkflow, Workflow, workflowHours } from './workflow.ts';

type WorkflowInput = z.input<typeof Workflow>;

/** e-PAR-style land flow: desk → land office → commune confirmation → review → leader → tax (pause) → return. */
const land: WorkflowInput = {
  nationalCode: '1.000000',
  agencyKind: 'commune',
  name: 'Ví dụ quy trình liên thông đất đai',
  steps: [
    {
      key: 'receive',
      name: 'Tiếp nhận',
      kind: 'intake',
      role: 'deskOfficer',
      budgetHours: 4,
      next: ['landOffice'],
    },
    {
      key: 'landOffice',
      name: 'Văn phòng đăng ký đất đai kiểm tra hồ sơ',
      kind: 'interAgency',
      role: 'specialist',
      agency: { ref: 'other', kind: 'unit', name: 'Chi nhánh Văn phòng đăng ký đất đai' },
      budgetHours: 24,
      next: ['confirm'],
      sendBack: ['receive'],
    },
    {
      key: 'confirm',
      name: 'UBND xã xác nhận',
      kind: 'appraisal',
      role: 'specialist',
      budgetHours: 16,
      next: ['review'],
    },
    {
      key: 'review',
      name: 'Thẩm tra',
      kind: 'appraisal',
      role: 'specialist',
      budgetHours: 8,
      next: ['sign'],
      sendBack: ['landOffice'],
    },
    {
      key: 'sign',
      name: 'Lãnh đạo ký',
      kind: 'approval',
      role: 'leader',
      budgetHours: 8,
      next: ['tax'],
      sendBack: ['review'],
    },
    {
      key: 'tax',
      name: 'Cơ quan thuế xác định nghĩa vụ tài chính',
      kind: 'financialObligation',
      role: 'specialist',
      agency: { ref: 'other', kind: 'unit', name: 'Thuế cơ sở' },
      budgetHours: 40,
      pausesClock: true,
      next: ['return'],
    },
    { key: 'return', name: 'Trả kết quả', kind: 'return', role: 'deskOfficer', budgetHours: 4 },
  ],
};

const withSteps = (steps: WorkflowInput['steps']): WorkflowInput => ({ ...land, steps });
const messages = (issues: { path: string; message: string }[]) =>
  issues.map((i) => `${i.path}: ${i.message}`);

describe('validateWorkflow', () => {
  it('accepts the land flow in 8 working days: the tax step pauses the clock and is not counted', () => {
    expect(validateWorkflow(land, { workingDays: 8 })).toEqual([]);
    expect(workflowHours(Workflow.parse(land))).toBe(64);
  });

  it('catches a flow over budget, with the hours in Vietnamese', () => {
    const issues = validateWorkflow(land, { workingDays: 7 });
    expect(messages(issues)).toEqual([
      'steps: Tổng thời gian các bước (64 giờ) vượt thời hạn cam kết 07 ngày làm việc (56 giờ)',
    ]);
  });

  it('counts a same-day limit as 8 hours', () => {
    const steps = (lastHours: number): WorkflowInput['steps'] => [
      { key: 'a', name: 'Tiếp nhận', kind: 'intake', role: 'deskOfficer', budgetHours: 4, next: ['b'] },
      { key: 'b', name: 'Trả', kind: 'return', role: 'deskOfficer', budgetHours: lastHours },
    ];
    expect(validateWorkflow(withSteps(steps(4.5)), { sameDay: true })[0]?.message).toMatch(/8,5 giờ.*8 giờ/);
    expect(validateWorkflow(withSteps(steps(4)), { sameDay: true })).toEqual([]);
  });

  it('catches a step nobody can reach', () => {
    const steps = structuredClone(land.steps);
    steps[1]!.next = ['review']; // skips "confirm"
    const issues = validateWorkflow(withSteps(steps), { workingDays: 10 });
    expect(messages(issues)).toEqual([
      'steps.2: Bước «UBND xã xác nhận» không thể đến được từ bước đầu tiên',
    ]);
  });

  it('catches a missing return step', () => {
    const steps = structuredClone(land.steps).slice(0, -1);
    steps[5]!.next = [];
    const issues = messages(validateWorkflow(withSteps(steps), { workingDays: 10 }));
    expect(issues).toContain('steps.5.kind: Bước cuối cùng phải là trả kết quả');
    expect(issues).toContain(
      'steps.5.next: Bước «Cơ quan thuế xác định nghĩa vụ tài chính» chưa có bước tiếp theo',
    );
  });

  it('catches dangling transitions and self send-backs', () => {
    const steps = structuredClone(land.steps);
    steps[3]!.sendBack = ['nowhere'];
    steps[4]!.next = ['tax', 'ghost'];
    steps[2]!.sendBack = ['confirm'];
    expect(messages(validateWorkflow(withSteps(steps), { workingDays: 10 }))).toEqual([
      'steps.2.sendBack.0: Bước «UBND xã xác nhận» không được chuyển cho chính nó',
      'steps.3.sendBack.0: Bước «Thẩm tra» chuyển tới bước không tồn tại: nowhere',
      'steps.4.next.1: Bước «Lãnh đạo ký» chuyển tới bước không tồn tại: ghost',
    ]);
  });

  it('requires a financial-obligation step to pause the clock, and the first step to be an intake', () => {
    const steps = structuredClone(land.steps);
    steps[5]!.pausesClock = false;
    steps[0]!.kind = 'appraisal';
    const issues = messages(validateWorkflow(withSteps(steps), { workingDays: 20 }));
    expect(issues).toContain('steps.5.pausesClock: Bước nghĩa vụ tài chính phải tạm dừng tính thời gian');
    expect(issues).toContain('steps.0.kind: Bước đầu tiên phải là tiếp nhận hồ sơ');
  });

  it('refuses forward loops (send-backs are how a flow goes back)', () => {
    const steps = structuredClone(land.steps);
    steps[3]!.next = ['sign', 'confirm'];
    expect(messages(validateWorkflow(withSteps(steps), { workingDays: 20 }))).toEqual([
      'steps: Các bước chuyển tiếp tạo vòng lặp: confirm → review → confirm (dùng «trả lại» để quay lui)',
    ]);
    // The editor shows a total while the steps are being wired: a loop is cut, not followed forever.
    expect(workflowHours(Workflow.parse(withSteps(steps)))).toBeGreaterThan(0);
  });

  it('takes the longest branch when a step may go two ways', () => {
    const steps = structuredClone(land.steps);
    // After review, either straight to the leader or via an extra 16-hour inspection.
    steps[3]!.next = ['sign', 'inspect'];
    steps.splice(4, 0, {
      key: 'inspect',
      name: 'Kiểm tra thực địa',
      kind: 'appraisal',
      role: 'specialist',
      budgetHours: 16,
      next: ['sign'],
    });
    expect(validateWorkflow(withSteps(steps), { workingDays: 10 })).toEqual([]);
    expect(validateWorkflow(withSteps(steps), { workingDays: 9 })[0]?.message).toContain('80 giờ');
  });

  it('reports schema errors and duplicate keys with paths', () => {
    expect(validateWorkflow({ ...land, steps: [] }, { workingDays: 1 })[0]).toEqual({
      path: 'steps',
      message: 'Quy trình cần ít nhất một bước',
    });
    const steps = structuredClone(land.steps);
    steps[2]!.key = 'review';
    expect(messages(validateWorkflow(withSteps(steps), { workingDays: 20 }))).toContain(
      'steps.3.key: Mã bước bị trùng: review',
    );
  });

  it('property: a linear flow is valid exactly when its running budgets fit the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ hours: fc.integer({ min: 1, max: 40 }), pause: fc.boolean() }), {
          minLength: 0,
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 30 }),
        (middle, days) => {
          const keys = ['start', ...middle.map((_, i) => `s${i}`), 'end'];
          const steps = keys.map((key, i) => ({
            key,
            name: `Bước ${i + 1}`,
            kind:
              i === 0
                ? ('intake' as const)
                : i === keys.length - 1
                  ? ('return' as const)
                  : ('appraisal' as const),
            role: 'specialist' as const,
            budgetHours: i === 0 || i === keys.length - 1 ? 1 : middle[i - 1]!.hours,
            pausesClock: i > 0 && i < keys.length - 1 ? middle[i - 1]!.pause : false,
            next: i < keys.length - 1 ? [keys[i + 1]!] : [],
          }));
          const running = 2 + middle.filter((m) => !m.pause).reduce((s, m) => s + m.hours, 0);
          const issues = validateWorkflow(withSteps(steps), { workingDays: days });
          expect(issues.length === 0).toBe(running <= days * 8);
        },
      ),
    );
  });
});
