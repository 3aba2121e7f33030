import { Alert, Button, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Workflow } from '../../../../domain/catalogue/index.ts';
import { agencyKindLabel } from '../../../../domain/org/agency.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useApi } from '../../lib/use-api.ts';
import { listAgencies } from '../agencies/agencies.api.ts';
import { listWorkflows } from './catalogue-admin.api.ts';
import { WorkflowEditor } from './workflow-editor.tsx';

const idOf = (w: Pick<Workflow, 'agencyKind' | 'agencyCode'>) => `${w.agencyKind}:${w.agencyCode ?? ''}`;

/** Picks a particular agency of the default's kind, to give it a workflow of its own (a copy to adjust). */
function AddAgencyWorkflow(props: { base: Workflow; taken: string[]; onAdd: (w: Workflow) => void }) {
  const agencies = useApi('catalogue-admin:agencies', listAgencies);
  const [code, setCode] = useState<string | null>(null);
  const candidates = (agencies.data ?? []).filter(
    (a) => a.kind === props.base.agencyKind && a.agencyCode && !props.taken.includes(a.agencyCode),
  );
  const chosen = candidates.find((a) => a.agencyCode === code);
  return (
    <Group align="flex-end" gap="xs">
      <Select
        label="Thêm quy trình riêng cho đơn vị"
        placeholder={agencies.loading ? 'Đang tải…' : 'Chọn đơn vị có mã định danh'}
        data={candidates.map((a) => ({ value: a.agencyCode!, label: `${a.name} (${a.agencyCode})` }))}
        value={code}
        onChange={setCode}
        searchable
        nothingFoundMessage="Không có đơn vị phù hợp"
        w={420}
      />
      <Button
        variant="light"
        disabled={!chosen}
        onClick={() =>
          chosen &&
          props.onAdd({
            ...props.base,
            agencyCode: chosen.agencyCode,
            name: `${props.base.name} — ${chosen.name}`,
          })
        }
      >
        Tạo từ quy trình mặc định
      </Button>
    </Group>
  );
}

/** The workflows of a procedure: the default per agency kind, then those of single agencies. */
export function WorkflowsPanel({ code, readOnly }: { code: string; readOnly: boolean }) {
  const { data, error, loading, reload } = useApi(`catalogue-admin:workflows:${code}`, () =>
    listWorkflows(code),
  );
  const [added, setAdded] = useState<Workflow[]>([]);
  const [selected, setSelected] = useState<string | null>(null);

  if (!data) return loading ? <Loader aria-label="Đang tải" /> : <ErrorAlert error={error} />;
  const stored = new Set(data.items.map(idOf));
  const all = [...data.items, ...added.filter((w) => !stored.has(idOf(w)))];
  const current = all.find((w) => idOf(w) === selected) ?? all[0];
  const labelOf = (w: Workflow) =>
    w.agencyCode === null
      ? `Mặc định — ${agencyKindLabel[w.agencyKind]}`
      : `Riêng đơn vị ${w.agencyCode}${stored.has(idOf(w)) ? '' : ' (chưa lưu)'}`;

  return (
    <Stack gap="md">
      {all.length === 0 ? (
        <Alert color="gray" variant="light">
          Thủ tục chưa có quy trình nội bộ (quy trình được nạp cùng danh mục).
        </Alert>
      ) : (
        <Group align="flex-end" justify="space-between" gap="md">
          <Select
            label="Quy trình"
            data={all.map((w) => ({ value: idOf(w), label: labelOf(w) }))}
            value={current ? idOf(current) : null}
            onChange={setSelected}
            allowDeselect={false}
            w={420}
          />
          {!readOnly && current && (
            <AddAgencyWorkflow
              base={all.find((w) => w.agencyCode === null) ?? current}
              taken={all.map((w) => w.agencyCode ?? '')}
              onAdd={(w) => {
                setAdded((list) => [...list, w]);
                setSelected(idOf(w));
              }}
            />
          )}
        </Group>
      )}
      {current && (
        <Text size="xs" c="dimmed">
          Thời gian của mỗi bước tính bằng giờ làm việc (8 giờ = 1 ngày làm việc); bước nghĩa vụ tài chính
          dừng tính thời gian.
        </Text>
      )}
      {current && (
        <WorkflowEditor
          key={idOf(current)}
          code={code}
          initial={current}
          limit={data.limit}
          readOnly={readOnly}
          onSaved={reload}
        />
      )}
    </Stack>
  );
}
