import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Agency, agencyKindLabel } from '../../../../domain/org/agency.ts';
import { ListPage } from '../../components/list-page.tsx';
import { formatDate } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { listAgencies } from './agencies.api.ts';

const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

const validity = (a: Agency): string => {
  if (!a.validFrom && !a.validTo) return '';
  if (a.validFrom && a.validTo) return `${formatDate(a.validFrom)} – ${formatDate(a.validTo)}`;
  return a.validFrom ? `Từ ${formatDate(a.validFrom)}` : `Đến ${formatDate(a.validTo)}`;
};

const columns = ['Tên cơ quan, đơn vị', 'Loại', 'Mã định danh', 'Mã ĐVHC', 'Hiệu lực'];

export function AgenciesPage() {
  const { data, error, loading } = useApi('agencies', listAgencies);
  const [query, setQuery] = useState('');
  const agencies = data ?? [];
  const minDepth = agencies.length ? Math.min(...agencies.map((a) => a.depth)) : 0;
  const q = fold(query.trim());
  // Searching shows matches flat; without a search the tree keeps the server's pre-order and indentation.
  const shown = q ? agencies.filter((a) => fold(`${a.name} ${a.agencyCode ?? ''}`).includes(q)) : agencies;

  return (
    <ListPage
      title="Cơ quan, đơn vị"
      add={{ label: 'Thêm cơ quan, đơn vị', to: '/admin/agencies/new' }}
      search={{
        label: 'Tìm cơ quan, đơn vị',
        placeholder: 'Tên hoặc mã định danh, gõ có dấu hoặc không dấu',
        value: query,
        onChange: setQuery,
      }}
      error={error}
      loading={loading && !data}
      table={{ label: 'Danh sách cơ quan, đơn vị', columns, minWidth: 640 }}
      empty={shown.length === 0 ? 'Không có cơ quan, đơn vị nào.' : null}
      total={data ? { count: agencies.length, noun: 'cơ quan, đơn vị' } : null}
    >
      {shown.map((a) => (
        <Table.Tr key={a.id}>
          <Table.Td style={{ paddingLeft: q ? undefined : `calc(${a.depth - minDepth} * 1.25rem + 0.5rem)` }}>
            <Anchor component={Link} to={`/admin/agencies/${a.id}`} fw={a.depth === minDepth ? 700 : 500}>
              {a.name}
            </Anchor>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{a.localKind ?? agencyKindLabel[a.kind]}</Text>
            {a.localKind && (
              <Text size="xs" c="dimmed">
                {agencyKindLabel[a.kind]}
              </Text>
            )}
          </Table.Td>
          <Table.Td ff="monospace">{a.agencyCode}</Table.Td>
          <Table.Td ff="monospace">{a.gsoCode}</Table.Td>
          <Table.Td>
            {a.validTo ? <Badge color="gray">{validity(a)}</Badge> : <Text size="sm">{validity(a)}</Text>}
          </Table.Td>
        </Table.Tr>
      ))}
    </ListPage>
  );
}
