import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  FeedbackChannel,
  FeedbackContact,
  FeedbackKind,
  FeedbackStatus,
} from '../../../domain/rating/feedback.ts';
import {
  type RatingAnswers,
  RatingReasons,
  ratingQuestions,
  type Satisfaction,
  satisfactionLevels,
} from '../../../domain/rating/rating.ts';
import { emptyCounts, type RatingCounts } from '../../../domain/rating/summary.ts';
import { agencies, dossierRatings, dossiers, feedback, procedures, users } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';

type RatingRow = typeof dossierRatings.$inferSelect;

/** A rating as stored, with its answers and reasons typed. */
export type Rating = Readonly<{
  id: string;
  dossierId: string;
  citizenUserId: string;
  answers: RatingAnswers;
  reasons: RatingReasons;
  ratedAt: Date;
  flagged: boolean;
  flagHandledAt: Date | null;
  flagHandledBy: string | null;
  flagHandledNote: string | null;
}>;

const toRating = (r: RatingRow): Rating => ({
  id: r.id,
  dossierId: r.dossierId,
  citizenUserId: r.citizenUserId,
  answers: {
    convenience: r.convenience as Satisfaction,
    overall: r.overall as Satisfaction,
    timeliness: r.timeliness as Satisfaction,
    staffAttitude: r.staffAttitude as Satisfaction,
  },
  reasons: RatingReasons.parse(r.reasons),
  ratedAt: r.ratedAt,
  flagged: r.flagged,
  flagHandledAt: r.flagHandledAt,
  flagHandledBy: r.flagHandledBy,
  flagHandledNote: r.flagHandledNote,
});

export async function findRatingOfDossier(q: Queryable, dossierId: string): Promise<Rating | undefined> {
  const [row] = await q.select().from(dossierRatings).where(eq(dossierRatings.dossierId, dossierId));
  return row && toRating(row);
}

export async function findRating(q: Queryable, id: string): Promise<Rating | undefined> {
  const [row] = await q.select().from(dossierRatings).where(eq(dossierRatings.id, id));
  return row && toRating(row);
}

export async function lockRating(q: Queryable, id: string): Promise<Rating | undefined> {
  const [row] = await q.select().from(dossierRatings).where(eq(dossierRatings.id, id)).for('update');
  return row && toRating(row);
}

export async function insertRating(
  q: Queryable,
  r: Omit<Rating, 'id' | 'flagHandledAt' | 'flagHandledBy' | 'flagHandledNote'>,
): Promise<Rating> {
  const [row] = await q
    .insert(dossierRatings)
    .values({
      dossierId: r.dossierId,
      citizenUserId: r.citizenUserId,
      ...r.answers,
      reasons: r.reasons,
      ratedAt: r.ratedAt,
      flagged: r.flagged,
    })
    .returning();
  return toRating(row!);
}

/** The one change a rating allows (the database refuses any other). */
export async function markHandled(q: Queryable, id: string, at: Date, by: string, note: string) {
  const [row] = await q
    .update(dossierRatings)
    .set({ flagHandledAt: at, flagHandledBy: by, flagHandledNote: note })
    .where(eq(dossierRatings.id, id))
    .returning();
  return toRating(row!);
}

const receiving = alias(agencies, 'receiving');
const competent = alias(agencies, 'competent');

/** Receiving or competent agency inside one of the subtrees. */
const inSubtrees = (roots: readonly string[]): SQL =>
  sql`(${sql.join(
    roots.map((r) => sql`(${receiving.path} like ${`${r}%`} or ${competent.path} like ${`${r}%`})`),
    sql` or `,
  )})`;

/** Flagged ratings not yet handled whose dossier was received or decided inside `roots`, oldest first. */
export async function listOpenFlags(q: Queryable, roots: readonly string[], limit: number, offset: number) {
  if (roots.length === 0) return { rows: [], total: 0 };
  const where = and(
    eq(dossierRatings.flagged, true),
    isNull(dossierRatings.flagHandledAt),
    inSubtrees(roots),
  );
  const base = () =>
    q
      .select({
        rating: dossierRatings,
        dossierCode: dossiers.code,
        dossierStatus: dossiers.status,
        procedure: { code: procedures.nationalCode, name: procedures.name },
        receivingAgency: { id: receiving.id, name: receiving.name },
        competentAgency: { id: competent.id, name: competent.name },
      })
      .from(dossierRatings)
      .innerJoin(dossiers, eq(dossiers.id, dossierRatings.dossierId))
      .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
      .innerJoin(receiving, eq(receiving.id, dossiers.receivingAgencyId))
      .innerJoin(competent, eq(competent.id, dossiers.competentAgencyId));
  const rows = await base()
    .where(where)
    .orderBy(asc(dossierRatings.ratedAt), asc(dossierRatings.id))
    .limit(limit)
    .offset(offset);
  const [count] = await q
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(dossierRatings)
    .innerJoin(dossiers, eq(dossiers.id, dossierRatings.dossierId))
    .innerJoin(receiving, eq(receiving.id, dossiers.receivingAgencyId))
    .innerJoin(competent, eq(competent.id, dossiers.competentAgencyId))
    .where(where);
  return { rows: rows.map((r) => ({ ...r, rating: toRating(r.rating) })), total: count?.n ?? 0 };
}

