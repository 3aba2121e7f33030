/**
 * Scoring the Decision 766 index from ratios (pure). The rules are dated data (service-index-rules.ts); what
 * motcua cannot count is "Chưa có dữ liệu" and scores nothing — no value is ever invented — and a ratio with
 * nothing to count (no dossier resolved, say) is "Không phát sinh" and scores nothing either.
 */
import { z } from 'zod';
import { IsoDate } from '../shared/text.ts';
import { type IndicatorSource, SERVICE_INDEX_RULES, type ServiceIndexRules } from './service-index-rules.ts';

/** The rules in force on `day` (YYYY-MM-DD): the latest entry that started on or before it. */
export function serviceIndexRulesOn(
  day: string,
  table: readonly ServiceIndexRules[] = SERVICE_INDEX_RULES,
): ServiceIndexRules {
  const inForce = table
    .filter((r) => r.validFrom <= day)
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  if (!inForce[0]) throw new RangeError(`Chưa có quy định chấm điểm Bộ chỉ số 766 áp dụng cho ngày ${day}`);
  return inForce[0];
}

export type Ratio = Readonly<{ numerator: number; denominator: number }>;
export type IndexInputs = Partial<Record<IndicatorSource, Ratio>>;

export const IndicatorStatus = z.enum(['scored', 'noData', 'notApplicable']);
export type IndicatorStatus = z.infer<typeof IndicatorStatus>;
export const indicatorStatusLabel: Record<IndicatorStatus, string> = {
  scored: 'Đã chấm',
  noData: 'Chưa có dữ liệu',
  notApplicable: 'Không phát sinh',
};

const Points = z.number().min(0);

export const IndicatorScore = z.object({
  key: z.string(),
  name: z.string(),
  max: Points,
  numeratorLabel: z.string(),
  denominatorLabel: z.string(),
  status: IndicatorStatus,
  numerator: z.number().int().nonnegative().nullable(),
  denominator: z.number().int().nonnegative().nullable(),
  /** Null unless scored; two decimals. */
  points: Points.nullable(),
});
export type IndicatorScore = z.infer<typeof IndicatorScore>;

export const GroupScore = z.object({
  key: z.string(),
  name: z.string(),
  max: Points,
  points: Points,
  indicators: z.array(IndicatorScore),
});
export type GroupScore = z.infer<typeof GroupScore>;

export const ServiceIndex = z.object({
  agency: z.object({ id: z.uuid(), name: z.string() }),
  period: z.object({ from: IsoDate, to: IsoDate }),
  decision: z.string(),
  rulesValidFrom: IsoDate,
  groups: z.array(GroupScore),
  /** Points of the scored indicators. */
  points: Points,
  /** The most those indicators could have given: the index is read as `points / scoredMax` until all are held. */
  scoredMax: Points,
  max: Points,
});
export type ServiceIndex = z.infer<typeof ServiceIndex>;

export const ServiceIndexQuery = z.strictObject({
  agencyId: z.uuid('Mã đơn vị không hợp lệ'),
  from: IsoDate,
  to: IsoDate,
});
export type ServiceIndexQuery = z.infer<typeof ServiceIndexQuery>;

const round2 = (n: number) => Math.round(n * 100) / 100;

export type ScoredIndex = Pick<
  ServiceIndex,
  'decision' | 'rulesValidFrom' | 'groups' | 'points' | 'scoredMax' | 'max'
>;

/** Every indicator of `rules` with its ratio and points; groups and the total add the scored points. */
export function scoreServiceIndex(rules: ServiceIndexRules, inputs: IndexInputs): ScoredIndex {
  const groups = rules.groups.map((g) => {
    const indicators = g.indicators.map((i): IndicatorScore => {
      const ratio = i.source ? inputs[i.source] : undefined;
      const base = {
        key: i.key,
        name: i.name,
        max: i.max,
        numeratorLabel: i.numerator,
        denominatorLabel: i.denominator,
      };
      if (!ratio) return { ...base, status: 'noData', numerator: null, denominator: null, points: null };
      if (ratio.numerator < 0 || ratio.numerator > ratio.denominator)
        throw new RangeError(
          `Chỉ số ${i.key}: tử số ${ratio.numerator} ngoài khoảng 0..${ratio.denominator}`,
        );
      if (ratio.denominator === 0) return { ...base, status: 'notApplicable', ...ratio, points: null };
      return {
        ...base,
        status: 'scored',
        ...ratio,
        points: round2((i.max * ratio.numerator) / ratio.denominator),
      };
    });
    return {
      key: g.key,
      name: g.name,
      max: g.max,
      points: round2(indicators.reduce((s, i) => s + (i.points ?? 0), 0)),
      indicators,
    };
  });
  const scored = groups.flatMap((g) => g.indicators).filter((i) => i.status === 'scored');
  return {
    decision: rules.decision,
    rulesValidFrom: rules.validFrom,
    groups,
    points: round2(scored.reduce((s, i) => s + i.points!, 0)),
    scoredMax: scored.reduce((s, i) => s + i.max, 0),
    max: groups.reduce((s, g) => s + g.max, 0),
  };
}
