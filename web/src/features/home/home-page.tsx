import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { roleLabel, StaffRole } from '../../../../domain/access/roles.ts';
import { useSession } from '../../app/session.tsx';
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
              <Card key={m.title} withBorder radius="md" padding="md">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  {m.to ? (
                    <Anchor component={Link} to={m.to} fw={600}>
                      {m.title}
                    </Anchor>
                  ) : (
                    <Text fw={600}>{m.title}</Text>
                  )}
                  {m.to ? (
                    <Badge color="green" variant="light" tt="none" style={{ flexShrink: 0 }}>
                      Sử dụng được
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="light" tt="none" style={{ flexShrink: 0 }}>
                      Đang xây dựng
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed" mt={4}>
                  {m.description}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      ))}
      {activeAgency && <ScopeCard agencyId={activeAgency.agencyId} />}
    </Stack>
  );
}
