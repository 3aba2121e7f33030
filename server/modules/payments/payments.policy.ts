import type { Actor } from '../../context.ts';
import { hasRoleOn } from '../access/access.ts';
import { isOwnDossier } from '../dossiers/dossiers.policy.ts';

/**
 * Who may do what with fee payments (one place; tested as a matrix in payments.test.ts). Reading follows the
 * dossier: its citizen owner and the dossier staff of the receiving, competent or holding agency
 * (`readable` in the dossier module answers 404 to anyone else). Money is the receiving desk's business: the
 * same people the `collectFee` action names in domain/dossier/actions.ts. There is no accountant role yet
 * (domain/access/roles.ts); when one is added, it joins `collectors`.
 */
const collectors = ['deskOfficer'] as const;

/** The payer says "I have transferred": the citizen who submitted the dossier online. */
export const canDeclarePayment = (actor: Actor | null, citizenUserId: string | null): boolean =>
  isOwnDossier(actor, citizenUserId);

/** Confirm money received (and issue the receipt), or cancel a declaration no money came for. */
export const canCollectAt = (actor: Actor | null, receivingAgencyPath: string): boolean =>
  actor?.kind === 'staff' && hasRoleOn(actor, collectors, receivingAgencyPath);

/** Set an agency's own collecting account (it covers the agency's subtree). */
export const canConfigureAccount = (actor: Actor | null, agencyPath: string): boolean =>
  actor?.kind === 'staff' && hasRoleOn(actor, ['admin'], agencyPath);
