/**
 * The public transparency page (công khai kết quả giải quyết TTHC; issue 7 §4): for an agency and each unit below
 * it, how many dossiers were received and resolved, and the on-time and online rates, for the current month,
 * quarter and year in Asia/Ho_Chi_Minh. Counts only — Biểu 06 totals — never a dossier, a name or a code.
 */
import { z } from 'zod';
import { type Form06Counts, receivedTotal, resolvedTotal } from '../reports/form06.ts';
import { IsoDate } from '../shared/text.ts';
import { onlineShare, onTimeRate } from './dashboard.ts';
import { PeriodKind } from './periods.ts';

const Count = z.number().int().nonnegative();
const Rate = z.number().min(0).max(1).nullable();

export const PublicFigures = z.object({
  received: Count,
  resolved: Count,
  /** Resolved early or on time over resolved; null when nothing was resolved. */
  onTimeRate: Rate,
  /** Received online over newly received; null when nothing was received. */
  onlineRate: Rate,
});
export type PublicFigures = z.infer<typeof PublicFigures>;

export const figuresOf = (c: Form06Counts): PublicFigures => ({
  received: receivedTotal(c),
  resolved: resolvedTotal(c),
  onTimeRate: onTimeRate(c),
  onlineRate: onlineShare(c),
});

export const PublicUnit = PublicFigures.extend({
  agencyId: z.uuid(),
  name: z.string(),
  /** `own`: what the agency resolves itself; `subtree`: a unit below with everything under it. */
  scope: z.enum(['own', 'subtree']),
});
export type PublicUnit = z.infer<typeof PublicUnit>;

export const PublicPeriod = z.object({
  kind: PeriodKind,
  /** "Tháng 12/2026", "Quý IV/2026", "Năm 2026". */
  label: z.string(),
  from: IsoDate,
  to: IsoDate,
  total: PublicFigures,
  units: z.array(PublicUnit),
});
export type PublicPeriod = z.infer<typeof PublicPeriod>;

export const Transparency = z.object({
  agency: z.object({ id: z.uuid(), name: z.string() }),
  /** The agency above, to go back up the tree; null at a root. */
  parent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  asOf: z.iso.datetime(),
  periods: z.array(PublicPeriod),
});
export type Transparency = z.infer<typeof Transparency>;

export const TransparencyQuery = z.strictObject({ agencyId: z.uuid('Mã đơn vị không hợp lệ').optional() });
export type TransparencyQuery = z.infer<typeof TransparencyQuery>;
