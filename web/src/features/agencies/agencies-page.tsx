import { Anchor, Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Agency, agencyKindLabel } from '../../../../domain/org/agency.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { listAgencies } from './agencies.api.ts';

const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

const validity = (a: Agency): string => {
  if (!a.validFrom && !a.validTo) return '';
  if (a.validFrom && a.validTo) return `${formatDate(a.validFrom)} – ${formatDate(a.validTo)}`;
  return a.validFrom ? `Từ ${formatDate(a.validFrom)}` : `Đến ${formatDate(a.validTo)}`;
};

export function AgenciesPage() {
  const { data, error, loading } = useApi('agencies', listAgencies);
  const [query, setQuery] = useState('');
  const agencies = data ?? [];
  const minDepth = agencies.length ? Math.min(...agencies.map((a) => a.depth)) : 0;
  const q = fold(query.trim());
  // Searching shows matches flat; without a search the tree keeps the server's pre-order and indentation.
  const shown = q ? agencies.filter((a) => fold(`${a.name} ${a.agencyCode ?? ''}`).includes(q)) : agencies;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Cơ quan, đơn vị</Title>
        <Button component={Link} to="/admin/agencies/new">
          Thêm cơ quan, đơn vị
        </Button>
      </Group>
      <TextInput
        label="Tìm cơ quan, đơn vị"
        placeholder="Tên hoặc mã định danh, gõ có dấu hoặc không dấu"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maw={480}
      />
      <ErrorAlert error={error} />
      {loading && !data ? (
        <Loader aria-label="Đang tải" />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Danh sách cơ quan, đơn vị">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tên cơ quan, đơn vị</Table.Th>
                <Table.Th>Loại</Table.Th>
                <Table.Th>Mã định danh</Table.Th>
                <Table.Th>Mã ĐVHC</Table.Th>
                <Table.Th>Hiệu lực</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td
                    style={{ paddingLeft: q ? undefined : `calc(${a.depth - minDepth} * 1.25rem + 0.5rem)` }}
                  >
                    <Anchor
                      component={Link}
                      to={`/admin/agencies/${a.id}`}
                      fw={a.depth === minDepth ? 700 : 500}
                    >
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
                    {a.validTo ? (
                      <Badge color="gray">{validity(a)}</Badge>
                    ) : (
                      <Text size="sm">{validity(a)}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
              {shown.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed">Không có cơ quan, đơn vị nào.</Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && (
        <Text size="sm" c="dimmed">
          {formatNumber(agencies.length)} cơ quan, đơn vị
        </Text>
      )}
    </Stack>
  );
}
