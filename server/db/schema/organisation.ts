/** The organisation tree, people, their roles and sessions, and the audit trail. */
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';

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
