import type { Role } from '../../../domain/access/roles.ts';

export interface NavItem {
  label: string;
  to: string;
}

/**
 * The navbar for the roles held on the active agency: every staff member has a home and reads the working-day
 * calendar; admins manage the tree.
 */
export const navItemsFor = (roles: readonly Role[]): NavItem[] => {
  const items: NavItem[] = [];
  const staff = roles.some((r) => r !== 'citizen');
  if (staff) items.push({ label: 'Trang chủ', to: '/' });
  if (roles.includes('admin')) {
    items.push({ label: 'Cơ quan, đơn vị', to: '/admin/agencies' });
    items.push({ label: 'Người dùng', to: '/admin/users' });
  }
  if (staff) items.push({ label: 'Lịch làm việc', to: '/admin/calendar' });
  return items;
};
