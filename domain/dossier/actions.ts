/**
 * What may happen to a dossier, as data: for each action the statuses it is allowed from, where it leads, who may
 * take it (roles), at which agency (the receiving desk or the agency that holds the current step), and whether a
 * reason is required. The service, the UI buttons and the 409 answers all read this one table.
 */
import { z } from 'zod';
import type { StaffRole } from '../access/roles.ts';
import type { DossierStatus } from './status.ts';

export const DossierAction = z.enum([
  'accept',
  'refuse',
  'claim',
  'assign',
  'forward',
  'sendBack',
  'requestSupplement',
  'receiveSupplement',
  'requestFinancialObligation',
  'confirmPayment',
  'attachResult',
  'apologise',
  'collectFee',
  'returnResult',
  'withdraw',
  'stop',
]);
export type DossierAction = z.infer<typeof DossierAction>;

/**
 * `step` = the role the current workflow step names (a specialist at an appraisal step, a leader at approval…);
 * `applicant` = the citizen who submitted the dossier through the portal (their own dossier only).
 */
export type ActionRoles = readonly (StaffRole | 'step' | 'applicant')[];

export type ActionRule = Readonly<{
  from: readonly DossierStatus[];
  /** `same`: the status does not change; `step`: it follows the kind of the step moved to. */
  to: DossierStatus | 'same' | 'step';
  roles: ActionRoles;
  /** The agency whose subtree the actor's grant must cover. */
  at: 'receiving' | 'holder';
  reasonRequired: boolean;
  /** Shown on the public tracking page (without the note). */
  public: boolean;
  label: string;
}>;

const working: DossierStatus[] = ['accepted', 'inProcess'];
const open: DossierStatus[] = ['accepted', 'inProcess', 'supplementRequested', 'financialObligation'];

export const ACTION_RULES: Readonly<Record<DossierAction, ActionRule>> = {
  accept: {
    from: ['submitted'],
    to: 'accepted',
    roles: ['deskOfficer'],
    at: 'receiving',
    reasonRequired: false,
    public: true,
    label: 'Tiếp nhận hồ sơ trực tuyến',
  },
  refuse: {
    from: ['submitted'],
    to: 'notAccepted',
    roles: ['deskOfficer'],
    at: 'receiving',
    reasonRequired: true,
    public: true,
    label: 'Từ chối tiếp nhận',
  },
  claim: {
    from: working,
    to: 'same',
    roles: ['step'],
    at: 'holder',
    reasonRequired: false,
    public: false,
    label: 'Nhận xử lý',
  },
  assign: {
    from: working,
    to: 'same',
    roles: ['leader', 'step'],
    at: 'holder',
    reasonRequired: false,
    public: false,
    label: 'Phân công xử lý',
  },
  forward: {
    from: working,
    to: 'step',
    roles: ['step'],
    at: 'holder',
    reasonRequired: false,
    public: true,
    label: 'Chuyển bước tiếp theo',
  },
  sendBack: {
    from: ['inProcess'],
    to: 'step',
    roles: ['step'],
    at: 'holder',
    reasonRequired: true,
    public: false,
    label: 'Trả lại bước trước',
  },
  requestSupplement: {
    from: ['inProcess'],
    to: 'supplementRequested',
    roles: ['specialist', 'leader'],
    at: 'holder',
    reasonRequired: true,
    public: true,
    label: 'Yêu cầu bổ sung hồ sơ',
  },
  receiveSupplement: {
    from: ['supplementRequested'],
    to: 'inProcess',
    // The desk records a supplement handed in on paper; the applicant of an online dossier uploads it.
    roles: ['deskOfficer', 'applicant'],
    at: 'receiving',
    reasonRequired: false,
    public: true,
    label: 'Tiếp nhận hồ sơ bổ sung',
  },
  requestFinancialObligation: {
    from: ['inProcess'],
    to: 'financialObligation',
    roles: ['specialist', 'leader'],
    at: 'holder',
    reasonRequired: true,
    public: true,
    label: 'Chuyển thực hiện nghĩa vụ tài chính',
  },
  confirmPayment: {
    from: ['financialObligation'],
    to: 'inProcess',
    roles: ['deskOfficer', 'specialist'],
    at: 'holder',
    reasonRequired: false,
    public: true,
    label: 'Xác nhận đã thực hiện nghĩa vụ tài chính',
  },
  attachResult: {
    from: ['inProcess'],
    to: 'same',
    roles: ['specialist', 'leader'],
    at: 'holder',
    reasonRequired: false,
    public: false,
    label: 'Đính kèm kết quả',
  },
  apologise: {
    from: open,
    to: 'same',
    roles: ['leader'],
    at: 'holder',
    reasonRequired: true,
    public: true,
    label: 'Xin lỗi và hẹn lại ngày trả kết quả',
  },
  collectFee: {
    from: [...open, 'resolved'],
    to: 'same',
    roles: ['deskOfficer'],
    at: 'receiving',
    reasonRequired: false,
    public: false,
    label: 'Thu phí, lệ phí',
  },
  returnResult: {
    from: ['resolved'],
    to: 'returned',
    roles: ['deskOfficer'],
    at: 'receiving',
    reasonRequired: false,
    public: true,
    label: 'Trả kết quả',
  },
  withdraw: {
    from: ['submitted', ...open],
    to: 'withdrawn',
    roles: ['deskOfficer'],
    at: 'receiving',
    reasonRequired: true,
    public: true,
    label: 'Rút hồ sơ (theo đề nghị của người nộp)',
  },
  stop: {
    from: open,
    to: 'stopped',
    roles: ['leader'],
    at: 'holder',
    reasonRequired: true,
    public: true,
    label: 'Dừng xử lý hồ sơ',
  },
};

export const actionLabel = (a: DossierAction): string => ACTION_RULES[a].label;
