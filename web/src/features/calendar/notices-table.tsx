import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { StoredCalendarNotice } from '../../../../domain/calendar/requests.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { asApiError } from '../../lib/use-api.ts';
import { withdrawNotice } from './calendar.api.ts';
import { nextIso } from './dates.ts';

export const noticeKindLabel: Record<StoredCalendarNotice['kind'], string> = {
  dayOff: 'Ngày nghỉ',
  makeUpWorkingDay: 'Ngày làm bù',
  workingDay: 'Ngày làm việc (hủy nghỉ)',
};

type Row = StoredCalendarNotice & { to: string };

/** Consecutive built-in notices of one decision (nine days of Tết) as one row; entered ones stay one a row. */
function rowsOf(notices: readonly StoredCalendarNotice[]): Row[] {
  const rows: Row[] = [];
  for (const n of notices) {
    const last = rows.at(-1);
    const same =
      last?.origin === 'builtIn' &&
      n.origin === 'builtIn' &&
      last.kind === n.kind &&
      last.name === n.name &&
      last.decision === n.decision &&
      nextIso(last.to) === n.date;
    if (last && same) last.to = n.date;
    else rows.push({ ...n, to: n.date });
  }
  return rows;
}

interface NoticesTableProps {
  notices: readonly StoredCalendarNotice[];
  /** Whether withdraw buttons are offered (an administrator of the province). */
  canManage: boolean;
  onChanged: () => void;
}

/** The year's official notices; those an administrator entered can be withdrawn, the built-in ones cannot. */
export function NoticesTable({ notices, canManage, onChanged }: NoticesTableProps) {
  const [pending, setPending] = useState<StoredCalendarNotice | null>(null);
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const close = () => {
    setPending(null);
    setFailure(undefined);
  };
  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await withdrawNotice(pending.id);
      close();
      onChanged();
    } catch (e) {
      setFailure(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs" aria-label="Thông báo nghỉ lễ, làm bù">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Ngày</Table.Th>
              <Table.Th>Loại</Table.Th>
              <Table.Th>Tên</Table.Th>
              <Table.Th>Văn bản</Table.Th>
              <Table.Th>Nguồn</Table.Th>
              {canManage && <Table.Th aria-label="Thao tác" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rowsOf(notices).map((n) => (
              <Table.Tr key={n.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(n.date)}
                  {n.to !== n.date && ` – ${formatDate(n.to)}`}
                </Table.Td>
                <Table.Td style={{ minWidth: 110 }}>{noticeKindLabel[n.kind]}</Table.Td>
                <Table.Td>{n.name}</Table.Td>
                <Table.Td>{n.decision}</Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    fw={n.origin === 'entered' ? 600 : undefined}
                    c={n.origin === 'entered' ? 'blue.8' : 'dimmed'}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {n.origin === 'entered' ? 'Đã nhập' : 'Có sẵn'}
                  </Text>
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    {n.origin === 'entered' && (
                      <Button size="xs" variant="light" color="red" onClick={() => setPending(n)}>
                        Thu hồi
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
            {notices.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={canManage ? 6 : 5}>
                  <Text c="dimmed">
                    Năm này chưa có thông báo nào; lịch theo quy định chung của Bộ luật Lao động.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Modal opened={pending !== null} onClose={close} title="Thu hồi thông báo?" centered>
        <Stack gap="sm">
          {pending && (
            <Text size="sm">
              Thu hồi «{pending.name}» ngày {formatDate(pending.date)} ({pending.decision}). Lịch làm việc và
              các hạn tính sau đó sẽ không còn áp dụng thông báo này.
            </Text>
          )}
          <ErrorAlert error={failure} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Hủy
            </Button>
            <Button color="red" onClick={confirm} loading={busy}>
              Thu hồi thông báo
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
