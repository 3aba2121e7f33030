import { Anchor, Stack, Table, Title } from '@mantine/core';
import { Link } from 'react-router';
import {
  countOf,
  type Dashboard,
  type DashboardQuery,
  type DrillColumn,
  onTimeRate,
} from '../../../../domain/dashboard/dashboard.ts';
import type { Form06Row } from '../../../../domain/reports/form06-rows.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { drillHref } from './reports.api.ts';

const columns: { column: DrillColumn; label: string }[] = [
  { column: 'received', label: 'Tiếp nhận' },
  { column: 'resolved', label: 'Đã giải quyết' },
  { column: 'resolvedLate', label: 'Trả quá hạn' },
  { column: 'inProgress', label: 'Đang giải quyết' },
  { column: 'overdue', label: 'Quá hạn' },
];

/** Biểu 06 by unit: the agency's own dossiers and each unit below with its subtree; every number opens its list. */
export function UnitsTable({ d, query }: { d: Dashboard; query: DashboardQuery }) {
  if (d.units.length === 0) return null;
  const rows = [...d.units, d.total];
  const hrefOf = (row: Form06Row, column: DrillColumn) =>
    row.key === 'total'
      ? drillHref({ ...query, column })
      : drillHref(
          { ...query, agencyId: row.key, column, scope: row.scope === 'own' ? 'own' : 'subtree' },
          query.agencyId,
        );
  return (
    <Stack gap="xs" component="section" aria-label="Theo đơn vị">
      <Title order={3} size="h4">
        Theo đơn vị
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs" aria-label="Số liệu theo đơn vị">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Đơn vị</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.column} ta="right">
                  {c.label}
                </Table.Th>
              ))}
              <Table.Th ta="right">Tỷ lệ đúng hạn</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const rate = onTimeRate(row);
              return (
                <Table.Tr key={row.key} fw={row.key === 'total' ? 700 : undefined}>
                  <Table.Td>
                    {row.scope === 'own' ? `${row.label} (trực tiếp giải quyết)` : row.label}
                  </Table.Td>
                  {columns.map((c) => (
                    <Table.Td key={c.column} ta="right">
                      <Anchor
                        component={Link}
                        to={hrefOf(row, c.column)}
                        aria-label={`${row.label}, ${c.label.toLowerCase()}: ${formatNumber(countOf(row, c.column))}`}
                      >
                        {formatNumber(countOf(row, c.column))}
                      </Anchor>
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{rate === null ? '—' : formatPercent(rate)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
