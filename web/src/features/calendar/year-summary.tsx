import { Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { CalendarYear } from '../../../../domain/calendar/requests.ts';
import { formatDate } from '../../lib/format.ts';
import { holidayRuns, weekdayName } from './dates.ts';

const span = (from: string, to: string) =>
  from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;

/** The year in words: its anchors in the lunar calendar, its holidays and its make-up working days. */
export function YearSummary({ cal }: { cal: CalendarYear }) {
  const runs = holidayRuns(cal.holidays);
  const dayCount = cal.holidays.length;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="holidays-title">
        <Stack gap="xs">
          <Title order={3} size="h4" id="holidays-title">
            Ngày nghỉ lễ, Tết năm {cal.year}
          </Title>
          <List size="sm" spacing={4} aria-label="Ngày nghỉ lễ, Tết">
            {runs.map((r) => (
              <List.Item key={r.from}>
                <Text span fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {span(r.from, r.to)}
                </Text>
                : {r.name}
              </List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            {dayCount} ngày nghỉ lễ, Tết (kể cả ngày nghỉ bù, ngày nghỉ trùng cuối tuần).
          </Text>
        </Stack>
      </Paper>
      <Stack gap="sm">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="makeup-title">
          <Stack gap="xs">
            <Title order={3} size="h4" id="makeup-title">
              Ngày làm bù
            </Title>
            {cal.makeUpWorkingDays.length ? (
              <List size="sm" spacing={4} aria-label="Ngày làm bù">
                {cal.makeUpWorkingDays.map((d) => (
                  <List.Item key={d}>
                    <Text span fw={600}>
                      {formatDate(d)}
                    </Text>{' '}
                    ({weekdayName(d)})
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                Không có ngày làm bù.
              </Text>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-label="Ngày âm lịch">
          <Stack gap={4}>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" w={200}>
                Mùng 1 Tết Nguyên Đán
              </Text>
              <Text size="sm" fw={600} data-testid="lunar-new-year">
                {formatDate(cal.lunarNewYear)} ({weekdayName(cal.lunarNewYear)})
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" w={200}>
                Giỗ Tổ Hùng Vương (10/3 âm lịch)
              </Text>
              <Text size="sm" fw={600} data-testid="hung-kings">
                {formatDate(cal.hungKings)} ({weekdayName(cal.hungKings)})
              </Text>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </SimpleGrid>
  );
}
