import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../../domain/access/roles.ts';
import type { Actor } from '../../context.ts';
import {
  canOnNotification,
  type NotificationAction,
  notificationScope,
  warningRoots,
} from './notifications.policy.ts';

const actor = (role: StaffRole, agencyPath: string, kind: Actor['kind'] = 'staff'): Actor => ({
  userId: 'u',
  username: 'u',
  fullName: 'U',
  kind,
  csrfToken: 'x',
  grants: [{ role, agencyId: 'a', agencyPath }],
});

const province = '/p/';
const commune = '/p/c/';
const centre = '/p/c/s/';
const otherCommune = '/p/d/';

describe('notifications policy', () => {
  it.each<[string, Actor | null, NotificationAction, string | null, boolean]>([
    ['root admin, a row of a centre', actor('admin', province), 'list', centre, true],
    ['root admin, a row of no agency', actor('admin', province), 'retry', null, true],
    ['commune admin, a row of its centre', actor('admin', commune), 'retry', centre, true],
    ['commune admin, a row of its own agency', actor('admin', commune), 'list', commune, true],
    ['commune admin, a row of another commune', actor('admin', otherCommune), 'retry', centre, false],
    ['commune admin, a row of the province', actor('admin', commune), 'list', province, false],
    ['commune admin, a row of no agency', actor('admin', commune), 'list', null, false],
    ['desk officer of the centre', actor('deskOfficer', centre), 'list', centre, false],
    ['leader of the province', actor('leader', province), 'retry', centre, false],
    ['specialist of the commune', actor('specialist', commune), 'list', centre, false],
    ['a citizen account holding an admin grant', actor('admin', province, 'citizen'), 'list', centre, false],
    ['anonymous', null, 'list', centre, false],
  ])('%s: %s → %s', (_name, who, action, path, allowed) => {
    expect(canOnNotification(who, action, path)).toBe(allowed);
  });

  it('lists all rows for a root admin, the admin subtrees otherwise, nothing for other roles', () => {
    expect(notificationScope(actor('admin', province))).toBe('all');
    expect(notificationScope(actor('admin', commune))).toEqual([commune]);
    expect(notificationScope(actor('deskOfficer', commune))).toEqual([]);
    expect(notificationScope(null)).toEqual([]);
  });

  it.each<[string, Actor | null, string[]]>([
    ['commune leader', actor('leader', commune), [commune]],
    ['province leader', actor('leader', province), [province]],
    ['commune admin', actor('admin', commune), []],
    ['desk officer', actor('deskOfficer', centre), []],
    ['specialist', actor('specialist', commune), []],
    ['citizen', actor('leader', province, 'citizen'), []],
    ['anonymous', null, []],
  ])('deadline warnings: %s', (_name, who, roots) => {
    expect(warningRoots(who)).toEqual(roots);
  });
});
