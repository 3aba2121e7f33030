/**
 * Distribution of the four rating questions for an agency and a period: the input of the satisfaction indicators
 * (Decision 766/QĐ-TTg, group "satisfaction"; issue 7's report). Pure arithmetic over counts.
 */
import { z } from 'zod';
import { dayNumberFromIso, instantAt } from '../calendar/civil.ts';
import { IsoDate } from '../shared/text.ts';
import {
  type RatingQuestion,
  ratingQuestionLabel,
  ratingQuestions,
  type Satisfaction,
  satisfactionLevels,
} from './rating.ts';

export type RatingCounts = Record<RatingQuestion, Record<Satisfaction, number>>;

const Levels = z.object({ verySatisfied: z.number(), satisfied: z.number(), notSatisfied: z.number() });

export const QuestionSummary = z.object({
  question: z.enum(ratingQuestions),
  label: z.string(),
  counts: Levels,
  /** Share of the ratings (0–1, four decimals); all zero when nobody rated. */
  shares: Levels,
  /** Very satisfied + satisfied, as a share of the ratings. */
  satisfiedShare: z.number(),
});

export const RatingSummary = z.object({
  agency: z.object({ id: z.uuid(), name: z.string() }),
  from: IsoDate,
  to: IsoDate,
  total: z.number().int(),
  flagged: z.number().int(),
  questions: z.array(QuestionSummary),
});
export type RatingSummary = z.infer<typeof RatingSummary>;

export const RatingSummaryQuery = z.strictObject({ agencyId: z.uuid(), from: IsoDate, to: IsoDate });
export type RatingSummaryQuery = z.infer<typeof RatingSummaryQuery>;

export const emptyCounts = (): RatingCounts =>
  Object.fromEntries(
    ratingQuestions.map((q) => [q, { verySatisfied: 0, satisfied: 0, notSatisfied: 0 }]),
  ) as RatingCounts;

const share = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 10_000) / 10_000);

/** Counts and shares per question; every rating answers all four, so each question's counts sum to `total`. */
export function summarise(counts: RatingCounts, total: number): z.infer<typeof QuestionSummary>[] {
  return ratingQuestions.map((q) => {
    const c = counts[q];
    const shares = Object.fromEntries(satisfactionLevels.map((s) => [s, share(c[s], total)])) as Record<
      Satisfaction,
      number
    >;
    return {
      question: q,
      label: ratingQuestionLabel[q],
      counts: { ...c },
      shares,
      satisfiedShare: share(c.verySatisfied + c.satisfied, total),
    };
  });
}

/**
 * The instants of a period of Vietnamese calendar days [from, to], both included (Asia/Ho_Chi_Minh midnights).
 * Throws a RangeError with a Vietnamese message for an impossible date or a period that ends before it starts.
 */
export function ratingPeriod(from: string, to: string): { start: Date; end: Date } {
  const first = dayNumberFromIso(from);
  const last = dayNumberFromIso(to);
  if (last < first) throw new RangeError('Ngày cuối kỳ phải từ ngày đầu kỳ trở đi');
  return { start: new Date(instantAt(first, 0)), end: new Date(instantAt(last + 1, 0)) };
}
