import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * The organisation tree. `path` is the materialised chain of ancestor ids (`/root/…/self/`) so that a subtree is
 * one prefix match; it is maintained by the repository, never by hand.
 */
export const agencies = pgTable(
  'agencies',
  {
    id: id(),
    parentId: uuid('parent_id').references((): AnyPgColumn => agencies.id),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    localKind: text('local_kind'),
    agencyCode: text('agency_code'),
    gsoCode: text('gso_code'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('agencies_agency_code_uq').on(t.agencyCode),
    uniqueIndex('agencies_gso_code_uq').on(t.kind, t.gsoCode),
    index('agencies_path_idx').on(t.path),
    index('agencies_parent_idx').on(t.parentId),
  ],
);

export const agencySuccessions = pgTable('agency_successions', {
  id: id(),
  agencyId: uuid('agency_id')
    .notNull()
    .references(() => agencies.id),
  kind: text('kind').notNull(),
  otherAgencyId: uuid('other_agency_id')
    .notNull()
    .references(() => agencies.id),
  effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
  decision: text('decision'),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    kind: text('kind').notNull(),
    email: text('email'),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(t.username),
    // A citizen signs in with the phone or e-mail they proved by a one-time code: one account per identifier.
    // Staff contact details are not identifiers and stay free (ADR 0007).
    uniqueIndex('users_citizen_phone_uq').on(t.phone).where(sql`kind = 'citizen'`),
    uniqueIndex('users_citizen_email_uq').on(t.email).where(sql`kind = 'citizen'`),
  ],
);

export const roleGrants = pgTable(
  'role_grants',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role, t.agencyId] })],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Append-only: written in the same transaction as the change it records; never updated or deleted. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    agencyId: uuid('agency_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    requestId: text('request_id'),
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('audit_events_target_idx').on(t.targetType, t.targetId),
    index('audit_events_at_idx').on(t.at),
  ],
);

/**
 * Official yearly notices (days off, make-up working days) entered by an administrator; they win over the rules.
 * A withdrawn notice keeps its row (`withdrawnAt`): the calendar's history stays readable.
 */
