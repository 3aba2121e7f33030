import { Badge, Button, FileButton, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { documentKindLabel, type ProcedureVersion } from '../../../../../domain/catalogue/index.ts';
import { formatBytes } from '../../../lib/format.ts';
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
          <Group gap="xs">
            <Button size="sm" variant="filled" onClick={() => uploads.retry(p)}>
              Thử lại
            </Button>
            <Button size="sm" variant="default" onClick={() => uploads.dismiss(p)}>
              Bỏ tệp này
            </Button>
          </Group>
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
  const [refused, setRefused] = useState('');
  // Clears the hidden input, so that the same file can be picked again after removing it.
  const resetRef = useRef<() => void>(null);
  const stored = draft.files[s.slot] ?? [];
  const inFlight = uploads.pending.filter((p) => p.slot === s.slot);
  const titleId = `slot-title-${s.slot}`;
  const message = refused || problem;
  const remove = (fileId: string) =>
    update((d) => ({
      ...d,
      files: { ...d.files, [s.slot]: (d.files[s.slot] ?? []).filter((f) => f.fileId !== fileId) },
    }));
  const pick = (files: File[]) => {
    resetRef.current?.();
    const room = s.maxFiles - stored.length - inFlight.length;
    const reasons = files.map((f) => refusal(f, s.accept)).filter((r): r is string => r !== undefined);
    const good = files.filter((f) => refusal(f, s.accept) === undefined);
    if (good.length > room) reasons.push(`Mục này nhận tối đa ${s.maxFiles} tệp`);
    setRefused(reasons.join('. '));
    for (const f of good.slice(0, Math.max(room, 0))) uploads.start(s.slot, f);
  };
  return (
    <Paper
      id={`slot.${s.slot}`}
      component="section"
      aria-labelledby={titleId}
      withBorder
      radius="md"
      p="md"
      style={message ? { borderColor: 'var(--mantine-color-red-7)' } : undefined}
    >
      <Stack gap="xs">
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
        {stored.length > 0 && (
          <Stack component="ul" gap={4} p={0} m={0} aria-label={`Tệp đã tải lên: ${s.title}`}>
            {stored.map((f) => (
              <Group
                key={f.fileId}
                component="li"
                justify="space-between"
                wrap="nowrap"
                gap="xs"
                style={{ listStyle: 'none' }}
              >
                <Text size="sm" truncate style={{ minWidth: 0 }}>
                  ✓ {f.name}{' '}
                  <Text span size="xs" c="dimmed">
                    ({formatBytes(f.size)})
                  </Text>
                </Text>
                <Button
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={`Xóa tệp ${f.name}`}
                  onClick={() => remove(f.fileId)}
                >
                  Xóa
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        {inFlight.map((p) => (
          <PendingLine key={p.id} p={p} uploads={uploads} />
        ))}
        {message && (
          <Text size="sm" c="red.8">
            {message}
          </Text>
        )}
        <FileButton
          onChange={pick}
          resetRef={resetRef}
          accept={s.accept.length > 0 ? s.accept.map((a) => `.${a}`).join(',') : ACCEPT_ATTRIBUTE}
          multiple
        >
          {(props) => (
            <Button
              {...props}
              variant="light"
              size="md"
              fullWidth
              disabled={stored.length + inFlight.length >= s.maxFiles}
              aria-label={`Chọn tệp tải lên: ${s.title}`}
            >
              Chọn tệp tải lên
            </Button>
          )}
        </FileButton>
      </Stack>
    </Paper>
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
