import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { type App, IdParams, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import { ACCEPTED_TYPES, FILE_LIMIT_BYTES, readFile, storeFile } from './files.service.ts';

const tags = ['files'];
const StoredFile = z.object({
  id: z.uuid(),
  name: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  sha256: z.string(),
});

/** Uploads (raw bytes, Content-Type + X-File-Name) and downloads (always as attachments). */
export function fileRoutes(app: App, deps: Deps) {
  app.register(async (scope) => {
    scope.addContentTypeParser(
      Object.keys(ACCEPTED_TYPES),
      { parseAs: 'buffer', bodyLimit: FILE_LIMIT_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: FILE_LIMIT_BYTES }, (_req, _b, done) =>
      done(null, undefined),
    );
    const r = typed(scope);
    r.post(
      '/api/files',
      {
        schema: {
          tags,
          summary: 'Tải lên tệp quét (PDF, JPEG, PNG; tối đa 10 MB); tên tệp trong X-File-Name (mã hóa URL)',
          consumes: Object.keys(ACCEPTED_TYPES),
          response: { 201: StoredFile, ...problems(400, 401, 403, 413) },
        },
      },
      async (request, reply) => {
        const body: unknown = request.body;
        if (!Buffer.isBuffer(body))
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Chỉ nhận tệp PDF, JPEG hoặc PNG');
        const name = request.headers['x-file-name'];
        const stored = await storeFile(
          ctxOf(request, deps),
          deps.config.dataDir,
          request.headers['content-type'] ?? '',
          body,
          typeof name === 'string' ? name : undefined,
        );
        return reply.code(201).send(stored);
      },
    );
    scope.get(
      '/api/files/:id',
      {
        schema: {
          tags,
          summary: 'Tải về tệp (luôn dưới dạng tệp đính kèm)',
          params: IdParams,
          response: problems(401, 403, 404),
        },
      },
      async (request, reply) => {
        const { id } = IdParams.parse(request.params);
        const file = await readFile(ctxOf(request, deps), deps.config.dataDir, id);
        return reply
          .type(file.mediaType)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header(
            'content-disposition',
            `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
          )
          .send(file.bytes);
      },
    );
  });
}
