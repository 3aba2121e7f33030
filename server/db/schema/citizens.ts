import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { users } from './organisation.ts';

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
 * A citizen account's link to an identity at an OpenID Connect provider (the national digital ID, VNeID, works this
 * way): the provider's issuer and its stable subject identifier. One account may have several links; one
 * (issuer, subject) belongs to exactly one account.
 */
export const citizenIdentities = pgTable(
  'citizen_identities',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('citizen_identities_issuer_subject_key').on(t.issuer, t.subject),
    index('citizen_identities_user_idx').on(t.userId),
  ],
);
