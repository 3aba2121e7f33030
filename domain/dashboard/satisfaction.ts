/**
 * Satisfaction on the dashboard (issue 7 §6): how citizens answered the four national rating questions, for the
 * agency subtree and split by unit, by procedure and by officer. The distributions are domain/rating's
 * `summarise`; this file groups the ratings and names the answer.
 */
import { z } from 'zod';
import type { RatingAnswers } from '../rating/rating.ts';
import { emptyCounts, QuestionSummary, type RatingCounts, summarise } from '../rating/summary.ts';
import { IsoDate } from '../shared/text.ts';

export const SatisfactionGroup = z.object({
  /** Agency id, procedure code or user id; `total` for the whole subtree. */
  key: z.string(),
  label: z.string(),
  total: z.number().int().nonnegative(),
  questions: z.array(QuestionSummary),
});
export type SatisfactionGroup = z.infer<typeof SatisfactionGroup>;

export const SatisfactionReport = z.object({
  agency: z.object({ id: z.uuid(), name: z.string() }),
  period: z.object({ from: IsoDate, to: IsoDate }),
  total: SatisfactionGroup,
  /** Each direct child unit with its subtree (a rating counts where the dossier was received or decided). */
  byAgency: z.array(SatisfactionGroup),
  byProcedure: z.array(SatisfactionGroup),
  /** Every staff member who acted on a rated dossier shares its rating. */
  byOfficer: z.array(SatisfactionGroup),
});
export type SatisfactionReport = z.infer<typeof SatisfactionReport>;

export const groupOf = (
  key: string,
  label: string,
  counts: RatingCounts,
  total: number,
): SatisfactionGroup => ({
  key,
  label,
  total,
  questions: summarise(counts, total),
});

/** Ratings grouped by a key (a rating may belong to several groups: the officers of one dossier). */
export function groupRatings<T>(
  ratings: readonly T[],
  answersOf: (r: T) => RatingAnswers,
  groupsOf: (r: T) => readonly { key: string; label: string }[],
): SatisfactionGroup[] {
  const groups = new Map<string, { label: string; counts: RatingCounts; total: number }>();
  for (const r of ratings) {
    const answers = answersOf(r);
    for (const g of groupsOf(r)) {
      const entry = groups.get(g.key) ?? { label: g.label, counts: emptyCounts(), total: 0 };
      for (const [question, level] of Object.entries(answers) as [
        keyof RatingAnswers,
        RatingAnswers[keyof RatingAnswers],
      ][]) {
        entry.counts[question][level] += 1;
      }
      entry.total += 1;
      groups.set(g.key, entry);
    }
  }
  return [...groups.entries()]
    .map(([key, g]) => groupOf(key, g.label, g.counts, g.total))
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'vi'));
}
