import type { Actor } from '../../context.ts';
import { hasRoleOn } from '../access/access.ts';

/**
 * Official notices apply to every agency of the deployment, so only an administrator of a root agency (the
 * province) may enter or withdraw one. Office hours belong to an agency: its administrators set them.
 */
export type CalendarAction = 'read' | 'manageNotices' | 'setWorkingTime';

export function canOnCalendar(actor: Actor | null, action: CalendarAction, agencyPath?: string): boolean {
  if (actor?.kind !== 'staff') return false; // citizens and anonymous callers never manage the calendar
  switch (action) {
    case 'read':
      return actor.grants.length > 0;
    case 'manageNotices':
      return actor.grants.some(
        (g) => g.role === 'admin' && g.agencyPath.split('/').filter(Boolean).length === 1,
      );
    case 'setWorkingTime':
      return agencyPath !== undefined && hasRoleOn(actor, ['admin'], agencyPath);
  }
}
