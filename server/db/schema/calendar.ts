/** Working calendar: notices entered by administrators and office hours. */
import { sql } from 'drizzle-orm';
import { date, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { agencies } from './organisation.ts';

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
