/**
 * Below the dashboard's numbers: the Decision 766 index, the quarter's evaluation (Decree 61/2018) and citizen
 * satisfaction, for the same agency (and period, or the quarter its last day falls in).
 */
import { Badge, Loader, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import type { DashboardQuery } from '../../../../domain/dashboard/dashboard.ts';
import type { SatisfactionGroup } from '../../../../domain/dashboard/satisfaction.ts';
import { type Evaluation, evaluationBandLabel } from '../../../../domain/indices/evaluation.ts';
import { indicatorStatusLabel, type ServiceIndex } from '../../../../domain/indices/service-index.ts';
import { ratingQuestionLabel, ratingQuestions } from '../../../../domain/rating/rating.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { getEvaluation, getSatisfaction, getServiceIndex } from './reports.api.ts';

const points = (n: number) => formatNumber(Math.round(n * 100) / 100);

function ServiceIndexTable({ r }: { r: ServiceIndex }) {
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="index-766-total">
        Điểm đạt được: <strong>{points(r.points)}</strong> trên {points(r.scoredMax)} điểm của các chỉ số có
        dữ liệu (tối đa {points(r.max)}). Căn cứ: {r.decision}.
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing={4} aria-label="Bộ chỉ số 766">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Chỉ số</Table.Th>
              <Table.Th ta="right">Tử số / mẫu số</Table.Th>
              <Table.Th ta="right">Điểm</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.groups.flatMap((g) => [
              <Table.Tr key={g.key}>
                <Table.Td fw={700}>{g.name}</Table.Td>
                <Table.Td />
                <Table.Td ta="right" fw={700}>
                  {points(g.points)}/{g.max}
                </Table.Td>
              </Table.Tr>,
              ...g.indicators.map((i) => (
                <Table.Tr key={i.key}>
                  <Table.Td pl="lg">
                    {i.key} {i.name}
                    <Text size="xs" c="dimmed">
                      {i.numeratorLabel} / {i.denominatorLabel}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {i.numerator === null
                      ? '—'
                      : `${formatNumber(i.numerator)}/${formatNumber(i.denominator ?? 0)}`}
                  </Table.Td>
                  <Table.Td ta="right">
                    {i.status === 'scored' ? (
                      `${points(i.points!)}/${i.max}`
                    ) : (
                      <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                        {indicatorStatusLabel[i.status]}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              )),
            ])}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

const bandText = (e: Evaluation) => (e.band ? evaluationBandLabel[e.band] : 'Chưa đủ dữ liệu để xếp loại');

function EvaluationTable({ agencyId, to }: { agencyId: string; to: string }) {
  const year = Number(to.slice(0, 4));
  const quarter = Math.floor((Number(to.slice(5, 7)) - 1) / 3) + 1;
  const data = useApi(`evaluation:${agencyId}:${year}:${quarter}`, () =>
    getEvaluation(agencyId, year, quarter),
  );
  const r = data.data;
  if (data.error) return <ErrorAlert error={data.error} />;
  if (!r) return <Loader size="sm" aria-label="Đang tải" />;
  const rows = [{ key: 'agency', name: r.agency.name, e: r.agencyEvaluation }].concat(
    r.officers.map((o) => ({ key: o.userId, name: o.fullName, e: o.evaluation })),
  );
  return (
    <Stack gap="xs">
      <Text size="sm">
        {r.period.label}, hồ sơ đã giải quyết trong quý. Căn cứ: {r.basis}. Chỉ số chưa có dữ liệu: "—".
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing={4} aria-label="Đánh giá giải quyết thủ tục hành chính">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cơ quan, cán bộ</Table.Th>
              <Table.Th ta="right">Hồ sơ</Table.Th>
              {r.agencyEvaluation.indicators.map((i) => (
                <Table.Th key={i.key} ta="right" title={`${i.name}: ${i.rule}`}>
                  {i.key}
                </Table.Th>
              ))}
              <Table.Th ta="right">Điểm</Table.Th>
              <Table.Th>Xếp loại</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} fw={row.key === 'agency' ? 700 : undefined}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td ta="right">{formatNumber(row.e.dossiers)}</Table.Td>
                {row.e.indicators.map((i) => (
                  <Table.Td key={i.key} ta="right">
                    {i.average === null ? '—' : points(i.average)}
                  </Table.Td>
                ))}
                <Table.Td ta="right">
                  {points(row.e.points)}/{row.e.scoredMax}
                </Table.Td>
                <Table.Td>{bandText(row.e)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {r.agencyEvaluation.indicators.map((i) => `${i.key}. ${i.name}`).join(' · ')}
      </Text>
    </Stack>
  );
}

function SatisfactionTable({ title, groups }: { title: string; groups: SatisfactionGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing={4} aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{title}</Table.Th>
            <Table.Th ta="right">Lượt đánh giá</Table.Th>
            {ratingQuestions.map((q) => (
              <Table.Th key={q} ta="right">
                {ratingQuestionLabel[q]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.key}>
              <Table.Td>{g.label}</Table.Td>
              <Table.Td ta="right">{formatNumber(g.total)}</Table.Td>
              {g.questions.map((q) => (
                <Table.Td
                  key={q.question}
                  ta="right"
                  title={`Rất hài lòng ${q.counts.verySatisfied}, hài lòng ${q.counts.satisfied}, không hài lòng ${q.counts.notSatisfied}`}
                >
                  {g.total === 0 ? '—' : formatPercent(q.satisfiedShare)}
                  <Text size="xs" c="dimmed">
                    {q.counts.verySatisfied}/{q.counts.satisfied}/{q.counts.notSatisfied}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Satisfaction({ query }: { query: DashboardQuery }) {
  const data = useApi(`satisfaction:${JSON.stringify(query)}`, () => getSatisfaction(query));
  const r = data.data;
  if (data.error) return <ErrorAlert error={data.error} />;
  if (!r) return <Loader size="sm" aria-label="Đang tải" />;
  return (
    <Stack gap="sm">
      <Text size="sm">
        Tỷ lệ hài lòng (rất hài lòng và hài lòng) trên số lượt đánh giá; dòng nhỏ: rất hài lòng/hài lòng/không
        hài lòng.
      </Text>
      {r.total.total === 0 ? (
        <Text size="sm" c="dimmed">
          Chưa có lượt đánh giá nào trong kỳ.
        </Text>
      ) : (
        <>
          <SatisfactionTable title="Toàn đơn vị" groups={[r.total]} />
          <SatisfactionTable title="Theo đơn vị" groups={r.byAgency} />
          <SatisfactionTable title="Theo thủ tục" groups={r.byProcedure} />
          <SatisfactionTable title="Theo cán bộ" groups={r.byOfficer} />
        </>
      )}
    </Stack>
  );
}

function ServiceIndexPanel({ query }: { query: DashboardQuery }) {
  const data = useApi(`index766:${JSON.stringify(query)}`, () => getServiceIndex(query));
  if (data.error) return <ErrorAlert error={data.error} />;
  return data.data ? <ServiceIndexTable r={data.data} /> : <Loader size="sm" aria-label="Đang tải" />;
}

export function QualityPanels({ query }: { query: DashboardQuery }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="quality-title">
      <Title order={3} size="h4" id="quality-title" mb="sm">
        Chỉ số chất lượng phục vụ
      </Title>
      <Tabs defaultValue="766" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="766">Bộ chỉ số 766</Tabs.Tab>
          <Tabs.Tab value="evaluation">Đánh giá theo quý</Tabs.Tab>
          <Tabs.Tab value="satisfaction">Mức độ hài lòng</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="766" pt="sm">
          <ServiceIndexPanel query={query} />
        </Tabs.Panel>
        <Tabs.Panel value="evaluation" pt="sm">
          <EvaluationTable agencyId={query.agencyId} to={query.to} />
        </Tabs.Panel>
        <Tabs.Panel value="satisfaction" pt="sm">
          <Satisfaction query={query} />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
