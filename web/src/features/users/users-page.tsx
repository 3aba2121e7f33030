import { Anchor, Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { roleLabel, type User } from '../../../../domain/access/roles.ts';
import { sortVi } from '../../../../domain/shared/text.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { listUsers } from './users.api.ts';

const matches = (u: User, q: string) =>
  `${u.username} ${u.fullName} ${u.email ?? ''} ${u.phone ?? ''}`.toLocaleLowerCase('vi').includes(q);

export function UsersPage() {
  const { data, error, loading } = useApi('users', listUsers);
  const [query, setQuery] = useState('');
  const q = query.trim().toLocaleLowerCase('vi');
  const users = sortVi(data ?? [], (u) => u.fullName).filter((u) => !q || matches(u, q));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Người dùng</Title>
        <Button component={Link} to="/admin/users/new">
          Thêm người dùng
        </Button>
      </Group>
      <TextInput
        label="Tìm người dùng"
        placeholder="Họ tên, tên đăng nhập, email, số điện thoại"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maw={480}
      />
      <ErrorAlert error={error} />
      {loading && !data ? (
        <Loader aria-label="Đang tải" />
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Danh sách người dùng">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Họ và tên</Table.Th>
                <Table.Th>Tên đăng nhập</Table.Th>
                <Table.Th>Vai trò, cơ quan</Table.Th>
                <Table.Th>Trạng thái</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/users/${u.id}`} fw={500}>
                      {u.fullName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ff="monospace">{u.username}</Table.Td>
                  <Table.Td>
                    {u.kind === 'citizen' ? (
                      <Text size="sm">{roleLabel.citizen}</Text>
                    ) : (
                      <Stack gap={2}>
                        {u.grants.map((g) => (
                          <Text size="sm" key={`${g.role}:${g.agencyId}`}>
                            {roleLabel[g.role]} — {g.agencyName}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {u.disabled ? (
                      <Badge color="red">Đã khóa</Badge>
                    ) : (
                      <Badge color="green">Đang hoạt động</Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
              {users.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="dimmed">Không có người dùng nào.</Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && (
        <Text size="sm" c="dimmed">
          {formatNumber(data.length)} người dùng
        </Text>
      )}
    </Stack>
  );
}
