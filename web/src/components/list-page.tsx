import { Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../lib/api.ts';
import { formatNumber } from '../lib/format.ts';
import { ErrorAlert } from './error-alert.tsx';

interface ListPageProps {
  title: string;
  /** The button to the creation form. */
  add: { label: string; to: string };
  search: { label: string; placeholder: string; value: string; onChange: (value: string) => void };
  error: ApiError | undefined;
  /** Whether the first answer is still awaited (a loader instead of the table). */
  loading: boolean;
  /** The table's accessible name, its column headers and the width below which it scrolls sideways. */
  table: { label: string; columns: readonly string[]; minWidth: number };
  /** What to say when no row is shown. */
  empty: string | null;
  /** How many there are in all ("2.975 cơ quan, đơn vị"), once known. */
  total: { count: number; noun: string } | null;
  /** The rows (`Table.Tr`). */
  children: ReactNode;
}

/** An admin list: a title with its add button, a search box, the table and how many there are. */
export function ListPage({
  title,
  add,
  search,
  error,
  loading,
  table,
  empty,
  total,
  children,
}: ListPageProps) {
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{title}</Title>
        <Button component={Link} to={add.to}>
          {add.label}
        </Button>
      </Group>
      <TextInput
        label={search.label}
        placeholder={search.placeholder}
        value={search.value}
        onChange={(e) => search.onChange(e.currentTarget.value)}
        maw={480}
      />
      <ErrorAlert error={error} />
      {loading ? (
        <Loader aria-label="Đang tải" />
      ) : (
        <Table.ScrollContainer minWidth={table.minWidth}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label={table.label}>
            <Table.Thead>
              <Table.Tr>
                {table.columns.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {children}
              {empty !== null && (
                <Table.Tr>
                  <Table.Td colSpan={table.columns.length}>
                    <Text c="dimmed">{empty}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {total && (
        <Text size="sm" c="dimmed">
          {formatNumber(total.count)} {total.noun}
        </Text>
      )}
    </Stack>
  );
}
