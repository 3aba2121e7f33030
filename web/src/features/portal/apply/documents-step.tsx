import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import type { ProcedureVersion } from '../../../../../domain/catalogue/index.ts';
import { documentKindLabel } from '../../../../../domain/catalogue/labels.ts';
import { formatBytes } from '../../../lib/format.ts';
import { ItemUpload, RetryOrDismiss } from '../item-upload.tsx';
import { ACCEPT_ATTRIBUTE, refusal } from '../uploads.ts';
import {
  type Draft,
  docSlot,
  documentLink,
  extraFileFields,
  fieldSlot,
  fieldsOf,
  type Problems,
} from './draft.ts';
import type { PendingUpload, Uploads } from './use-uploads.ts';

/** OnlineDocument.fileIds takes at most 20 scans per item. */
const MAX_PER_DOCUMENT = 20;

interface SlotSpec {
  slot: string;
  title: string;
  mandatory: boolean;
  notes: string[];
  /** Extensions a form field narrows the upload to (empty: PDF, JPG, PNG). */
  accept: string[];
  maxFiles: number;
}

/** One slot per checklist item, then one per file field of the form that no item covers. */
export function slotsOf(v: ProcedureVersion): SlotSpec[] {
  const fields = fieldsOf(v);
  const documents = v.requiredDocuments.map((d): SlotSpec => {
    const field = fields.find((f) => documentLink(f, v.requiredDocuments) === d.key);
    const maxFiles = field?.type === 'file' ? Math.min(field.maxFiles, MAX_PER_DOCUMENT) : MAX_PER_DOCUMENT;
    return {
      slot: docSlot(d.key),
      title: d.name,
      mandatory: d.mandatory || field?.required === true,
      notes: [
        `Loại giấy tờ: ${d.kinds.map((k) => documentKindLabel[k]).join('; hoặc ')}`,
        ...(d.templateFile ? [`Mẫu: ${d.templateFile}`] : []),
        ...(d.note ? [d.note] : []),
      ],
      accept: field?.type === 'file' ? field.accept : [],
      maxFiles,
    };
  });
  const extra = extraFileFields(v).map(
    (f): SlotSpec => ({
      slot: fieldSlot(f.key),
      title: f.label,
      mandatory: f.required,
      notes: f.help ? [f.help] : [],
      accept: f.accept,
      maxFiles: f.maxFiles,
    }),
  );
  return [...documents, ...extra];
}

function PendingLine({ p, uploads }: { p: PendingUpload; uploads: Uploads }) {
  const percent = p.file.size > 0 ? Math.round((100 * p.sent) / p.file.size) : 0;
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" truncate style={{ minWidth: 0 }}>
          {p.file.name}
        </Text>
        <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
          {p.error ? formatBytes(p.file.size) : `${percent}%`}
        </Text>
      </Group>
      {p.error ? (
        <>
          <Text size="sm" c="red.8" role="alert">
            {p.error}
          </Text>
          <RetryOrDismiss p={p} uploads={uploads} />
        </>
      ) : (
        <Progress value={percent} size="lg" aria-label={`Đang tải lên ${p.file.name}`} animated />
      )}
    </Stack>
  );
}

interface SlotProps {
  spec: SlotSpec;
  draft: Draft;
  update: (change: (d: Draft) => Draft) => void;
  problem: string | undefined;
  uploads: Uploads;
}

function DocumentSlot({ spec: s, draft, update, problem, uploads }: SlotProps) {
  const stored = draft.files[s.slot] ?? [];
  const remove = (fileId: string) =>
    update((d) => ({
      ...d,
      files: { ...d.files, [s.slot]: (d.files[s.slot] ?? []).filter((f) => f.fileId !== fileId) },
    }));
  const pick = (files: File[], inFlight: readonly PendingUpload[]) => {
    const room = s.maxFiles - stored.length - inFlight.length;
    const reasons = files.map((f) => refusal(f, s.accept)).filter((r): r is string => r !== undefined);
    const good = files.filter((f) => refusal(f, s.accept) === undefined);
    if (good.length > room) reasons.push(`Mục này nhận tối đa ${s.maxFiles} tệp`);
    for (const f of good.slice(0, Math.max(room, 0))) uploads.start(s.slot, f);
    return reasons.join('. ');
  };
  const inFlight = uploads.pending.filter((p) => p.slot === s.slot);
  return (
    <ItemUpload
      id={`slot.${s.slot}`}
      slot={s.slot}
      title={s.title}
      titleId={`slot-title-${s.slot}`}
      heading={(titleId) => (
        <>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Text fw={600} id={titleId}>
              {s.title}
            </Text>
            <Badge variant="light" color={s.mandatory ? 'red' : 'gray'} tt="none" style={{ flexShrink: 0 }}>
              {s.mandatory ? 'Bắt buộc' : 'Nếu có'}
            </Badge>
          </Group>
          {s.notes.map((n) => (
            <Text key={n} size="xs" c="dimmed">
              {n}
            </Text>
          ))}
        </>
      )}
      padding="md"
      stored={stored}
      onRemove={remove}
      uploads={uploads}
      Pending={PendingLine}
      pick={pick}
      problem={problem}
      accept={s.accept.length > 0 ? s.accept.map((a) => `.${a}`).join(',') : ACCEPT_ATTRIBUTE}
      disabled={stored.length + inFlight.length >= s.maxFiles}
    />
  );
}

interface DocumentsStepProps {
  version: ProcedureVersion;
  draft: Draft;
  update: (change: (d: Draft) => Draft) => void;
  problems: Problems;
  uploads: Uploads;
}

/** Scans per checklist item: pick, watch the progress, retry a failed one; what is stored stays in the draft. */
export function DocumentsStep({ version, draft, update, problems, uploads }: DocumentsStepProps) {
  return (
    <Stack gap="md">
      <Text size="sm">
        Chụp hoặc quét từng giấy tờ rồi tải lên đúng mục. Nhận tệp PDF, JPG, PNG; mỗi tệp tối đa 10 MB.
      </Text>
      {problems.documents && (
        <Text c="red.8" size="sm">
          {problems.documents}
        </Text>
      )}
      {slotsOf(version).map((s) => (
        <DocumentSlot
          key={s.slot}
          spec={s}
          draft={draft}
          update={update}
          problem={problems[`slot.${s.slot}`]}
          uploads={uploads}
        />
      ))}
    </Stack>
  );
}
