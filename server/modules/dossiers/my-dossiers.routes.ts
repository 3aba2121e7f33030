import { z } from 'zod';
import { DossierView, SupplementSubmission } from '../../../domain/dossier/index.ts';
import type { Deps } from '../../context.ts';
import { type App, IdParams, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import { idempotencyKeyOf } from './idempotency.ts';
import { downloadResult } from './result-download.service.ts';
import { supplyOnline } from './supplement-online.service.ts';

const tags = ['dossiers'];
const idem = z.object({ 'idempotency-key': z.string().optional() }).loose();
const ResultParams = z.strictObject({
  id: z.uuid('Mã định danh không hợp lệ'),
  fileId: z.uuid('Mã định danh không hợp lệ'),
});

/** The citizen's own dossiers in the portal: supplying a dossier online, downloading its result. */
export function myDossierRoutes(app: App, deps: Deps) {
  const r = typed(app);
  r.post(
    '/api/my/dossiers/:id/supplement',
    {
      schema: {
        tags,
        summary:
          'Công dân nộp bổ sung hồ sơ trực tuyến: mỗi giấy tờ được yêu cầu kèm tệp tải lên; hồ sơ tiếp tục giải quyết, hạn trả lùi theo thời gian chờ',
        params: IdParams,
        headers: idem,
        body: SupplementSubmission,
        response: { 200: DossierView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      (
        await supplyOnline(
          ctxOf(request, deps),
          request.params.id,
          request.body,
          idempotencyKeyOf(request.headers),
        )
      ).body,
  );
  // Untyped: the reply is the file's bytes, not a JSON schema.
  app.get(
    '/api/my/dossiers/:id/results/:fileId',
    {
      schema: {
        tags,
        summary: 'Công dân tải về tệp kết quả giải quyết hồ sơ của mình (khi nhận kết quả trực tuyến)',
        params: ResultParams,
        response: problems(400, 401, 403, 404, 409),
      },
    },
    async (request, reply) => {
      const { id, fileId } = ResultParams.parse(request.params);
      const file = await downloadResult(ctxOf(request, deps), deps.config.dataDir, id, fileId);
      return reply
        .type(file.mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `attachment; filename="ket-qua"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .send(file.bytes);
    },
  );
}
