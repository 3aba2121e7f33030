import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { formatDate } from '../../lib/format.ts';
import {
  type DayInfo,
  type DayKind,
  isoOf,
  monthNames,
  monthWeeks,
  weekdayHeaders,
  weekdayName,
} from './dates.ts';

const kindStyle: Record<DayKind, CSSProperties> = {
  holiday: { background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-red-9)', fontWeight: 700 },
  makeUp: {
    background: 'var(--mantine-color-teal-1)',
    color: 'var(--mantine-color-teal-9)',
    fontWeight: 700,
  },
  weekend: { background: 'var(--mantine-color-gray-1)', color: 'var(--mantine-color-gray-6)' },
  working: {},
};

const kindText: Record<DayKind, string> = {
  holiday: 'Ngày nghỉ lễ, Tết',
  makeUp: 'Ngày làm bù',
  weekend: 'Nghỉ hằng tuần',
  working: 'Ngày làm việc',
};

const todayStyle: CSSProperties = {
  outline: '2px solid var(--mantine-color-blue-6)',
  outlineOffset: -2,
  borderRadius: 4,
};

const cellStyle: CSSProperties = {
  textAlign: 'center',
  padding: '4px 0',
  fontSize: 'var(--mantine-font-size-sm)',
  fontVariantNumeric: 'tabular-nums',
  borderRadius: 4,
};

function Month({
  year,
  month,
  days,
  today,
}: {
  year: number;
  month: number;
  days: Map<string, DayInfo>;
  today: string;
}) {
  return (
    <Paper withBorder radius="md" p="xs">
      <Text fw={700} size="sm" ta="center" mb={4}>
        {monthNames[month]}
      </Text>
      <table
        aria-label={`${monthNames[month]} năm ${year}`}
        style={{ width: '100%', borderCollapse: 'separate', borderSpacing: 2, tableLayout: 'fixed' }}
      >
        <thead>
          <tr>
            {weekdayHeaders.map((w, i) => (
              <th
                key={w}
                scope="col"
                style={{
                  fontSize: 'var(--mantine-font-size-xs)',
                  color: i > 4 ? 'var(--mantine-color-gray-6)' : undefined,
                }}
              >
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week) => (
            <tr key={week.find((d) => d !== null)}>
              {week.map((day, i) => {
                // biome-ignore lint/suspicious/noArrayIndexKey: empty padding cells have only their position.
                if (day === null) return <td key={`pad-${i}`} />;
                const iso = isoOf(year, month, day);
                const info = days.get(iso);
                const kind: DayKind = info?.kind ?? (i > 4 ? 'weekend' : 'working');
                const label = `${weekdayName(iso)}, ${formatDate(iso)}: ${info?.name ?? kindText[kind]}`;
                return (
                  <td
                    key={iso}
                    title={label}
                    aria-label={iso === today ? `${label} (hôm nay)` : label}
                    data-date={iso}
                    data-kind={kind}
                    style={{ ...cellStyle, ...kindStyle[kind], ...(iso === today ? todayStyle : {}) }}
                  >
                    {day}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Paper>
  );
}

function Swatch({ style, label }: { style: CSSProperties; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span
        aria-hidden
        style={{
          ...style,
          width: 16,
          height: 16,
          borderRadius: 4,
          display: 'inline-block',
          border: '1px solid var(--mantine-color-gray-3)',
        }}
      />
      <Text size="sm">{label}</Text>
    </Group>
  );
}

export function CalendarLegend() {
  return (
    <Group gap="md" aria-label="Chú thích">
      <Swatch style={kindStyle.holiday} label={kindText.holiday} />
      <Swatch style={kindStyle.makeUp} label={kindText.makeUp} />
      <Swatch style={kindStyle.weekend} label="Thứ Bảy, Chủ nhật" />
      <Swatch style={{ ...todayStyle, outlineOffset: -2 }} label="Hôm nay" />
    </Group>
  );
}

/** The twelve months of a year, Monday-first weeks, each day coloured by what it is. */
export function YearGrid({ year, days, today }: { year: number; days: Map<string, DayInfo>; today: string }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="sm">
      {monthNames.map((name, month) => (
        <Month key={name} year={year} month={month} days={days} today={today} />
      ))}
    </SimpleGrid>
  );
}
