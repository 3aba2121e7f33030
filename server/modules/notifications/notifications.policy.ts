import type { Actor } from '../../context.ts';
import { hasRoleOn, rootsWithRole } from '../access/access.ts';

/**
 * Who may see and act on notifications and deadline warnings (one place; tested as a matrix).
 *
 * - Notifications (the outbox) are run by administrators: an admin of the row's agency or of an ancestor sees
 *   the row and may requeue it; an admin of a root agency (the province) sees every row, including rows that
 *   belong to no agency. Other roles never see them (recipients are personal data).
 * - Deadline warnings are a leader's dashboard: a leader sees the open dossiers held in their subtree.
 */
export type NotificationAction = 'list' | 'retry';

const isRootAdmin = (actor: Actor) =>
  actor.grants.some((g) => g.role === 'admin' && g.agencyPath.split('/').filter(Boolean).length === 1);

const isStaff = (actor: Actor | null): actor is Actor => actor?.kind === 'staff';

/** May the actor do `action` on a row of the agency at `agencyPath` (`null`: a row of no agency)? */
export function canOnNotification(
  actor: Actor | null,
  _action: NotificationAction,
  agencyPath: string | null,
): boolean {
  if (!isStaff(actor)) return false;
  if (isRootAdmin(actor)) return true;
  return agencyPath !== null && hasRoleOn(actor, ['admin'], agencyPath);
}

/** Which rows the actor may list: all, the subtrees of their admin grants, or none. */
export function notificationScope(actor: Actor | null): 'all' | string[] {
  if (!isStaff(actor)) return [];
  if (isRootAdmin(actor)) return 'all';
  return rootsWithRole(actor, ['admin']);
}

/** Subtrees whose deadline warnings the actor may see (empty: none). */
export const warningRoots = (actor: Actor | null): string[] =>
  isStaff(actor) ? rootsWithRole(actor, ['leader']) : [];
