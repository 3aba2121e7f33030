import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { lazy, type ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import type { Role } from '../../../domain/access/roles.ts';
import { useSession } from './session.tsx';

const HomePage = lazy(async () => ({ default: (await import('../features/home/home-page.tsx')).HomePage }));

export function FullPageLoader() {
  return (
    <Center mih="100dvh">
      <Loader aria-label="Đang tải" />
    </Center>
  );
}

/** While a page's code arrives: the shell stays, a loader takes the page's place. */
export function PageLoader() {
  return (
    <Center mih={200}>
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

/** The back office is for staff: a citizen account (signed in on the staff login page too) goes to the portal. */
export function RequireStaffAccount({ children }: { children: ReactNode }) {
  const { user } = useSession();
  if (user?.kind === 'citizen') return <Navigate to="/cong-dan" replace />;
  return children;
}

/**
 * Portal pages of one's own (applying, my dossiers): anonymous visitors sign in first and come back; a staff
 * session cannot act as a citizen (ADR 0007), so it is told to sign out.
 */
export function RequireCitizen({ children }: { children: ReactNode }) {
  const { status, user } = useSession();
  const location = useLocation();
  if (status === 'loading') return <FullPageLoader />;
  if (status === 'anonymous') {
    return (
      <Navigate to="/cong-dan/dang-nhap" replace state={{ from: `${location.pathname}${location.search}` }} />
    );
  }
  if (user?.kind !== 'citizen') {
    return (
      <Stack gap="xs" maw={560} mx="auto">
        <Title order={2}>Chức năng dành cho công dân, tổ chức</Title>
        <Text>
          Bạn đang đăng nhập bằng tài khoản cán bộ. Đăng xuất rồi đăng nhập bằng tài khoản công dân để nộp và
          theo dõi hồ sơ trực tuyến.
        </Text>
        <Button component={Link} to="/" variant="default" style={{ alignSelf: 'flex-start' }}>
          Về hệ thống nghiệp vụ
        </Button>
      </Stack>
    );
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

/** `/` is the staff dashboard (citizens never reach it: see RequireStaffAccount). */
export function Home() {
  return <HomePage />;
}

export function NotFound() {
  return (
    <Stack gap="xs">
      <Title order={2}>Không tìm thấy trang</Title>
      <Text>Địa chỉ này không tồn tại trong hệ thống.</Text>
    </Stack>
  );
}
