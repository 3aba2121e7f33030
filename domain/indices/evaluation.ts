/**
 * Evaluation of the handling of administrative procedures by an agency or an officer (Decree 61/2018/NĐ-CP
 * art. 30–33, kept in practice after Decree 118/2025; DOMAIN §5): nine indicators, each scored 2, 1 or 0 for
 * every dossier, averaged over the dossiers resolved in a quarter; the total (at most 18) falls in a band.
 *
 * How a dossier earns 2/1/0 on each indicator is [confirm] (the circular's scoring table was not available to us)
 * and is data below (`EVALUATION_RULES`, dated). motcua scores an indicator only from what it records; the others
 * are "Chưa có dữ liệu", and a total with any of them missing is not put in a band: a band is defined on 18
 * points, and calling 8 points of 8 "yếu" would be a made-up verdict.
 */
import { z } from 'zod';
import type { Satisfaction } from '../rating/rating.ts';

export type Outcome = 'early' | 'onTime' | 'late';

/** What motcua knows about one resolved dossier, as the indicators need it. */
export type EvaluatedDossier = Readonly<{
  outcome: Outcome;
  /** Written supplement requests the applicant had to answer (form 02 during processing). */
  supplementRequests: number;
  /** The citizen's answer on staff attitude, if the dossier was rated. */
  staffAttitude: Satisfaction | null;
  channel: 'direct' | 'online' | 'postal';
  onlineLevel: 'full' | 'partial' | 'none';
}>;

type Scorer = (d: EvaluatedDossier) => 0 | 1 | 2 | null;

export type EvaluationIndicator = Readonly<{ key: number; name: string; rule: string; score: Scorer | null }>;

export type EvaluationRules = Readonly<{
  validFrom: string;
  basis: string;
  indicators: readonly EvaluationIndicator[];
  /** Lowest total of each band, highest band first [law: Decree 61/2018 art. 32; boundaries [confirm]]. */
  bands: readonly Readonly<{ band: EvaluationBand; above: number; inclusive: boolean }>[];
}>;

export const EvaluationBand = z.enum(['excellent', 'good', 'fair', 'average', 'weak']);
export type EvaluationBand = z.infer<typeof EvaluationBand>;
export const evaluationBandLabel: Record<EvaluationBand, string> = {
  excellent: 'Xuất sắc',
  good: 'Tốt',
  fair: 'Khá',
  average: 'Trung bình',
  weak: 'Yếu',
};

const ind = (key: number, name: string, rule: string, score: Scorer | null): EvaluationIndicator => ({
  key,
  name,
  rule,
  score,
});

export const EVALUATION_RULES: readonly EvaluationRules[] = [
  {
    validFrom: '2018-06-21',
    basis: 'Nghị định số 61/2018/NĐ-CP, Điều 30–33 (áp dụng theo thực tiễn)',
    indicators: [
      ind(
        1,
        'Tổng thời gian giải quyết so với thời hạn quy định',
        'Trước hạn 2, đúng hạn 1, quá hạn 0',
        (d) => (d.outcome === 'early' ? 2 : d.outcome === 'onTime' ? 1 : 0),
      ),
      ind(
        2,
        'Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết',
        'Cần thời hạn từng bước',
        null,
      ),
      ind(
        3,
        'Số lần phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ',
        'Không lần nào 2, một lần 1, từ hai lần 0',
        (d) => (d.supplementRequests === 0 ? 2 : d.supplementRequests === 1 ? 1 : 0),
      ),
      ind(4, 'Số cơ quan, đơn vị phải liên hệ để hoàn thiện hồ sơ', 'Chưa ghi nhận', null),
      ind(5, 'Thực hiện tiếp nhận, trả kết quả tại Bộ phận Một cửa', 'Chưa ghi nhận', null),
      ind(6, 'Công khai thủ tục hành chính', 'Chưa ghi nhận', null),
      ind(
        7,
        'Thái độ của cán bộ, công chức, viên chức',
        'Rất hài lòng 2, hài lòng 1, không hài lòng 0 (hồ sơ được đánh giá)',
        (d) =>
          d.staffAttitude === null
            ? null
            : d.staffAttitude === 'verySatisfied'
              ? 2
              : d.staffAttitude === 'satisfied'
                ? 1
                : 0,
      ),
      ind(8, 'Tiếp thu, giải trình ý kiến phản ánh, kiến nghị', 'Chưa ghi nhận việc xử lý phản ánh', null),
      ind(
        9,
        'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến',
        'Nộp trực tuyến toàn trình 2, một phần 1, không trực tuyến 0',
        (d) =>
          d.channel !== 'online' ? 0 : d.onlineLevel === 'full' ? 2 : d.onlineLevel === 'partial' ? 1 : 0,
      ),
    ],
    bands: [
      { band: 'excellent', above: 15, inclusive: false },
      { band: 'good', above: 12, inclusive: true },
      { band: 'fair', above: 9, inclusive: true },
      { band: 'average', above: 6, inclusive: true },
      { band: 'weak', above: Number.NEGATIVE_INFINITY, inclusive: true },
    ],
  },
];

