import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import type { Dashboard, DashboardQuery, DrillColumn } from '../../../../domain/dashboard/dashboard.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { drillHref } from './reports.api.ts';

type Tile = {
  label: string;
  /** The big figure, already formatted. */
  value: string;
  /** A line under it ("2/3 hồ sơ đã giải quyết"). */
  note?: string;
  column: DrillColumn;
  color: string;
  /** Coloured only when it is bad news worth the eye (overdue > 0). */
  alarm?: boolean;
};

const rate = (r: number | null) => (r === null ? '—' : formatPercent(r));

export function tilesOf(d: Dashboard): Tile[] {
  const t = d.total;
  const fresh = t.receivedOnline + t.receivedDirect;
  return [
    {
      label: 'Tiếp nhận',
      value: formatNumber(t.received),
      note: `Kỳ trước chuyển qua ${formatNumber(t.carriedOver)}`,
      column: 'received',
      color: 'blue',
    },
    { label: 'Trả trước hạn', value: formatNumber(t.resolvedEarly), column: 'resolvedEarly', color: 'teal' },
    {
      label: 'Trả đúng hạn',
      value: formatNumber(t.resolvedOnTime),
      column: 'resolvedOnTime',
      color: 'green',
    },
    {
      label: 'Trả quá hạn',
      value: formatNumber(t.resolvedLate),
      column: 'resolvedLate',
      color: 'orange',
      alarm: t.resolvedLate > 0,
    },
    {
      label: 'Tỷ lệ đúng hạn',
      value: rate(d.onTimeRate),
      note: `${formatNumber(t.resolvedEarly + t.resolvedOnTime)}/${formatNumber(t.resolved)} hồ sơ đã giải quyết`,
      column: 'resolved',
      color: 'green',
    },
    {
      label: 'Đang giải quyết',
      value: formatNumber(t.inProgress),
      note: `Trong hạn ${formatNumber(t.withinDeadline)}`,
      column: 'inProgress',
      color: 'indigo',
    },
    {
      label: 'Quá hạn',
      value: formatNumber(t.overdue),
      note: 'Đang giải quyết, đã quá hạn',
      column: 'overdue',
      color: 'red',
      alarm: t.overdue > 0,
    },
    {
      label: 'Tỷ lệ trực tuyến',
      value: rate(d.onlineShare),
      note: `${formatNumber(t.receivedOnline)}/${formatNumber(fresh)} hồ sơ mới tiếp nhận`,
      column: 'receivedOnline',
      color: 'cyan',
    },
  ];
}

/** The key numbers; each opens the list of the dossiers it counts. */
export function Tiles({ d, query }: { d: Dashboard; query: DashboardQuery }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" role="group" aria-label="Số liệu chính">
      {tilesOf(d).map((tile) => (
        <UnstyledButton
          key={tile.label}
          component={Link}
          to={drillHref({ ...query, column: tile.column })}
          aria-label={`${tile.label}: ${tile.value}${tile.note ? ` (${tile.note})` : ''}. Xem danh sách hồ sơ`}
          data-testid={`tile-${tile.column}`}
        >
          <Paper
            withBorder
            radius="md"
            p="sm"
            h="100%"
            style={{ borderLeft: `4px solid var(--mantine-color-${tile.color}-6)` }}
          >
            <Text size="sm" c="dimmed" lh={1.3}>
              {tile.label}
            </Text>
            <Text
              fz={28}
              fw={700}
              lh={1.2}
              c={tile.alarm ? `${tile.color}.8` : undefined}
              data-testid="tile-value"
            >
              {tile.value}
            </Text>
            {tile.note && (
              <Text size="xs" c="dimmed" lh={1.3}>
                {tile.note}
              </Text>
            )}
          </Paper>
        </UnstyledButton>
      ))}
    </SimpleGrid>
  );
}
