import type { StaffRole } from '../../../domain/access/roles.ts';
import type { Actor } from '../../context.ts';
import { hasRoleOn, rootsWithRole } from '../access/access.ts';

/** Every action on the organisation tree, and who may do it (one place; tested as a matrix). */
export type AgencyAction = 'read' | 'create' | 'update';

const rolesFor: Record<AgencyAction, readonly StaffRole[]> = {
  // Any staff role may see the units of the subtree it works in (to route work, pick units).
  read: ['admin', 'deskOfficer', 'specialist', 'leader', 'clerk', 'petitionOfficer'],
  // Creating a unit needs admin on its parent; changing one needs admin on it.
  create: ['admin'],
  update: ['admin'],
};

export const canOnAgency = (actor: Actor | null, action: AgencyAction, agencyPath: string) =>
  hasRoleOn(actor, rolesFor[action], agencyPath);

export const readableAgencyRoots = (actor: Actor | null) => rootsWithRole(actor, rolesFor.read);
