/** What each dossier action asks for, and how the form's answers become an ActionRequest (pure, no React). */
import {
  ACTION_RULES,
  ActionRequest,
  type DossierAction,
  type DossierView,
  type ResultDelivery,
} from '../../../../domain/dossier/index.ts';
import { emptyItem, type ItemDraft, itemsOf } from './items-editor.tsx';

export interface ActionDraft {
  note: string;
  toStep: string;
  toAgencyId: string;
  /** Person given the step (assign), or the next step (forward, optional). */
  assigneeId: string;
  items: ItemDraft[];
  amount: number | string;
  receiptNo: string;
  name: string;
  number: string;
  fileId: string;
  fileName: string;
  /** The new due date of an apology: `YYYY-MM-DD` and `HH:mm` in Vietnam time. */
  dueDate: string;
  dueTime: string;
  method: ResultDelivery;
  postalTrackingNo: string;
  receivedBy: string;
}

/** Forward and send back: the steps one may go to from the current one. */
export const targetsOf = (d: DossierView, action: 'forward' | 'sendBack') =>
  (action === 'forward' ? (d.step?.next ?? []) : (d.step?.sendBack ?? [])).flatMap((key) => {
    const step = d.steps.find((s) => s.key === key);
    return step ? [step] : [];
  });

export const emptyActionDraft = (d: DossierView, action: DossierAction): ActionDraft => {
  const targets = action === 'forward' || action === 'sendBack' ? targetsOf(d, action) : [];
  return {
    note: '',
    toStep: targets.length === 1 ? targets[0]!.key : '',
    toAgencyId: '',
    assigneeId: '',
    items: [emptyItem()],
    amount: '',
    receiptNo: '',
    name: '',
    number: '',
    fileId: '',
    fileName: '',
    dueDate: '',
    dueTime: '17:00',
    method: d.resultDelivery,
    postalTrackingNo: '',
    receivedBy: '',
  };
};

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/** A date and a clock time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) as an ISO instant with offset. */
export const vietnamInstant = (date: string, time: string): string =>
  date && time ? `${date}T${time}:00+07:00` : '';

export function toActionRequest(d: DossierView, action: DossierAction, a: ActionDraft): unknown {
  const note = opt(a.note);
  switch (action) {
    case 'claim':
      return { action };
    case 'assign':
      return { action, assigneeId: a.assigneeId };
    case 'forward': {
      const target = d.steps.find((s) => s.key === a.toStep);
      return {
        action,
        ...(a.toStep ? { toStep: a.toStep } : {}),
        ...(target?.otherAgency && a.toAgencyId ? { toAgencyId: a.toAgencyId } : {}),
        ...(a.assigneeId ? { assigneeId: a.assigneeId } : {}),
        note,
      };
    }
    case 'sendBack':
      return { action, toStep: a.toStep, note: a.note };
    case 'requestSupplement':
      return { action, note: a.note, items: itemsOf(a.items) };
    case 'requestFinancialObligation':
      return { action, note: a.note, amount: a.amount === '' ? undefined : Number(a.amount) };
    case 'attachResult':
      return { action, name: a.name, number: opt(a.number), fileId: opt(a.fileId) };
    case 'apologise':
      return { action, note: a.note, newDueAt: vietnamInstant(a.dueDate, a.dueTime) };
    case 'collectFee':
      return { action, amount: a.amount === '' ? Number.NaN : Number(a.amount), receiptNo: a.receiptNo };
    case 'returnResult':
      return {
        action,
        method: a.method,
        postalTrackingNo: a.method === 'post' ? opt(a.postalTrackingNo) : undefined,
        receivedBy: opt(a.receivedBy),
        note,
      };
    case 'accept':
    case 'receiveSupplement':
    case 'confirmPayment':
      return { action, note };
    case 'refuse':
    case 'withdraw':
    case 'stop':
      return { action, note: a.note };
  }
}

/** The request, or the field messages (by path: `note`, `items`, `newDueAt`…) to show before sending. */
export function parseAction(
  d: DossierView,
  action: DossierAction,
  a: ActionDraft,
): { ok: true; request: ActionRequest } | { ok: false; errors: Record<string, string> } {
  const parsed = ActionRequest.safeParse(toActionRequest(d, action, a));
  if (parsed.success) {
    const extra: Record<string, string> = {};
    if (action === 'forward' || action === 'sendBack') {
      const targets = targetsOf(d, action);
      if (targets.length > 1 && !a.toStep) extra.toStep = 'Chọn bước chuyển tới';
      const target = d.steps.find((s) => s.key === a.toStep);
      if (action === 'forward' && target?.otherAgency && !a.toAgencyId)
        extra.toAgencyId = `Chọn cơ quan thực hiện bước «${target.name}»`;
    }
    if (action === 'returnResult' && a.method === 'post' && !a.postalTrackingNo.trim())
      extra.postalTrackingNo = 'Cần số hiệu bưu gửi khi trả kết quả qua bưu chính';
    return Object.keys(extra).length > 0 ? { ok: false, errors: extra } : { ok: true, request: parsed.data };
  }
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.') || 'form';
    const key = path.startsWith('items') ? 'items' : path;
    errors[key] ??= key === 'amount' ? 'Nhập số tiền' : issue.message;
  }
  if (errors.newDueAt) errors.newDueAt = 'Nhập ngày và giờ hẹn mới';
  return { ok: false, errors };
}

/** Actions whose button runs at once (nothing to ask). */
export const immediate: ReadonlySet<DossierAction> = new Set(['claim']);

/** The reason's label for actions that require one. */
export const reasonLabel = (action: DossierAction): string | null => {
  if (!ACTION_RULES[action].reasonRequired) return null;
  switch (action) {
    case 'requestSupplement':
      return 'Lý do yêu cầu bổ sung';
    case 'requestFinancialObligation':
      return 'Nội dung nghĩa vụ tài chính';
    case 'apologise':
      return 'Lý do chậm trả kết quả';
    default:
      return 'Lý do';
  }
};
