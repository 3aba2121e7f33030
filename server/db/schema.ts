/**
 * The database schema (Drizzle), one file per module under ./schema/; this file is what drizzle-kit reads and what
 * the code imports.
 */

export * from './schema/audit-chain.ts';
export * from './schema/calendar.ts';
export * from './schema/catalogue.ts';
export * from './schema/citizens.ts';
export * from './schema/dossiers.ts';
export * from './schema/organisation.ts';
export * from './schema/payments.ts';
export * from './schema/ratings.ts';
export * from './schema/reports.ts';
