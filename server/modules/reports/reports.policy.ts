import type { StaffRole } from '../../../domain/access/roles.ts';
import type { Actor } from '../../context.ts';
import { coversPath, hasRoleOn } from '../access/access.ts';

/**
 * Who may read the reports of an agency (one place; tested as a matrix in reports.policy.test.ts).
 *
 * Biểu 06 is counts, not people, but it is the agency's own performance record: its leaders (who sign it) and
 * its one-stop desk officers (who compile it) read it, for the agency and its whole subtree. Specialists, clerks,
 * petition officers and administrators do not. An agency outside every subtree the person works in answers
 * "not found", like anything else outside their subtree (docs/ARCHITECTURE.md, Authorization).
 */
const readers: readonly StaffRole[] = ['leader', 'deskOfficer'];

export type ReportAccess = 'read' | 'forbidden' | 'notFound';

export function reportAccess(actor: Actor | null, agencyPath: string): ReportAccess {
  if (actor?.kind !== 'staff') return 'forbidden';
  if (hasRoleOn(actor, readers, agencyPath)) return 'read';
  return actor.grants.some((g) => coversPath(g.agencyPath, agencyPath)) ? 'forbidden' : 'notFound';
}
