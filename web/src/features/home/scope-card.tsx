import { Card, List, Loader, Text, Title } from '@mantine/core';
import type { Agency } from '../../../../domain/org/agency.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { listAgencies } from '../agencies/agencies.api.ts';

const shownAtMost = 30;

/** The active agency and the units under it, cut from the tree pre-order the server returns. */
const subtreeOf = (agencies: readonly Agency[], rootId: string): Agency[] => {
  const start = agencies.findIndex((a) => a.id === rootId);
  const root = agencies[start];
  if (!root) return [];
  const out = [root];
  for (const a of agencies.slice(start + 1)) {
    if (a.depth <= root.depth) break;
    out.push(a);
  }
  return out;
};

export function ScopeCard({ agencyId }: { agencyId: string }) {
  const { data, error, loading } = useApi('agencies', listAgencies);
  const scope = subtreeOf(data ?? [], agencyId);
  const rootDepth = scope[0]?.depth ?? 0;

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="scope-title">
      <Title order={3} size="h4" id="scope-title">
        Phạm vi làm việc
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Cơ quan, đơn vị bạn được làm việc theo vai trò hiện tại.
      </Text>
      <ErrorAlert error={error} />
      {loading && !data && <Loader size="sm" aria-label="Đang tải" />}
      <List size="sm" listStyleType="none">
        {scope.slice(0, shownAtMost).map((a) => (
          <List.Item key={a.id} pl={(a.depth - rootDepth) * 16}>
            {a.name}
          </List.Item>
        ))}
      </List>
      {scope.length > shownAtMost && (
        <Text size="sm" c="dimmed" mt="xs">
          … và {formatNumber(scope.length - shownAtMost)} cơ quan, đơn vị khác
        </Text>
      )}
    </Card>
  );
}
