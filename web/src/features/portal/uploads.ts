/**
 * Uploading scans from a phone: XMLHttpRequest rather than fetch, because only it reports upload progress. The
 * server's limits are checked first (type, size), so a wrong file is refused at once and in Vietnamese.
 */
import { ApiError, asProblem } from '../../lib/api.ts';
import { formatBytes } from '../../lib/format.ts';

/** As POST /api/files enforces them (server/modules/files/files.service.ts). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};
export const ACCEPT_ATTRIBUTE = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

/** What POST /api/files answers (server/modules/files). */
export interface UploadedFile {
  id: string;
  name: string;
  size: number;
}

const asUploadedFile = (body: unknown): UploadedFile => {
  const f = body as Partial<UploadedFile> | null;
  if (typeof f?.id !== 'string' || typeof f.name !== 'string' || !Number.isInteger(f.size)) {
    throw new TypeError('not a stored file');
  }
  return { id: f.id, name: f.name, size: f.size as number };
};

const extensionOf = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();

/** The content type to declare, from the file's own type or its extension; undefined when not accepted. */
const mediaTypeOf = (file: File): string | undefined =>
  Object.values(TYPES).includes(file.type) ? file.type : TYPES[extensionOf(file.name)];

/**
 * Why this file cannot be sent, in Vietnamese, or undefined. `accept` narrows the allowed extensions (a form
 * field's `accept`, e.g. ["pdf", "jpg"]).
 */
export function refusal(file: File, accept: readonly string[] = []): string | undefined {
  const type = mediaTypeOf(file);
  const ext = extensionOf(file.name);
  if (!type) return `Tệp «${file.name}» không phải PDF, JPG hoặc PNG`;
  if (accept.length > 0 && !accept.includes(ext) && !(ext === 'jpeg' && accept.includes('jpg'))) {
    return `Tệp «${file.name}» không đúng loại cho phép (${accept.join(', ')})`;
  }
  if (file.size === 0) return `Tệp «${file.name}» rỗng`;
  if (file.size > MAX_FILE_BYTES) {
    return `Tệp «${file.name}» nặng ${formatBytes(file.size)}, vượt quá ${formatBytes(MAX_FILE_BYTES)}`;
  }
  return undefined;
}

const errorOf = (xhr: XMLHttpRequest): ApiError => {
  if (xhr.status === 0) {
    return new ApiError({
      status: 0,
      code: 'NETWORK',
      title: 'Mất kết nối khi tải lên. Kiểm tra mạng rồi bấm «Thử lại».',
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    body = undefined;
  }
  const p = asProblem(body);
  if (p) return new ApiError({ status: p.status, code: p.code, title: p.title, detail: p.detail });
  return new ApiError({ status: xhr.status, code: 'UNKNOWN', title: 'Tải lên không thành công.' });
};

export interface Upload {
  done: Promise<UploadedFile>;
  abort: () => void;
}

/** Sends one file as raw bytes (its name in X-File-Name), reporting the bytes sent so far. */
export function upload(file: File, csrfToken: string | null, onProgress: (sent: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedFile>((resolve, reject) => {
    xhr.open('POST', '/api/files');
    xhr.setRequestHeader('content-type', mediaTypeOf(file) ?? 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      if (xhr.status !== 201) return reject(errorOf(xhr));
      try {
        resolve(asUploadedFile(JSON.parse(xhr.responseText)));
      } catch {
        reject(
          new ApiError({ status: xhr.status, code: 'BAD_RESPONSE', title: 'Máy chủ trả lời không rõ.' }),
        );
      }
    };
    xhr.onerror = () => reject(errorOf(xhr));
    xhr.onabort = () => reject(new ApiError({ status: 0, code: 'ABORTED', title: 'Đã hủy tải lên.' }));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