export const calendarNotices = pgTable(
  'calendar_notices',
  {
    id: id(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    decision: text('decision').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('calendar_notices_live_date_uq').on(t.date).where(sql`withdrawn_at is null`)],
);

/** Office and receiving hours of an agency; units without a row use their nearest ancestor's, then the default. */
export const agencyWorkingTimes = pgTable('agency_working_times', {
  agencyId: uuid('agency_id')
    .primaryKey()
    .references(() => agencies.id),
  workingTime: jsonb('working_time').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The procedure catalogue (TTHC): identity here, every dated fact in `procedure_versions`. */
export const procedures = pgTable(
  'procedures',
  {
    id: id(),
    nationalCode: text('national_code').notNull(),
    name: text('name').notNull(),
    sectorCode: text('sector_code').notNull(),
    sectorName: text('sector_name').notNull(),
    levels: jsonb('levels').notNull(),
    confirm: jsonb('confirm').notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('procedures_national_code_uq').on(t.nationalCode),
    index('procedures_sector_idx').on(t.sectorCode),
  ],
);

/**
 * Versions of a procedure. `document` is the whole validated ProcedureVersion (domain/catalogue); the columns
 * beside it are what queries filter on. A version that left draft is immutable (a trigger refuses to change its
 * document): dossiers pin it.
 */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: id(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    effectiveTo: date('effective_to', { mode: 'string' }),
    onlineLevel: text('online_level').notNull(),
    document: jsonb('document').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('procedure_versions_uq').on(t.procedureId, t.version),
    index('procedure_versions_status_idx').on(t.status, t.effectiveFrom),
  ],
);

/** Internal workflows per procedure: the default for an agency kind (`agencyId` null), or one agency's own. */
export const procedureWorkflows = pgTable(
  'procedure_workflows',
  {
    id: id(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
    agencyKind: text('agency_kind').notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    document: jsonb('document').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('procedure_workflows_uq').on(t.procedureId, t.agencyKind, t.agencyId).nullsNotDistinct()],
);

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

/**
 * Personal data a citizen keeps to prefill online forms (ADR 0007). One row per citizen account
 * (`users.kind = 'citizen'`), created on first save; the full name lives in `users`. `phone` and `email` here are
 * contact details for forms, not the sign-in identifiers (`users.phone` / `users.email`, proved by a code).
 */
export const citizenProfiles = pgTable('citizen_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  dateOfBirth: date('date_of_birth', { mode: 'string' }),
  sex: text('sex'),
  citizenId: text('citizen_id'),
  phone: text('phone'),
  email: text('email'),
  provinceCode: text('province_code'),
  communeCode: text('commune_code'),
  street: text('street'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One-time codes sent to a citizen's phone (SMS) or e-mail: a pending sign-up (the account is created only when
 * its code is confirmed, from `full_name` and `password_hash` kept here) or a password reset. Only a salted
 * SHA-256 of the code is kept. A reset for an identifier that has no account still gets a row (`user_id` null,
 * nothing sent), so that the answers never tell whether an account exists.
 */
export const citizenCodes = pgTable(
  'citizen_codes',
  {
    id: id(),
    purpose: text('purpose').notNull(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    fullName: text('full_name'),
    passwordHash: text('password_hash'),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    sends: integer('sends').notNull().default(1),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('citizen_codes_recipient_idx').on(t.recipient, t.sentAt)],
);

/**
 * Fee payments of dossiers (issue 6; docs/payment-vietqr.md): a transfer the payer declared (`requested`), then
 * `confirmed` by the desk with the bank reference and a receipt number, or `cancelled` when no money came. The
 * account, amount and note are copied when the row is written, so later configuration changes never alter it.
 * At most one requested-or-confirmed payment per dossier; a trigger (migration 0009) refuses deletes and any
 * change to a confirmed or cancelled row.
 */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** The collecting agency (the receiving desk): receipts are numbered per agency and year. */
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** Whole đồng. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** The fee lines (computeFee) the amount is made of. */
    lines: jsonb('lines').notNull(),
    method: text('method').notNull(),
    status: text('status').notNull(),
    bankBin: text('bank_bin'),
    accountNumber: text('account_number'),
    accountName: text('account_name'),
    transferNote: text('transfer_note'),
    payerNote: text('payer_note'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    /** The bank's transaction reference, as the confirming officer read it on the statement. */
    bankReference: text('bank_reference'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
    cancelReason: text('cancel_reason'),
    receiptYear: integer('receipt_year'),
    receiptSeq: integer('receipt_seq'),
    receiptNo: text('receipt_no'),
    receiptIssuedAt: timestamp('receipt_issued_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('payments_dossier_idx').on(t.dossierId),
    uniqueIndex('payments_open_uq').on(t.dossierId).where(sql`status in ('requested', 'confirmed')`),
    uniqueIndex('payments_receipt_uq').on(t.agencyId, t.receiptYear, t.receiptSeq),
    check('payments_status_check', sql`${t.status} in ('requested', 'confirmed', 'cancelled')`),
    check('payments_method_check', sql`${t.method} in ('vietqr', 'cash')`),
    check('payments_amount_check', sql`${t.amount} >= 0`),
    check(
      'payments_confirmed_check',
      sql`${t.status} <> 'confirmed' or (${t.confirmedAt} is not null and ${t.receiptNo} is not null and ${t.receiptIssuedAt} is not null)`,
    ),
    check(
      'payments_cancelled_check',
      sql`${t.status} <> 'cancelled' or (${t.cancelledAt} is not null and ${t.cancelReason} is not null)`,
    ),
  ],
);

/** An agency's own collecting account; it covers the agency's subtree (the nearest one wins over the default). */
export const agencyPaymentAccounts = pgTable('agency_payment_accounts', {
  agencyId: uuid('agency_id')
    .primaryKey()
    .references(() => agencies.id),
  bankBin: text('bank_bin').notNull(),
  bankName: text('bank_name'),
  accountNumber: text('account_number').notNull(),
  accountName: text('account_name').notNull(),
  taxCode: text('tax_code'),
  noteMaxLength: integer('note_max_length').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

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
