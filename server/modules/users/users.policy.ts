import type { Actor } from '../../context.ts';
import { coversPath, rootsWithRole } from '../access/access.ts';

/** Who may manage accounts: an admin, for accounts whose every grant lies inside the admin's subtrees. */
export type UserAction = 'read' | 'create' | 'update';

export const userAdminRoots = (actor: Actor | null) => rootsWithRole(actor, ['admin']);

/** `grantPaths`: the agency paths of every grant the account has (or would have after the change). */
export function canOnUser(actor: Actor | null, action: UserAction, grantPaths: readonly string[]): boolean {
  const roots = userAdminRoots(actor);
  if (roots.length === 0) return false;
  const inside = (p: string) => roots.some((r) => coversPath(r, p));
  switch (action) {
    case 'read':
      return grantPaths.some(inside);
    case 'create':
    case 'update':
      return grantPaths.length > 0 && grantPaths.every(inside);
  }
}