export function evaluationRulesOn(day: string, table = EVALUATION_RULES): EvaluationRules {
  const inForce = table
    .filter((r) => r.validFrom <= day)
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  if (!inForce[0]) throw new RangeError(`Chưa có quy định đánh giá áp dụng cho ngày ${day}`);
  return inForce[0];
}

export function bandOf(total: number, rules: EvaluationRules): EvaluationBand {
  for (const b of rules.bands) if (b.inclusive ? total >= b.above : total > b.above) return b.band;
  return 'weak';
}

export const IndicatorResult = z.object({
  key: z.number().int(),
  name: z.string(),
  rule: z.string(),
  /** Dossiers the indicator could be scored on (resolved, and rated for attitude); null: no data at all. */
  dossiers: z.number().int().nonnegative().nullable(),
  /** Average of 2/1/0 over those dossiers, two decimals. */
  average: z.number().min(0).max(2).nullable(),
});
export type IndicatorResult = z.infer<typeof IndicatorResult>;

export const Evaluation = z.object({
  dossiers: z.number().int().nonnegative(),
  indicators: z.array(IndicatorResult),
  /** Sum of the averages of the scored indicators. */
  points: z.number().min(0),
  /** 2 × the number of scored indicators. */
  scoredMax: z.number().int(),
  /** Only when all nine are scored; otherwise null ("Chưa đủ dữ liệu để xếp loại"). */
  band: EvaluationBand.nullable(),
});
export type Evaluation = z.infer<typeof Evaluation>;

const round2 = (n: number) => Math.round(n * 100) / 100;

export function evaluate(dossiers: readonly EvaluatedDossier[], rules: EvaluationRules): Evaluation {
  const indicators = rules.indicators.map((i): IndicatorResult => {
    const base = { key: i.key, name: i.name, rule: i.rule };
    if (!i.score) return { ...base, dossiers: null, average: null };
    const scores = dossiers.map(i.score).filter((s): s is 0 | 1 | 2 => s !== null);
    return {
      ...base,
      dossiers: scores.length,
      average: scores.length === 0 ? null : round2(scores.reduce<number>((s, x) => s + x, 0) / scores.length),
    };
  });
  const scored = indicators.filter((i) => i.average !== null);
  const points = round2(scored.reduce((s, i) => s + i.average!, 0));
  return {
    dossiers: dossiers.length,
    indicators,
    points,
    scoredMax: 2 * scored.length,
    band: scored.length === rules.indicators.length ? bandOf(points, rules) : null,
  };
}

/** GET /api/indices/evaluation: an agency subtree and a quarter. */
export const EvaluationQuery = z.strictObject({
  agencyId: z.uuid('Mã đơn vị không hợp lệ'),
  year: z.coerce.number().int().min(2018).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
});
export type EvaluationQuery = z.infer<typeof EvaluationQuery>;

export const EvaluationReport = z.object({
  agency: z.object({ id: z.uuid(), name: z.string() }),
  period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  basis: z.string(),
  agencyEvaluation: Evaluation,
  officers: z.array(z.object({ userId: z.uuid(), fullName: z.string(), evaluation: Evaluation })),
});
export type EvaluationReport = z.infer<typeof EvaluationReport>;
