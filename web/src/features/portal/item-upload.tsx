import { Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { type ComponentType, type ReactNode, useId, useRef, useState } from 'react';
import { formatBytes } from '../../lib/format.ts';
import type { StoredUpload } from './apply/draft.ts';
import type { PendingUpload, Uploads } from './apply/use-uploads.ts';

/** What a failed upload offers: try again, or let the file go. */
export function RetryOrDismiss({ p, uploads }: { p: PendingUpload; uploads: Uploads }) {
  return (
    <Group gap="xs">
      <Button size="sm" variant="filled" onClick={() => uploads.retry(p)}>
        Thử lại
      </Button>
      <Button size="sm" variant="default" onClick={() => uploads.dismiss(p)}>
        Bỏ tệp này
      </Button>
    </Group>
  );
}

interface ItemUploadProps {
  /** The upload slot of the item (what `uploads` files its pending scans under). */
  slot: string;
  /** The item's name, in the accessible names of its file list and of its button. */
  title: string;
  /** What heads the card (the title text carries `titleId`). */
  heading: (titleId: string) => ReactNode;
  /** The heading's id, when the page links to it by a known id; otherwise one is made up. */
  titleId?: string;
  id?: string;
  padding: 'sm' | 'md';
  stored: readonly StoredUpload[];
  onRemove: (fileId: string) => void;
  uploads: Uploads;
  /** How a scan still on its way (or failed) shows. */
  Pending: ComponentType<{ p: PendingUpload; uploads: Uploads }>;
  /** Starts the uploads of the picked files that may go; returns why the others may not ('' when all went). */
  pick: (files: File[], inFlight: readonly PendingUpload[]) => string;
  /** Shown in red when no file was refused at the last pick (e.g. "no file yet"). */
  problem?: string;
  /** The file input's `accept` attribute. */
  accept: string;
  disabled?: boolean;
}

/**
 * One item to upload scans for (a checklist item of an application, an item of a supplement request): its heading,
 * the files stored so far (each removable), the ones on their way, what was refused and the button that picks more.
 */
export function ItemUpload(props: ItemUploadProps) {
  const { title, stored, uploads, Pending } = props;
  const madeUpId = useId();
  const titleId = props.titleId ?? madeUpId;
  const [refused, setRefused] = useState('');
  // Clears the hidden input, so that the same file can be picked again after removing it.
  const resetRef = useRef<() => void>(null);
  const inFlight = uploads.pending.filter((p) => p.slot === props.slot);
  const pick = (files: File[]) => {
    resetRef.current?.();
    setRefused(props.pick(files, inFlight));
  };
  const message = refused || props.problem;
  return (
    <Paper
      id={props.id}
      component="section"
      aria-labelledby={titleId}
      withBorder
      radius="md"
      p={props.padding}
      style={message ? { borderColor: 'var(--mantine-color-red-7)' } : undefined}
    >
      <Stack gap="xs">
        {props.heading(titleId)}
        {stored.length > 0 && (
          <Stack component="ul" gap={4} p={0} m={0} aria-label={`Tệp đã tải lên: ${title}`}>
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
                  onClick={() => props.onRemove(f.fileId)}
                >
                  Xóa
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        {inFlight.map((p) => (
          <Pending key={p.id} p={p} uploads={uploads} />
        ))}
        {message && (
          <Text size="sm" c="red.8">
            {message}
          </Text>
        )}
        <FileButton onChange={pick} resetRef={resetRef} accept={props.accept} multiple>
          {(p) => (
            <Button
              {...p}
              variant="light"
              size="md"
              fullWidth
              disabled={props.disabled}
              aria-label={`Chọn tệp tải lên: ${title}`}
            >
              Chọn tệp tải lên
            </Button>
          )}
        </FileButton>
      </Stack>
    </Paper>
  );
}
