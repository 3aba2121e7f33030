import { Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MyDossier } from '../../../../domain/dossier/online.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { StatusBadge } from '../dossiers/badges.tsx';
import { listMyDossiers } from './dossiers.api.ts';

const PAGE = 20;

function DossierCard({ d }: { d: MyDossier }) {
  return (
    <Paper component="li" withBorder radius="md" p="md" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Anchor
            component={Link}
            to={`/cong-dan/ho-so/${d.id}`}
            ff="monospace"
            fw={600}
            style={{ wordBreak: 'break-all' }}
          >
            {d.code}
          </Anchor>
          <StatusBadge status={d.status} />
        </Group>
        <Text fw={500} lh={1.35}>
          {d.procedureName}
        </Text>
        <Text size="sm" c="dimmed">
          {d.receivingAgencyName}
        </Text>
        <Group gap="lg" style={{ rowGap: 4 }}>
          <Text size="sm">
            Ngày nộp: <strong>{formatDate(d.submittedAt)}</strong>
          </Text>
          {d.dueAt && (
            <Text size="sm">
              Hẹn trả: <strong>{formatDate(d.dueAt)}</strong>
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** "Hồ sơ của tôi": newest first, twenty at a time. */
export function MyDossiersPage() {
  const [shown, setShown] = useState(PAGE);
  // The server pages by 100 at most: enough for a person's own dossiers.
  const list = useApi(`my-dossiers:${shown}`, () => listMyDossiers(Math.min(shown, 100)));
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md" maw={720} mx="auto" w="100%">
      <Title order={2}>Hồ sơ của tôi</Title>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loader aria-label="Đang tải" />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="md">
          <Text mb="sm">Bạn chưa nộp hồ sơ trực tuyến nào.</Text>
          <Button component={Link} to="/thu-tuc" size="md">
            Tìm thủ tục để nộp
          </Button>
        </Paper>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {formatNumber(list.data?.total ?? 0)} hồ sơ
          </Text>
          <Stack component="ul" gap="sm" p={0} m={0} aria-label="Danh sách hồ sơ của tôi">
            {items.map((d) => (
              <DossierCard key={d.id} d={d} />
            ))}
          </Stack>
          {(list.data?.total ?? 0) > items.length && shown < 100 && (
            <Button
              variant="default"
              size="md"
              onClick={() => setShown((n) => n + PAGE)}
              loading={list.loading}
            >
              Xem thêm
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
