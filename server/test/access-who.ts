/** Who the access matrix's expectations name (callers by kind, role and reach), for access-expected.ts. */
import type { StaffRole } from '../../domain/access/roles.ts';
import { onlineApplicationOf } from '../modules/dossiers/test-world.ts';
import type { AccessWorld, Who } from './access-world.ts';

export const anyone = () => true;
export const signedIn = (w: Who) => w.kind !== 'anonymous';
export const citizen = (w: Who) => w.kind === 'citizen';
export const owner = (w: Who) => w.kind === 'citizen' && w.owner;
/** Staff holding one of `roles` (any role when empty), granted where it reaches the target. */
export const staff =
  (reach: 'anywhere' | 'communeA' | 'root', ...roles: StaffRole[]) =>
  (w: Who) =>
    w.kind === 'staff' &&
    (roles.length === 0 || roles.includes(w.role)) &&
    (reach === 'anywhere' || w.at === 'province' || (reach === 'communeA' && w.at === 'communeA'));
export const or =
  (...ps: ((w: Who) => boolean)[]) =>
  (w: Who) =>
    ps.some((p) => p(w));

/** Dossier staff (desk officers, specialists, leaders) of the dossier's subtree, and its citizen owner. */
export const readsDossier = or(owner, staff('communeA', 'deskOfficer', 'specialist', 'leader'));
export const adminOfA = staff('communeA', 'admin');
export const rootAdmin = staff('root', 'admin');

/** Each citizen's online application (with their own two uploads; others borrow the owner's: refused anyway). */
export function onlineBody(w: AccessWorld, who: Who) {
  const name = who.kind === 'citizen' && !who.owner ? 'otherCitizen' : 'owner';
  const [declaration, evidence] = w.onlineFiles.get(name)!;
  return onlineApplicationOf(w.centreA.id, declaration, evidence);
}
