import { Button, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Agency } from '../../../../domain/org/agency.ts';
import { useSession } from '../../app/session.tsx';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { listReceivingAgencies } from '../dossiers/dossiers.api.ts';
import { monthOf } from './deadline-text.ts';
import { dossierLogUrl, type LogPeriod } from './oversight.api.ts';

/** The active agency's own desk (its service centre first), else the first desk in scope. */
const defaultDesk = (desks: readonly Agency[], activeId: string | undefined): Agency | undefined =>
  desks.find((a) => a.id === activeId || a.parentId === activeId) ?? desks[0];

/** Form 06: pick a receiving agency and a period, then open the PDF or download the Excel workbook. */
export function DossierLogPage() {
  const { activeAgency } = useSession();
  const desks = useApi('receiving-agencies', listReceivingAgencies);
  const [picked, setPicked] = useState('');
  const [period, setPeriod] = useState(() => monthOf(new Date()));
  const agency =
    desks.data?.find((a) => a.id === picked) ?? defaultDesk(desks.data ?? [], activeAgency?.agencyId);

  const { from, to } = period;
  const missing = !from || !to;
  const reversed = !missing && to < from;
  const query: LogPeriod | null = agency && !missing && !reversed ? { agencyId: agency.id, from, to } : null;

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Sổ theo dõi hồ sơ</Title>
        <Text c="dimmed" size="sm">
          Mẫu số 06: các hồ sơ tiếp nhận tại một nơi tiếp nhận trong kỳ, với ngày hẹn trả và kết quả giải
          quyết.
        </Text>
      </div>
      <ErrorAlert error={desks.error} />
      {desks.loading && !desks.data ? (
        <Loader aria-label="Đang tải" />
      ) : (
        <Paper withBorder radius="md" p="md" maw={720} component="section" aria-label="Chọn sổ">
          <Stack gap="sm">
            <NativeSelect
              label="Nơi tiếp nhận"
              value={agency?.id ?? ''}
              onChange={(e) => setPicked(e.currentTarget.value)}
              data={(desks.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
              disabled={!desks.data?.length}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <DateField
                label="Từ ngày"
                required
                value={from}
                onChange={(v) => setPeriod((p) => ({ ...p, from: v }))}
              />
              <DateField
                label="Đến ngày"
                required
                value={to}
                onChange={(v) => setPeriod((p) => ({ ...p, to: v }))}
                error={reversed ? 'Ngày cuối phải sau ngày đầu' : undefined}
              />
            </SimpleGrid>
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => setPeriod(monthOf(new Date()))}>
                Tháng này
              </Button>
              <Button size="xs" variant="light" onClick={() => setPeriod(monthOf(new Date(), -1))}>
                Tháng trước
              </Button>
            </Group>
            {desks.data?.length === 0 && (
              <Text c="dimmed">Phạm vi của bạn không có nơi tiếp nhận hồ sơ nào.</Text>
            )}
            {query && agency ? (
              <Text size="sm" data-testid="log-summary">
                Sổ của <strong>{agency.name}</strong>, hồ sơ tiếp nhận từ ngày{' '}
                <strong>{formatDate(query.from)}</strong> đến ngày <strong>{formatDate(query.to)}</strong>.
              </Text>
            ) : (
              missing && (
                <Text size="sm" c="red.7">
                  Chọn ngày đầu và ngày cuối của kỳ.
                </Text>
              )
            )}
            <Group gap="sm" grow preventGrowOverflow={false}>
              {query ? (
                <>
                  <Button component="a" href={dossierLogUrl('pdf', query)} target="_blank" rel="noopener">
                    Xem, in bản PDF
                  </Button>
                  <Button component="a" href={dossierLogUrl('xlsx', query)} download variant="default">
                    Tải bản Excel (.xlsx)
                  </Button>
                </>
              ) : (
                <>
                  <Button disabled>Xem, in bản PDF</Button>
                  <Button disabled variant="default">
                    Tải bản Excel (.xlsx)
                  </Button>
                </>
              )}
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
