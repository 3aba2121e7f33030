import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorCode, Problem } from '../../domain/shared/problem.ts';
import { AppError, problemStatus, problemTitle } from '../errors.ts';

/** PostgreSQL error codes that mean the input was wrong, not the server. */
const pgCodes: Record<string, { code: ErrorCode; detail: string }> = {
  '23505': { code: 'CONFLICT', detail: 'Giá trị này đã tồn tại' },
  '23503': { code: 'BAD_REQUEST', detail: 'Tham chiếu tới dữ liệu không tồn tại' },
  '22P02': { code: 'VALIDATION', detail: 'Giá trị không đúng định dạng' },
  '22007': { code: 'VALIDATION', detail: 'Ngày giờ không hợp lệ' },
  '22008': { code: 'VALIDATION', detail: 'Ngày giờ nằm ngoài phạm vi' },
  '22001': { code: 'VALIDATION', detail: 'Giá trị quá dài' },
};

/** Fastify's own client errors, by their code. */
const fastifyCodes: Record<string, { code: ErrorCode; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'BAD_REQUEST', detail: 'Nội dung JSON không đúng cú pháp' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'BAD_REQUEST', detail: 'Thiếu nội dung JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    detail: 'Dữ liệu gửi lên vượt quá giới hạn cho phép',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    detail: 'Chỉ chấp nhận application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', detail: 'Độ dài nội dung không hợp lệ' },
  FST_ERR_VALIDATION: { code: 'VALIDATION', detail: 'Dữ liệu không hợp lệ' },
};

function pgErrorCode(err: unknown): string | undefined {
  // drizzle wraps driver errors: the PostgreSQL SQLSTATE is on the error or on its cause.
  for (
    let e: unknown = err, i = 0;
    e && typeof e === 'object' && i < 4;
    e = (e as { cause?: unknown }).cause, i++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  detail?: string,
  errors?: Problem['errors'],
  extra: Record<string, unknown> = {},
) {
  const status = problemStatus[code];
  const body: Problem & Record<string, unknown> = {
    ...extra,
    type: `urn:motcua:problem:${code.toLowerCase()}`,
    title: problemTitle[code],
    status,
    code,
    requestId: request.id,
    instance: request.url.split('?')[0],
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  };
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

export function classifyError(err: unknown): {
  code: ErrorCode;
  detail?: string;
  errors?: Problem['errors'];
  extra?: Record<string, unknown>;
} {
  if (err instanceof AppError) {
    const { errors, ...extra } = err.extra;
    return { code: err.code, detail: err.detail, errors, extra };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    return {
      code: 'VALIDATION',
      detail: `Dữ liệu không hợp lệ (${err.validationContext ?? 'body'})`,
      errors: err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? 'Không hợp lệ',
      })),
    };
  }
  const fe = err as Partial<FastifyError>;
  if (fe.code && fastifyCodes[fe.code]) return fastifyCodes[fe.code]!;
  if (fe.statusCode === 429) return { code: 'RATE_LIMITED' };
  const pgc = pgErrorCode(err);
  if (pgc && pgCodes[pgc]) return pgCodes[pgc]!;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { code: 'BAD_REQUEST' };
  }
  return { code: 'INTERNAL' };
}

/** One handler renders every error as RFC 9457 problem+json; no stack trace or SQL ever reaches the client. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err, request, reply) => {
    const c = classifyError(err);
    if (c.code === 'INTERNAL' || isResponseSerializationError(err)) {
      request.log.error({ err }, 'unhandled error');
      return sendProblem(reply, request, 'INTERNAL');
    }
    request.log.info({ code: c.code, detail: c.detail }, 'request refused');
    return sendProblem(reply, request, c.code, c.detail, c.errors, c.extra);
  });
}
