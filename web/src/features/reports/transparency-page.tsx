import { Anchor, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PeriodKind } from '../../../../domain/dashboard/periods.ts';
import type { PublicFigures, PublicPeriod } from '../../../../domain/dashboard/transparency.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { getTransparency } from './transparency.api.ts';

const rate = (r: number | null) => (r === null ? '—' : formatPercent(r));
const here = (agencyId: string) => `/cong-khai?${new URLSearchParams({ donVi: agencyId })}`;

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="sm" c="dimmed" lh={1.3}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

function Figures({ f }: { f: PublicFigures }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" role="group" aria-label="Số liệu tổng hợp">
      <Figure label="Hồ sơ tiếp nhận" value={formatNumber(f.received)} />
      <Figure label="Đã giải quyết" value={formatNumber(f.resolved)} />
      <Figure label="Đúng hạn, trước hạn" value={rate(f.onTimeRate)} note="trên số đã giải quyết" />
      <Figure label="Nộp trực tuyến" value={rate(f.onlineRate)} note="trên số mới tiếp nhận" />
    </SimpleGrid>
  );
}

/** One card per unit (phone-first): its name leads to its own page, where its units are listed in turn. */
function Units({ p, agencyName }: { p: PublicPeriod; agencyName: string }) {
  if (p.units.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="units-title">
      <Title order={2} size="h4" id="units-title">
        Theo đơn vị
      </Title>
      <Stack component="ul" gap="xs" m={0} p={0}>
        {p.units.map((u) => (
          <Paper key={u.agencyId} component="li" withBorder radius="md" p="sm" style={{ listStyle: 'none' }}>
            <Stack gap={4}>
              {u.scope === 'own' ? (
                <Text fw={600}>{agencyName} (trực tiếp giải quyết)</Text>
              ) : (
                <Anchor component={Link} to={here(u.agencyId)} fw={600}>
                  {u.name}
                </Anchor>
              )}
              <Text size="sm">
                Tiếp nhận <strong>{formatNumber(u.received)}</strong> · Đã giải quyết{' '}
                <strong>{formatNumber(u.resolved)}</strong>
              </Text>
              <Text size="sm">
                Đúng hạn <strong>{rate(u.onTimeRate)}</strong> · Trực tuyến{' '}
                <strong>{rate(u.onlineRate)}</strong>
              </Text>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** Công khai kết quả giải quyết thủ tục hành chính: public, no login, counts only. */
export function TransparencyPage() {
  const [params] = useSearchParams();
  const agencyId = params.get('donVi');
  const [kind, setKind] = useState<PeriodKind>('month');
  const data = useApi(`transparency:${agencyId ?? ''}`, () => getTransparency(agencyId));
  const t = data.data;
  const period = t?.periods.find((p) => p.kind === kind);

  return (
    <Stack gap="md" maw={960} mx="auto" w="100%">
      <div>
        <Title order={1} size="h2">
          Công khai kết quả giải quyết thủ tục hành chính
        </Title>
        {t && (
          <Text size="sm" c="dimmed">
            {t.agency.name} · số liệu tính đến {formatDateTime(t.asOf)}
          </Text>
        )}
      </div>
      {t?.parent && (
        <Anchor component={Link} to={here(t.parent.id)} size="sm">
          ← {t.parent.name}
        </Anchor>
      )}
      <ErrorAlert error={data.error} />
      {data.loading && !t ? (
        <Loader aria-label="Đang tải" />
      ) : (
        t &&
        period && (
          <>
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v as PeriodKind)}
              data={t.periods.map((p) => ({ value: p.kind, label: p.label }))}
              aria-label="Kỳ"
              fullWidth
            />
            <Text size="sm" data-testid="transparency-period">
              {period.label}: từ ngày {formatDate(period.from)} đến ngày {formatDate(period.to)}
            </Text>
            <Figures f={period.total} />
            <Units p={period} agencyName={t.agency.name} />
            <Text size="xs" c="dimmed">
              Số liệu theo Biểu 06/VPCP/KSTT: hồ sơ tiếp nhận gồm hồ sơ kỳ trước chuyển qua; tỷ lệ đúng hạn
              tính trên hồ sơ đã giải quyết trong kỳ; tỷ lệ trực tuyến tính trên hồ sơ mới tiếp nhận trong kỳ.
            </Text>
          </>
        )
      )}
    </Stack>
  );
}
