/**
 * The role names and their labels as plain data: the web's first load needs them and must not pull in zod
 * (roles.ts builds the schemas from these lists).
 */

/** Staff roles are granted on an agency subtree; `citizen` belongs to an account, not to an agency. */
export const staffRoleNames = [
  'admin',
  'deskOfficer',
  'specialist',
  'leader',
  'clerk',
  'petitionOfficer',
] as const;
export type StaffRoleName = (typeof staffRoleNames)[number];
export const roleNames = [...staffRoleNames, 'citizen'] as const;
export type RoleName = (typeof roleNames)[number];

export const roleLabel: Record<RoleName, string> = {
  admin: 'Quản trị hệ thống',
  deskOfficer: 'Cán bộ tiếp nhận (Một cửa)',
  specialist: 'Chuyên viên xử lý',
  leader: 'Lãnh đạo',
  clerk: 'Văn thư',
  petitionOfficer: 'Cán bộ tiếp dân, xử lý đơn',
  citizen: 'Công dân, tổ chức',
};
