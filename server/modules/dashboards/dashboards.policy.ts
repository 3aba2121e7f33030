import type { StaffRole } from '../../../domain/access/roles.ts';
import type { Actor } from '../../context.ts';
import { coversPath, hasRoleOn } from '../access/access.ts';

/**
 * Who may read the dashboards of an agency (one place; matrix in dashboards.policy.test.ts).
 *
 * Leaders run their agency on these numbers; administrators of the agency watch the system serve it (issue 7 §2).
 * Both read their whole subtree, nothing above or beside it: an agency outside every subtree the person works in
 * answers "not found", like anything else outside it (docs/ARCHITECTURE.md, Authorization). Desk officers,
 * specialists, clerks and petition officers have Biểu 06 or their inboxes, not the dashboard.
 *
 * The drill-down lists dossiers: who applied is personal data (DOMAIN §10), shown only to leaders, who may open the
 * dossiers themselves (dossiers.policy.ts); administrators manage the system, not citizens' files, and see the
 * list without names.
 */
const readers: readonly StaffRole[] = ['leader', 'admin'];

export type DashboardAccess = 'read' | 'forbidden' | 'notFound';

export function dashboardAccess(actor: Actor | null, agencyPath: string): DashboardAccess {
  if (actor?.kind !== 'staff') return 'forbidden';
  if (hasRoleOn(actor, readers, agencyPath)) return 'read';
  return actor.grants.some((g) => coversPath(g.agencyPath, agencyPath)) ? 'forbidden' : 'notFound';
}

/** Whether the drill-down may name the applicants of the dossiers of an agency. */
export const canSeeApplicants = (actor: Actor | null, agencyPath: string): boolean =>
  actor?.kind === 'staff' && hasRoleOn(actor, ['leader'], agencyPath);
