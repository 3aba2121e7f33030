import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { statusLabel } from '../../../../domain/dossier/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateThenTime, formatNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { StatusBadge } from '../dossiers/badges.tsx';
import { lateness, timeLeft } from './deadline-text.ts';
import {
  type DeadlineWarnings,
  getWarnings,
  type OverdueDossier,
  type WarnedDossier,
} from './oversight.api.ts';

const isOverdue = (d: WarnedDossier): d is OverdueDossier => 'workingDaysLate' in d;

function Count({ label, value, color }: { label: string; value: number; color: string }) {
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      style={{
        borderLeft: `4px solid var(--mantine-color-${color}-6)`,
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
      }}
    >
      <Text size="sm" c="dimmed" lh={1.3}>
        {label}
      </Text>
      {/* At the bottom of the card, so that the numbers line up when one label wraps. */}
      <Text fz={32} fw={700} c={value > 0 ? `${color}.7` : undefined} lh={1.2}>
        {formatNumber(value)}
      </Text>
    </Paper>
  );
}

/** The step and who has it now; for an overdue dossier that moved on, who had it when it fell due. */
function WhereNow({ d }: { d: WarnedDossier }) {
  const then = isOverdue(d) ? d.heldWhenOverdue : null;
  const moved = then && (then.stepName !== d.stepName || then.assigneeName !== d.assigneeName);
  return (
    <Stack gap={2} align="flex-start">
      <Group gap={6}>
        <Text size="sm">{d.stepName ?? statusLabel[d.status]}</Text>
        {d.status !== 'inProcess' && d.status !== 'accepted' && <StatusBadge status={d.status} size="sm" />}
      </Group>
      <Text size="xs" c="dimmed">
        {d.assigneeName ?? 'Chưa phân công'} · {d.holderAgency.name}
      </Text>
      {moved && (
        <Text size="xs" c="dimmed">
          Khi đến hạn: {then.stepName ?? '—'}
          {then.assigneeName ? ` · ${then.assigneeName}` : ''}
        </Text>
      )}
    </Stack>
  );
}

/** How late or how long left: a badge on a card, plain coloured text in a table column (it may wrap there). */
function DeadlineBadge({ d, asOf, inTable = false }: { d: WarnedDossier; asOf: string; inTable?: boolean }) {
  const text = isOverdue(d) ? lateness(d, asOf) : timeLeft(d, asOf);
  if (inTable)
    return (
      <Text size="sm" fw={600} c={isOverdue(d) ? 'red.8' : 'orange.7'}>
        {text}
      </Text>
    );
  return isOverdue(d) ? (
    <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
      {text}
    </Badge>
  ) : (
    <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
      {text}
    </Badge>
  );
}

function DossierLink({ d }: { d: WarnedDossier }) {
  return (
    <Anchor component={Link} to={`/ho-so/${d.id}`} ff="monospace" size="sm" fw={600}>
      {d.code}
    </Anchor>
  );
}

interface ListProps {
  title: string;
  /** Names the last column: how late, or how long left. */
  kind: 'overdue' | 'dueSoon';
  items: readonly WarnedDossier[];
  total: number;
  asOf: string;
  empty: string;
  isPhone: boolean;
}

