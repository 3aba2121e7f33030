import { Anchor, Badge, Group, Loader, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { DrillColumn, type DrillDossier } from '../../../../domain/dashboard/dashboard.ts';
import { channelLabel } from '../../../../domain/dossier/labels.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate, formatDateThenTime, formatNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { type DrillParams, getDrillList } from './reports.api.ts';

const PAGE = 50;

function Code({ d }: { d: DrillDossier }) {
  return (
    <Anchor component={Link} to={`/ho-so/${d.id}`} ff="monospace" size="sm" fw={600}>
      {d.code}
    </Anchor>
  );
}

/** The dossiers behind one number of the dashboard: a table on wide screens, cards on a phone. */
export function DrillPage() {
  const [params, setParams] = useSearchParams();
  const isPhone = useMediaQuery('(max-width: 40em)');
  const column = DrillColumn.safeParse(params.get('column'));
  const p: DrillParams | null =
    column.success && params.get('agencyId') && params.get('from') && params.get('to')
      ? {
          agencyId: params.get('agencyId')!,
          from: params.get('from')!,
          to: params.get('to')!,
          column: column.data,
          scope: params.get('scope') === 'own' ? 'own' : 'subtree',
        }
      : null;
  const page = Math.max(1, Number(params.get('trang') ?? '1') || 1);
  const list = useApi(`${params.toString()}`, () =>
    p ? getDrillList(p, PAGE, (page - 1) * PAGE) : Promise.resolve(undefined),
  );
  const back = p
    ? `/bao-cao?${new URLSearchParams({ agencyId: params.get('bang') ?? p.agencyId, from: p.from, to: p.to })}`
    : '/bao-cao';
  const l = list.data;
  const showNames = l?.items.some((i) => i.applicantName !== null) ?? false;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={back} size="sm">
        ← Bảng điều hành
      </Anchor>
      <div>
        <Title order={2}>{l ? l.columnLabel : 'Danh sách hồ sơ'}</Title>
        {l && (
          <Text c="dimmed" size="sm" data-testid="drill-summary">
            {l.agency.name}
            {p?.scope === 'own' ? ' (trực tiếp giải quyết)' : ''}, từ ngày {formatDate(l.period.from)} đến
            ngày {formatDate(l.period.to)}: <strong>{formatNumber(l.total)}</strong> hồ sơ.
          </Text>
        )}
      </div>
      {!p && <Text c="red.7">Đường dẫn thiếu đơn vị, kỳ hoặc cột số liệu.</Text>}
      <ErrorAlert error={list.error} />
      {list.loading && !l ? (
        <Loader aria-label="Đang tải" />
      ) : l && l.items.length === 0 ? (
        <Text c="dimmed" role="status">
          Không có hồ sơ nào.
        </Text>
      ) : (
        l &&
        (isPhone ? (
          <Stack component="ul" gap="xs" m={0} p={0} aria-label={l.columnLabel}>
            {l.items.map((d) => (
              <Paper key={d.id} component="li" withBorder radius="md" p="sm" style={{ listStyle: 'none' }}>
                <Stack gap={4}>
                  <Group justify="space-between" gap="xs">
                    <Code d={d} />
                    <Badge variant="light" style={{ textTransform: 'none' }}>
                      {d.statusLabel}
                    </Badge>
                  </Group>
                  <Text fw={500} lh={1.3}>
                    {d.procedureName}
                  </Text>
                  {d.applicantName && <Text size="sm">{d.applicantName}</Text>}
                  <Text size="sm" c="dimmed">
                    {d.competentAgencyName} · {channelLabel[d.channel]}
                  </Text>
                  <Text size="sm">
                    Hạn trả: <strong>{formatDateThenTime(d.dueAt)}</strong>
                  </Text>
                </Stack>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={l.columnLabel}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Mã hồ sơ</Table.Th>
                  <Table.Th>Thủ tục</Table.Th>
                  {showNames && <Table.Th>Người nộp</Table.Th>}
                  <Table.Th>Cơ quan giải quyết</Table.Th>
                  <Table.Th>Tiếp nhận</Table.Th>
                  <Table.Th>Hạn trả</Table.Th>
                  <Table.Th>Trạng thái</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {l.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Code d={d} />
                    </Table.Td>
                    <Table.Td>{d.procedureName}</Table.Td>
                    {showNames && <Table.Td>{d.applicantName ?? ''}</Table.Td>}
                    <Table.Td>{d.competentAgencyName}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateThenTime(d.receivedAt)}
                      <Text size="xs" c="dimmed">
                        {channelLabel[d.channel]}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateThenTime(d.dueAt)}</Table.Td>
                    <Table.Td>{d.statusLabel}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))
      )}
      {l && l.total > PAGE && (
        <Pagination
          total={Math.ceil(l.total / PAGE)}
          value={page}
          onChange={(n) => {
            const next = new URLSearchParams(params);
            next.set('trang', String(n));
            setParams(next);
          }}
          aria-label="Trang"
        />
      )}
    </Stack>
  );
}
