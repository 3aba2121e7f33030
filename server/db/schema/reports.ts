/**
 * Pre-aggregated counters for Biểu 06/VPCP/KSTT (issue 7 §7; ADR 0011, docs/reports-form06.md). One cell is a
 * (competent agency, procedure) pair. Both counter tables are *cumulative by day* (Asia/Ho_Chi_Minh): a row holds
 * the totals up to and including its day, and a day without a row has the totals of the latest row before it, so
 * any period's flows are two look-ups per cell (at the end, and the day before the start).
 *
 * Maintained by a trigger on `dossier_events` in the same transaction as the event (migration 0012), which locks
 * the cell's row in `report_cells` while it writes; `report_rebuild()` recomputes everything from the events.
 */
import { date, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { procedures } from './catalogue.ts';
import { agencies } from './organisation.ts';

/** Every cell that has ever counted a dossier: the list a report walks, and the lock taken while counting. */
export const reportCells = pgTable(
  'report_cells',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedures.id),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.procedureId] })],
);

/**
 * Totals up to the end of `day`: received (by the day of reception: intake, or acceptance of an online dossier)
 * and finished (by the day the result was ready — early / on time / late against the due date in force — or the
 * day it was withdrawn or stopped). In progress at the end of a day = received − finished.
 */
export const reportFlows = pgTable(
  'report_flows',
  {
    agencyId: uuid('agency_id').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    receivedOnline: integer('received_online').notNull(),
    receivedDirect: integer('received_direct').notNull(),
    resolvedEarly: integer('resolved_early').notNull(),
    resolvedOnTime: integer('resolved_on_time').notNull(),
    resolvedLate: integer('resolved_late').notNull(),
    withdrawnOrStopped: integer('withdrawn_or_stopped').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.procedureId, t.day] })],
);

/**
 * Deadlines of the dossiers in progress, judged at the end of `day` with the state in force then:
 * `overdue` (cumulative) = open, clock running and due on or before `day`; `due_on_day` (this day only, not
 * cumulative) = open, clock running and due on `day` itself — what "judged during the day" must not count yet.
 * Rows may lie in the future (a due date lands there), which is why this is a table of its own: receptions and
 * results only ever write today's row of report_flows.
 */
export const reportDeadlines = pgTable(
  'report_deadlines',
  {
    agencyId: uuid('agency_id').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    overdue: integer('overdue').notNull(),
    dueOnDay: integer('due_on_day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.procedureId, t.day] })],
);
