import {
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { CreateUser, UpdateUser } from '../../../../domain/access/account.ts';
import type { User } from '../../../../domain/access/roles.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ApiError } from '../../lib/api.ts';
import { blankToNull, type FieldErrors, fieldErrors, problemFieldErrors } from '../../lib/form.ts';
import { asApiError, useApi } from '../../lib/use-api.ts';
import { listAgencies } from '../agencies/agencies.api.ts';
import { type GrantRow, GrantsEditor } from './grants-editor.tsx';
import { createUser, listUsers, updateUser } from './users.api.ts';

interface Values {
  username: string;
  fullName: string;
  password: string;
  email: string;
  phone: string;
  disabled: boolean;
  grants: GrantRow[];
}

const empty: Values = {
  username: '',
  fullName: '',
  password: '',
  email: '',
  phone: '',
  disabled: false,
  grants: [{ role: 'deskOfficer', agencyId: null }],
};

const fromUser = (u: User): Values => ({
  username: u.username,
  fullName: u.fullName,
  password: '',
  email: u.email ?? '',
  phone: u.phone ?? '',
  disabled: u.disabled,
  grants: u.grants.map((g) => ({ role: g.role, agencyId: g.agencyId })),
});

// There is no GET /api/users/:id: the edit form finds the account in the list the admin may see.
const findUser = async (id: string): Promise<User> => {
  const user = (await listUsers()).find((u) => u.id === id);
  if (!user) throw new ApiError({ status: 404, code: 'NOT_FOUND', title: 'Không tìm thấy người dùng.' });
  return user;
};

const inlineFields = /^(username|fullName|password|email|phone|grants(\.\d+\.(role|agencyId))?)$/;

/** Create (`/admin/users/new`) or edit (`/admin/users/:id`) a staff account and its grants. */
export function UserFormPage() {
  const { id } = useParams();
  const editing = id !== undefined && id !== 'new';
  const navigate = useNavigate();
  const agencies = useApi('agencies', listAgencies);
  const current = useApi(`user:${id ?? ''}`, () => (editing ? findUser(id) : Promise.resolve(null)));
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (current.data) setValues(fromUser(current.data));
  }, [current.data]);

  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const isCitizen = current.data?.kind === 'citizen';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const common = {
      fullName: values.fullName,
      email: blankToNull(values.email),
      phone: blankToNull(values.phone),
      // Citizen accounts carry no grants; leaving the field out keeps them as they are.
      ...(isCitizen
        ? {}
        : { grants: values.grants.map((g) => ({ role: g.role, agencyId: g.agencyId ?? '' })) }),
    };
    const parsed = editing
      ? UpdateUser.safeParse({
          ...common,
          disabled: values.disabled,
          ...(values.password ? { password: values.password } : {}),
        })
      : CreateUser.safeParse({ ...common, username: values.username, password: values.password });
    if (!parsed.success) {
      const found = fieldErrors(parsed.error);
      values.grants.forEach((g, i) => {
        if (!g.agencyId) found[`grants.${i}.agencyId`] = 'Vui lòng chọn cơ quan, đơn vị';
      });
      setErrors(found);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      if (editing) await updateUser(id, parsed.data as UpdateUser);
      else await createUser(parsed.data as CreateUser);
      navigate('/admin/users');
    } catch (e) {
      const problem = asApiError(e);
      setFailure(problem);
      setErrors(problemFieldErrors(problem.errors));
    } finally {
      setSaving(false);
    }
  };

  if (editing && current.loading) return <Loader aria-label="Đang tải" />;
  if (editing && current.error) return <ErrorAlert error={current.error} />;

  const text = (key: 'username' | 'fullName' | 'email' | 'phone') => ({
    value: values[key],
    error: errors[key],
    onChange: (e: { currentTarget: HTMLInputElement }) => set(key)(e.currentTarget.value),
  });

  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/admin/users" size="sm">
        ← Danh sách người dùng
      </Anchor>
      <Title order={2}>{editing ? `Sửa: ${current.data?.fullName ?? ''}` : 'Thêm người dùng'}</Title>
      <Paper withBorder p="md" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <ErrorAlert error={failure ?? agencies.error} isShownInline={(path) => inlineFields.test(path)} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Tên đăng nhập"
                required={!editing}
                disabled={editing}
                autoCapitalize="none"
                spellCheck={false}
                autoComplete="off"
                {...text('username')}
              />
              <TextInput label="Họ và tên" required autoComplete="off" {...text('fullName')} />
              <PasswordInput
                label={editing ? 'Mật khẩu mới' : 'Mật khẩu'}
                description={editing ? 'Để trống nếu không đổi' : 'Tối thiểu 8 ký tự'}
                required={!editing}
                autoComplete="new-password"
                value={values.password}
                error={errors.password}
                onChange={(e) => set('password')(e.currentTarget.value)}
              />
              <TextInput label="Email" type="email" autoComplete="off" {...text('email')} />
              <TextInput
                label="Số điện thoại"
                type="tel"
                inputMode="tel"
                autoComplete="off"
                {...text('phone')}
              />
            </SimpleGrid>
            {editing && (
              <Switch
                label="Khóa tài khoản"
                checked={values.disabled}
                onChange={(e) => set('disabled')(e.currentTarget.checked)}
              />
            )}
            {!isCitizen && (
              <GrantsEditor
                grants={values.grants}
                onChange={set('grants')}
                agencies={agencies.data ?? []}
                errors={errors}
              />
            )}
            <Group justify="flex-end" mt="sm">
              <Button variant="default" component={Link} to="/admin/users">
                Hủy
              </Button>
              <Button type="submit" loading={saving}>
                {editing ? 'Lưu thay đổi' : 'Tạo người dùng'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
