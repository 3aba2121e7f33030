import { Anchor, AppShell, Burger, Button, Group, NavLink, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense } from 'react';
import { Outlet, NavLink as RouterNavLink, useLocation, useNavigate } from 'react-router';
import { roleLabel } from '../../../domain/access/role-names.ts';
import { PageLoader } from './guards.tsx';
import { hasStaffNavbar, navItemsFor } from './navigation.ts';
import { useSession } from './session.tsx';

/** Who is signed in, on which agency, and the way out. In the header on wide screens, in the navbar on phones. */
function UserPanel({ stacked, compact = false }: { stacked: boolean; compact?: boolean }) {
  const { user, agencies, activeAgency, roles, setActiveAgency, logout } = useSession();
  const navigate = useNavigate();
  if (!user) return null;

  const signOut = async () => {
    await logout().catch(() => undefined);
    navigate('/login', { replace: true });
  };
  const roleText = roles.map((r) => roleLabel[r]).join(', ');
  const signOutButton = (
    <Button variant="default" size="xs" onClick={signOut} fullWidth={stacked} style={{ flexShrink: 0 }}>
      Đăng xuất
    </Button>
  );
  // A phone header without a navbar (citizens) has room for the way out only; the page greets them by name.
  if (compact) return signOutButton;

  return (
    <Group gap="sm" wrap={stacked ? 'wrap' : 'nowrap'} align={stacked ? 'stretch' : 'center'}>
      <Stack gap={0} style={{ minWidth: 0 }} w={stacked ? '100%' : undefined}>
        <Text fw={600} size="sm" truncate data-testid="current-user">
          {user.fullName}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {roleText}
          {agencies.length === 1 && activeAgency ? ` · ${activeAgency.agencyName}` : ''}
        </Text>
      </Stack>
      {agencies.length > 1 && (
        <Select
          label="Cơ quan làm việc"
          size="xs"
          w={stacked ? '100%' : 260}
          allowDeselect={false}
          searchable
          data={agencies.map((a) => ({ value: a.agencyId, label: a.agencyName }))}
          value={activeAgency?.agencyId ?? null}
          onChange={(id) => id && setActiveAgency(id)}
          nothingFoundMessage="Không tìm thấy"
        />
      )}
      {signOutButton}
    </Group>
  );
}

export function Layout() {
  const { roles } = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const location = useLocation();
  const items = navItemsFor(roles);
  const current = items
    .map((i) => i.to)
    .filter((to) =>
      to === '/'
        ? location.pathname === '/'
        : location.pathname === to || location.pathname.startsWith(`${to}/`),
    )
    .sort((a, b) => b.length - a.length)[0];
  const hasNavbar = hasStaffNavbar(roles);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={hasNavbar ? { width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            {hasNavbar && (
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Mở trình đơn" />
            )}
            <Title order={1} size="h4" style={{ whiteSpace: 'nowrap' }}>
              {isPhone && !hasNavbar ? 'Một cửa' : 'Một cửa — motcua'}
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {!hasNavbar && (
              <Group component="nav" aria-label="Điều hướng chính" gap="sm" wrap="nowrap">
                {items.map((item) => (
                  <Anchor key={item.to} component={RouterNavLink} to={item.to} size="sm" fw={500}>
                    {item.label}
                  </Anchor>
                ))}
              </Group>
            )}
            {(!isPhone || !hasNavbar) && <UserPanel stacked={false} compact={isPhone} />}
          </Group>
        </Group>
      </AppShell.Header>

      {hasNavbar && (
        <AppShell.Navbar p="sm" aria-label="Điều hướng chính">
          <AppShell.Section grow>
            {/* Only the most specific matching item is current (/ho-so vs /ho-so/canh-bao). */}
            {items.map((item) => (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                end={item.to === '/'}
                label={item.label}
                active={item.to === current}
                onClick={close}
              />
            ))}
          </AppShell.Section>
          {isPhone && (
            <AppShell.Section pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
              <UserPanel stacked />
            </AppShell.Section>
          )}
        </AppShell.Navbar>
      )}

      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
