/**
 * The dossier status machine. The state of a dossier is a fold of its append-only events; `decide` checks one
 * requested action against the rules table (actions.ts), the pinned workflow and the legal clock, and returns
 * the event to append — or throws a RuleViolation naming what is allowed instead. Pure: time and the working
 * calendar come in as arguments.
 */
import type { StaffRole } from '../access/roles.ts';
import type { Deadline } from '../calendar/deadline.ts';
import type { Workflow, WorkflowStep } from '../catalogue/workflow.ts';
import { ACTION_RULES, type DossierAction } from './actions.ts';
import type { ActionRequest, SupplementItem } from './requests.ts';
import { CLOCK_STOPPED, type DossierStatus, statusLabel, TERMINAL } from './status.ts';
import { checkSupplied, type OnlineSupply } from './supplement.ts';

/** What happened, as stored (one row per event, never changed). Values are the state *after* the event. */
export type DossierEvent = Readonly<{
  seq: number;
  at: Date;
  action: DossierAction | 'receive' | 'submit';
  actorId: string | null;
  actorName: string | null;
  role: string | null;
  agencyId: string | null;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  fromStep: string | null;
  toStep: string | null;
  holderAgencyId: string;
  assigneeId: string | null;
  dueAt: Date | null;
  note: string | null;
  data: Readonly<Record<string, unknown>>;
}>;

export type DossierState = Readonly<{
  status: DossierStatus;
  stepKey: string | null;
  holderAgencyId: string;
  assigneeId: string | null;
  dueAt: Date | null;
  /** When the clock stopped, while it is stopped. */
  pausedSince: Date | null;
  supplementRequests: number;
  /** The items of the last supplement request (what the applicant must hand in). */
  requestedItems: readonly SupplementItem[];
  resultAttached: boolean;
  lastSeq: number;
}>;

export function foldEvents(events: readonly DossierEvent[]): DossierState {
  if (events.length === 0) throw new Error('A dossier has at least its intake event');
  let state: DossierState | undefined;
  for (const e of events) {
    const pausedSince = CLOCK_STOPPED.has(e.toStatus)
      ? state && CLOCK_STOPPED.has(state.status) && state.pausedSince
        ? state.pausedSince
        : e.at
      : null;
    state = {
      status: e.toStatus,
      stepKey: e.toStep,
      holderAgencyId: e.holderAgencyId,
      assigneeId: e.assigneeId,
      dueAt: e.dueAt,
      pausedSince,
      supplementRequests: (state?.supplementRequests ?? 0) + (e.action === 'requestSupplement' ? 1 : 0),
      requestedItems:
        e.action === 'requestSupplement' && Array.isArray(e.data.items)
          ? (e.data.items as SupplementItem[])
          : (state?.requestedItems ?? []),
      resultAttached: (state?.resultAttached ?? false) || e.action === 'attachResult',
      lastSeq: e.seq,
    };
  }
  return state!;
}

