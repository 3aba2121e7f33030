import {
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  Pagination,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  DossierStatus,
  type DossierSummary,
  statusLabel,
  TERMINAL,
} from '../../../../domain/dossier/index.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate, formatDateThenTime, formatNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { StatusBadge, WarningBadge } from './badges.tsx';
import { type Box, listDossiers } from './dossiers.api.ts';

const PAGE = 50;
const boxes: { value: Box; label: string }[] = [
  { value: 'unit', label: 'Việc của đơn vị' },
  { value: 'mine', label: 'Việc của tôi' },
  { value: 'all', label: 'Tất cả' },
];
const parseBox = (v: string | null): Box => (v === 'mine' || v === 'all' ? v : 'unit');
const parseStatus = (v: string | null): DossierStatus | undefined => {
  const parsed = DossierStatus.safeParse(v);
  return parsed.success ? parsed.data : undefined;
};
const COLUMNS = [
  'Mã hồ sơ',
  'Thủ tục',
  'Người nộp',
  'Trạng thái, bước xử lý',
  'Đang xử lý',
  'Ngày tiếp nhận',
  'Hạn trả kết quả',
] as const;

function DossierRow({ d }: { d: DossierSummary }) {
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Anchor component={Link} to={`/ho-so/${d.id}`} ff="monospace" size="sm">
          {d.code}
        </Anchor>
      </Table.Td>
      <Table.Td>{d.procedureName}</Table.Td>
      <Table.Td>{d.applicantName}</Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <StatusBadge status={d.status} size="sm" />
          {d.stepName && !TERMINAL.has(d.status) && (
            <Text size="xs" c="dimmed">
              {d.stepName}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{d.holderAgencyName}</Text>
        <Text size="xs" c="dimmed">
          {d.assigneeName ?? 'Chưa phân công'}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.receivedAt)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Stack gap={2} align="flex-start">
          {formatDateThenTime(d.dueAt) || '—'}
          <WarningBadge warning={d.warning} />
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

function DossierCard({ d }: { d: DossierSummary }) {
  return (
    <Paper component="li" withBorder radius="md" p="sm" style={{ listStyle: 'none' }}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Anchor component={Link} to={`/ho-so/${d.id}`} ff="monospace" size="sm" fw={600}>
            {d.code}
          </Anchor>
          <WarningBadge warning={d.warning} />
        </Group>
        <Text fw={500} lh={1.3}>
          {d.procedureName}
        </Text>
        <Text size="sm">{d.applicantName}</Text>
        <Group gap="xs">
          <StatusBadge status={d.status} size="sm" />
          {d.stepName && !TERMINAL.has(d.status) && (
            <Text size="xs" c="dimmed">
              {d.stepName}
            </Text>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {d.holderAgencyName}
          {d.assigneeName ? ` · ${d.assigneeName}` : ''}
        </Text>
        <Text size="sm">
          Hẹn trả: <strong>{formatDateThenTime(d.dueAt) || '—'}</strong>
        </Text>
      </Stack>
    </Paper>
  );
}

/** The inboxes: work waiting at my unit for my roles, work assigned to me, everything I may see. */
export function InboxPage() {
  const { roles } = useSession();
  const [params, setParams] = useSearchParams();
  const box = parseBox(params.get('box'));
  const status = parseStatus(params.get('status'));
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });

  const setParam = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        if (name !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the typed text reaches the address once typing pauses.
  useEffect(() => {
    if (debounced !== q) setParam('q', debounced || null);
  }, [debounced]);

  // The desk's own work includes results waiting to be returned (step "trả kết quả"): the server's unit inbox
  // lists only dossiers being received or processed unless asked for more.
  const unitStatuses: DossierStatus[] | undefined =
    box === 'unit' && roles.includes('deskOfficer')
      ? ['submitted', 'accepted', 'inProcess', 'supplementRequested', 'financialObligation', 'resolved']
      : undefined;
  const filter = {
    box,
    status: status ? [status] : unitStatuses,
    q: q || undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const list = useApi(`dossiers:${JSON.stringify(filter)}`, () => listDossiers(filter));
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Hồ sơ</Title>
        {roles.includes('deskOfficer') && (
          <Button component={Link} to="/ho-so/tiep-nhan">
            Tiếp nhận hồ sơ
          </Button>
        )}
      </Group>
      <Tabs value={box} onChange={(v) => setParam('box', v === 'unit' ? null : v)}>
        <Tabs.List>
          {boxes.map((b) => (
            <Tabs.Tab key={b.value} value={b.value}>
              {b.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={800}>
        <TextInput
          label="Tìm hồ sơ"
          placeholder="Mã hồ sơ hoặc tên người nộp"
          type="search"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <NativeSelect
          label="Trạng thái"
          value={status ?? ''}
          onChange={(e) => setParam('status', e.currentTarget.value || null)}
          data={[
            { value: '', label: 'Tất cả trạng thái' },
            ...DossierStatus.options.map((s) => ({ value: s, label: statusLabel[s] })),
          ]}
        />
      </SimpleGrid>
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loader aria-label="Đang tải" />
      ) : isPhone ? (
        <Stack component="ul" gap="xs" m={0} p={0} aria-label="Danh sách hồ sơ" aria-busy={list.loading}>
          {items.map((d) => (
            <DossierCard key={d.id} d={d} />
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table
            striped
            highlightOnHover
            verticalSpacing="xs"
            aria-label="Danh sách hồ sơ"
            aria-busy={list.loading}
          >
            <Table.Thead>
              <Table.Tr>
                {COLUMNS.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <DossierRow key={d.id} d={d} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data && items.length === 0 && <Text c="dimmed">Không có hồ sơ nào.</Text>}
      {list.data && total > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {formatNumber(total)} hồ sơ
          </Text>
          {total > PAGE && (
            <Pagination
              total={Math.ceil(total / PAGE)}
              value={page}
              onChange={(p) => setParam('page', p === 1 ? null : String(p))}
              aria-label="Trang"
            />
          )}
        </Group>
      )}
    </Stack>
  );
}
