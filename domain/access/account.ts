import { z } from 'zod';
import { Text } from '../shared/text.ts';
import { StaffRole, User } from './roles.ts';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,64}$/, 'Tên đăng nhập gồm 3–64 ký tự a-z, 0-9, dấu chấm, gạch ngang, gạch dưới');
/** Vietnamese mobile/landline numbers: 10 digits starting with 0 (DOMAIN §10). */
export const Phone = z.string().regex(/^0\d{9}$/, 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0');
export const Password = z.string().min(8, 'Mật khẩu tối thiểu 8 ký tự').max(200);

export const LoginRequest = z.strictObject({ username: Username, password: z.string().min(1).max(200) });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Session = z.object({ user: User, csrfToken: z.string() });
export type Session = z.infer<typeof Session>;

export const GrantInput = z.strictObject({ role: StaffRole, agencyId: z.uuid() });
export type GrantInput = z.infer<typeof GrantInput>;

export const CreateUser = z.strictObject({
  username: Username,
  fullName: Text(200),
  password: Password,
  email: z.email('Email không hợp lệ').nullish(),
  phone: Phone.nullish(),
  grants: z.array(GrantInput).min(1, 'Cần ít nhất một vai trò').max(20),
});
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z.strictObject({
  fullName: Text(200).optional(),
  email: z.email('Email không hợp lệ').nullish(),
  phone: Phone.nullish(),
  disabled: z.boolean().optional(),
  password: Password.optional(),
  grants: z.array(GrantInput).min(1).max(20).optional(),
});
export type UpdateUser = z.infer<typeof UpdateUser>;
