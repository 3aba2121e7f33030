import { z } from 'zod';
import { roleNames, staffRoleNames } from './role-names.ts';

export { roleLabel } from './role-names.ts';

/** Staff roles are granted on an agency subtree; `citizen` belongs to an account, not to an agency. */
export const StaffRole = z.enum(staffRoleNames);
export type StaffRole = z.infer<typeof StaffRole>;
export const Role = z.enum(roleNames);
export type Role = z.infer<typeof Role>;

export const Grant = z.object({
  role: StaffRole,
  agencyId: z.uuid(),
  agencyName: z.string(),
  agencyCode: z.string().nullable(),
});
export type Grant = z.infer<typeof Grant>;

export const AccountKind = z.enum(['staff', 'citizen']);
export type AccountKind = z.infer<typeof AccountKind>;

export const User = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  kind: AccountKind,
  email: z.string().nullable(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  grants: z.array(Grant),
});
export type User = z.infer<typeof User>;
