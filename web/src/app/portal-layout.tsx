import { Anchor, Box, Button, Group, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type CSSProperties, lazy, Suspense, useEffect, useState } from 'react';
import { Link, Outlet, NavLink as RouterNavLink, useLocation, useNavigate } from 'react-router';
import { AccountMenu } from './account-menu.tsx';
import { FullPageLoader, PageLoader } from './guards.tsx';
import { type PortalNavItem, portalNavItems } from './navigation.ts';
import { useSession } from './session.tsx';

// The back-office shell (agency switcher, navbar) loads only for staff.
const Layout = lazy(async () => ({ default: (await import('./layout.tsx')).Layout }));

const iconPaths: Record<PortalNavItem['icon'], string> = {
  home: 'M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z',
  catalogue: 'M5 3h11l3 3v15H5zM8 9h8M8 13h8M8 17h5',
  mine: 'M4 5h6l2 2h8v12H4zM8 13h8',
  tracking: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM16 16l5 5',
};

function NavIcon({ icon }: { icon: PortalNavItem['icon'] }) {
  return (
    <svg
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d={iconPaths[icon]} strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}

const isCurrent = (item: PortalNavItem, pathname: string) =>
  item.to === '/cong-dan'
    ? pathname === '/cong-dan'
    : pathname === item.to || pathname.startsWith(`${item.to}/`);

/** The phone's bottom bar: four large targets with an icon each (thumb reach, no menu to open). */
function BottomNav() {
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label="Điều hướng chính" h="100%" gap={0} grow wrap="nowrap" align="stretch">
      {portalNavItems.map((item) => {
        const current = isCurrent(item, pathname);
        return (
          <UnstyledButton
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            end={item.to === '/cong-dan'}
            aria-current={current ? 'page' : undefined}
            c={current ? 'blue.8' : 'gray.7'}
            style={{
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              gap: 2,
              minWidth: 0,
              borderTop: current ? '3px solid var(--mantine-color-blue-7)' : '3px solid transparent',
            }}
          >
            <NavIcon icon={item.icon} />
            <Text span size="xs" fw={current ? 700 : 500} ta="center" lh={1.1}>
              {item.short}
              {item.more && <VisuallyHidden>{item.more}</VisuallyHidden>}
            </Text>
          </UnstyledButton>
        );
      })}
    </Group>
  );
}

/** The same menu as header links on tablets and desktops. */
function HeaderNav() {
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label="Điều hướng chính" gap="lg" wrap="nowrap">
      {portalNavItems.map((item) => (
        <Anchor
          key={item.to}
          component={RouterNavLink}
          to={item.to}
          end={item.to === '/cong-dan'}
          fw={isCurrent(item, pathname) ? 700 : 500}
          size="sm"
        >
          {item.short}
          {item.more}
        </Anchor>
      ))}
    </Group>
  );
}

/**
 * Mantine's default shades put white on blue.6 (3.6:1), links in blue.6 and "dimmed" text in gray.6 (3.3:1):
 * below WCAG AA's 4.5:1. The portal re-points those CSS variables to darker shades for everything inside it
 * (axe-core checks every citizen page in e2e/citizen-portal.e2e.ts). The back office would need the same in the
 * theme (main.tsx).
 */
