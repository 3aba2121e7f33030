import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { type App, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import { exportCatalogueWorkbook, importCatalogueWorkbook, XLSX_TYPE } from './catalogue.excel.ts';

const tags = ['catalogue'];
/** A catalogue of a few thousand procedure versions stays far below this. */
const WORKBOOK_LIMIT = 20 * 1024 * 1024;

const WorkbookImportResult = z.object({
  procedures: z.number().int(),
  versions: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

/** Excel import/export of the catalogue (docs/catalogue-excel.md); the raw .xlsx parser is scoped to these routes. */
export function catalogueExcelRoutes(app: App, deps: Deps) {
  app.register(async (scope) => {
    scope.addContentTypeParser(
      XLSX_TYPE,
      { parseAs: 'buffer', bodyLimit: WORKBOOK_LIMIT },
      (_req, body, done) => done(null, body),
    );
    // Any other body type reaches the handler (which refuses it with 415) instead of a generic parser error.
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WORKBOOK_LIMIT }, (_req, _body, done) =>
      done(null, undefined),
    );
    const r = typed(scope);
    // Untyped: the 200 answer is the file's bytes, not a JSON schema.
    scope.get(
      '/api/catalogue/export.xlsx',
      {
        schema: {
          tags,
          summary: 'Xuất toàn bộ danh mục thủ tục (mọi phiên bản, kèm quy trình) ra tệp Excel',
          produces: [XLSX_TYPE],
          response: problems(401, 403),
        },
      },
      async (request, reply) => {
        const file = await exportCatalogueWorkbook(ctxOf(request, deps));
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.buffer);
      },
    );
    r.post(
      '/api/catalogue/import',
      {
        schema: {
          tags,
          summary: 'Nhập danh mục thủ tục từ tệp Excel (.xlsx): có lỗi thì không nhập dòng nào',
          consumes: [XLSX_TYPE],
          response: { 200: WorkbookImportResult, ...problems(400, 401, 403, 413) },
        },
      },
      async (request) => {
        const body: unknown = request.body;
        if (!request.headers['content-type']?.startsWith(XLSX_TYPE) || !Buffer.isBuffer(body))
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Gửi tệp .xlsx với Content-Type: ${XLSX_TYPE}`);
        return importCatalogueWorkbook(ctxOf(request, deps), body);
      },
    );
  });
}
