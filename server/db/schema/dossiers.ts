/** Dossiers, their events, numbering, intake slips, idempotency, uploads and the notification outbox. */
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { procedures, procedureVersions } from './catalogue.ts';
import { createdAt, id } from './columns.ts';
import { agencies, users } from './organisation.ts';

/**
 * Dossiers (hồ sơ). The row is the current projection of the dossier's events (status, step, holder, assignee,
 * due date), written in the same transaction as each event so that inboxes are one indexed query; the events
 * remain the record. `procedure_version_id` pins the version received under and `workflow` pins a copy of the
 * internal workflow in force at receipt.
 */
export const dossiers = pgTable(
  'dossiers',
  {
    id: id(),
    code: text('code').notNull(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    procedureVersionId: uuid('procedure_version_id')
      .notNull()
      .references(() => procedureVersions.id),
    receivingAgencyId: uuid('receiving_agency_id')
      .notNull()
      .references(() => agencies.id),
    competentAgencyId: uuid('competent_agency_id')
      .notNull()
      .references(() => agencies.id),
    holderAgencyId: uuid('holder_agency_id')
      .notNull()
      .references(() => agencies.id),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    stepKey: text('step_key'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    applicant: jsonb('applicant').notNull(),
    applicantName: text('applicant_name').notNull(),
    submitter: jsonb('submitter'),
    citizenUserId: uuid('citizen_user_id').references(() => users.id),
    documents: jsonb('documents').notNull(),
    formData: jsonb('form_data'),
    workflow: jsonb('workflow').notNull(),
    resultDelivery: text('result_delivery').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    dueExplanation: jsonb('due_explanation').notNull().default(sql`'[]'::jsonb`),
    pausedSince: timestamp('paused_since', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Set once by the warnings job: when the dossier first became overdue, and who held it then. */
    overdueSince: timestamp('overdue_since', { withTimezone: true }),
    overdueHolder: jsonb('overdue_holder'),
    lastSeq: integer('last_seq').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('dossiers_code_uq').on(t.code),
    index('dossiers_holder_idx').on(t.holderAgencyId, t.status, t.dueAt),
    index('dossiers_assignee_idx').on(t.assigneeId, t.status),
    index('dossiers_receiving_idx').on(t.receivingAgencyId, t.receivedAt),
    index('dossiers_citizen_idx').on(t.citizenUserId),
  ],
);

/** Append-only history of every dossier (a trigger refuses updates and deletes). */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: id(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    role: text('role'),
    agencyId: uuid('agency_id'),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    fromStep: text('from_step'),
    toStep: text('to_step'),
    holderAgencyId: uuid('holder_agency_id').notNull(),
    assigneeId: uuid('assignee_id'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    note: text('note'),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [uniqueIndex('dossier_events_seq_uq').on(t.dossierId, t.seq)],
);

/** Gap-free counters: one row per scope and day, incremented inside the transaction that uses the number. */
export const dailySequences = pgTable(
  'daily_sequences',
  {
    scope: text('scope').notNull(),
    day: text('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.day] })],
);

/** Guidance (form 02) and refusal (form 03) slips given at the desk when no dossier is received. */
export const intakeSlips = pgTable(
  'intake_slips',
  {
    id: id(),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    procedureVersionId: uuid('procedure_version_id')
      .notNull()
      .references(() => procedureVersions.id),
    receivingAgencyId: uuid('receiving_agency_id')
      .notNull()
      .references(() => agencies.id),
    content: jsonb('content').notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('intake_slips_number_uq').on(t.number),
    index('intake_slips_agency_idx').on(t.receivingAgencyId, t.issuedAt),
  ],
);

/** Responses of requests sent with an Idempotency-Key, so a retry returns the first answer. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    owner: text('owner').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.owner, t.key] })],
);

/** Uploaded files; the bytes live under DATA_DIR/files by SHA-256, so identical scans are stored once. */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: id(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mediaType: text('media_type').notNull(),
    name: text('name').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    createdAt: createdAt(),
  },
  (t) => [index('stored_files_sha_idx').on(t.sha256), index('stored_files_dossier_idx').on(t.dossierId)],
);

/**
 * Transactional outbox of notifications: written with the change that causes them, delivered afterwards by a
 * worker (retries with backoff; `failed` rows are visible to administrators).
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    payload: jsonb('payload').notNull(),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    deliveredVia: text('delivered_via'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt), index('outbox_dossier_idx').on(t.dossierId)],
);
