/** Citizen ratings of dossiers and feedback (phản ánh, kiến nghị). */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { procedures } from './catalogue.ts';
import { createdAt, id } from './columns.ts';
import { dossiers } from './dossiers.ts';
import { agencies, users } from './organisation.ts';

/**
 * A citizen's rating of a dossier after its result (issue 6; docs/ratings-feedback.md): one per dossier, the four
 * national questions, the reasons for every "not satisfied" answer. `flagged` (any "not satisfied") puts it in
 * the leaders' list until one of them marks it handled. A trigger (migration 0010) refuses deletes and any change
 * except marking a flagged rating handled, once.
 */
export const dossierRatings = pgTable(
  'dossier_ratings',
  {
    id: id(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    citizenUserId: uuid('citizen_user_id')
      .notNull()
      .references(() => users.id),
    convenience: text('convenience').notNull(),
    overall: text('overall').notNull(),
    timeliness: text('timeliness').notNull(),
    staffAttitude: text('staff_attitude').notNull(),
    /** `{ question: reason }` for the "not satisfied" answers. */
    reasons: jsonb('reasons').notNull().default(sql`'{}'::jsonb`),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull(),
    flagged: boolean('flagged').notNull(),
    flagHandledAt: timestamp('flag_handled_at', { withTimezone: true }),
    flagHandledBy: uuid('flag_handled_by').references(() => users.id),
    flagHandledNote: text('flag_handled_note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('dossier_ratings_dossier_uq').on(t.dossierId),
    index('dossier_ratings_rated_idx').on(t.ratedAt),
    index('dossier_ratings_open_flags_idx').on(t.ratedAt).where(sql`flagged and flag_handled_at is null`),
    check(
      'dossier_ratings_answers_check',
      sql`${t.convenience} in ('verySatisfied', 'satisfied', 'notSatisfied') and ${t.overall} in ('verySatisfied', 'satisfied', 'notSatisfied') and ${t.timeliness} in ('verySatisfied', 'satisfied', 'notSatisfied') and ${t.staffAttitude} in ('verySatisfied', 'satisfied', 'notSatisfied')`,
    ),
    check(
      'dossier_ratings_flagged_check',
      sql`${t.flagged} = (${t.convenience} = 'notSatisfied' or ${t.overall} = 'notSatisfied' or ${t.timeliness} = 'notSatisfied' or ${t.staffAttitude} = 'notSatisfied')`,
    ),
    check(
      'dossier_ratings_handled_check',
      sql`${t.flagHandledAt} is null or (${t.flagged} and ${t.flagHandledBy} is not null and ${t.flagHandledNote} is not null)`,
    ),
  ],
);

/**
 * Feedback and recommendations (phản ánh, kiến nghị) received from the portal or at the desk, addressed to an
 * agency (the related dossier's receiving agency, or chosen). Numbered per agency and year without gaps. The
 * petitions module will handle them (status beyond `received`); a trigger (migration 0010) keeps what was
 * received — number, content, contact, sender — unchangeable and refuses deletes.
 */
export const feedback = pgTable(
  'feedback',
  {
    id: id(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    content: text('content').notNull(),
    /** `{ name, phone?, email?, address? }` — personal data: only the agency's leaders and petition officers. */
    contact: jsonb('contact').notNull(),
    relatedDossierId: uuid('related_dossier_id').references(() => dossiers.id),
    relatedProcedureId: uuid('related_procedure_id').references(() => procedures.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('feedback_number_uq').on(t.agencyId, t.year, t.seq),
    index('feedback_agency_idx').on(t.agencyId, t.receivedAt),
    index('feedback_dossier_idx').on(t.relatedDossierId),
    check('feedback_kind_check', sql`${t.kind} in ('feedback', 'recommendation')`),
    check('feedback_channel_check', sql`${t.channel} in ('portal', 'desk')`),
    check('feedback_status_check', sql`${t.status} in ('received')`),
    check('feedback_seq_check', sql`${t.seq} > 0`),
  ],
);