/** One group of dossiers: a table on wide screens, cards on a phone. */
function WarnedList({ title, kind, items, total, asOf, empty, isPhone }: ListProps) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3} size="h4">
        {title} ({formatNumber(total)})
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : isPhone ? (
        <Stack component="ul" gap="xs" m={0} p={0} aria-label={title}>
          {items.map((d) => (
            <Paper key={d.id} component="li" withBorder radius="md" p="sm" style={{ listStyle: 'none' }}>
              <Stack gap={6}>
                <Group justify="space-between" gap="xs">
                  <DossierLink d={d} />
                  <DeadlineBadge d={d} asOf={asOf} />
                </Group>
                <Text fw={500} lh={1.3}>
                  {d.procedureName}
                </Text>
                <WhereNow d={d} />
                <Text size="sm">
                  Hạn trả: <strong>{formatDateThenTime(d.dueAt)}</strong>
                </Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          {/* Fixed widths: the overdue and the due-soon tables line up, one under the other. */}
          <Table striped highlightOnHover verticalSpacing="xs" layout="fixed" aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={230}>Mã hồ sơ</Table.Th>
                <Table.Th>Thủ tục</Table.Th>
                <Table.Th>Bước, người đang xử lý</Table.Th>
                <Table.Th w={150}>Hạn trả kết quả</Table.Th>
                <Table.Th w={170}>{kind === 'overdue' ? 'Quá hạn' : 'Còn lại'}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <DossierLink d={d} />
                  </Table.Td>
                  <Table.Td>{d.procedureName}</Table.Td>
                  <Table.Td>
                    <WhereNow d={d} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateThenTime(d.dueAt)}</Table.Td>
                  <Table.Td>
                    <DeadlineBadge d={d} asOf={asOf} inTable />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {items.length < total && (
        <Text size="sm" c="dimmed">
          Hiển thị {formatNumber(items.length)} trên {formatNumber(total)} hồ sơ.
        </Text>
      )}
    </Stack>
  );
}

function ByAgency({ agencies }: { agencies: DeadlineWarnings['agencies'] }) {
  if (agencies.length < 2) return null;
  return (
    <Stack gap="xs" component="section" aria-label="Theo đơn vị đang giữ hồ sơ">
      <Title order={3} size="h4">
        Theo đơn vị đang giữ hồ sơ
      </Title>
      <Table.ScrollContainer minWidth={360}>
        <Table striped verticalSpacing="xs" maw={720} aria-label="Theo đơn vị đang giữ hồ sơ">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Đơn vị</Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                Quá hạn
              </Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                Sắp đến hạn
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agencies.map((a) => (
              <Table.Tr key={a.agencyId}>
                <Table.Td>{a.agencyName}</Table.Td>
                <Table.Td
                  ta="right"
                  c={a.overdue > 0 ? 'red.7' : undefined}
                  fw={a.overdue > 0 ? 600 : undefined}
                >
                  {formatNumber(a.overdue)}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(a.dueSoon)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The leader's deadline dashboard: overdue dossiers first, then those due within one working day. */
export function WarningsPage() {
  const { data, error, loading, reload } = useApi('warnings', getWarnings);
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const nothing = data && data.overdueTotal === 0 && data.dueSoonTotal === 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Cảnh báo hạn xử lý</Title>
          <Text c="dimmed" size="sm">
            Hồ sơ đang giải quyết trong phạm vi lãnh đạo của bạn đã quá hạn hoặc đến hạn trong 1 ngày làm
            việc.
            {data && ` Số liệu lúc ${formatDateThenTime(data.asOf)}.`}
          </Text>
        </div>
        <Button variant="default" onClick={reload} loading={loading && !!data}>
          Làm mới
        </Button>
      </Group>
      <ErrorAlert error={error} />
      {loading && !data && <Loader aria-label="Đang tải" />}
      {data && (
        <>
          <SimpleGrid cols={2} maw={560} spacing="sm" role="group" aria-label="Tổng hợp">
            <Count label="Quá hạn" value={data.overdueTotal} color="red" />
            <Count label="Đến hạn trong 1 ngày làm việc" value={data.dueSoonTotal} color="orange" />
          </SimpleGrid>
          {nothing ? (
            <Paper withBorder radius="md" p="lg" bg="green.0" role="status">
              <Text fw={600}>Không có hồ sơ quá hạn hoặc sắp đến hạn.</Text>
              <Text size="sm" c="dimmed">
                Các hồ sơ đang giải quyết đều còn hạn trên 1 ngày làm việc.
              </Text>
            </Paper>
          ) : (
            <>
              <WarnedList
                title="Hồ sơ quá hạn"
                kind="overdue"
                items={data.overdue}
                total={data.overdueTotal}
                asOf={data.asOf}
                empty="Không có hồ sơ quá hạn."
                isPhone={isPhone}
              />
              <WarnedList
                title="Hồ sơ đến hạn trong 1 ngày làm việc"
                kind="dueSoon"
                items={data.dueSoon}
                total={data.dueSoonTotal}
                asOf={data.asOf}
                empty="Không có hồ sơ đến hạn trong 1 ngày làm việc."
                isPhone={isPhone}
              />
              <ByAgency agencies={data.agencies} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
