import type { Actor } from '../../context.ts';
import { type DashboardAccess, dashboardAccess } from '../dashboards/dashboards.policy.ts';

/**
 * Who may read an agency's indices (Decision 766, officer and agency evaluation): the same people as its
 * dashboard — its leaders and administrators, for their subtree (dashboards.policy.ts says why). Kept as this
 * module's own entry point so that the two can part if the law gives the indices other readers.
 */
export const indexAccess = (actor: Actor | null, agencyPath: string): DashboardAccess =>
  dashboardAccess(actor, agencyPath);
