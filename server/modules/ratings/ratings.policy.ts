import type { StaffRole } from '../../../domain/access/roles.ts';
import type { Actor } from '../../context.ts';
import { hasRoleOn, rootsWithRole } from '../access/access.ts';
import { canReadDossier, type DossierPaths, isOwnDossier } from '../dossiers/dossiers.policy.ts';

/**
 * Who may do what with ratings and feedback (one place; tested as a matrix in ratings.policy.test.ts).
 * - A rating is given by the citizen who submitted the dossier through the portal, and read by them and by the
 *   dossier's staff (the dossier module's readers).
 * - Flagged ratings ("not satisfied") are the business of the leaders of the receiving or competent agency.
 * - The rating summary (issue 7's satisfaction report) is read by leaders and desk officers of the subtree.
 * - Feedback (phản ánh, kiến nghị) holds a sender's contact: leaders and petition officers of the agency's
 *   subtree only (DOMAIN §6, §10). Sending it is open to anyone (rate-limited at the route).
 */
const flagHandlers: readonly StaffRole[] = ['leader'];
const summaryReaders: readonly StaffRole[] = ['leader', 'deskOfficer'];
const feedbackReaders: readonly StaffRole[] = ['leader', 'petitionOfficer'];

const isStaff = (actor: Actor | null): actor is Actor => actor?.kind === 'staff';

export const canRate = (actor: Actor | null, citizenUserId: string | null): boolean =>
  isOwnDossier(actor, citizenUserId);

export const canReadRating = (actor: Actor | null, citizenUserId: string | null, paths: DossierPaths) =>
  isOwnDossier(actor, citizenUserId) || (isStaff(actor) && canReadDossier(actor, paths));

export type RatedPaths = Readonly<{ receiving: string; competent: string }>;

export const canHandleFlag = (actor: Actor | null, p: RatedPaths): boolean =>
  isStaff(actor) && [p.receiving, p.competent].some((path) => hasRoleOn(actor, flagHandlers, path));

/** Subtrees whose flagged ratings the actor sees (by receiving or competent agency). */
export const flagRoots = (actor: Actor | null): string[] =>
  isStaff(actor) ? rootsWithRole(actor, flagHandlers) : [];

export const canReadSummary = (actor: Actor | null, agencyPath: string): boolean =>
  isStaff(actor) && hasRoleOn(actor, summaryReaders, agencyPath);

/** Subtrees whose feedback the actor may list. */
export const feedbackRoots = (actor: Actor | null): string[] =>
  isStaff(actor) ? rootsWithRole(actor, feedbackReaders) : [];

export const canReadFeedbackOf = (actor: Actor | null, agencyPath: string): boolean =>
  isStaff(actor) && hasRoleOn(actor, feedbackReaders, agencyPath);
