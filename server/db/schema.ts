import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
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
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
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
