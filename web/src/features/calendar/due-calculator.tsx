import { Button, List, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type DueRequest, DueRule } from '../../../../domain/calendar/requests.ts';
import { DateField } from '../../components/date-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { TimeField } from '../../components/time-field.tsx';
import type { ApiError } from '../../lib/api.ts';
import { isClockTime } from '../../lib/dates.ts';
import { formatDateThenTime } from '../../lib/format.ts';
import { asApiError } from '../../lib/use-api.ts';
import { computeDue } from './calendar.api.ts';
import { clockInVietnam, todayInVietnam } from './dates.ts';

type RuleKind = 'workingDays' | 'workingHours' | 'sameDay' | 'calendarDays';
const ruleOptions: { value: RuleKind; label: string }[] = [
  { value: 'workingDays', label: 'Ngày làm việc' },
  { value: 'workingHours', label: 'Giờ làm việc' },
  { value: 'sameDay', label: 'Trong ngày' },
  { value: 'calendarDays', label: 'Ngày (tính cả ngày nghỉ)' },
];
const isRuleKind = (v: string): v is RuleKind => ruleOptions.some((o) => o.value === v);

const ruleOf = (kind: RuleKind, amount: string): unknown => {
  if (kind === 'sameDay') return { sameDay: true };
  return { [kind]: amount.trim() === '' ? Number.NaN : Number(amount.replace(',', '.')) };
};

interface Result {
  dueAt: string;
  explanation: string[];
}

/** "Tính hạn": when a dossier received at a given moment falls due under a given time limit. */
export function DueCalculator({
  agencyCode,
  agencyName,
}: {
  agencyCode: string | null;
  agencyName: string | null;
}) {
  const [date, setDate] = useState(todayInVietnam);
  const [time, setTime] = useState(clockInVietnam);
  const [kind, setKind] = useState<RuleKind>('workingDays');
  const [amount, setAmount] = useState('3');
  const [result, setResult] = useState<Result>();
  const [failure, setFailure] = useState<ApiError>();
  const [invalid, setInvalid] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    setInvalid(undefined);
    const rule = DueRule.safeParse(ruleOf(kind, amount));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isClockTime(time)) {
      setInvalid('Vui lòng nhập ngày và giờ tiếp nhận');
      return;
    }
    if (!rule.success) {
      setInvalid('Thời hạn không hợp lệ: nhập một số dương (số ngày là số nguyên)');
      return;
    }
    const body: DueRequest = { from: `${date}T${time}:00+07:00`, rule: rule.data };
    if (agencyCode) body.agencyCode = agencyCode;
    setBusy(true);
    try {
      setResult(await computeDue(body));
    } catch (e) {
      setResult(undefined);
      setFailure(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="due-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="due-title">
            Tính hạn
          </Title>
          {agencyCode && agencyName && (
            <Text size="xs" c="dimmed">
              Theo giờ làm việc của {agencyName}
            </Text>
          )}
          <SimpleGrid cols={2} spacing="xs">
            <DateField label="Ngày tiếp nhận" value={date} onChange={setDate} />
            <TimeField label="Giờ tiếp nhận" value={time} onChange={setTime} />
            <NativeSelect
              label="Tính theo"
              data={ruleOptions}
              value={kind}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (isRuleKind(value)) setKind(value);
              }}
            />
            <TextInput
              type="number"
              inputMode="decimal"
              label={kind === 'workingHours' ? 'Số giờ' : 'Số ngày'}
              value={kind === 'sameDay' ? '' : amount}
              disabled={kind === 'sameDay'}
              min={0}
              onChange={(e) => setAmount(e.currentTarget.value)}
            />
          </SimpleGrid>
          {invalid && (
            <Text size="sm" c="red" role="alert">
              {invalid}
            </Text>
          )}
          <ErrorAlert error={failure} />
          <Button type="submit" loading={busy}>
            Tính hạn
          </Button>
          {result && (
            <Stack gap={4} role="status" aria-label="Kết quả tính hạn">
              <Text size="sm">
                Hạn giải quyết:{' '}
                <Text span fw={700} data-testid="due-at">
                  {formatDateThenTime(result.dueAt)}
                </Text>
              </Text>
              <List size="sm" spacing={2}>
                {result.explanation.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </Stack>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
