import { ActionIcon, Group, Loader, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useApi } from '../../lib/use-api.ts';
import { listAgencies } from '../agencies/agencies.api.ts';
import { getCalendarYear } from './calendar.api.ts';
import { dayIndex, FIRST_YEAR, lastYear, todayInVietnam } from './dates.ts';
import { DueCalculator } from './due-calculator.tsx';
import { CalendarLegend, YearGrid } from './month-grid.tsx';
import { NoticeForm } from './notice-form.tsx';
import { NoticesTable } from './notices-table.tsx';
import { WorkingTimeCard } from './working-time-card.tsx';
import { YearSummary } from './year-summary.tsx';

/** Whether the active agency is a root of the tree (the province): only its administrators enter notices. */
function useIsProvinceAdmin(agencyId: string | undefined, isAdmin: boolean): boolean {
  const { data } = useApi(`calendar-root:${agencyId ?? ''}:${isAdmin}`, async () => {
    if (!agencyId || !isAdmin) return false;
    const agencies = await listAgencies();
    return agencies.find((a) => a.id === agencyId)?.depth === 0;
  });
  return data === true;
}

/** `/admin/calendar`: the legal clock's working-day calendar, year by year, with notices, hours and a due date tool. */
export function CalendarPage() {
  const { activeAgency, roles } = useSession();
  const isAdmin = roles.includes('admin');
  const canManageNotices = useIsProvinceAdmin(activeAgency?.agencyId, isAdmin);
  const today = todayInVietnam();
  const maxYear = lastYear(today);
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year =
    Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= maxYear ? asked : Number(today.slice(0, 4));
  const cal = useApi(`calendar-year:${year}`, () => getCalendarYear(year));
  const days = useMemo(() => (cal.data ? dayIndex(cal.data) : new Map()), [cal.data]);
  const shown = cal.data?.year === year ? cal.data : undefined;

  const goTo = (y: number) => setParams({ year: String(y) }, { replace: true });
  const years = Array.from({ length: maxYear - FIRST_YEAR + 1 }, (_, i) => String(FIRST_YEAR + i));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={2}>Lịch làm việc</Title>
        <Group gap={6} wrap="nowrap" role="group" aria-label="Chọn năm">
          <ActionIcon
            variant="default"
            size="lg"
            aria-label="Năm trước"
            disabled={year <= FIRST_YEAR}
            onClick={() => goTo(year - 1)}
          >
            ‹
          </ActionIcon>
          <NativeSelect
            aria-label="Năm"
            data={years}
            value={String(year)}
            onChange={(e) => goTo(Number(e.currentTarget.value))}
            w={100}
          />
          <ActionIcon
            variant="default"
            size="lg"
            aria-label="Năm sau"
            disabled={year >= maxYear}
            onClick={() => goTo(year + 1)}
          >
            ›
          </ActionIcon>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        Ngày làm việc dùng để tính hạn giải quyết thủ tục hành chính: nghỉ Thứ Bảy, Chủ nhật, các ngày lễ, Tết
        theo Bộ luật Lao động và thông báo chính thức hằng năm.
      </Text>
      <ErrorAlert error={cal.error} />
      {!shown && cal.loading && <Loader aria-label="Đang tải" />}
      {shown && (
        <>
          <Title order={3} size="h3" data-testid="calendar-year">
            Năm {shown.year}
          </Title>
          <CalendarLegend />
          <YearGrid year={shown.year} days={days} today={today} />
          <YearSummary cal={shown} />
          <Stack gap="xs" component="section" aria-labelledby="notices-title">
            <Title order={3} size="h4" id="notices-title">
              Thông báo nghỉ lễ, làm bù năm {shown.year}
            </Title>
            <NoticesTable notices={shown.notices} canManage={canManageNotices} onChanged={cal.reload} />
          </Stack>
        </>
      )}
      {canManageNotices && (
        <NoticeForm
          onCreated={(date) => {
            const y = Number(date.slice(0, 4));
            if (y === year) cal.reload();
            else if (y >= FIRST_YEAR && y <= maxYear) goTo(y);
          }}
        />
      )}
      {isAdmin && !canManageNotices && (
        <Text size="sm" c="dimmed">
          Thông báo nghỉ lễ, làm bù do quản trị viên cấp tỉnh nhập, áp dụng cho mọi cơ quan, đơn vị.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {activeAgency && (
          <WorkingTimeCard
            agencyId={activeAgency.agencyId}
            agencyName={activeAgency.agencyName}
            editable={isAdmin}
          />
        )}
        <DueCalculator
          agencyCode={activeAgency?.agencyCode ?? null}
          agencyName={activeAgency?.agencyName ?? null}
        />
      </SimpleGrid>
    </Stack>
  );
}
