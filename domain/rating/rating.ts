/**
 * Citizen ratings of a dossier (DOMAIN §5): four questions, each answered very satisfied / satisfied / not
 * satisfied; "not satisfied" asks why and flags the dossier for the leaders. The wording follows provincial
 * portals connected to the national portal (dichvucong.thuathienhue.gov.vn, "Tiêu chí 1–4") [practice]; the
 * national text itself is [confirm] (docs/ratings-feedback.md).
 */
import { z } from 'zod';
import type { DossierStatus } from '../dossier/status.ts';
import { Text } from '../shared/text.ts';
import { ratingQuestionLabel, ratingQuestions, satisfactionLevels } from './labels.ts';

export const RatingQuestion = z.enum(ratingQuestions);
export type RatingQuestion = z.infer<typeof RatingQuestion>;
export const Satisfaction = z.enum(satisfactionLevels);
export type Satisfaction = z.infer<typeof Satisfaction>;
export {
  ratingQuestionLabel,
  ratingQuestions,
  ratingQuestionText,
  satisfactionLabel,
  satisfactionLevels,
} from './labels.ts';

export const RatingAnswers = z.strictObject({
  convenience: Satisfaction,
  overall: Satisfaction,
  timeliness: Satisfaction,
  staffAttitude: Satisfaction,
});
export type RatingAnswers = z.infer<typeof RatingAnswers>;

const Reason = Text(1000);
/** Why the citizen is not satisfied, per question (required for each "not satisfied" answer). */
export const RatingReasons = z.strictObject({
  convenience: Reason.optional(),
  overall: Reason.optional(),
  timeliness: Reason.optional(),
  staffAttitude: Reason.optional(),
});
export type RatingReasons = z.infer<typeof RatingReasons>;

export const RatingRequest = z
  .strictObject({ answers: RatingAnswers, reasons: RatingReasons.optional() })
  .superRefine((r, ctx) => {
    for (const q of missingReasons(r.answers, r.reasons ?? {})) {
      ctx.addIssue({
        code: 'custom',
        path: ['reasons', q],
        message: `Vui lòng cho biết lý do không hài lòng về "${ratingQuestionLabel[q]}"`,
      });
    }
  });
export type RatingRequest = z.infer<typeof RatingRequest>;

/** The questions answered "not satisfied" without a reason. */
export const missingReasons = (answers: RatingAnswers, reasons: RatingReasons): RatingQuestion[] =>
  ratingQuestions.filter((q) => answers[q] === 'notSatisfied' && !reasons[q]?.trim());

/** A rating is flagged for the leaders when any answer is "not satisfied". */
export const isFlagged = (answers: RatingAnswers): boolean =>
  ratingQuestions.some((q) => answers[q] === 'notSatisfied');

/** Only the reasons of "not satisfied" answers are kept: the others have nothing to explain. */
export const keptReasons = (answers: RatingAnswers, reasons: RatingReasons = {}): RatingReasons =>
  Object.fromEntries(
    ratingQuestions.filter((q) => answers[q] === 'notSatisfied' && reasons[q]).map((q) => [q, reasons[q]]),
  );

/** A dossier is rated once its result exists: resolved (9, waiting at the desk) or returned (10). */
export const isRatable = (status: DossierStatus): boolean => status === 'resolved' || status === 'returned';

export const FlagHandling = z.object({
  at: z.iso.datetime({ offset: true }),
  byName: z.string().nullable(),
  note: z.string(),
});

export const RatingView = z.object({
  id: z.uuid(),
  dossierId: z.uuid(),
  dossierCode: z.string(),
  answers: RatingAnswers,
  reasons: RatingReasons,
  ratedAt: z.iso.datetime({ offset: true }),
  flagged: z.boolean(),
  handled: FlagHandling.nullable(),
});
export type RatingView = z.infer<typeof RatingView>;

/** What the portal needs to show the rating form or the rating given. */
export const DossierRating = z.object({
  /** The signed-in citizen owns the dossier, its result exists and it is not rated yet. */
  canRate: z.boolean(),
  rating: RatingView.nullable(),
});
export type DossierRating = z.infer<typeof DossierRating>;

export const FlaggedRating = RatingView.extend({
  procedure: z.object({ code: z.string(), name: z.string() }),
  receivingAgency: z.object({ id: z.uuid(), name: z.string() }),
  competentAgency: z.object({ id: z.uuid(), name: z.string() }),
  dossierStatus: z.string(),
});
export type FlaggedRating = z.infer<typeof FlaggedRating>;

export const FlagHandledRequest = z.strictObject({ note: Text(2000) });
export type FlagHandledRequest = z.infer<typeof FlagHandledRequest>;