const PALETTE = ['blue', 'red', 'gray', 'violet', 'teal', 'green'] as const;
const accessibleColors = {
  '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
  '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
  '--mantine-color-error': 'var(--mantine-color-red-8)',
  '--mantine-primary-color-filled': 'var(--mantine-color-blue-8)',
  '--mantine-primary-color-filled-hover': 'var(--mantine-color-blue-9)',
  ...Object.fromEntries(
    PALETTE.flatMap((c) => [
      [`--mantine-color-${c}-filled`, `var(--mantine-color-${c}-${c === 'teal' ? 9 : 8})`],
      [`--mantine-color-${c}-filled-hover`, `var(--mantine-color-${c}-9)`],
      [`--mantine-color-${c}-light`, `var(--mantine-color-${c}-0)`],
      [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`],
    ]),
  ),
  // Even the darkest green, yellow and orange of the palette are too light for text: deeper tones of them.
  '--mantine-color-green-filled': '#1e6b30',
  '--mantine-color-green-light-color': '#1e6b30',
  '--mantine-color-yellow-light': 'var(--mantine-color-yellow-0)',
  '--mantine-color-yellow-light-color': '#7a4800',
  '--mantine-color-orange-light': 'var(--mantine-color-orange-0)',
  '--mantine-color-orange-light-color': '#9a3c00',
} as CSSProperties;

const HEADER = 64;
const FOOTER = 64;
const ACCOUNT_PAGES = ['/cong-dan/dang-nhap', '/cong-dan/dang-ky', '/cong-dan/quen-mat-khau'];

/**
 * The citizen portal: the service's name, the way in or out, and the menu — at the bottom of a phone's screen,
 * in the header on wider ones. No staff sidebar.
 */
export function PortalLayout() {
  const { status, user, logout } = useSession();
  const isPhone = useMediaQuery('(max-width: 48em)', true, { getInitialValueInEffect: false });
  const location = useLocation();
  const navigate = useNavigate();

  // Leave first, sign out once the home page is shown: a page of one's own (my dossiers) would otherwise see the
  // anonymous session before the navigation lands (the router renders in a transition) and ask to sign in.
  const [leaving, setLeaving] = useState(false);
  useEffect(() => {
    if (!leaving || location.pathname !== '/cong-dan') return;
    setLeaving(false);
    logout().catch(() => undefined);
  }, [leaving, location.pathname, logout]);
  const signOut = () => {
    setLeaving(true);
    navigate('/cong-dan', { replace: true });
  };
  const account =
    status === 'authenticated' ? (
      <Group gap="sm" wrap="nowrap">
        <AccountMenu fullName={user?.fullName ?? ''} compact={isPhone} />
        <Button variant="default" size="md" onClick={signOut}>
          Đăng xuất
        </Button>
      </Group>
    ) : status === 'anonymous' && !ACCOUNT_PAGES.includes(location.pathname) ? (
      <Button
        component={Link}
        to="/cong-dan/dang-nhap"
        state={{ from: `${location.pathname}${location.search}` }}
        size="md"
      >
        Đăng nhập
      </Button>
    ) : null;

  // Plain boxes rather than AppShell: the portal has no navbar to collapse, and a phone downloads less.
  return (
    <Box mih="100dvh" style={{ ...accessibleColors, display: 'flex', flexDirection: 'column' }}>
      <Box
        component="header"
        h={HEADER}
        px="md"
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 100,
          background: 'var(--mantine-color-body)',
          borderBottom: '1px solid var(--mantine-color-gray-3)',
        }}
      >
        <Group h="100%" justify="space-between" wrap="nowrap" gap="md">
          <Title order={1} size="h4" style={{ whiteSpace: 'nowrap' }}>
            <Anchor component={Link} to="/cong-dan" c="inherit" fw={700} underline="never">
              Dịch vụ công
            </Anchor>
          </Title>
          {!isPhone && <HeaderNav />}
          {account}
        </Group>
      </Box>
      <Box component="main" p="md" pb="xl" style={{ flex: 1 }}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </Box>
      {isPhone && (
        // Sticky at the end of the page rather than fixed: the same on a phone (always at the bottom of the
        // screen), and a full-page capture shows it where it belongs instead of across the content.
        <Box
          component="footer"
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 100,
            height: `calc(${FOOTER}px + env(safe-area-inset-bottom))`,
            paddingBottom: 'env(safe-area-inset-bottom)',
            background: 'var(--mantine-color-body)',
            borderTop: '1px solid var(--mantine-color-gray-3)',
          }}
        >
          <BottomNav />
        </Box>
      )}
    </Box>
  );
}

/**
 * Pages anyone may read (the catalogue, public tracking): the back-office shell for staff who are signed in,
 * the portal for everyone else.
 */
export function PublicLayout() {
  const { status, user } = useSession();
  if (status === 'loading') return <FullPageLoader />;
  if (status === 'authenticated' && user?.kind === 'staff') {
    return (
      <Suspense fallback={<FullPageLoader />}>
        <Layout />
      </Suspense>
    );
  }
  return <PortalLayout />;
}
