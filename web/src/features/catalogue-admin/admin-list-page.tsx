import {
  Anchor,
  Badge,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ProcedureAdminSummary } from '../../../../domain/catalogue/admin.ts';
import { sortVi } from '../../../../domain/shared/vi.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { OnlineLevelBadge } from '../catalogue/badges.tsx';
import { listAdminProcedures } from './catalogue-admin.api.ts';
import { ImportExportButtons, ImportOutcome, useWorkbookImport } from './import-panel.tsx';
import { useCanEditCatalogue } from './use-can-edit.ts';

/** Lower case without diacritics: "Đăng ký" and "dang ky" match. */
const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

const columns = ['Mã', 'Tên thủ tục', 'Lĩnh vực', 'Đang công bố', 'Dự thảo', 'Trực tuyến'];

function Row({ p }: { p: ProcedureAdminSummary }) {
  const level = (p.draft ?? p.published)?.onlineLevel;
  return (
    <Table.Tr>
      <Table.Td ff="monospace">{p.nationalCode}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/admin/procedures/${p.nationalCode}`} fw={500}>
          {p.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{p.sector.name}</Text>
      </Table.Td>
      <Table.Td>
        {p.published ? (
          <Stack gap={0}>
            <Text size="sm">Phiên bản {p.published.version}</Text>
            <Text size="xs" c="dimmed">
              {p.published.effectiveFrom ? `từ ${formatDate(p.published.effectiveFrom)} · ` : ''}
              {p.published.limitText}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Chưa công bố
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {p.draft ? (
          <Badge color="orange" variant="light" tt="none">
            Dự thảo phiên bản {p.draft.version}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            Không có
          </Text>
        )}
      </Table.Td>
      <Table.Td>{level && <OnlineLevelBadge level={level} />}</Table.Td>
    </Table.Tr>
  );
}

/** `/admin/procedures`: every procedure of the catalogue, published or not, with its open draft. */
export function CatalogueAdminPage() {
  const { data, error, loading, reload } = useApi('catalogue-admin:list', listAdminProcedures);
  const canEdit = useCanEditCatalogue();
  const workbook = useWorkbookImport(reload);
  const [query, setQuery] = useState('');
  const [sector, setSector] = useState('');
  const all = data ?? [];
  const sectors = sortVi([...new Map(all.map((p) => [p.sector.code, p.sector.name]))], ([, name]) => name);
  const q = fold(query.trim());
  const shown = all.filter(
    (p) => (!sector || p.sector.code === sector) && (!q || fold(`${p.nationalCode} ${p.name}`).includes(q)),
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Quản lý danh mục thủ tục</Title>
          <Text size="sm" c="dimmed">
            Sửa dự thảo, công bố phiên bản mới theo quyết định, xem lịch sử thay đổi và quy trình nội bộ.
          </Text>
        </div>
        <ImportExportButtons state={workbook} canImport={canEdit} />
      </Group>
      <ImportOutcome state={workbook} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={800}>
        <TextInput
          label="Tìm thủ tục"
          placeholder="Tên hoặc mã thủ tục, có dấu hoặc không dấu"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        <NativeSelect
          label="Lĩnh vực"
          value={sector}
          onChange={(e) => setSector(e.currentTarget.value)}
          data={[
            { value: '', label: 'Tất cả lĩnh vực' },
            ...sectors.map(([value, label]) => ({ value, label })),
          ]}
        />
      </SimpleGrid>
      <ErrorAlert error={error} />
      {loading && !data ? (
        <Loader aria-label="Đang tải" />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Danh mục thủ tục">
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((p) => (
                <Row key={p.nationalCode} p={p} />
              ))}
              {shown.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={columns.length}>
                    <Text c="dimmed">Không tìm thấy thủ tục nào phù hợp.</Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && (
        <Text size="sm" c="dimmed">
          {shown.length === all.length
            ? `${formatNumber(all.length)} thủ tục`
            : `${formatNumber(shown.length)} / ${formatNumber(all.length)} thủ tục`}
        </Text>
      )}
    </Stack>
  );
}
