import { Alert, Anchor, Group, List, Loader, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { Link, useParams } from 'react-router';
import { resultDeliveryLabel } from '../../../../domain/dossier/labels.ts';
import type { DossierView } from '../../../../domain/dossier/views.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatBytes, formatDate, formatDateThenTime } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { StatusBadge } from '../dossiers/badges.tsx';
import { fileUrl, getMyDossier } from './dossiers.api.ts';
import { PaymentLink } from './payment-link.tsx';
import { RatingCard } from './rating-card.tsx';
import { ResultCard } from './result-card.tsx';
import { SupplementCard } from './supplement-card.tsx';

function Line({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The steps a citizen cares about: those that changed the status (submitted, accepted, asked for more…). */
const milestones = (d: DossierView) => d.events.filter((e) => e.fromStatus !== e.toStatus);

/** The citizen's own online supplement reads as theirs, not as the desk's intake. */
const labelOf = (e: DossierView['events'][number]) =>
  e.action === 'receiveSupplement' && e.role === null ? 'Ông/Bà đã nộp bổ sung hồ sơ trực tuyến' : e.label;

function Details({ d, onChanged }: { d: DossierView; onChanged: () => void }) {
  const submittedAt = d.events[0]?.at ?? d.receivedAt;
  const refusal =
    d.status === 'notAccepted' ? d.events.findLast((e) => e.toStatus === 'notAccepted') : undefined;
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          Mã hồ sơ
        </Text>
        <Title order={2} ff="monospace" size="h3" style={{ wordBreak: 'break-all' }}>
          {d.code}
        </Title>
        <Group>
          <span data-testid="my-dossier-status">
            <StatusBadge status={d.status} size="lg" />
          </span>
        </Group>
      </Stack>
      {refusal?.note && (
        <Alert color="red" title="Lý do không tiếp nhận">
          {refusal.note}
        </Alert>
      )}
      <PaymentLink dossierId={d.id} version={d.events.length} />
      <SupplementCard d={d} onDone={onChanged} />
      <ResultCard d={d} />
      {(d.status === 'resolved' || d.status === 'returned') && (
        <RatingCard dossierId={d.id} status={d.status} />
      )}
      <Card title="Thông tin hồ sơ">
        <Stack gap="sm">
          <Line label="Thủ tục">{d.procedure.name}</Line>
          <Line label="Nơi tiếp nhận">{d.receivingAgency.name}</Line>
          <Group gap="xl" style={{ rowGap: 'var(--mantine-spacing-sm)' }}>
            <Line label="Ngày nộp">{formatDate(submittedAt)}</Line>
            <Line label="Ngày hẹn trả kết quả" testId="my-dossier-due">
              {d.dueAt ? formatDateThenTime(d.dueAt) : 'Có khi Bộ phận Một cửa tiếp nhận hồ sơ'}
            </Line>
          </Group>
          {(d.resolvedAt || d.finishedAt) && (
            <Group gap="xl" style={{ rowGap: 'var(--mantine-spacing-sm)' }}>
              {d.resolvedAt && <Line label="Có kết quả">{formatDate(d.resolvedAt)}</Line>}
              {d.finishedAt && <Line label="Kết thúc">{formatDate(d.finishedAt)}</Line>}
            </Group>
          )}
          <Line label="Cách nhận kết quả">{resultDeliveryLabel[d.resultDelivery]}</Line>
        </Stack>
      </Card>
      <Card title="Quá trình xử lý">
        <Timeline active={milestones(d).length - 1} bulletSize={14} lineWidth={2}>
          {milestones(d).map((e) => (
            <Timeline.Item key={e.seq} title={<Text size="sm">{labelOf(e)}</Text>}>
              <Text size="xs" c="dimmed">
                {formatDateThenTime(e.at)}
                {e.agencyName ? ` · ${e.agencyName}` : ''}
              </Text>
              {e.dueAt && <Text size="xs">Ngày hẹn trả: {formatDateThenTime(e.dueAt)}</Text>}
              {e.note && <Text size="xs">{e.note}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
      <Card title="Giấy tờ đã nộp">
        <Stack gap="sm">
          {d.documents.map((doc) => (
            <div key={doc.key}>
              <Text size="sm" fw={500}>
                {doc.name}
              </Text>
              <List size="sm" spacing={2}>
                {doc.files.map((f) => (
                  <List.Item key={f.id}>
                    <Anchor href={fileUrl(f.id)} download={f.name} size="sm">
                      {f.name}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed">
                      ({formatBytes(f.size)})
                    </Text>
                  </List.Item>
                ))}
              </List>
            </div>
          ))}
        </Stack>
      </Card>
      <Anchor component={Link} to={`/tra-cuu/${encodeURIComponent(d.code)}`} size="sm">
        Trang tra cứu công khai của hồ sơ này
      </Anchor>
    </Stack>
  );
}

/** One of the citizen's dossiers: status, due date once accepted, the steps so far, the scans handed in. */
export function MyDossierPage() {
  const { id = '' } = useParams();
  const dossier = useApi(`my-dossier:${id}`, () => getMyDossier(id));
  return (
    <Stack gap="md" maw={720} mx="auto" w="100%">
      <Anchor component={Link} to="/cong-dan/ho-so" size="sm">
        ← Hồ sơ của tôi
      </Anchor>
      <ErrorAlert error={dossier.error} preferDetail />
      {dossier.loading && !dossier.data && <Loader aria-label="Đang tải" />}
      {dossier.data && <Details d={dossier.data} onChanged={dossier.reload} />}
    </Stack>
  );
}