const answerColumn = {
  convenience: dossierRatings.convenience,
  overall: dossierRatings.overall,
  timeliness: dossierRatings.timeliness,
  staffAttitude: dossierRatings.staffAttitude,
} as const;

/** Counts of each answer to each question, for ratings given in [start, end) on dossiers of the subtree. */
export async function countAnswers(
  q: Queryable,
  root: string,
  start: Date,
  end: Date,
): Promise<{ total: number; flagged: number; counts: RatingCounts }> {
  const cells: Record<string, SQL.Aliased<number>> = {};
  for (const question of ratingQuestions) {
    for (const level of satisfactionLevels) {
      cells[`${question}.${level}`] =
        sql<number>`count(*) filter (where ${answerColumn[question]} = ${level})::int`
          .mapWith(Number)
          .as(`${question}_${level}`);
    }
  }
  const [row] = await q
    .select({
      total: sql<number>`count(*)::int`.mapWith(Number),
      flagged: sql<number>`count(*) filter (where ${dossierRatings.flagged})::int`.mapWith(Number),
      ...cells,
    })
    .from(dossierRatings)
    .innerJoin(dossiers, eq(dossiers.id, dossierRatings.dossierId))
    .innerJoin(receiving, eq(receiving.id, dossiers.receivingAgencyId))
    .innerJoin(competent, eq(competent.id, dossiers.competentAgencyId))
    .where(
      and(
        sql`${dossierRatings.ratedAt} >= ${start.toISOString()}`,
        sql`${dossierRatings.ratedAt} < ${end.toISOString()}`,
        inSubtrees([root]),
      ),
    );
  const counts = emptyCounts();
  const values = (row ?? {}) as Record<string, number>;
  for (const question of ratingQuestions) {
    for (const level of satisfactionLevels) counts[question][level] = values[`${question}.${level}`] ?? 0;
  }
  return { total: row?.total ?? 0, flagged: row?.flagged ?? 0, counts };
}

export async function userNames(q: Queryable, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await q
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

// ——— feedback ———

export type NewFeedback = Readonly<{
  agencyId: string;
  year: number;
  seq: number;
  number: string;
  kind: FeedbackKind;
  content: string;
  contact: FeedbackContact;
  relatedDossierId: string | null;
  relatedProcedureId: string | null;
  receivedAt: Date;
  channel: FeedbackChannel;
  status: FeedbackStatus;
  createdBy: string | null;
}>;

export async function insertFeedback(q: Queryable, f: NewFeedback) {
  const [row] = await q.insert(feedback).values(f).returning();
  return row!;
}

/** Feedback addressed to agencies inside `roots` (optionally one subtree of them), newest first. */
export async function listFeedback(q: Queryable, roots: readonly string[], limit: number, offset: number) {
  if (roots.length === 0) return { rows: [], total: 0 };
  const where = sql`(${sql.join(
    roots.map((r) => sql`${agencies.path} like ${`${r}%`}`),
    sql` or `,
  )})`;
  const rows = await q
    .select({
      feedback,
      agency: { id: agencies.id, name: agencies.name },
      dossierCode: dossiers.code,
      procedureCode: procedures.nationalCode,
      procedureName: procedures.name,
    })
    .from(feedback)
    .innerJoin(agencies, eq(agencies.id, feedback.agencyId))
    .leftJoin(dossiers, eq(dossiers.id, feedback.relatedDossierId))
    .leftJoin(procedures, eq(procedures.id, feedback.relatedProcedureId))
    .where(where)
    .orderBy(desc(feedback.receivedAt), desc(feedback.seq))
    .limit(limit)
    .offset(offset);
  const [count] = await q
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(feedback)
    .innerJoin(agencies, eq(agencies.id, feedback.agencyId))
    .where(where);
  return { rows, total: count?.n ?? 0 };
}
