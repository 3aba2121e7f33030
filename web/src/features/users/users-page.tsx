import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { roleLabel, type User } from '../../../../domain/access/roles.ts';
import { sortVi } from '../../../../domain/shared/vi.ts';
import { ListPage } from '../../components/list-page.tsx';
import { useApi } from '../../lib/use-api.ts';
import { listUsers } from './users.api.ts';

const matches = (u: User, q: string) =>
  `${u.username} ${u.fullName} ${u.email ?? ''} ${u.phone ?? ''}`.toLocaleLowerCase('vi').includes(q);

const columns = ['Họ và tên', 'Tên đăng nhập', 'Vai trò, cơ quan', 'Trạng thái'];

export function UsersPage() {
  const { data, error, loading } = useApi('users', listUsers);
  const [query, setQuery] = useState('');
  const q = query.trim().toLocaleLowerCase('vi');
  const users = sortVi(data ?? [], (u) => u.fullName).filter((u) => !q || matches(u, q));

  return (
    <ListPage
      title="Người dùng"
      add={{ label: 'Thêm người dùng', to: '/admin/users/new' }}
      search={{
        label: 'Tìm người dùng',
        placeholder: 'Họ tên, tên đăng nhập, email, số điện thoại',
        value: query,
        onChange: setQuery,
      }}
      error={error}
      loading={loading && !data}
      table={{ label: 'Danh sách người dùng', columns, minWidth: 680 }}
      empty={users.length === 0 ? 'Không có người dùng nào.' : null}
      total={data ? { count: data.length, noun: 'người dùng' } : null}
    >
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
            {u.disabled ? <Badge color="red">Đã khóa</Badge> : <Badge color="green">Đang hoạt động</Badge>}
          </Table.Td>
        </Table.Tr>
      ))}
    </ListPage>
  );
}
