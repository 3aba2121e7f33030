import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  ACTION_RULES,
  type DossierAction,
  type DossierView,
  TERMINAL,
} from '../../../../domain/dossier/index.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { ApiError } from '../../lib/api.ts';
import { asApiError } from '../../lib/use-api.ts';
import { ActionFields } from './action-fields.tsx';
import { type ActionDraft, emptyActionDraft, immediate, parseAction } from './action-request.ts';
import { actOn, newIdempotencyKey } from './dossiers.api.ts';

const danger: ReadonlySet<DossierAction> = new Set(['refuse', 'withdraw', 'stop']);
/** The usual next move, shown as the filled button. */
const usual: readonly DossierAction[] = [
  'accept',
  'claim',
  'receiveSupplement',
  'confirmPayment',
  'returnResult',
  'forward',
];

function ActionDialog(props: {
  dossier: DossierView;
  action: DossierAction;
  onClose: () => void;
  onDone: (d: DossierView) => void;
}) {
  const { dossier, action } = props;
  const [key] = useState(newIdempotencyKey);
  const [draft, setDraft] = useState<ActionDraft>(() => emptyActionDraft(dossier, action));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<ActionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const errorAt = (path: string) => errors[path] ?? error?.fieldError(path);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseAction(dossier, action, draft);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setError(undefined);
    setSaving(true);
    try {
      props.onDone(await actOn(dossier.id, parsed.request, key));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={props.onClose} title={ACTION_RULES[action].label} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Hồ sơ{' '}
            <Text span ff="monospace">
              {dossier.code}
            </Text>
          </Text>
          <ActionFields dossier={dossier} action={action} draft={draft} set={set} errorAt={errorAt} />
          <ErrorAlert error={error} isShownInline={(p) => errorAt(p) !== undefined && p in errors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Hủy
            </Button>
            <Button
              type="submit"
              loading={saving}
              color={danger.has(action) ? 'red' : 'blue'}
              disabled={action === 'assign' && draft.assigneeId === ''}
            >
              Xác nhận
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** One button per action the server allows this person now; each asks for what its action needs. */
export function ActionBar({ dossier, onDone }: { dossier: DossierView; onDone: (d: DossierView) => void }) {
  const [open, setOpen] = useState<DossierAction>();
  const [running, setRunning] = useState<DossierAction>();
  const [error, setError] = useState<ApiError>();

  const run = async (action: DossierAction) => {
    setError(undefined);
    if (!immediate.has(action)) {
      setOpen(action);
      return;
    }
    const parsed = parseAction(dossier, action, emptyActionDraft(dossier, action));
    if (!parsed.ok) return;
    setRunning(action);
    try {
      onDone(await actOn(dossier.id, parsed.request, newIdempotencyKey()));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setRunning(undefined);
    }
  };

  if (dossier.allowedActions.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="no-actions">
        {TERMINAL.has(dossier.status)
          ? 'Hồ sơ đã kết thúc, không còn thao tác xử lý.'
          : 'Bạn không có thao tác nào với hồ sơ này ở trạng thái hiện tại.'}
      </Text>
    );
  }
  const primary = usual.find((a) => dossier.allowedActions.includes(a));
  return (
    <Stack gap="xs">
      <Group gap="xs" role="toolbar" aria-label="Thao tác xử lý hồ sơ">
        {dossier.allowedActions.map((a) => (
          <Button
            key={a}
            variant={a === primary ? 'filled' : danger.has(a) ? 'outline' : 'light'}
            color={danger.has(a) ? 'red' : 'blue'}
            loading={running === a}
            onClick={() => void run(a)}
          >
            {ACTION_RULES[a].label}
          </Button>
        ))}
      </Group>
      <ErrorAlert error={error} />
      {open && (
        <ActionDialog
          dossier={dossier}
          action={open}
          onClose={() => setOpen(undefined)}
          onDone={(d) => {
            setOpen(undefined);
            onDone(d);
          }}
        />
      )}
    </Stack>
  );
}
