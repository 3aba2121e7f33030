import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { documentKindLabel } from '../../../../domain/catalogue/procedure.ts';
import {
  channelLabel,
  type DossierView,
  resultDeliveryLabel,
  TERMINAL,
} from '../../../../domain/dossier/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatBytes, formatDateThenTime } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { ActionBar } from './action-bar.tsx';
import { StatusBadge } from './badges.tsx';
import { EventTimeline, StepsCard } from './dossier-history.tsx';
import { fileUrl, formUrls, getDossier } from './dossiers.api.ts';
import { PaymentPanel } from './payment-panel.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={{ base: 110, sm: 150 }} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0 }}>
        {children}
      </Text>
    </Group>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap={6}>{children}</Stack>
    </Paper>
  );
}

function ApplicantCard({ d }: { d: DossierView }) {
  const a = d.applicant;
  return (
    <Section title="Người nộp hồ sơ">
      {a.kind === 'person' ? (
        <>
          <Fact label="Họ và tên">{a.fullName}</Fact>
          <Fact label="Số định danh">{a.citizenId}</Fact>
        </>
      ) : (
        <>
          <Fact label="Tổ chức">{a.name}</Fact>
          {a.taxCode && <Fact label="Mã số thuế">{a.taxCode}</Fact>}
          <Fact label="Người đại diện">{a.representative}</Fact>
        </>
      )}
      {a.phone && <Fact label="Điện thoại">{a.phone}</Fact>}
      {a.email && <Fact label="Thư điện tử">{a.email}</Fact>}
      <Fact label="Địa chỉ">{a.address.street}</Fact>
      {d.submitter && (
        <Fact label="Người nộp thay">
          {d.submitter.fullName}
          {d.submitter.relation ? ` (${d.submitter.relation})` : ''}
          {d.submitter.phone ? ` · ${d.submitter.phone}` : ''}
        </Fact>
      )}
      <Fact label="Nhận kết quả">{resultDeliveryLabel[d.resultDelivery]}</Fact>
    </Section>
  );
}

function DocumentsCard({ d }: { d: DossierView }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Thành phần hồ sơ">
      <Title order={3} size="h4" mb="sm">
        Thành phần hồ sơ
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={4} aria-label="Giấy tờ đã nhận">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Giấy tờ</Table.Th>
              <Table.Th>Hình thức</Table.Th>
              <Table.Th>Số bản</Table.Th>
              <Table.Th>Bản quét</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.documents.map((doc) => (
              <Table.Tr key={doc.key}>
                <Table.Td>{doc.name}</Table.Td>
                <Table.Td>{documentKindLabel[doc.kind]}</Table.Td>
                <Table.Td>{doc.count}</Table.Td>
                <Table.Td>
                  {doc.files.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      Chưa số hóa
                    </Text>
                  ) : (
                    doc.files.map((f) => (
                      <Anchor key={f.id} href={fileUrl(f.id)} size="sm" mr="xs" title={formatBytes(f.size)}>
                        {f.name}
                      </Anchor>
                    ))
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function PrintLinks({ d }: { d: DossierView }) {
  const apologised = d.events.some((e) => e.action === 'apologise');
  const supplementRequested = d.events.some((e) => e.action === 'requestSupplement');
  const link = (href: string, label: string) => (
    <Button component="a" href={href} target="_blank" rel="noopener" variant="default" size="xs">
      {label}
    </Button>
  );
  return (
    <Group gap="xs" aria-label="In biểu mẫu">
      {link(formUrls.receipt(d.id), 'In giấy tiếp nhận (mẫu 01)')}
      {supplementRequested && link(formUrls.supplement(d.id), 'In phiếu yêu cầu bổ sung (mẫu 02)')}
      {link(formUrls.controlSheet(d.id), 'In phiếu kiểm soát (mẫu 05)')}
      {apologised && link(formUrls.apology(d.id), 'In phiếu xin lỗi (mẫu 04)')}
    </Group>
  );
}

/** One dossier: where it stands, until when and why, what may be done now, and everything that happened. */
export function DossierPage() {
  const { id = '' } = useParams();
  const dossier = useApi(`dossier:${id}`, () => getDossier(id));
  const d = dossier.data;
  if (!d) {
    return dossier.error ? <ErrorAlert error={dossier.error} /> : <Loader aria-label="Đang tải" />;
  }
  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to="/ho-so" size="sm">
        ← Danh sách hồ sơ
      </Anchor>
      <Stack gap={4}>
        <Group gap="sm" align="center">
          <Title order={2} size="h3" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {d.code}
          </Title>
          <span data-testid="dossier-status">
            <StatusBadge status={d.status} size="lg" />
          </span>
          {d.overdue && (
            <Badge color="red" variant="filled" size="lg" style={{ textTransform: 'none' }}>
              Quá hạn
            </Badge>
          )}
        </Group>
        <Text fw={600}>{d.procedure.name}</Text>
        <Text size="sm" c="dimmed">
          Mã thủ tục {d.procedure.code} · phiên bản {d.procedure.version} · thời hạn {d.procedure.limit}
        </Text>
      </Stack>
      <Paper withBorder radius="md" p="md" component="section" aria-label="Thao tác">
        <Stack gap="sm">
          <ActionBar dossier={d} onDone={() => dossier.reload()} />
          <PrintLinks d={d} />
        </Stack>
      </Paper>
      <PaymentPanel dossier={d} onChanged={() => dossier.reload()} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title="Hạn giải quyết">
          <Text size="xl" fw={700} data-testid="dossier-due">
            {formatDateThenTime(d.dueAt) || 'Chưa có hạn'}
          </Text>
          {d.pausedSince && (
            <Text size="sm" c="orange">
              Tạm dừng tính thời hạn từ {formatDateThenTime(d.pausedSince)}
            </Text>
          )}
          {d.dueExplanation.length > 0 && (
            <List size="sm" aria-label="Cách tính hạn">
              {d.dueExplanation.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: explanation lines may repeat.
                <List.Item key={i}>{line}</List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title="Tiếp nhận và xử lý">
          <Fact label="Ngày tiếp nhận">{formatDateThenTime(d.receivedAt)}</Fact>
          <Fact label="Hình thức nộp">{channelLabel[d.channel]}</Fact>
          <Fact label="Nơi tiếp nhận">{d.receivingAgency.name}</Fact>
          <Fact label="Cơ quan giải quyết">{d.competentAgency.name}</Fact>
          <Fact label="Đang ở">{d.holderAgency.name}</Fact>
          {!TERMINAL.has(d.status) && (
            <>
              <Fact label="Bước hiện tại">{d.step?.name ?? '—'}</Fact>
              <Fact label="Người xử lý">{d.assignee?.fullName ?? 'Chưa phân công'}</Fact>
            </>
          )}
          {d.resolvedAt && <Fact label="Có kết quả lúc">{formatDateThenTime(d.resolvedAt)}</Fact>}
          {d.finishedAt && <Fact label="Kết thúc lúc">{formatDateThenTime(d.finishedAt)}</Fact>}
        </Section>
        <ApplicantCard d={d} />
        <StepsCard dossier={d} />
      </SimpleGrid>
      <DocumentsCard d={d} />
      <EventTimeline dossier={d} />
    </Stack>
  );
}
