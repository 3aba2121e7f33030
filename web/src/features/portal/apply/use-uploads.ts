import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { upload } from '../uploads.ts';
import type { StoredUpload } from './draft.ts';

/** A file on its way up, or one that failed and waits for «Thử lại» (the File is kept in memory for that). */
export interface PendingUpload {
  id: number;
  slot: string;
  file: File;
  sent: number;
  error?: string;
}

const messageOf = (e: unknown): string =>
  e instanceof ApiError ? (e.detail ?? e.title) : 'Tải lên không thành công.';

/**
 * Uploads per slot, kept by the page (not the step) so that moving between steps neither loses a file in
 * flight nor forgets a failed one. A stored file is handed to `onStored`, which writes it into the draft.
 */
export function useUploads(csrfToken: string | null, onStored: (slot: string, file: StoredUpload) => void) {
  const [pending, setPending] = useState<PendingUpload[]>([]);
  const aborts = useRef(new Map<number, () => void>());
  const seq = useRef(0);

  const run = useCallback(
    (id: number, slot: string, file: File) => {
      const patch = (change: Partial<PendingUpload>) =>
        setPending((all) => all.map((p) => (p.id === id ? { ...p, ...change } : p)));
      const u = upload(file, csrfToken, (sent) => patch({ sent }));
      aborts.current.set(id, u.abort);
      u.done
        .then((stored) => {
          setPending((all) => all.filter((p) => p.id !== id));
          onStored(slot, { fileId: stored.id, name: stored.name, size: stored.size });
        })
        .catch((e: unknown) => patch({ error: messageOf(e), sent: 0 }))
        .finally(() => aborts.current.delete(id));
    },
    [csrfToken, onStored],
  );

  const start = useCallback(
    (slot: string, file: File) => {
      seq.current += 1;
      const id = seq.current;
      setPending((all) => [...all, { id, slot, file, sent: 0 }]);
      run(id, slot, file);
    },
    [run],
  );

  const retry = useCallback(
    (p: PendingUpload) => {
      setPending((all) => all.map((x) => (x.id === p.id ? { ...x, sent: 0, error: undefined } : x)));
      run(p.id, p.slot, p.file);
    },
    [run],
  );

  const dismiss = useCallback((p: PendingUpload) => {
    aborts.current.get(p.id)?.();
    setPending((all) => all.filter((x) => x.id !== p.id));
  }, []);

  const busy = pending.some((p) => p.error === undefined);
  return { pending, start, retry, dismiss, busy };
}

export type Uploads = ReturnType<typeof useUploads>;
