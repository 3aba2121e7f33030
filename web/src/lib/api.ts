import type { z } from 'zod';
import type { Problem } from '../../../domain/shared/problem.ts';

export interface FieldError {
  path: string;
  message: string;
}

/** Every failed request becomes one ApiError; `title` and `errors` are Vietnamese and shown to people as-is. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly errors: FieldError[];
  /** Members of the problem beyond the standard ones (e.g. `supplementItems`, `allowedActions`). */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string | undefined;
    requestId?: string | undefined;
    errors?: FieldError[] | undefined;
    extensions?: Record<string, unknown> | undefined;
  }) {
    super(init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.errors = init.errors ?? [];
    this.extensions = init.extensions ?? {};
  }

  /** The message for one form field (`path` as the server names it, e.g. `grants.0.agencyId`). */
  fieldError(path: string): string | undefined {
    return this.errors.find((e) => e.path === path || e.path === `/${path.replaceAll('.', '/')}`)?.message;
  }
}

const fallbackTitle: Record<number, string> = {
  0: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  400: 'Yêu cầu không hợp lệ.',
  401: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy dữ liệu.',
  409: 'Dữ liệu bị xung đột, vui lòng tải lại trang.',
  413: 'Dữ liệu gửi lên quá lớn.',
  423: 'Tài khoản đang bị tạm khóa.',
  429: 'Bạn thao tác quá nhiều lần, vui lòng thử lại sau.',
};

const titleFor = (status: number): string =>
  fallbackTitle[status] ?? (status >= 500 ? 'Máy chủ gặp lỗi, vui lòng thử lại sau.' : 'Đã có lỗi xảy ra.');

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The session owner keeps the CSRF token here; it is sent on every non-GET request. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** Called when a request other than the login itself answers 401 (the session expired or was revoked). */
export const setUnauthenticatedHandler = (handler: (() => void) | null): void => {
  onUnauthenticated = handler;
};

/**
 * A problem+json body as the server writes it (domain/shared/problem.ts). Checked by hand, not with the zod
 * schema: this module is on every page's first load, and zod would add ≈ 28 KB to it.
 */
export const asProblem = (body: unknown): Problem | null => {
  if (typeof body !== 'object' || body === null) return null;
  const p = body as Partial<Record<keyof Problem, unknown>>;
  const isText = (v: unknown) => typeof v === 'string';
  const optionalText = (v: unknown) => v === undefined || isText(v);
  const errorsOk =
    p.errors === undefined ||
    (Array.isArray(p.errors) &&
      p.errors.every((e: unknown) => {
        const fe = e as Partial<FieldError> | null;
        return typeof fe === 'object' && fe !== null && isText(fe.path) && isText(fe.message);
      }));
  const ok =
    isText(p.type) &&
    isText(p.title) &&
    Number.isInteger(p.status) &&
    isText(p.code) &&
    isText(p.requestId) &&
    optionalText(p.detail) &&
    optionalText(p.instance) &&
    errorsOk;
  return ok ? (body as Problem) : null;
};

const toApiError = async (response: Response): Promise<ApiError> => {
  const body: unknown = await response.json().catch(() => undefined);
  const p = asProblem(body);
  if (p) {
    return new ApiError({
      status: p.status,
      code: p.code,
      title: p.title,
      detail: p.detail,
      requestId: p.requestId,
      errors: p.errors,
      extensions: body as Record<string, unknown>,
    });
  }
  return new ApiError({ status: response.status, code: 'UNKNOWN', title: titleFor(response.status) });
};

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * The answer's schema, when the caller wants it checked here. Pages on the citizen portal pass none and name the
 * answer's type instead: the server already validates every answer against the same schemas (fastify-type-provider-
 * zod), and leaving zod out keeps a phone's first load small (issue 6: ≤ 150 KB).
 */
type Check = z.ZodType | undefined;
type Answer<S extends Check, T> = S extends z.ZodType ? z.infer<S> : T;

async function request<T, S extends Check = undefined>(
  method: Method,
  path: string,
  schema: S | null,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Answer<S, T>> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    ...extraHeaders,
  };
  // A file (an Excel workbook to import) is sent as it is, with its own type; anything else as JSON.
  const isFile = body instanceof Blob;
  if (isFile) headers['content-type'] = body.type || 'application/octet-stream';
  else if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: isFile ? body : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', title: titleFor(0) });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthenticated?.();
    throw error;
  }
  if (schema === null || response.status === 204) return undefined as Answer<S, T>;

  const json: unknown = await response.json();
  if (!schema) return json as Answer<S, T>;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // A contract mismatch between server and web: log the details for developers, say it plainly to people.
    console.error(`Phản hồi không đúng định dạng từ ${method} ${path}`, parsed.error.issues);
    throw new ApiError({
      status: response.status,
      code: 'BAD_RESPONSE',
      title: 'Máy chủ trả về dữ liệu không đúng định dạng.',
    });
  }
  return parsed.data as Answer<S, T>;
}

export const api = {
  /** `api.get('/x', Schema)` checks the answer; `api.get<T>('/x')` trusts the server's (already validated) answer. */
  get: <T = never, S extends Check = undefined>(path: string, schema?: S) =>
    request<T, S>('GET', path, schema as S),
  /** `headers`: e.g. an Idempotency-Key, or the X-File-Name of an upload. */
  post: <T = never, S extends Check = undefined>(
    path: string,
    body: unknown,
    schema?: S,
    headers?: Record<string, string>,
  ) => request<T, S>('POST', path, schema as S, body, headers),
  patch: <T = never, S extends Check = undefined>(path: string, body: unknown, schema?: S) =>
    request<T, S>('PATCH', path, schema as S, body),
  put: <T = never, S extends Check = undefined>(path: string, body: unknown, schema?: S) =>
    request<T, S>('PUT', path, schema as S, body),
  /** For endpoints that answer 204 No Content. */
  send: (method: Method, path: string, body?: unknown) => request<void>(method, path, null, body),
};
