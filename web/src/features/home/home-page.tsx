import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { roleLabel, StaffRole } from '../../../../domain/access/roles.ts';
import { useSession } from '../../app/session.tsx';
import { ModuleCard } from './module-card.tsx';
import { modulesByRole } from './modules.ts';
import { ScopeCard } from './scope-card.tsx';

/** The staff dashboard: which role on which agency is active, and what that role can (or will) do. */
export function HomePage() {
  const { user, activeAgency, roles } = useSession();
  const staffRoles = StaffRole.options.filter((r) => roles.includes(r));

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Xin chào, {user?.fullName}</Title>
        {activeAgency ? (
          <Text c="dimmed">
            Đang làm việc tại <b>{activeAgency.agencyName}</b>
            {activeAgency.agencyCode ? ` (${activeAgency.agencyCode})` : ''} với vai trò{' '}
            <b>{staffRoles.map((r) => roleLabel[r]).join(', ')}</b>.
          </Text>
        ) : (
          <Text c="dimmed">
            Tài khoản chưa được phân quyền trên cơ quan, đơn vị nào. Vui lòng liên hệ quản trị.
          </Text>
        )}
      </div>
      {staffRoles.map((role) => (
        <Stack gap="sm" key={role}>
          <Title order={3} size="h4">
            {roleLabel[role]}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {modulesByRole[role].map((m) => (
              <ModuleCard key={m.title} module={m} />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
      {activeAgency && <ScopeCard agencyId={activeAgency.agencyId} />}
    </Stack>
  );
}
