import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../../domain/access/roles.ts';
import type { Actor } from '../../context.ts';
import { type CatalogueAction, canOnCatalogue } from './catalogue.policy.ts';

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

describe('catalogue policy', () => {
  it.each<[string, Actor | null, CatalogueAction, boolean]>([
    ['province admin imports', actor('admin', province), 'importWorkbook', true],
    ['commune admin cannot import', actor('admin', commune), 'importWorkbook', false],
    ['province leader cannot import', actor('leader', province), 'importWorkbook', false],
    ['commune admin exports', actor('admin', commune), 'exportWorkbook', true],
    ['desk officer cannot export', actor('deskOfficer', province), 'exportWorkbook', false],
    ['a citizen cannot export', actor('admin', province, 'citizen'), 'exportWorkbook', false],
    ['anonymous cannot export', null, 'exportWorkbook', false],
    ['province admin edits workflows', actor('admin', province), 'editWorkflows', true],
    ['commune admin cannot edit workflows', actor('admin', commune), 'editWorkflows', false],
    ['province leader cannot edit workflows', actor('leader', province), 'editWorkflows', false],
  ])('%s', (_name, who, action, allowed) => {
    expect(canOnCatalogue(who, action)).toBe(allowed);
  });
});
