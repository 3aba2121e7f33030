import { Anchor, Button, Group, PasswordInput, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import type { ApiError } from '../../../lib/api.ts';
import { type FieldErrors, fieldErrors } from '../../../lib/form.ts';
import { asApiError } from '../../../lib/use-api.ts';
import { signIn } from '../account.api.ts';
import { validationOr } from '../load-validation.ts';
import { AccountCard } from './code-field.tsx';
import {
  OidcButton,
  OidcFailureAlert,
  oidcFailureOf,
  oidcStartHref,
  useOidcStatus,
} from './oidc-sign-in.tsx';
import { returnPath } from './sign-up-page.tsx';

/** Citizen sign-in with the phone number or e-mail proved at sign-up. */
export function SignInPage() {
  const { status, user, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const oidc = useOidcStatus();
  const oidcFailure = oidcFailureOf(location.search);
  const from = (location.state as { from?: unknown } | null)?.from;

  if (status === 'authenticated' && user?.kind === 'citizen' && !sending) {
    return <Navigate to={returnPath(location.state)} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const rules = await validationOr(setError);
    if (!rules) return;
    const { SignInRequest } = rules;
    const parsed = SignInRequest.safeParse({ identifier, password });
    const found: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
    if (!identifier.trim()) found.identifier = 'Vui lòng nhập số điện thoại hoặc thư điện tử';
    setErrors(found);
    setError(undefined);
    if (!parsed.success) return;
    setSending(true);
    let leaving = false;
    try {
      await signIn(parsed.data);
      await refresh();
      // Came back from VNeID with an identifier that has an account here: link it now that the password proved it.
      if (oidcFailure === 'accountExists' && oidc.enabled) {
        leaving = true;
        window.location.assign(oidcStartHref(oidc, returnPath(location.state)));
        return;
      }
      navigate(returnPath(location.state), { replace: true });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      if (!leaving) setSending(false);
    }
  };

  return (
    <AccountCard title="Đăng nhập" onSubmit={submit}>
      {returnPath(location.state) !== '/cong-dan' && (
        <Text size="sm" c="dimmed">
          Đăng nhập tài khoản công dân để tiếp tục.
        </Text>
      )}
      {oidcFailure && <OidcFailureAlert reason={oidcFailure} displayName={oidc.displayName ?? 'VNeID'} />}
      <OidcButton status={oidc} returnTo={typeof from === 'string' ? from : undefined} />
      <ErrorAlert error={error} preferDetail />
      <TextInput
        label="Số điện thoại hoặc thư điện tử"
        size="md"
        required
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={identifier}
        error={errors.identifier}
        onChange={(e) => setIdentifier(e.currentTarget.value)}
      />
      <PasswordInput
        label="Mật khẩu"
        size="md"
        required
        autoComplete="current-password"
        value={password}
        error={errors.password}
        onChange={(e) => setPassword(e.currentTarget.value)}
      />
      <Button type="submit" size="lg" fullWidth loading={sending}>
        Đăng nhập
      </Button>
      <Group justify="space-between" gap="xs">
        <Anchor component={Link} to="/cong-dan/quen-mat-khau" size="sm">
          Quên mật khẩu?
        </Anchor>
        <Anchor component={Link} to="/cong-dan/dang-ky" state={location.state} size="sm">
          Đăng ký tài khoản
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed" ta="center">
        Cán bộ, công chức:{' '}
        <Anchor component={Link} to="/login" size="xs">
          vào hệ thống nghiệp vụ
        </Anchor>
      </Text>
    </AccountCard>
  );
}
