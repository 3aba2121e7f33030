import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../../domain/access/roles.ts';
import { CitizenPage } from '../features/home/citizen-page.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { useSession } from './session.tsx';

export function FullPageLoader() {
  return (
    <Center mih="100dvh">
      <Loader aria-label="Đang tải" />
    </Center>
  );
}

/** Everything behind the login: anonymous visitors go to /login and come back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, signedOut } = useSession();
  const location = useLocation();
  if (status === 'loading') return <FullPageLoader />;
  if (status === 'anonymous') {
    const from = signedOut ? undefined : { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={from} />;
  }
  return children;
}

export function Forbidden() {
  return (
    <Stack gap="xs">
      <Title order={2}>Không có quyền truy cập</Title>
      <Text>Vai trò của bạn trên cơ quan đang làm việc không được dùng chức năng này.</Text>
    </Stack>
  );
}

/** Shown only when the active agency grants one of `roles` (the server checks again on every request). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  if (!session.roles.some((r) => roles.includes(r))) return <Forbidden />;
  return children;
}

/** `/` is the staff dashboard, or the simple citizen page. */
export function Home() {
  const { user } = useSession();
  return user?.kind === 'citizen' ? <CitizenPage /> : <HomePage />;
}

export function NotFound() {
  return (
    <Stack gap="xs">
      <Title order={2}>Không tìm thấy trang</Title>
      <Text>Địa chỉ này không tồn tại trong hệ thống.</Text>
    </Stack>
  );
}
