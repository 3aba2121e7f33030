import { Badge, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import {
  DIFF_SECTIONS,
  type DiffChange,
  diffSectionLabel,
  type VersionDiffEntry,
} from '../../../../domain/catalogue/diff.ts';

const changeBadge: Record<DiffChange, { label: string; color: string }> = {
  added: { label: 'Thêm', color: 'green' },
  removed: { label: 'Bỏ', color: 'red' },
  changed: { label: 'Sửa', color: 'blue' },
};

function Value({ text, struck = false }: { text: string | null; struck?: boolean }) {
  if (text === null)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Text size="sm" td={struck ? 'line-through' : undefined} c={struck ? 'dimmed' : undefined}>
      {text}
    </Text>
  );
}

/** The changes of a version grouped by section, each with its value before and after. */
export function DiffView({ entries, label }: { entries: VersionDiffEntry[]; label: string }) {
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Không có thay đổi về nội dung.
      </Text>
    );
  }
  return (
    <Stack gap="md" aria-label={label} role="region">
      {DIFF_SECTIONS.map((section) => {
        const rows = entries.filter((e) => e.section === section);
        if (rows.length === 0) return null;
        return (
          <Stack key={section} gap={4}>
            <Title order={4} size="h6">
              {diffSectionLabel[section]}
            </Title>
            <Table.ScrollContainer minWidth={720}>
              <Table
                layout="fixed"
                verticalSpacing={6}
                withTableBorder
                aria-label={`Thay đổi: ${diffSectionLabel[section]}`}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="30%">Nội dung</Table.Th>
                    <Table.Th w={90}>
                      <VisuallyHidden>Thay đổi</VisuallyHidden>
                    </Table.Th>
                    <Table.Th>Trước</Table.Th>
                    <Table.Th>Sau</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((e) => (
                    <Table.Tr key={e.path}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {e.label}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={changeBadge[e.change].color} variant="light" tt="none">
                          {changeBadge[e.change].label}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Value text={e.before} struck={e.change !== 'added'} />
                      </Table.Td>
                      <Table.Td>
                        <Value text={e.after} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        );
      })}
    </Stack>
  );
}
