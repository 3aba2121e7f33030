import { Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { Dashboard, DashboardQuery } from '../../../../domain/dashboard/dashboard.ts';
import { type PeriodKind, periodContaining, vnToday } from '../../../../domain/dashboard/periods.ts';
import { useSession } from '../../app/session.tsx';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate, formatDateTime, formatPercent } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { listAgencies } from '../agencies/agencies.api.ts';
import { AgencySelect } from '../agencies/agency-select.tsx';
import { ONLINE_COLOR, RateLine, StackedBars, UnitBars } from './charts.tsx';
import { QualityPanels } from './quality-panels.tsx';
import { drillHref, form06PdfUrl, form06XlsxUrl, getDashboard } from './reports.api.ts';
import { Tiles } from './tiles.tsx';
import { UnitsTable } from './units-table.tsx';

const presets: { kind: PeriodKind; label: string }[] = [
  { kind: 'month', label: 'Tháng này' },
  { kind: 'quarter', label: 'Quý này' },
  { kind: 'year', label: 'Năm nay' },
];

/** Days as bars; a long period (more than two months) as months instead, so that bars stay readable. */
function receivedSeries(d: Dashboard) {
  const days = d.receivedPerDay;
  if (days.length <= 62) {
    const every = Math.ceil(days.length / 8);
    return days.map((p, i) => ({
      label: formatDate(p.day),
      tick: i % every === 0 ? p.day.slice(8, 10) : null,
      a: p.online,
      b: p.direct,
    }));
  }
  const months = new Map<string, { label: string; tick: string; a: number; b: number }>();
  for (const p of days) {
    const key = `${p.day.slice(5, 7)}/${p.day.slice(0, 4)}`;
    const m = months.get(key) ?? { label: key, tick: p.day.slice(5, 7), a: 0, b: 0 };
    m.a += p.online;
    m.b += p.direct;
    months.set(key, m);
  }
  return [...months.values()];
}

