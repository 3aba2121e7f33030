import { Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { LoginRequest } from '../../../../domain/access/account.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { ApiError } from '../../lib/api.ts';
import { asApiError } from '../../lib/use-api.ts';

export function LoginPage() {
  const { status, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError>();
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const [submitting, setSubmitting] = useState(false);

  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (status === 'authenticated') return <Navigate to={from} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = username.trim();
    setMissing({
      username: name ? undefined : 'Vui lòng nhập tên đăng nhập',
      password: password ? undefined : 'Vui lòng nhập mật khẩu',
    });
    if (!name || !password) return;
    // A username no account can have is still sent: the server answers it like any failed login.
    const parsed = LoginRequest.safeParse({ username: name, password });
    const credentials = parsed.success ? parsed.data : { username: name, password };
    setSubmitting(true);
    setError(undefined);
    try {
      await login(credentials);
      navigate(from, { replace: true });
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" radius="md" p="lg" w="100%" maw={420}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                Một cửa — motcua
              </Title>
              <Text c="dimmed" size="sm">
                Hệ thống giải quyết thủ tục hành chính
              </Text>
            </div>
            <Title order={2} size="h4">
              Đăng nhập
            </Title>
            <ErrorAlert error={error} preferDetail />
            <TextInput
              label="Tên đăng nhập"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              error={missing.username}
              onChange={(e) => setUsername(e.currentTarget.value)}
            />
            <PasswordInput
              label="Mật khẩu"
              autoComplete="current-password"
              required
              value={password}
              error={missing.password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={submitting} fullWidth size="md">
              Đăng nhập
            </Button>
            <Anchor component={Link} to="/thu-tuc" size="sm" ta="center">
              Tra cứu thủ tục hành chính (không cần đăng nhập)
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
