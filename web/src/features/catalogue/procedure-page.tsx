import { Anchor, Badge, Button, Group, List, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type {
  Fee,
  ImplementingAgency,
  PageTier,
  RequiredDocument,
  Workflow,
} from '../../../../domain/catalogue/index.ts';
import { documentKindLabel, stepKindLabel, workflowHours } from '../../../../domain/catalogue/labels.ts';
import type { Decision } from '../../../../domain/catalogue/procedure.ts';
import { acceptsOnline } from '../../../../domain/dossier/labels.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { FreeBadge, OnlineLevelBadge } from './badges.tsx';
import { getProcedure } from './catalogue.api.ts';

const dong = (amount: number): string => `${formatNumber(amount)} đồng`;
const hours = (h: number): string => `${formatNumber(h)} giờ làm việc`;

const natureLabel: Record<Fee['nature'], string> = { fee: 'Lệ phí', charge: 'Phí' };
const agencyRoleLabel: Record<ImplementingAgency['role'], string> = {
  competent: 'Cơ quan có thẩm quyền quyết định',
  receiving: 'Cơ quan tiếp nhận hồ sơ',
  coordinating: 'Cơ quan phối hợp',
};
const decisionLabel: Record<Decision['action'], string> = {
  published: 'Quyết định công bố',
  amended: 'Quyết định sửa đổi, bổ sung',
  replaced: 'Quyết định thay thế',
  abolished: 'Quyết định bãi bỏ',
};

/** "Trang 1–2: 2.000 đồng/trang; từ trang 3: 1.000 đồng/trang". */
const tiersText = (tiers: readonly PageTier[]): string =>
  tiers
    .map((t, i) => {
      const next = tiers[i + 1];
      const range = !next
        ? tiers.length === 1
          ? 'Mỗi trang'
          : `Từ trang thứ ${t.fromPage}`
        : next.fromPage - 1 === t.fromPage
          ? `Trang thứ ${t.fromPage}`
          : `Trang thứ ${t.fromPage} đến ${next.fromPage - 1}`;
      return `${range}: ${dong(t.amount)}/trang`;
    })
    .join('; ');

/** The amount lines of one fee item, as a citizen reads them. */
const feeAmounts = (fee: Fee): string[] => {
  switch (fee.per) {
    case 'case':
    case 'copy': {
      const unit = fee.per === 'case' ? 'hồ sơ' : 'bản';
      const lines = [`${dong(fee.amount)}/${unit}`];
      if (fee.onlineAmount !== undefined && fee.onlineAmount !== fee.amount)
        lines.push(`Nộp trực tuyến: ${dong(fee.onlineAmount)}/${unit}`);
      return lines;
    }
    case 'page': {
      const lines = [tiersText(fee.tiers)];
      if (fee.onlineTiers) lines.push(`Nộp trực tuyến: ${tiersText(fee.onlineTiers)}`);
      if (fee.minPerCopy !== undefined) lines.push(`Tối thiểu ${dong(fee.minPerCopy)}/bản`);
      if (fee.maxPerCopy !== undefined) lines.push(`Tối đa ${dong(fee.maxPerCopy)}/bản`);
      return lines;
    }
  }
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function FeeItem({ fee }: { fee: Fee }) {
  return (
    <Stack gap={2}>
      <Text fw={600} size="sm">
        {natureLabel[fee.nature]}: {fee.name}
      </Text>
      {feeAmounts(fee).map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
      {fee.condition && (
        <Text size="sm" c="dimmed">
          Áp dụng khi: {fee.condition}
        </Text>
      )}
      {fee.freeConditions.length > 0 && (
        <Text size="sm" c="dimmed">
          Miễn cho: {fee.freeConditions.join('; ')}
        </Text>
      )}
      {fee.note && (
        <Text size="sm" c="dimmed">
          {fee.note}
        </Text>
      )}
      {fee.legalBasis && (
        <Text size="xs" c="dimmed">
          Căn cứ: {fee.legalBasis}
        </Text>
      )}
    </Stack>
  );
}

function WorkflowSteps({ workflow }: { workflow: Workflow }) {
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {workflow.name} — tổng {hours(workflowHours(workflow))}
      </Text>
      <List type="ordered" spacing={4} size="sm">
        {workflow.steps.map((s) => (
          <List.Item key={s.key}>
            {s.name}{' '}
            <Text span size="sm" c="dimmed">
              ({stepKindLabel[s.kind]}
              {s.unit ? `, ${s.unit}` : ''}) — {hours(s.budgetHours)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

const kindsText = (d: RequiredDocument): string => d.kinds.map((k) => documentKindLabel[k]).join('; hoặc ');

function MandatoryMark({ mandatory }: { mandatory: boolean }) {
  return mandatory ? (
    <Badge variant="light" tt="none">
      Bắt buộc
    </Badge>
  ) : (
    <Text size="sm" c="dimmed">
      Nếu có
    </Text>
  );
}

function DocumentNotes({ document: d }: { document: RequiredDocument }) {
  return (
    <>
      {d.templateFile && (
        <Text size="xs" c="dimmed">
          Mẫu: {d.templateFile}
        </Text>
      )}
      {d.note && (
        <Text size="xs" c="dimmed">
          {d.note}
        </Text>
      )}
    </>
  );
}

/** The checklist as a table from tablet width up. */
function ChecklistTable({ documents }: { documents: readonly RequiredDocument[] }) {
  return (
    <Table striped verticalSpacing="xs" aria-label="Thành phần hồ sơ" visibleFrom="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Tên giấy tờ</Table.Th>
          <Table.Th>Loại bản</Table.Th>
          <Table.Th>Số lượng</Table.Th>
          <Table.Th>Bắt buộc</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {documents.map((d) => (
          <Table.Tr key={d.key}>
            <Table.Td>
              <Text size="sm">{d.name}</Text>
              <DocumentNotes document={d} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{kindsText(d)}</Text>
            </Table.Td>
            <Table.Td>{String(d.count).padStart(2, '0')}</Table.Td>
            <Table.Td>
              <MandatoryMark mandatory={d.mandatory} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The checklist as cards on phones: a four-column table would scroll sideways at 390 px. */
function ChecklistCards({ documents }: { documents: readonly RequiredDocument[] }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} aria-label="Thành phần hồ sơ" hiddenFrom="sm">
      {documents.map((d) => (
        <Paper key={d.key} component="li" withBorder radius="sm" p="sm" style={{ listStyle: 'none' }}>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {d.name}
            </Text>
            <Text size="sm">
              {kindsText(d)} · {String(d.count).padStart(2, '0')} bản
            </Text>
            <DocumentNotes document={d} />
            <Group>
              <MandatoryMark mandatory={d.mandatory} />
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** One procedure as published: every section of the public listing, on one scrolling page. */
export function ProcedurePage() {
  const { code = '' } = useParams();
  const { data, error, loading } = useApi(`procedure:${code}`, () => getProcedure(code));
  const { user } = useSession();

  const back = (
    <Anchor component={Link} to="/thu-tuc" size="sm">
      ← Danh sách thủ tục
    </Anchor>
  );
  if (!data) {
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert error={error} />
        {loading && <Loader aria-label="Đang tải" />}
      </Stack>
    );
  }

  const { summary: p, version: v, workflows } = data;
  // Staff do not apply online (ADR 0007); citizens and visitors see the way in.
  const canApply = acceptsOnline(v.onlineLevel) && v.onlineForm !== null && user?.kind !== 'staff';
  return (
    <Stack gap="md" maw={960}>
      {back}
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          Mã thủ tục{' '}
          <Text span ff="monospace" size="sm">
            {p.nationalCode}
          </Text>{' '}
          · Lĩnh vực {p.sector.name}
        </Text>
        <Title order={2}>{p.name}</Title>
        <Group gap="xs">
          <OnlineLevelBadge level={p.onlineLevel} />
          {p.isFree && <FreeBadge />}
        </Group>
        {canApply && (
          <Paper withBorder radius="md" p="md" bg="blue.0" mt="xs">
            <Text size="sm" mb="sm">
              {p.onlineLevel === 'full'
                ? 'Nộp hồ sơ, theo dõi và nhận kết quả trực tuyến.'
                : 'Nộp hồ sơ trực tuyến; nộp phí, lệ phí và nhận kết quả tại Bộ phận Một cửa.'}
            </Text>
            <Button
              component={Link}
              to={`/cong-dan/nop-ho-so/${p.nationalCode}`}
              size="lg"
              fullWidth
              maw={{ sm: 360 }}
            >
              Nộp hồ sơ trực tuyến
            </Button>
            {!user && (
              <Text size="xs" c="dimmed" mt={6}>
                Cần tài khoản công dân: đăng ký bằng số điện thoại hoặc thư điện tử trong vài phút.
              </Text>
            )}
          </Paper>
        )}
        <Text size="xs" c="dimmed">
          Phiên bản {p.version}
          {v.effectiveFrom ? `, có hiệu lực từ ngày ${formatDate(v.effectiveFrom)}` : ''}
        </Text>
      </Stack>

      <Section id="thoi-han" title="Thời hạn giải quyết">
        <Text>
          <strong>{p.limitText}</strong> kể từ khi nhận đủ hồ sơ hợp lệ
        </Text>
        {p.legalLimitText && (
          <Text size="sm" c="dimmed">
            Thời hạn luật định: {p.legalLimitText}; địa phương cam kết giải quyết sớm hơn.
          </Text>
        )}
        {v.limitNote && <Text size="sm">{v.limitNote}</Text>}
      </Section>

      <Section id="phi" title="Phí, lệ phí">
        {v.fees.length === 0 && !v.feeNote && <Text size="sm">Không thu phí, lệ phí.</Text>}
        {v.fees.map((fee) => (
          <FeeItem key={fee.key} fee={fee} />
        ))}
        {v.feeNote && <Text size="sm">{v.feeNote}</Text>}
      </Section>

      <Section id="ho-so" title="Thành phần hồ sơ">
        <ChecklistTable documents={v.requiredDocuments} />
        <ChecklistCards documents={v.requiredDocuments} />
      </Section>

      <Section id="ket-qua" title="Kết quả">
        <List size="sm" spacing={4}>
          {v.resultDocuments.map((r) => (
            <List.Item key={r.name}>
              {r.name}
              {r.electronic ? ' (có bản điện tử)' : ''}
            </List.Item>
          ))}
        </List>
      </Section>

      <Section id="co-quan" title="Cơ quan thực hiện">
        <List size="sm" spacing={4}>
          {v.implementingAgencies.map((a) => (
            <List.Item key={`${a.role}-${a.name}`}>
              {a.name}{' '}
              <Text span size="sm" c="dimmed">
                — {agencyRoleLabel[a.role]}
              </Text>
            </List.Item>
          ))}
        </List>
      </Section>

      <Section id="can-cu" title="Căn cứ pháp lý">
        <List size="sm" spacing={4}>
          {v.legalBasis.map((l) => (
            <List.Item key={l.number}>
              <strong>{l.number}</strong> {l.title}
              {l.issuedOn ? ` ngày ${formatDate(l.issuedOn)}` : ''}
              {l.articles ? ` (${l.articles})` : ''}
            </List.Item>
          ))}
        </List>
      </Section>

      <Section id="quy-trinh" title="Quy trình nội bộ">
        {workflows.length === 0 ? (
          <Text size="sm" c="dimmed">
            Chưa công bố quy trình nội bộ.
          </Text>
        ) : (
          workflows.map((w) => (
            <WorkflowSteps key={`${w.agencyKind}-${w.agencyCode ?? ''}-${w.name}`} workflow={w} />
          ))
        )}
      </Section>

      <Section id="quyet-dinh" title="Quyết định công bố">
        <List size="sm" spacing={4}>
          {v.decisions.map((d) => (
            <List.Item key={`${d.action}-${d.number}`}>
              {decisionLabel[d.action]} số {d.number} ngày {formatDate(d.date)} của {d.issuer}
            </List.Item>
          ))}
        </List>
      </Section>
    </Stack>
  );
}
