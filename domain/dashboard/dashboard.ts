/**
 * The leaders' dashboard (issue 7 §2): the numbers of Biểu 06/VPCP/KSTT for an agency subtree and a period, the
 * rates people quote ("đúng hạn 99,37%", "trực tuyến 96,11%"), a few series for charts, and the drill-down from
 * any number to the dossiers behind it. Every count is a column of Biểu 06 (domain/reports), so the dashboard and
 * the report cannot disagree.
 */
import { z } from 'zod';
import { Channel, DossierStatus } from '../dossier/status.ts';
import {
  type Form06Counts,
  inProgressTotal,
  type OutcomeColumn,
  type Placement,
  receivedTotal,
  resolvedTotal,
  type SourceColumn,
} from '../reports/form06.ts';
import { Form06Row } from '../reports/form06-rows.ts';
import { IsoDate } from '../shared/text.ts';

/** Resolved early or on time, over everything resolved in the period; null when nothing was resolved. */
export const onTimeRate = (c: Form06Counts): number | null => {
  const resolved = resolvedTotal(c);
  return resolved === 0 ? null : (c.resolvedEarly + c.resolvedOnTime) / resolved;
};

/**
 * Received online over everything newly received in the period (online + direct/postal); dossiers carried over
 * from the previous period are not "new" and not counted. Null when nothing was received.
 */
export const onlineShare = (c: Form06Counts): number | null => {
  const fresh = c.receivedOnline + c.receivedDirect;
  return fresh === 0 ? null : c.receivedOnline / fresh;
};

/** The numbers a drill-down can open: each counted column of Biểu 06 and the three totals. */
export const DrillColumn = z.enum([
  'received',
  'carriedOver',
  'receivedOnline',
  'receivedDirect',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'inProgress',
  'withinDeadline',
  'overdue',
  'withdrawnOrStopped',
]);
export type DrillColumn = z.infer<typeof DrillColumn>;

export const drillColumnLabel: Record<DrillColumn, string> = {
  received: 'Tổng số hồ sơ tiếp nhận',
  carriedOver: 'Kỳ trước chuyển qua',
  receivedOnline: 'Mới tiếp nhận trực tuyến',
  receivedDirect: 'Mới tiếp nhận trực tiếp, bưu chính',
  resolved: 'Đã giải quyết',
  resolvedEarly: 'Giải quyết trước hạn',
  resolvedOnTime: 'Giải quyết đúng hạn',
  resolvedLate: 'Giải quyết quá hạn',
  inProgress: 'Đang giải quyết',
  withinDeadline: 'Đang giải quyết trong hạn',
  overdue: 'Đang giải quyết quá hạn',
  withdrawnOrStopped: 'Rút, dừng giải quyết',
};

const totals: Record<'received' | 'resolved' | 'inProgress', ReadonlySet<SourceColumn | OutcomeColumn>> = {
  received: new Set(['carriedOver', 'receivedOnline', 'receivedDirect']),
  resolved: new Set(['resolvedEarly', 'resolvedOnTime', 'resolvedLate']),
  inProgress: new Set(['withinDeadline', 'overdue']),
};

/** Whether a dossier placed in the report (`placeInPeriod`) is counted in `column`. */
export function isInColumn(p: Placement, column: DrillColumn): boolean {
  if (column === 'received' || column === 'resolved' || column === 'inProgress') {
    return totals[column].has(p.source) || totals[column].has(p.outcome);
  }
  return p.source === column || p.outcome === column;
}

/** The count of `column` in a row of Biểu 06 (what the drill-down list must add up to). */
export function countOf(c: Form06Counts, column: DrillColumn): number {
  if (column === 'received') return receivedTotal(c);
  if (column === 'resolved') return resolvedTotal(c);
  if (column === 'inProgress') return inProgressTotal(c);
  return c[column];
}

export const DashboardQuery = z.strictObject({
  agencyId: z.uuid('Mã đơn vị không hợp lệ'),
  from: IsoDate,
  to: IsoDate,
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const Rate = z.number().min(0).max(1).nullable();
const Count = z.number().int().nonnegative();

export const MonthPoint = z.object({
  /** `MM/yyyy`. */
  label: z.string(),
  from: IsoDate,
  to: IsoDate,
  resolved: Count,
  resolvedInTime: Count,
  onTimeRate: Rate,
  receivedNew: Count,
  receivedOnline: Count,
  onlineShare: Rate,
});
export type MonthPoint = z.infer<typeof MonthPoint>;

export const Dashboard = z.object({
  agency: z.object({ id: z.uuid(), name: z.string(), agencyCode: z.string().nullable() }),
  period: z.object({ from: IsoDate, to: IsoDate }),
  asOf: z.iso.datetime(),
  /** The total row of Biểu 06 for the agency subtree and the period. */
  total: Form06Row,
  onTimeRate: Rate,
  onlineShare: Rate,
  /** Biểu 06 by agency: the agency's own dossiers, then each direct child unit with its subtree. */
  units: z.array(Form06Row),
  /** Dossiers newly received (online + direct/postal) on each day of the period, by reception instant. */
  receivedPerDay: z.array(z.object({ day: IsoDate, online: Count, direct: Count })),
  /** The twelve months ending with the month of `to` (the last one cut at `to`). */
  months: z.array(MonthPoint),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DrillQuery = DashboardQuery.extend({
  column: DrillColumn,
  /** `own`: only the dossiers the agency decides itself, not those of the units below it. */
  scope: z.enum(['subtree', 'own']).default('subtree'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DrillQuery = z.infer<typeof DrillQuery>;

export const DrillDossier = z.object({
  id: z.uuid(),
  code: z.string(),
  procedureName: z.string(),
  competentAgencyName: z.string(),
  channel: Channel,
  status: DossierStatus,
  statusLabel: z.string(),
  /** The reception instant Biểu 06 counts with (acceptance for online dossiers). */
  receivedAt: z.iso.datetime(),
  dueAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  /** Shown only to those who may read the dossier itself (leaders); null for administrators. */
  applicantName: z.string().nullable(),
});
export type DrillDossier = z.infer<typeof DrillDossier>;

export const DrillList = z.object({
  agency: z.object({ id: z.uuid(), name: z.string() }),
  period: z.object({ from: IsoDate, to: IsoDate }),
  asOf: z.iso.datetime(),
  column: DrillColumn,
  columnLabel: z.string(),
  total: Count,
  items: z.array(DrillDossier),
});
export type DrillList = z.infer<typeof DrillList>;
