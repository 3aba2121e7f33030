import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../../domain/access/roles.ts';
import type { Actor } from '../../context.ts';
import { type ReportAccess, reportAccess } from './reports.policy.ts';

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

/** Written by hand from the policy's intent: role × where the grant is × the agency reported on. */
describe('reports policy: who may read Biểu 06 of an agency', () => {
  it.each<[string, Actor | null, string, ReportAccess]>([
    ['commune leader, own commune', actor('leader', commune), commune, 'read'],
    ['commune leader, its centre', actor('leader', commune), centre, 'read'],
    ['province leader, a commune', actor('leader', province), commune, 'read'],
    ['province leader, the province', actor('leader', province), province, 'read'],
    ['commune desk officer, own commune', actor('deskOfficer', commune), commune, 'read'],
    ['centre desk officer, the centre', actor('deskOfficer', centre), centre, 'read'],
    ['centre desk officer, its commune (above the grant)', actor('deskOfficer', centre), commune, 'notFound'],
    ['commune leader, the province (above the grant)', actor('leader', commune), province, 'notFound'],
    ['commune leader, another commune', actor('leader', otherCommune), commune, 'notFound'],
    ['commune specialist, own commune', actor('specialist', commune), commune, 'forbidden'],
    ['commune admin, own commune', actor('admin', commune), commune, 'forbidden'],
    ['province admin, a commune', actor('admin', province), commune, 'forbidden'],
    ['commune clerk, own commune', actor('clerk', commune), commune, 'forbidden'],
    ['petition officer, own commune', actor('petitionOfficer', commune), commune, 'forbidden'],
    ['a citizen account holding a leader grant', actor('leader', province, 'citizen'), commune, 'forbidden'],
    ['anonymous', null, commune, 'forbidden'],
  ])('%s', (_name, who, path, expected) => {
    expect(reportAccess(who, path)).toBe(expected);
  });
});
