import { Button, Group, Loader, Paper, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { PublicDossier } from '../../../../domain/dossier/views.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateThenTime } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { StatusBadge } from './badges.tsx';
import { trackDossier } from './tracking.api.ts';

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {children}
      </Text>
    </Stack>
  );
}

function Result({ d }: { d: PublicDossier }) {
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md" component="section" aria-label="Tình trạng hồ sơ">
        <Stack gap="sm">
          <Group justify="space-between" gap="xs">
            <Text ff="monospace" fw={600} style={{ wordBreak: 'break-all' }}>
              {d.code}
            </Text>
            <span data-testid="tracking-status">
              <StatusBadge status={d.status} size="lg" />
            </span>
          </Group>
          <Line label="Thủ tục">{d.procedureName}</Line>
          <Line label="Nơi tiếp nhận">{d.receivingAgency}</Line>
          <Line label="Người nộp">
            <span data-testid="tracking-applicant">{d.applicantName}</span>
          </Line>
          <Group gap="xl">
            <Line label="Ngày tiếp nhận">{formatDateThenTime(d.receivedAt)}</Line>
            <Line label="Ngày hẹn trả">{formatDateThenTime(d.dueAt) || '—'}</Line>
          </Group>
          {(d.resolvedAt || d.finishedAt) && (
            <Group gap="xl">
              {d.resolvedAt && <Line label="Có kết quả">{formatDateThenTime(d.resolvedAt)}</Line>}
              {d.finishedAt && <Line label="Kết thúc">{formatDateThenTime(d.finishedAt)}</Line>}
            </Group>
          )}
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-label="Quá trình xử lý">
        <Title order={3} size="h5" mb="sm">
          Quá trình xử lý
        </Title>
        <Timeline active={d.timeline.length - 1} bulletSize={12} lineWidth={2}>
          {d.timeline.map((t, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: public steps have no identity of their own.
            <Timeline.Item key={i} title={<Text size="sm">{t.label}</Text>}>
              <Text size="xs" c="dimmed">
                {formatDateThenTime(t.at)} · {t.status}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Paper>
    </Stack>
  );
}

function Found({ code }: { code: string }) {
  const found = useApi(`tracking:${code}`, () => trackDossier(code));
  if (found.loading && !found.data) return <Loader aria-label="Đang tra cứu" />;
  // The detail names the code ("Không tìm thấy hồ sơ mã …"): clearer than the general title.
  if (found.error) return <ErrorAlert error={found.error} preferDetail />;
  return found.data ? <Result d={found.data} /> : null;
}

/** Public tracking (no login): the code on the receipt gives the status, the dates and the public steps. */
export function TrackingPage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [text, setText] = useState(code);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = text.trim().toUpperCase();
    if (c) navigate(`/tra-cuu/${encodeURIComponent(c)}`);
  };
  return (
    <Stack gap="md" maw={640} mx="auto" w="100%">
      <div>
        <Title order={2}>Tra cứu hồ sơ</Title>
        <Text size="sm" c="dimmed">
          Nhập mã hồ sơ ghi trên giấy tiếp nhận và hẹn trả kết quả.
        </Text>
      </div>
      <form onSubmit={submit} aria-label="Tra cứu theo mã hồ sơ">
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label="Mã hồ sơ"
            placeholder="Ví dụ: 000.01.01.H26-250105-0001"
            value={text}
            onChange={(e) => setText(e.currentTarget.value.toUpperCase())}
            autoComplete="off"
            autoCapitalize="characters"
            style={{ flex: 1 }}
            size="md"
          />
          <Button type="submit" size="md">
            Tra cứu
          </Button>
        </Group>
      </form>
      {code && <Found key={code} code={code} />}
    </Stack>
  );
}
