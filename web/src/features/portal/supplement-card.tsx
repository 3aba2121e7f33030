import { Alert, Button, Paper, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useId, useState } from 'react';
import type { SupplementItem } from '../../../../domain/dossier/requests.ts';
import type { DossierView } from '../../../../domain/dossier/views.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { ApiError } from '../../lib/api.ts';
import { formatDateThenTime } from '../../lib/format.ts';
import { asApiError } from '../../lib/use-api.ts';
import type { StoredUpload } from './apply/draft.ts';
import { type PendingUpload, type Uploads, useUploads } from './apply/use-uploads.ts';
import { newIdempotencyKey, supplyOnline } from './dossiers.api.ts';
import { ItemUpload, RetryOrDismiss } from './item-upload.tsx';
import { ACCEPT_ATTRIBUTE, refusal } from './uploads.ts';

/** The items of a requestSupplement event, as the server stored them (validated when the request was made). */
const itemsOf = (items: unknown): SupplementItem[] =>
  Array.isArray(items)
    ? items.filter(
        (i): i is SupplementItem => typeof (i as Partial<SupplementItem> | null)?.name === 'string',
      )
    : [];

/** The open supplement request: its items (form 02 lists everything missing), its reason and when it came. */
export function supplementRequestOf(d: DossierView) {
  if (d.status !== 'supplementRequested') return undefined;
  const e = d.events.findLast((x) => x.action === 'requestSupplement');
  if (!e) return undefined;
  return { at: e.at, note: e.note, items: itemsOf(e.data.items) };
}

const MAX_FILES = 20;

function Pending({ p, uploads }: { p: PendingUpload; uploads: Uploads }) {
  const percent = p.file.size > 0 ? Math.round((100 * p.sent) / p.file.size) : 0;
  if (!p.error) {
    return <Progress value={percent} size="lg" aria-label={`Đang tải lên ${p.file.name}`} animated />;
  }
  return (
    <Stack gap={4}>
      <Text size="sm" c="red.8" role="alert">
        {p.file.name}: {p.error}
      </Text>
      <RetryOrDismiss p={p} uploads={uploads} />
    </Stack>
  );
}

function ItemSlot(props: {
  index: number;
  item: SupplementItem;
  stored: StoredUpload[];
  uploads: Uploads;
  onRemove: (fileId: string) => void;
  missing: boolean;
}) {
  const { index, item, stored, uploads } = props;
  const slot = `item:${index}`;
  const pick = (files: File[], inFlight: readonly PendingUpload[]) => {
    const reasons = files.map((f) => refusal(f)).filter((r): r is string => r !== undefined);
    const room = MAX_FILES - stored.length - inFlight.length;
    for (const f of files.filter((x) => refusal(x) === undefined).slice(0, Math.max(room, 0))) {
      uploads.start(slot, f);
    }
    return reasons.join('. ');
  };
  return (
    <ItemUpload
      slot={slot}
      title={item.name}
      heading={(titleId) => (
        <div>
          <Text fw={600} id={titleId}>
            {item.name}
          </Text>
          {item.detail && (
            <Text size="sm" c="dimmed">
              {item.detail}
            </Text>
          )}
        </div>
      )}
      padding="sm"
      stored={stored}
      onRemove={props.onRemove}
      uploads={uploads}
      Pending={Pending}
      pick={pick}
      problem={props.missing ? 'Chưa tải lên tệp cho giấy tờ này' : undefined}
      accept={ACCEPT_ATTRIBUTE}
    />
  );
}

/**
 * "Cần bổ sung hồ sơ": exactly the items the request lists, a scan (or several) per item, an optional note, one
 * submission. The Idempotency-Key lives as long as the card: a double tap or a retry sends one supply.
 */
export function SupplementCard({ d, onDone }: { d: DossierView; onDone: (d: DossierView) => void }) {
  const request = supplementRequestOf(d);
  const { csrfToken } = useSession();
  const [files, setFiles] = useState<Record<string, StoredUpload[]>>({});
  const [note, setNote] = useState('');
  const [key] = useState(newIdempotencyKey);
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const onStored = useCallback(
    (slot: string, f: StoredUpload) => setFiles((all) => ({ ...all, [slot]: [...(all[slot] ?? []), f] })),
    [],
  );
  const uploads = useUploads(csrfToken, onStored);
  const headingId = useId();
  if (!request) return null;
  const canAnswer = d.allowedActions.includes('receiveSupplement');
  const missing = request.items.filter((_, i) => (files[`item:${i}`] ?? []).length === 0);
  const send = async () => {
    setTried(true);
    setError(undefined);
    if (missing.length > 0 || uploads.busy) return;
    setSending(true);
    try {
      const body = {
        items: request.items.map((item, i) => ({
          name: item.name,
          fileIds: (files[`item:${i}`] ?? []).map((f) => f.fileId),
        })),
        ...(note.trim() ? { note: note.trim() } : {}),
      };
      onDone(await supplyOnline(d.id, body, key));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby={headingId}
      style={{ borderColor: 'var(--mantine-color-orange-7)', borderWidth: 2 }}
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          Cần bổ sung hồ sơ
        </Title>
        <Text size="sm">
          Ngày {formatDateThenTime(request.at)}, cơ quan giải quyết đề nghị Ông/Bà bổ sung các giấy tờ dưới
          đây. Thời gian chờ bổ sung không tính vào thời hạn giải quyết.
        </Text>
        {request.note && (
          <Alert color="orange" variant="light" title="Lý do">
            {request.note}
          </Alert>
        )}
        <Stack component="ol" gap={2} m={0} pl="lg" aria-label="Giấy tờ cần bổ sung">
          {request.items.map((item) => (
            <Text component="li" size="sm" key={item.name}>
              {item.name}
              {item.detail ? ` — ${item.detail}` : ''}
            </Text>
          ))}
        </Stack>
        {canAnswer && (
          <>
            {request.items.map((item, i) => (
              <ItemSlot
                key={item.name}
                index={i}
                item={item}
                stored={files[`item:${i}`] ?? []}
                uploads={uploads}
                missing={tried && (files[`item:${i}`] ?? []).length === 0}
                onRemove={(fileId) =>
                  setFiles((all) => ({
                    ...all,
                    [`item:${i}`]: (all[`item:${i}`] ?? []).filter((f) => f.fileId !== fileId),
                  }))
                }
              />
            ))}
            <Textarea
              label="Ghi chú gửi cơ quan giải quyết (nếu có)"
              autosize
              minRows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            {tried && missing.length > 0 && (
              <Text size="sm" c="red.8" role="alert">
                Còn thiếu: {missing.map((m) => m.name).join('; ')}
              </Text>
            )}
            <ErrorAlert error={error} preferDetail />
            <Button size="md" fullWidth onClick={send} loading={sending} disabled={uploads.busy}>
              Gửi hồ sơ bổ sung
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
