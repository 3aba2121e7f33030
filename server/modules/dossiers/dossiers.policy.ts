import type { StaffRole } from '../../../domain/access/roles.ts';
import type { Actor } from '../../context.ts';
import { coversPath, hasRoleOn, rootsWithRole } from '../access/access.ts';

/**
 * Who may see and do what with dossiers (one place; tested as a matrix). The action table in
 * domain/dossier/actions.ts says which role acts at which agency; this file answers "which roles does this
 * person hold there" and who may read.
 */

/** Roles that work on dossiers and may read those of their subtree. Administrators manage the system, not
 * the files of citizens (personal data: DOMAIN §10). */
const readers: readonly StaffRole[] = ['deskOfficer', 'specialist', 'leader'];

/** The actor's roles on an agency (grants on the agency or any ancestor). */
export const rolesAt = (actor: Actor | null, agencyPath: string): StaffRole[] =>
  actor
    ? [...new Set(actor.grants.filter((g) => coversPath(g.agencyPath, agencyPath)).map((g) => g.role))]
    : [];

export type DossierPaths = Readonly<{ receiving: string; competent: string; holder: string }>;

/** A dossier is visible to dossier staff of the receiving, competent or holding agency's subtree. */
export const canReadDossier = (actor: Actor | null, p: DossierPaths): boolean =>
  [p.receiving, p.competent, p.holder].some((path) => hasRoleOn(actor, readers, path));

/** Subtrees whose dossiers the actor may list. */
export const dossierRoots = (actor: Actor | null): string[] => rootsWithRole(actor, readers);

/** Receiving at a desk: a desk officer of that agency's subtree. */
export const canReceiveAt = (actor: Actor | null, agencyPath: string): boolean =>
  hasRoleOn(actor, ['deskOfficer'], agencyPath);

/** Printing the dossier log (form 06) of an agency. */
export const canReadLog = (actor: Actor | null, agencyPath: string): boolean =>
  hasRoleOn(actor, ['deskOfficer', 'leader'], agencyPath);

/** A citizen reads only the dossiers they submitted through the portal (DOMAIN §10). */
export const isOwnDossier = (actor: Actor | null, citizenUserId: string | null): boolean =>
  actor?.kind === 'citizen' && citizenUserId !== null && citizenUserId === actor.userId;
