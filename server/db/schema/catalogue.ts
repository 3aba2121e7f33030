/** The procedure catalogue (TTHC): procedures, versions, internal workflows. */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { agencies } from './organisation.ts';

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