function Charts({ d, query }: { d: Dashboard; query: DashboardQuery }) {
  const series = receivedSeries(d);
  const fresh = d.total.receivedOnline + d.total.receivedDirect;
  const lastRate = (key: 'onTimeRate' | 'onlineShare') => {
    const known = d.months.filter((m) => m[key] !== null);
    const last = known.at(-1);
    return last ? `Tháng ${last.label}: ${formatPercent(last[key]!)}.` : 'Chưa có số liệu.';
  };
  const units = d.units
    .filter((u) => u.overdue > 0)
    .map((u) => ({
      key: u.key,
      label: u.scope === 'own' ? `${u.label} (trực tiếp giải quyết)` : u.label,
      value: u.overdue,
      href: drillHref(
        { ...query, agencyId: u.key, column: 'overdue', scope: u.scope === 'own' ? 'own' : 'subtree' },
        query.agencyId,
      ),
    }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder radius="md" p="md">
        <StackedBars
          title={
            series.length === d.receivedPerDay.length
              ? 'Hồ sơ tiếp nhận theo ngày'
              : 'Hồ sơ tiếp nhận theo tháng'
          }
          summary={`${fresh} hồ sơ mới tiếp nhận trong kỳ.`}
          points={series}
          names={['Trực tuyến', 'Trực tiếp, bưu chính']}
        />
      </Paper>
      <Paper withBorder radius="md" p="md">
        <RateLine
          title="Tỷ lệ giải quyết đúng hạn theo tháng (12 tháng)"
          summary={lastRate('onTimeRate')}
          points={d.months.map((m) => ({ label: m.label, rate: m.onTimeRate }))}
          color="var(--mantine-color-green-7)"
        />
      </Paper>
      <Paper withBorder radius="md" p="md">
        <UnitBars
          title="Hồ sơ đang quá hạn theo đơn vị"
          summary="Chọn một đơn vị để xem các hồ sơ quá hạn."
          bars={units}
          color="var(--mantine-color-red-6)"
          empty="Không có hồ sơ quá hạn."
        />
      </Paper>
      <Paper withBorder radius="md" p="md">
        <RateLine
          title="Tỷ lệ hồ sơ trực tuyến theo tháng (12 tháng)"
          summary={lastRate('onlineShare')}
          points={d.months.map((m) => ({ label: m.label, rate: m.onlineShare }))}
          color={ONLINE_COLOR}
        />
      </Paper>
    </SimpleGrid>
  );
}

/** The leaders' dashboard: Biểu 06 numbers for an agency subtree and a period, with charts and drill-down. */
export function DashboardPage() {
  const { activeAgency, roles } = useSession();
  // Biểu 06's Excel route is for leaders (and desk officers): administrators read the dashboard only.
  const canExport = roles.includes('leader');
  const [params, setParams] = useSearchParams();
  const month = periodContaining('month', vnToday(new Date()));
  const query = {
    agencyId: params.get('agencyId') ?? activeAgency?.agencyId ?? '',
    from: params.get('from') ?? month.from,
    to: params.get('to') ?? month.to,
  };
  const set = (patch: Partial<DashboardQuery>) => setParams({ ...query, ...patch }, { replace: true });
  const reversed = query.from !== '' && query.to !== '' && query.to < query.from;
  const ready = query.agencyId !== '' && query.from !== '' && query.to !== '' && !reversed;

  const agencies = useApi('agencies', listAgencies);
  const dashboard = useApi(ready ? JSON.stringify(query) : 'none', () =>
    ready ? getDashboard(query) : Promise.resolve(undefined),
  );
  const d = dashboard.data;

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Bảng điều hành</Title>
        <Text c="dimmed" size="sm">
          Tình hình, kết quả giải quyết thủ tục hành chính (số liệu Biểu 06/VPCP/KSTT). Chọn một con số để xem
          danh sách hồ sơ.
        </Text>
      </div>
      <Paper withBorder radius="md" p="md" component="section" aria-label="Chọn đơn vị và kỳ">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <AgencySelect
              label="Cơ quan, đơn vị"
              agencies={agencies.data ?? []}
              value={query.agencyId || null}
              onChange={(id) => id && set({ agencyId: id })}
            />
            <DateField label="Từ ngày" required value={query.from} onChange={(v) => set({ from: v })} />
            <DateField
              label="Đến ngày"
              required
              value={query.to}
              onChange={(v) => set({ to: v })}
              error={reversed ? 'Ngày cuối phải sau ngày đầu' : undefined}
            />
          </SimpleGrid>
          <Group gap="xs" justify="space-between">
            <Group gap="xs">
              {presets.map((p) => (
                <Button
                  key={p.kind}
                  size="xs"
                  variant="light"
                  onClick={() => set(periodContaining(p.kind, vnToday(new Date())))}
                >
                  {p.label}
                </Button>
              ))}
            </Group>
            {canExport &&
              (ready ? (
                <Group gap="xs">
                  <Button component="a" href={form06XlsxUrl(query)} download size="xs" variant="default">
                    Xuất Biểu 06 (Excel)
                  </Button>
                  <Button component="a" href={form06PdfUrl(query)} download size="xs" variant="default">
                    Biểu 06 (PDF để in)
                  </Button>
                </Group>
              ) : (
                <Button size="xs" variant="default" disabled>
                  Xuất Biểu 06 (Excel)
                </Button>
              ))}
          </Group>
        </Stack>
      </Paper>
      <ErrorAlert error={agencies.error ?? dashboard.error} />
      {dashboard.loading && !d ? (
        <Loader aria-label="Đang tải" />
      ) : (
        d && (
          <>
            <Text size="sm" data-testid="dashboard-summary">
              <strong>{d.agency.name}</strong>, từ ngày {formatDate(d.period.from)} đến ngày{' '}
              {formatDate(d.period.to)} (số liệu tính đến {formatDateTime(d.asOf)}).
            </Text>
            <Tiles d={d} query={query} />
            <Charts d={d} query={query} />
            <UnitsTable d={d} query={query} />
            <QualityPanels query={query} />
          </>
        )
      )}
    </Stack>
  );
}
