import { Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { diffVersions } from '../../../../domain/catalogue/diff.ts';
import { type ProcedureVersion, statusLabel } from '../../../../domain/catalogue/index.ts';
import { decisionActionLabel } from '../../../../domain/catalogue/labels.ts';
import { formatDate } from '../../lib/format.ts';
import { DiffView } from './diff-view.tsx';

const statusColor: Record<ProcedureVersion['status'], string> = {
  draft: 'orange',
  published: 'green',
  superseded: 'gray',
  abolished: 'red',
};

const period = (v: ProcedureVersion): string => {
  if (!v.effectiveFrom) return 'Chưa xác định';
  return v.effectiveTo
    ? `${formatDate(v.effectiveFrom)} – ${formatDate(v.effectiveTo)}`
    : `Từ ${formatDate(v.effectiveFrom)}`;
};

/** Every version, newest first; the chosen one is compared with the version before it. */
export function VersionHistory({ versions }: { versions: ProcedureVersion[] }) {
  const [chosen, setChosen] = useState(versions[0]?.version ?? 1);
  const current = versions.find((v) => v.version === chosen) ?? versions[0];
  const previous = current && versions.find((v) => v.version === current.version - 1);

  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs" aria-label="Các phiên bản">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>Phiên bản</Table.Th>
              <Table.Th w={160}>Trạng thái</Table.Th>
              <Table.Th w={200}>Hiệu lực</Table.Th>
              <Table.Th>Quyết định</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr
                key={v.version}
                bg={v.version === chosen ? 'var(--mantine-color-blue-light)' : undefined}
              >
                <Table.Td>{v.version}</Table.Td>
                <Table.Td>
                  <Badge
                    color={statusColor[v.status]}
                    variant="light"
                    tt="none"
                    style={{ overflow: 'visible' }}
                  >
                    {statusLabel[v.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{period(v)}</Text>
                </Table.Td>
                <Table.Td>
                  {v.decisions.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    v.decisions.map((d) => (
                      <Text size="sm" key={`${d.action}-${d.number}`}>
                        {decisionActionLabel[d.action]}: {d.number} ngày {formatDate(d.date)} ({d.issuer})
                      </Text>
                    ))
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant={v.version === chosen ? 'filled' : 'default'}
                    onClick={() => setChosen(v.version)}
                    aria-pressed={v.version === chosen}
                    aria-label={`Xem thay đổi phiên bản ${v.version}`}
                  >
                    Xem thay đổi
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {current && (
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Title order={3} size="h5">
              {previous
                ? `Thay đổi của phiên bản ${current.version} so với phiên bản ${previous.version}`
                : `Phiên bản ${current.version}`}
            </Title>
            {previous ? (
              <DiffView
                entries={diffVersions(previous, current)}
                label={`Thay đổi của phiên bản ${current.version}`}
              />
            ) : (
              <Text size="sm" c="dimmed">
                Phiên bản đầu tiên: không có phiên bản trước để so sánh.
              </Text>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
