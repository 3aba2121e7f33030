/** The seed catalogue of commune-level procedures (see README.md for format and sources). */
import type { CatalogueEntryInput } from '../../domain/catalogue/index.ts';
import { BUSINESS_HOUSEHOLD } from './business-household.ts';
import { CERTIFICATION } from './certification.ts';
import { CIVIL_STATUS_REGISTRATION } from './civil-status.ts';
import { CIVIL_STATUS_RECORDS } from './civil-status-records.ts';
import { RESIDENCE } from './residence.ts';
import { SOCIAL_PROTECTION } from './social-protection.ts';

export const SEED_CATALOGUE: readonly CatalogueEntryInput[] = [
  ...CIVIL_STATUS_REGISTRATION,
  ...CIVIL_STATUS_RECORDS,
  ...CERTIFICATION,
  ...RESIDENCE,
  ...SOCIAL_PROTECTION,
  ...BUSINESS_HOUSEHOLD,
];
