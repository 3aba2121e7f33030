import {
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { onlineLevelLabel, onlineLevels } from '../../../../domain/catalogue/labels.ts';
import type { ProcedureSummary } from '../../../../domain/catalogue/listing.ts';
import type { ProcedureLevel } from '../../../../domain/catalogue/procedure.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { FreeBadge, OnlineLevelBadge } from './badges.tsx';
import { listProcedures, parseOnlineLevel } from './catalogue.api.ts';

const PAGE = 20;
const levelOptions = [
  { value: '', label: 'Tất cả các cấp' },
  { value: 'commune', label: 'Cấp xã' },
  { value: 'province', label: 'Cấp tỉnh' },
];
const parseLevel = (v: string | null): ProcedureLevel | undefined =>
  v === 'commune' || v === 'province' ? v : undefined;

function ProcedureCard({ procedure: p }: { procedure: ProcedureSummary }) {
  return (
    <Paper component="li" withBorder radius="md" p="md" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Text size="xs" c="dimmed">
          <Text span ff="monospace" size="xs">
            {p.nationalCode}
          </Text>
          {' · '}
          {p.sector.name}
        </Text>
        <Anchor component={Link} to={`/thu-tuc/${p.nationalCode}`} fw={600} size="lg" lh={1.3}>
          {p.name}
        </Anchor>
        <Text size="sm">
          Thời hạn giải quyết: <strong>{p.limitText}</strong>
          {p.legalLimitText && (
            <Text span size="sm" c="dimmed">
              {' '}
              (luật định: {p.legalLimitText})
            </Text>
          )}
        </Text>
        <Group gap="xs">
          <OnlineLevelBadge level={p.onlineLevel} />
          {p.isFree && <FreeBadge />}
        </Group>
      </Stack>
    </Paper>
  );
}

/** Public listing (niêm yết công khai) of the procedures in force: search, sector and online-level filters. */
export function CataloguePage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sector = params.get('sector') ?? '';
  const onlineLevel = parseOnlineLevel(params.get('onlineLevel'));
  const level = parseLevel(params.get('level'));
  const [text, setText] = useState(q);
  const [shown, setShown] = useState(PAGE);
  const [debounced] = useDebouncedValue(text.trim(), 300);

  // The typed text reaches the address (and the request) once typing pauses; back keeps the search.
  useEffect(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (debounced) next.set('q', debounced);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);

  const setParam = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const filter = { q: q || undefined, sector: sector || undefined, level, onlineLevel };
  const key = JSON.stringify(filter);
  // A new search starts again at the first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on every change of the filter
  useEffect(() => setShown(PAGE), [key]);
  const listing = useApi(`catalogue:${key}:${shown}`, () => listProcedures({ ...filter, limit: shown }));
  const items = listing.data?.items ?? [];
  const total = listing.data?.total ?? 0;
  const sectors = (listing.data?.sectors ?? []).map((s) => ({
    value: s.code,
    label: `${s.name} (${formatNumber(s.count)})`,
  }));
  if (sector && !sectors.some((s) => s.value === sector)) sectors.unshift({ value: sector, label: sector });

  return (
    <Stack gap="md" maw={960}>
      <div>
        <Title order={2}>Thủ tục hành chính</Title>
        <Text c="dimmed" size="sm">
          Niêm yết công khai các thủ tục đang có hiệu lực: hồ sơ cần nộp, thời hạn, phí, lệ phí.
        </Text>
      </div>
      <TextInput
        label="Tìm thủ tục"
        placeholder="Tên hoặc mã thủ tục, gõ có dấu hoặc không dấu"
        type="search"
        inputMode="search"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        size="md"
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NativeSelect
          label="Lĩnh vực"
          value={sector}
          onChange={(e) => setParam('sector', e.currentTarget.value)}
          data={[{ value: '', label: 'Tất cả lĩnh vực' }, ...sectors]}
        />
        <NativeSelect
          label="Cấp thực hiện"
          value={level ?? ''}
          onChange={(e) => setParam('level', e.currentTarget.value)}
          data={levelOptions}
        />
        <NativeSelect
          label="Mức độ trực tuyến"
          value={onlineLevel ?? ''}
          onChange={(e) => setParam('onlineLevel', e.currentTarget.value)}
          data={[
            { value: '', label: 'Tất cả' },
            ...onlineLevels.map((level) => ({ value: level, label: onlineLevelLabel[level] })),
          ]}
        />
      </SimpleGrid>
      <ErrorAlert error={listing.error} />
      {listing.loading && !listing.data ? (
        <Loader aria-label="Đang tải" />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {total === 0
              ? 'Không tìm thấy thủ tục nào phù hợp.'
              : items.length < total
                ? `${formatNumber(total)} thủ tục (đang hiện ${formatNumber(items.length)})`
                : `${formatNumber(total)} thủ tục`}
          </Text>
          <Stack
            component="ul"
            gap="sm"
            p={0}
            m={0}
            aria-label="Danh sách thủ tục hành chính"
            aria-busy={listing.loading}
            style={{ opacity: listing.loading ? 0.6 : 1 }}
          >
            {items.map((p) => (
              <ProcedureCard key={p.nationalCode} procedure={p} />
            ))}
          </Stack>
          {items.length < total && (
            <Button variant="light" onClick={() => setShown((n) => n + PAGE)} loading={listing.loading}>
              Xem thêm {formatNumber(Math.min(PAGE, total - items.length))} thủ tục
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
