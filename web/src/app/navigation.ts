import type { Role } from '../../../domain/access/roles.ts';

export interface NavItem {
  label: string;
  to: string;
}

export const catalogueNavItem: NavItem = { label: 'Thủ tục hành chính', to: '/thu-tuc' };

/** Whether the roles open the staff navbar; citizens get their few links in the header instead. */
export const hasStaffNavbar = (roles: readonly Role[]): boolean => roles.some((r) => r !== 'citizen');

/**
 * The navbar for the roles held on the active agency: every staff member has a home and reads the working-day
 * calendar; admins manage the tree and the procedure catalogue; leaders watch deadlines; desk officers and
 * leaders print the dossier log. Everyone, citizens too, reads the public procedure catalogue.
 */
export const navItemsFor = (roles: readonly Role[]): NavItem[] => {
  const items: NavItem[] = [];
  const staff = hasStaffNavbar(roles);
  if (staff) items.push({ label: 'Trang chủ', to: '/' });
  if (roles.includes('admin')) {
    items.push({ label: 'Cơ quan, đơn vị', to: '/admin/agencies' });
    items.push({ label: 'Người dùng', to: '/admin/users' });
    items.push({ label: 'Quản lý thủ tục', to: '/admin/procedures' });
  }
  if (roles.includes('deskOfficer')) items.push({ label: 'Tiếp nhận hồ sơ', to: '/ho-so/tiep-nhan' });
  if (roles.some((r) => r === 'deskOfficer' || r === 'specialist' || r === 'leader'))
    items.push({ label: 'Hồ sơ', to: '/ho-so' });
  if (roles.includes('leader')) items.push({ label: 'Cảnh báo hạn xử lý', to: '/ho-so/canh-bao' });
  if (roles.some((r) => r === 'leader' || r === 'admin'))
    items.push({ label: 'Bảng điều hành', to: '/bao-cao' });
  if (roles.some((r) => r === 'deskOfficer' || r === 'leader'))
    items.push({ label: 'Sổ theo dõi hồ sơ', to: '/ho-so/so-theo-doi' });
  if (staff) items.push({ label: 'Lịch làm việc', to: '/admin/calendar' });
  items.push(catalogueNavItem);
  // Citizens reach tracking from their page (the phone header has no room for another link).
  if (staff) items.push({ label: 'Tra cứu hồ sơ', to: '/tra-cuu' });
  return items;
};

/** The citizen portal's menu: a bottom bar on phones, header links on wider screens. */
export interface PortalNavItem {
  /** What fits under an icon on a 390 px phone. */
  short: string;
  /** The rest of the accessible name, read by screen readers only ("Thủ tục" + " hành chính"). */
  more: string;
  to: string;
  icon: 'home' | 'catalogue' | 'mine' | 'tracking';
}

export const portalNavItems: readonly PortalNavItem[] = [
  { short: 'Dịch vụ công', more: '', to: '/cong-dan', icon: 'home' },
  { short: 'Thủ tục', more: ' hành chính', to: catalogueNavItem.to, icon: 'catalogue' },
  { short: 'Hồ sơ của tôi', more: '', to: '/cong-dan/ho-so', icon: 'mine' },
  { short: 'Tra cứu', more: ' hồ sơ', to: '/tra-cuu', icon: 'tracking' },
];
