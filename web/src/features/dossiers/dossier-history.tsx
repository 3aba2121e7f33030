import { Badge, Group, List, Paper, Stack, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { roleLabel, StaffRole } from '../../../../domain/access/roles.ts';
import { stepKindLabel } from '../../../../domain/catalogue/index.ts';
import {
  type DossierEventView,
  type DossierView,
  ResultDelivery,
  resultDeliveryLabel,
  statusLabel,
  TERMINAL,
} from '../../../../domain/dossier/index.ts';
import { formatDateThenTime, formatNumber } from '../../lib/format.ts';

const hoursText = (h: number) =>
  h % 8 === 0 ? `${formatNumber(h / 8)} ngày làm việc` : `${formatNumber(h)} giờ làm việc`;

/** The internal workflow pinned on the dossier, the current step highlighted. */
export function StepsCard({ dossier: d }: { dossier: DossierView }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Quy trình xử lý">
      <Title order={3} size="h4" mb="sm">
        Quy trình xử lý
      </Title>
      <Stack gap={6} component="ol" m={0} p={0}>
        {d.steps.map((s, i) => {
          // A finished dossier has no current step any more.
          const current = d.step?.key === s.key && !TERMINAL.has(d.status);
          return (
            <Group
              key={s.key}
              component="li"
              gap="sm"
              wrap="nowrap"
              align="flex-start"
              p={6}
              aria-current={current ? 'step' : undefined}
              style={{
                listStyle: 'none',
                borderRadius: 6,
                background: current ? 'var(--mantine-color-blue-light)' : undefined,
                borderLeft: current ? '4px solid var(--mantine-color-blue-6)' : '4px solid transparent',
              }}
            >
              <ThemeIcon
                size="sm"
                radius="xl"
                variant={current ? 'filled' : 'light'}
                color={current ? 'blue' : 'gray'}
              >
                <Text size="xs" fw={700}>
                  {i + 1}
                </Text>
              </ThemeIcon>
              <Stack gap={0} style={{ flex: 1 }}>
                <Group gap="xs">
                  <Text size="sm" fw={current ? 700 : 500}>
                    {s.name}
                  </Text>
                  {current && (
                    <Badge size="xs" style={{ textTransform: 'none' }}>
                      Bước hiện tại
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {stepKindLabel[s.kind]}
                  {s.unit ? ` · ${s.unit}` : ''}
                  {s.otherAgency ? ' · cơ quan khác' : ''} · {hoursText(s.budgetHours)}
                </Text>
              </Stack>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}

const roleText = (role: string | null) => {
  const parsed = StaffRole.safeParse(role);
  return parsed.success ? roleLabel[parsed.data] : null;
};

/** What an event carried besides its note: the supplement list, the result, the fee, the delivery. */
function EventDetails({ e }: { e: DossierEventView }) {
  const data = e.data;
  const lines: string[] = [];
  if (typeof data.stepName === 'string') lines.push(`Chuyển tới: ${data.stepName}`);
  if (e.action === 'attachResult' && typeof data.name === 'string')
    lines.push(`Kết quả: ${data.name}${typeof data.number === 'string' ? ` số ${data.number}` : ''}`);
  const fee = (e.action === 'collectFee' ? data : data.fee) as
    | { amount?: unknown; receiptNo?: unknown }
    | undefined;
  if (fee && typeof fee.amount === 'number')
    lines.push(`Thu ${formatNumber(fee.amount)} đồng, biên lai số ${String(fee.receiptNo ?? '')}`);
  if (e.action === 'requestFinancialObligation' && typeof data.amount === 'number')
    lines.push(`Số tiền: ${formatNumber(data.amount)} đồng`);
  const method = ResultDelivery.safeParse(data.method);
  if (method.success) lines.push(`Hình thức: ${resultDeliveryLabel[method.data]}`);
  if (typeof data.postalTrackingNo === 'string') lines.push(`Số hiệu bưu gửi: ${data.postalTrackingNo}`);
  if (typeof data.receivedBy === 'string') lines.push(`Người nhận: ${data.receivedBy}`);
  if (typeof data.previousDueAt === 'string' && e.dueAt)
    lines.push(`Hẹn lại từ ${formatDateThenTime(data.previousDueAt)} sang ${formatDateThenTime(e.dueAt)}`);
  const items = Array.isArray(data.items) ? (data.items as { name?: unknown; detail?: unknown }[]) : [];
  return (
    <>
      {lines.map((l) => (
        <Text key={l} size="xs">
          {l}
        </Text>
      ))}
      {items.length > 0 && (
        <List size="xs" withPadding>
          {items.map((i) => (
            <List.Item key={`${String(i.name)}:${String(i.detail)}`}>
              {String(i.name ?? '')}
              {typeof i.detail === 'string' ? ` — ${i.detail}` : ''}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

/** Every event of the dossier, oldest first: when, who, what, the note. */
export function EventTimeline({ dossier: d }: { dossier: DossierView }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Diễn biến xử lý">
      <Title order={3} size="h4" mb="sm">
        Diễn biến xử lý
      </Title>
      <Timeline active={d.events.length - 1} bulletSize={14} lineWidth={2}>
        {d.events.map((e) => {
          const role = roleText(e.role);
          return (
            <Timeline.Item key={e.seq} title={e.label}>
              <Text size="xs" c="dimmed">
                {formatDateThenTime(e.at)}
                {e.actorName ? ` · ${e.actorName}` : ''}
                {role ? ` (${role})` : ''}
                {e.agencyName ? ` · ${e.agencyName}` : ''}
              </Text>
              {e.fromStatus !== e.toStatus && <Text size="xs">Trạng thái: {statusLabel[e.toStatus]}</Text>}
              {e.note && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {e.note}
                </Text>
              )}
              <EventDetails e={e} />
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}
