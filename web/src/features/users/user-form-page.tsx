import { PasswordInput, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { CreateUser, UpdateUser } from '../../../../domain/access/account.ts';
import type { User } from '../../../../domain/access/roles.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { FormPage } from '../../components/form-page.tsx';
import { blankToNull, type FieldErrors } from '../../lib/form.ts';
import { useApi } from '../../lib/use-api.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { listAgencies } from '../agencies/agencies.api.ts';
import { type GrantRow, GrantsEditor } from './grants-editor.tsx';
import { createUser, getUser, updateUser } from './users.api.ts';

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

const inlineFields = /^(username|fullName|password|email|phone|grants(\.\d+\.(role|agencyId))?)$/;

/** Create (`/admin/users/new`) or edit (`/admin/users/:id`) a staff account and its grants. */
export function UserFormPage() {
  const { id } = useParams();
  const editing = id !== undefined && id !== 'new';
  const navigate = useNavigate();
  const agencies = useApi('agencies', listAgencies);
  const current = useApi(`user:${id ?? ''}`, () => (editing ? getUser(id) : Promise.resolve(null)));
  const { values, setValues, set, text, errors, failure, saving, submit } = useEntityForm(empty);

  useEffect(() => {
    if (current.data) setValues(fromUser(current.data));
  }, [current.data, setValues]);

  const isCitizen = current.data?.kind === 'citizen';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const common = {
      fullName: values.fullName,
      email: blankToNull(values.email),
      phone: blankToNull(values.phone),
      // Citizen accounts carry no grants; leaving the field out keeps them as they are.
      ...(isCitizen
        ? {}
        : { grants: values.grants.map((g) => ({ role: g.role, agencyId: g.agencyId ?? '' })) }),
    };
    const grantErrors: FieldErrors = {};
    if (!isCitizen) {
      values.grants.forEach((g, i) => {
        if (!g.agencyId) grantErrors[`grants.${i}.agencyId`] = 'Vui lòng chọn cơ quan, đơn vị';
      });
    }
    const done = () => navigate('/admin/users');
    if (editing) {
      await submit({
        parsed: UpdateUser.safeParse({
          ...common,
          disabled: values.disabled,
          ...(values.password ? { password: values.password } : {}),
        }),
        extraErrors: grantErrors,
        send: (body) => updateUser(id, body).then(done),
      });
    } else {
      await submit({
        parsed: CreateUser.safeParse({ ...common, username: values.username, password: values.password }),
        extraErrors: grantErrors,
        send: (body) => createUser(body).then(done),
      });
    }
  };

  return (
    <FormPage
      back={{ to: '/admin/users', label: 'Danh sách người dùng' }}
      title={editing ? `Sửa: ${current.data?.fullName ?? ''}` : 'Thêm người dùng'}
      loading={editing && current.loading}
      loadError={editing ? current.error : undefined}
      onSubmit={save}
      submitLabel={editing ? 'Lưu thay đổi' : 'Tạo người dùng'}
      saving={saving}
    >
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
          {...text('password')}
        />
        <TextInput label="Email" type="email" autoComplete="off" {...text('email')} />
        <TextInput label="Số điện thoại" type="tel" inputMode="tel" autoComplete="off" {...text('phone')} />
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
    </FormPage>
  );
}
