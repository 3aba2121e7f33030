/**
 * Dossier statuses, channels and ways of returning the result as plain data (DOMAIN §3): the national status
 * codes, the clock behaviour of each status and the Vietnamese labels. No zod: the citizen portal's pages import
 * this module on their first load (issue 6); status.ts builds the schemas from these lists.
 */

export const dossierStatuses = [
  'submitted',
  'accepted',
  'notAccepted',
  'inProcess',
  'supplementRequested',
  'financialObligation',
  'withdrawn',
  'stopped',
  'resolved',
  'returned',
] as const;
type DossierStatus = (typeof dossierStatuses)[number];

export const channels = ['direct', 'online', 'postal'] as const;
type Channel = (typeof channels)[number];

export const resultDeliveries = ['counter', 'post', 'electronic'] as const;
type ResultDelivery = (typeof resultDeliveries)[number];

/** National status code (1–10) of each status. */
export const nationalStatusCode: Record<DossierStatus, number> = {
  submitted: 1,
  accepted: 2,
  notAccepted: 3,
  inProcess: 4,
  supplementRequested: 5,
  financialObligation: 6,
  withdrawn: 7,
  stopped: 8,
  resolved: 9,
  returned: 10,
};

export const statusLabel: Record<DossierStatus, string> = {
  submitted: 'Mới nộp trực tuyến, chờ tiếp nhận',
  accepted: 'Đã tiếp nhận',
  notAccepted: 'Không tiếp nhận',
  inProcess: 'Đang giải quyết',
  supplementRequested: 'Chờ bổ sung hồ sơ',
  financialObligation: 'Chờ thực hiện nghĩa vụ tài chính',
  withdrawn: 'Đã rút hồ sơ',
  stopped: 'Dừng xử lý',
  resolved: 'Đã có kết quả, chờ trả',
  returned: 'Đã trả kết quả',
};

/** No further action changes these. */
export const TERMINAL: ReadonlySet<DossierStatus> = new Set([
  'notAccepted',
  'withdrawn',
  'stopped',
  'returned',
]);

/** The legal clock does not run in these (waiting for the applicant) [practice]. */
export const CLOCK_STOPPED: ReadonlySet<DossierStatus> = new Set([
  'supplementRequested',
  'financialObligation',
]);

/** Work still owed by the administration: counted in inboxes, warnings and "in process" reports. */
export const OPEN: ReadonlySet<DossierStatus> = new Set([
  'accepted',
  'inProcess',
  'supplementRequested',
  'financialObligation',
]);

/** Channels of receipt (DOMAIN §3): 1 direct, 2 online, 3 postal. */
export const channelCode: Record<Channel, number> = { direct: 1, online: 2, postal: 3 };
export const channelLabel: Record<Channel, string> = {
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Qua dịch vụ bưu chính',
};

export const resultDeliveryLabel: Record<ResultDelivery, string> = {
  counter: 'Nhận trực tiếp tại Bộ phận Một cửa',
  post: 'Qua dịch vụ bưu chính công ích',
  electronic: 'Trực tuyến (bản điện tử)',
};

/** Whether a version may be submitted online at all (partial: submitted online, finished at the desk). */
export const acceptsOnline = (level: 'full' | 'partial' | 'none'): boolean => level !== 'none';
