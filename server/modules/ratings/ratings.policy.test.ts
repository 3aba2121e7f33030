import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../../domain/access/roles.ts';
import type { Actor } from '../../context.ts';
import {
  canHandleFlag,
  canRate,
  canReadFeedbackOf,
  canReadRating,
  canReadSummary,
  feedbackRoots,
  flagRoots,
} from './ratings.policy.ts';

const staff = (role: StaffRole, agencyPath: string, kind: Actor['kind'] = 'staff'): Actor => ({
  userId: 'u',
  username: 'u',
  fullName: 'U',
  kind,
  csrfToken: 'x',
  grants: [{ role, agencyId: 'a', agencyPath }],
});
const citizen = (userId: string): Actor => ({
  userId,
  username: `citizen:${userId}`,
  fullName: 'C',
  kind: 'citizen',
  csrfToken: 'x',
  grants: [],
});

const province = '/p/';
const commune = '/p/c/';
const centre = '/p/c/s/';
const other = '/p/d/';
// An online dossier received at the centre, decided by the commune, held back at the centre.
const paths = { receiving: centre, competent: commune, holder: centre };
const owner = 'owner';

type Row = [string, Actor | null, boolean, boolean, boolean, boolean, boolean];

describe('ratings policy', () => {
  // who · rate · read rating · handle flag · read summary of the commune · read feedback of the commune
  it.each<Row>([
    ['the citizen owner', citizen(owner), true, true, false, false, false],
    ['another citizen', citizen('someone'), false, false, false, false, false],
    [
      'a citizen account holding a leader grant',
      staff('leader', province, 'citizen'),
      false,
      false,
      false,
      false,
      false,
    ],
    ['desk officer of the centre', staff('deskOfficer', centre), false, true, false, false, false],
    ['desk officer of the commune', staff('deskOfficer', commune), false, true, false, true, false],
    ['specialist of the commune', staff('specialist', commune), false, true, false, false, false],
    ['leader of the commune', staff('leader', commune), false, true, true, true, true],
    ['leader of the centre only', staff('leader', centre), false, true, true, false, false],
    ['leader of the province', staff('leader', province), false, true, true, true, true],
    ['leader of another commune', staff('leader', other), false, false, false, false, false],
    ['petition officer of the commune', staff('petitionOfficer', commune), false, false, false, false, true],
    [
      'petition officer of another commune',
      staff('petitionOfficer', other),
      false,
      false,
      false,
      false,
      false,
    ],
    ['admin of the province', staff('admin', province), false, false, false, false, false],
    ['clerk of the commune', staff('clerk', commune), false, false, false, false, false],
    ['anonymous', null, false, false, false, false, false],
  ])('%s', (_name, who, rate, read, handle, summary, feedback) => {
    expect(canRate(who, owner)).toBe(rate);
    expect(canReadRating(who, owner, paths)).toBe(read);
    expect(canHandleFlag(who, paths)).toBe(handle);
    expect(canReadSummary(who, commune)).toBe(summary);
    expect(canReadFeedbackOf(who, commune)).toBe(feedback);
  });

  it('a dossier received at a desk (no citizen account) cannot be rated through the portal', () => {
    expect(canRate(citizen(owner), null)).toBe(false);
    expect(canReadRating(citizen(owner), null, paths)).toBe(false);
  });

  it('list roots: leaders see flags, leaders and petition officers see feedback; nobody else', () => {
    expect(flagRoots(staff('leader', commune))).toEqual([commune]);
    expect(flagRoots(staff('deskOfficer', commune))).toEqual([]);
    expect(flagRoots(staff('leader', commune, 'citizen'))).toEqual([]);
    expect(feedbackRoots(staff('petitionOfficer', commune))).toEqual([commune]);
    expect(feedbackRoots(staff('specialist', commune))).toEqual([]);
    expect(feedbackRoots(null)).toEqual([]);
  });
});
