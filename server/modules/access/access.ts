import type { StaffRole } from '../../../domain/access/roles.ts';
import type { Actor, Ctx } from '../../context.ts';
import { AppError } from '../../errors.ts';

/** A grant on an agency covers that agency and its whole subtree (paths are `/root/…/self/`). */
export const coversPath = (grantPath: string, agencyPath: string) => agencyPath.startsWith(grantPath);

export function hasRoleOn(actor: Actor | null, roles: readonly StaffRole[], agencyPath: string): boolean {
  return !!actor?.grants.some((g) => roles.includes(g.role) && coversPath(g.agencyPath, agencyPath));
}

/** The subtree roots on which the actor holds one of `roles` (for list queries). */
export function rootsWithRole(actor: Actor | null, roles: readonly StaffRole[]): string[] {
  return actor ? actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.agencyPath) : [];
}

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

export function requireStaff(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (actor.kind !== 'staff' || actor.grants.length === 0) {
    throw new AppError('FORBIDDEN', 'Chức năng dành cho cán bộ, công chức');
  }
  return actor;
}
