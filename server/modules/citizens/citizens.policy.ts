import type { Actor, Ctx } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { requireActor } from '../access/access.ts';

/**
 * Citizen endpoints serve the signed-in citizen only, about themselves: there is no role or agency to weigh.
 * A staff session is refused here, as a citizen session is refused by every staff policy (`requireStaff`, and
 * citizen accounts can hold no grant: ADR 0007).
 */
export function requireCitizen(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (actor.kind !== 'citizen') {
    throw new AppError('FORBIDDEN', 'Chức năng dành cho tài khoản công dân, tổ chức trên Cổng dịch vụ công');
  }
  return actor;
}
