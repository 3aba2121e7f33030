import { ActionIcon, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { type TimeRange, WorkingTime } from '../../../../domain/calendar/working-time.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { TimeField } from '../../components/time-field.tsx';
import { useApi } from '../../lib/use-api.ts';
import { useEntityForm } from '../../lib/use-entity-form.ts';
import { getWorkingTime, setWorkingTime } from './calendar.api.ts';

type ListKey = 'officeHours' | 'receivingHours' | 'saturdayReceivingHours';
const lists: { key: ListKey; label: string; hint: string }[] = [
  { key: 'officeHours', label: 'Giờ làm việc', hint: 'Thời gian tính hạn giải quyết, mỗi ngày làm việc' },
  {
    key: 'receivingHours',
    label: 'Giờ tiếp nhận hồ sơ',
    hint: 'Bộ phận Một cửa nhận hồ sơ trong ngày làm việc',
  },
  {
    key: 'saturdayReceivingHours',
    label: 'Tiếp nhận thứ Bảy',
    hint: 'Nhận hồ sơ thứ Bảy không làm cho thứ Bảy thành ngày làm việc',
  },
];

const rangesText = (ranges: readonly TimeRange[]) =>
  ranges.length ? ranges.map((r) => `${r.from}–${r.to}`).join(', ') : 'Không';

interface Props {
  agencyId: string;
  agencyName: string;
  editable: boolean;
}

/** Office and receiving hours of the active agency; its administrators can change them. */
export function WorkingTimeCard({ agencyId, agencyName, editable }: Props) {
  const current = useApi(`working-time:${agencyId}`, () => getWorkingTime(agencyId));
  const form = useEntityForm<WorkingTime | null>(null);
  const { values: draft, setValues: setDraft, errors, failure, saving, clearMessages } = form;
  const [view, setView] = useState(current.data);

  useEffect(() => setView(current.data), [current.data]);

  const edit = (key: ListKey, change: (ranges: TimeRange[]) => TimeRange[]) =>
    setDraft((d) => (d ? { ...d, [key]: change(d[key]) } : d));

  const save = async () => {
    if (!draft) return;
    await form.submit({
      parsed: WorkingTime.safeParse(draft),
      send: async (workingTime) => {
        setView(await setWorkingTime(agencyId, workingTime));
        setDraft(null);
      },
    });
  };

  const cancel = () => {
    setDraft(null);
    clearMessages();
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="working-time-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4" id="working-time-title">
            Giờ làm việc — {agencyName}
          </Title>
          {view?.inherited && !draft && <Badge color="gray">Theo cấp trên / mặc định</Badge>}
        </Group>
        <ErrorAlert
          error={current.error ?? failure}
          isShownInline={(path) => /^(officeHours|receivingHours|saturdayReceivingHours)/.test(path)}
        />
        {current.loading && !view && <Loader size="sm" aria-label="Đang tải" />}
        {view &&
          !draft &&
          lists.map((l) => (
            <Group key={l.key} gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" fw={600} w={170} style={{ flexShrink: 0 }}>
                {l.label}
              </Text>
              <Text size="sm" data-testid={`wt-${l.key}`}>
                {rangesText(view.workingTime[l.key])}
              </Text>
            </Group>
          ))}
        {draft &&
          lists.map((l) => (
            <Stack key={l.key} gap={4} role="group" aria-label={l.label}>
              <Text size="sm" fw={600}>
                {l.label}
              </Text>
              <Text size="xs" c="dimmed">
                {l.hint}
              </Text>
              {draft[l.key].map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a range is identified by its place in the list.
                <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                  {(['from', 'to'] as const).map((end) => (
                    <TimeField
                      key={end}
                      aria-label={`${l.label} ${i + 1} ${end === 'from' ? 'từ' : 'đến'}`}
                      value={r[end]}
                      w={140}
                      error={
                        errors[`${l.key}.${i}.${end}`] ?? (end === 'to' ? errors[`${l.key}.${i}`] : undefined)
                      }
                      onChange={(value) =>
                        edit(l.key, (rs) => rs.map((x, j) => (j === i ? { ...x, [end]: value } : x)))
                      }
                    />
                  ))}
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={`Xóa ${l.label} ${i + 1}`}
                    onClick={() => edit(l.key, (rs) => rs.filter((_, j) => j !== i))}
                  >
                    ✕
                  </ActionIcon>
                </Group>
              ))}
              {errors[l.key] && (
                <Text size="xs" c="red">
                  {errors[l.key]}
                </Text>
              )}
              <Button
                variant="subtle"
                size="xs"
                w="fit-content"
                onClick={() => edit(l.key, (rs) => [...rs, { from: rs.at(-1)?.to ?? '07:00', to: '17:00' }])}
              >
                + Thêm khoảng giờ
              </Button>
            </Stack>
          ))}
        {editable && view && (
          <Group justify="flex-end">
            {draft ? (
              <>
                <Button variant="default" onClick={cancel}>
                  Hủy
                </Button>
                <Button onClick={save} loading={saving}>
                  Lưu giờ làm việc
                </Button>
              </>
            ) : (
              <Button variant="light" onClick={() => setDraft(structuredClone(view.workingTime))}>
                Sửa giờ làm việc
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
