import { Alert, Button, Group, List, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { WorkflowLimit } from '../../../../domain/catalogue/admin.ts';
import { validateWorkflow, type Workflow, workflowHours } from '../../../../domain/catalogue/index.ts';
import type { ApiError } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { asApiError } from '../../lib/use-api.ts';
import { saveWorkflow } from './catalogue-admin.api.ts';
import { freshKey } from './list-edit.ts';
import { StepsTable } from './workflow-steps.tsx';

type Issue = { path: string; message: string };

const hours = (h: number) => `${formatNumber(h)} giờ`;

/** Messages about one step (`steps.2.budgetHours` → step index 2); the others concern the whole workflow. */
const splitIssues = (issues: readonly Issue[]) => {
  const perStep = new Map<number, string[]>();
  const general: string[] = [];
  for (const issue of issues) {
    const m = /^steps\.(\d+)(\.|$)/.exec(issue.path);
    if (m) perStep.set(Number(m[1]), [...(perStep.get(Number(m[1])) ?? []), issue.message]);
    else general.push(issue.message);
  }
  return { perStep, general };
};

interface WorkflowEditorProps {
  code: string;
  initial: Workflow;
  limit: WorkflowLimit | null;
  readOnly: boolean;
  onSaved: (w: Workflow) => void;
}

/** One workflow: its steps, the clock-running total against the committed limit, and the rules' messages. */
export function WorkflowEditor({ code, initial, limit, readOnly, onSaved }: WorkflowEditorProps) {
  const [workflow, setWorkflow] = useState(initial);
  const [saved, setSaved] = useState(initial);
  /** The server's refusal, with the workflow it refused: its messages stand until that workflow is edited. */
  const [refusal, setRefusal] = useState<{ error: ApiError; sent: string }>();
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string>();

  const current = JSON.stringify(workflow);
  const dirty = current !== JSON.stringify(saved);
  const failure = refusal?.sent === current ? refusal.error : undefined;
  const live = limit ? validateWorkflow(workflow, limit.localLimit) : [];
  const shown: Issue[] = failure ? failure.errors : live;
  const { perStep, general } = splitIssues(shown);
  const used = workflow.steps.length > 0 ? workflowHours(workflow) : 0;
  const over = limit !== null && used > limit.hours;

  const setSteps = (steps: Workflow['steps']) => {
    setNotice(undefined);
    setWorkflow((w) => ({ ...w, steps }));
  };
  const addStep = () =>
    setSteps([
      ...workflow.steps,
      {
        key: freshKey(
          'step',
          workflow.steps.map((s) => s.key),
        ),
        name: '',
        kind: 'appraisal',
        role: 'specialist',
        agency: { ref: 'self' },
        budgetHours: 1,
        pausesClock: false,
        next: [],
        sendBack: [],
      },
    ]);

  const save = async () => {
    setSaving(true);
    setRefusal(undefined);
    setNotice(undefined);
    try {
      const next = await saveWorkflow(code, workflow);
      setSaved(next);
      setWorkflow(next);
      setNotice('Đã lưu quy trình.');
      onSaved(next);
    } catch (e) {
      setRefusal({ error: asApiError(e), sent: current });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="md">
      <TextInput
        label="Tên quy trình"
        value={workflow.name}
        disabled={readOnly}
        onChange={(e) => {
          const name = e.currentTarget.value;
          setWorkflow((w) => ({ ...w, name }));
        }}
        maw={720}
      />
      <Stack gap={4} maw={720} role="group" aria-label="Tổng thời gian so với thời hạn">
        <Text size="sm">
          Tổng thời gian tính hạn (theo nhánh dài nhất): <strong>{hours(used)}</strong>
          {limit ? (
            <>
              {' '}
              / thời hạn cam kết <strong>{limit.text}</strong> = {hours(limit.hours)} (phiên bản{' '}
              {limit.version}
              {limit.status === 'draft' ? ', dự thảo' : ''})
            </>
          ) : (
            ' — thủ tục không còn phiên bản để áp dụng'
          )}
        </Text>
        {limit && (
          <Progress
            value={Math.min(100, (used / limit.hours) * 100)}
            color={over ? 'red' : 'teal'}
            aria-label="Tỷ lệ thời gian đã phân bổ"
          />
        )}
      </Stack>
      {shown.length > 0 && (
        <Alert
          color={failure ? 'red' : 'yellow'}
          variant="light"
          role="alert"
          title={failure ? (failure.detail ?? failure.title) : 'Quy trình chưa hợp lệ'}
        >
          <List size="sm">
            {[...general, ...[...perStep].flatMap(([i, ms]) => ms.map((m) => `Bước ${i + 1}: ${m}`))].map(
              (m) => (
                <List.Item key={m}>{m}</List.Item>
              ),
            )}
          </List>
        </Alert>
      )}
      {failure && failure.errors.length === 0 && (
        <Alert color="red" variant="light" role="alert" title={failure.title}>
          {failure.detail}
        </Alert>
      )}
      <StepsTable steps={workflow.steps} onChange={setSteps} messages={perStep} readOnly={readOnly} />
      {!readOnly && (
        <Group justify="space-between">
          <Button variant="light" size="xs" onClick={addStep}>
            Thêm bước
          </Button>
          <Group gap="xs">
            {notice && (
              <Text size="sm" c="teal" aria-live="polite">
                {notice}
              </Text>
            )}
            <Button variant="default" disabled={!dirty || saving} onClick={() => setWorkflow(saved)}>
              Bỏ thay đổi
            </Button>
            <Button onClick={save} loading={saving} disabled={!dirty}>
              Lưu quy trình
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}