export class RuleViolation extends Error {
  constructor(
    readonly code: 'INVALID_TRANSITION' | 'VALIDATION' | 'FORBIDDEN',
    message: string,
    readonly allowed: readonly DossierAction[] = [],
    readonly path?: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

/** The actor's roles at the agency an action is taken at (the receiving desk, or the holder of the step). */
export type ActorRoles = Readonly<{ atReceiving: readonly StaffRole[]; atHolder: readonly StaffRole[] }>;

export type Situation = Readonly<{
  state: DossierState;
  workflow: Workflow;
  receivingAgencyId: string;
  /** The agency competent to decide (where self steps happen). */
  competentAgencyId: string;
  actorId: string;
  roles: ActorRoles;
  /** The actor is the citizen who submitted this dossier online. */
  isApplicant?: boolean;
  now: Date;
}>;

/** Legal-clock operations the machine needs, bound to the right calendar and office hours. */
export type ClockOps = Readonly<{
  /** The due date moved by the working time between `from` and `to` (a suspension). */
  resume: (due: Date, from: Date, to: Date, reason: string) => Deadline;
  /** The due date of the pinned version's limit counted from `at` (online dossiers: from acceptance). */
  initialDue: (at: Date) => Deadline;
  /** Working days after `from`'s date up to and including `to`'s date. */
  workingDaysBetween: (from: Date, to: Date) => number;
}>;

export const stepOf = (workflow: Workflow, key: string | null): WorkflowStep | undefined =>
  key === null ? undefined : workflow.steps.find((s) => s.key === key);

function mayAct(s: Situation, action: DossierAction): boolean {
  const rule = ACTION_RULES[action];
  if (!rule.from.includes(s.state.status)) return false;
  const roles = rule.at === 'receiving' ? s.roles.atReceiving : s.roles.atHolder;
  const stepRole = stepOf(s.workflow, s.state.stepKey)?.role;
  return rule.roles.some((r) =>
    r === 'applicant'
      ? s.isApplicant === true
      : r === 'step'
        ? stepRole !== undefined && roles.includes(stepRole)
        : roles.includes(r),
  );
}

/** Actions this actor may take now (status and role); extra conditions are checked by `decide`. */
export function allowedActions(s: Situation): DossierAction[] {
  return (Object.keys(ACTION_RULES) as DossierAction[]).filter((a) => {
    if (!mayAct(s, a)) return false;
    if (a === 'requestSupplement') return s.state.supplementRequests === 0;
    if (a === 'claim') return s.state.assigneeId !== s.actorId;
    return true;
  });
}

/** The event to append, minus identity fields the service fills in (seq, actor, agency). */
export type Decision = Omit<DossierEvent, 'seq' | 'actorId' | 'actorName' | 'role' | 'agencyId' | 'at'>;

const vi = (d: Date): string => {
  const local = new Date(d.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(local.getUTCHours())}:${p(local.getUTCMinutes())} ngày ${p(local.getUTCDate())}/${p(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
};

export function decide(s: Situation, req: ActionRequest | OnlineSupply, clock: ClockOps): Decision {
  const { state, workflow, now } = s;
  const rule = ACTION_RULES[req.action];
  if (TERMINAL.has(state.status) || !mayAct(s, req.action)) {
    const allowed = allowedActions(s);
    const why = !rule.from.includes(state.status)
      ? `không thực hiện được khi hồ sơ ở trạng thái «${statusLabel[state.status]}»`
      : 'không thuộc vai trò của bạn ở bước hiện tại';
    throw new RuleViolation('INVALID_TRANSITION', `Thao tác «${rule.label}» ${why}`, allowed);
  }
  const base = {
    action: req.action,
    fromStatus: state.status,
    toStatus: rule.to === 'same' || rule.to === 'step' ? state.status : rule.to,
    fromStep: state.stepKey,
    toStep: state.stepKey,
    holderAgencyId: state.holderAgencyId,
    assigneeId: state.assigneeId,
    dueAt: state.dueAt,
    note: 'note' in req ? (req.note ?? null) : null,
    data: {} as Record<string, unknown>,
  };
  const current = stepOf(workflow, state.stepKey);

  switch (req.action) {
    case 'claim':
      return { ...base, assigneeId: s.actorId };
    case 'assign':
      return { ...base, assigneeId: req.assigneeId };
    case 'forward':
    case 'sendBack': {
      const targets = req.action === 'forward' ? (current?.next ?? []) : (current?.sendBack ?? []);
      const key = req.toStep ?? (targets.length === 1 ? targets[0] : undefined);
      if (key === undefined || !targets.includes(key)) {
        throw new RuleViolation(
          'VALIDATION',
          targets.length === 0
            ? 'Bước hiện tại không có bước nào để chuyển tới'
            : `Chọn bước chuyển tới: ${targets.join(', ')}`,
          [],
          'toStep',
        );
      }
      const target = stepOf(workflow, key)!;
      if (req.action === 'forward' && target.kind === 'return' && !state.resultAttached) {
        throw new RuleViolation(
          'VALIDATION',
          'Cần đính kèm kết quả giải quyết trước khi chuyển trả kết quả',
          ['attachResult'],
        );
      }
      let holder = s.competentAgencyId;
      if (target.kind === 'return') holder = s.receivingAgencyId;
      else if (target.agency.ref === 'other') {
        const to = req.action === 'forward' ? req.toAgencyId : undefined;
        if (to === undefined) {
          throw new RuleViolation(
            'VALIDATION',
            `Chọn cơ quan thực hiện bước «${target.name}»`,
            [],
            'toAgencyId',
          );
        }
        holder = to;
      }
      const toStatus: DossierStatus =
        target.kind === 'return'
          ? 'resolved'
          : target.kind === 'financialObligation'
            ? 'financialObligation'
            : target.kind === 'intake'
              ? 'accepted'
              : 'inProcess';
      return {
        ...base,
        toStatus,
        toStep: key,
        holderAgencyId: holder,
        assigneeId: req.action === 'forward' ? (req.assigneeId ?? null) : null,
        data: { stepName: target.name, budgetHours: target.budgetHours },
      };
    }
    case 'requestSupplement':
      if (state.supplementRequests > 0) {
        throw new RuleViolation(
          'INVALID_TRANSITION',
          'Hồ sơ đã được yêu cầu bổ sung một lần; không được yêu cầu bổ sung lần thứ hai',
          allowedActions(s),
        );
      }
      return { ...base, data: { items: req.items } };
    case 'receiveSupplement':
    case 'confirmPayment': {
      // Online, the applicant hands in exactly what was asked for (the desk takes paper and notes it).
      const supplied = 'items' in req ? req.items : undefined;
      if (req.action === 'receiveSupplement' && (s.isApplicant || supplied)) {
        const issues = checkSupplied(state.requestedItems, supplied ?? []);
        if (issues.length > 0) {
          throw new RuleViolation('VALIDATION', issues.map((i) => i.message).join('; '), [], 'items');
        }
      }
      const reason =
        state.status === 'supplementRequested' ? 'chờ bổ sung hồ sơ' : 'chờ thực hiện nghĩa vụ tài chính';
      const given = supplied ? { items: supplied } : {};
      if (state.dueAt === null || state.pausedSince === null) return { ...base, data: given };
      const moved = clock.resume(state.dueAt, state.pausedSince, now, reason);
      return {
        ...base,
        dueAt: moved.dueAt,
        data: { ...given, pausedFrom: state.pausedSince.toISOString(), explanation: moved.explanation },
      };
    }
    case 'requestFinancialObligation':
      return { ...base, data: req.amount === undefined ? {} : { amount: req.amount } };
    case 'attachResult':
      return { ...base, data: { name: req.name, number: req.number ?? null, fileId: req.fileId ?? null } };
    case 'apologise': {
      const newDueAt = new Date(req.newDueAt);
      if (state.dueAt === null)
        throw new RuleViolation('INVALID_TRANSITION', 'Hồ sơ không có hạn giải quyết');
      if (clock.workingDaysBetween(now, state.dueAt) < 1) {
        throw new RuleViolation(
          'INVALID_TRANSITION',
          `Phiếu xin lỗi phải được ban hành chậm nhất 01 ngày làm việc trước hạn trả kết quả (${vi(state.dueAt)})`,
          allowedActions(s).filter((a) => a !== 'apologise'),
        );
      }
      if (newDueAt.getTime() <= state.dueAt.getTime()) {
        throw new RuleViolation('VALIDATION', 'Ngày hẹn mới phải sau hạn hiện tại', [], 'newDueAt');
      }
      return { ...base, dueAt: newDueAt, data: { previousDueAt: state.dueAt.toISOString() } };
    }
    case 'collectFee':
      return { ...base, data: { amount: req.amount, receiptNo: req.receiptNo } };
    case 'returnResult':
      if (req.method === 'post' && !req.postalTrackingNo) {
        throw new RuleViolation(
          'VALIDATION',
          'Cần số hiệu bưu gửi khi trả kết quả qua bưu chính',
          [],
          'postalTrackingNo',
        );
      }
      return {
        ...base,
        assigneeId: null,
        data: {
          method: req.method,
          postalTrackingNo: req.postalTrackingNo ?? null,
          receivedBy: req.receivedBy ?? null,
        },
      };
    case 'accept': {
      const due = clock.initialDue(now);
      return { ...base, dueAt: due.dueAt, assigneeId: null, data: { explanation: due.explanation } };
    }
    case 'refuse':
    case 'withdraw':
    case 'stop':
      return base;
  }
}
