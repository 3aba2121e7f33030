import { List, Stack, Text, Title } from '@mantine/core';
import { sortVi } from '../../../../domain/shared/text.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useApi } from '../../lib/use-api.ts';
import { listPublicAgencies } from '../agencies/agencies.api.ts';
import { ModuleCard } from './module-card.tsx';
import { modulesByRole } from './modules.ts';

/** Citizens see a simple page for now: what is coming, and where to hand in papers in person. */
export function CitizenPage() {
  const { user } = useSession();
  const centres = useApi('public-agencies', listPublicAgencies);
  const serviceCentres = sortVi(
    (centres.data ?? []).filter((a) => a.kind === 'serviceCentre'),
    (a) => a.name,
  );

  return (
    <Stack gap="lg" maw={720}>
      <div>
        <Title order={2}>Xin chào, {user?.fullName}</Title>
        <Text c="dimmed">Cổng dịch vụ công dành cho công dân, tổ chức.</Text>
      </div>
      <Stack gap="sm">
        {modulesByRole.citizen.map((m) => (
          <ModuleCard key={m.title} module={m} />
        ))}
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h4">
          Nơi tiếp nhận hồ sơ trực tiếp
        </Title>
        <ErrorAlert error={centres.error} />
        <List size="sm">
          {serviceCentres.map((a) => (
            <List.Item key={a.id}>{a.name}</List.Item>
          ))}
        </List>
      </Stack>
    </Stack>
  );
}
