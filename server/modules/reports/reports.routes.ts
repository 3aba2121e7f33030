import { Form06Query, Form06Report } from '../../../domain/reports/form06-rows.ts';
import type { Deps } from '../../context.ts';
import { type App, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import { renderForm06Pdf } from './form06.pdf.ts';
import { renderForm06Xlsx } from './form06.xlsx.ts';
import { form06 } from './reports.service.ts';

const tags = ['reports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reports: Biểu 06/VPCP/KSTT (JSON, Excel and PDF). */
export function reportRoutes(app: App, deps: Deps) {
  const r = typed(app);
  r.get(
    '/api/reports/form06',
    {
      schema: {
        tags,
        summary:
          'Biểu 06/VPCP/KSTT: tình hình, kết quả giải quyết TTHC của một đơn vị (gồm đơn vị trực thuộc) trong kỳ [from, to], theo đơn vị, lĩnh vực hoặc thủ tục',
        querystring: Form06Query,
        response: { 200: Form06Report, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => (await form06(ctxOf(request, deps), request.query)).report,
  );
  // Untyped: the 200 answer is bytes, which the zod response types do not describe.
  app.get(
    '/api/reports/form06.xlsx',
    {
      schema: {
        tags,
        summary: 'Biểu 06/VPCP/KSTT dạng Excel (cùng tham số với /api/reports/form06)',
        querystring: Form06Query,
        produces: [XLSX],
        response: problems(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const query = Form06Query.parse(request.query);
      const bytes = await renderForm06Xlsx(await form06(ctxOf(request, deps), query));
      return reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="bieu-06-vpcp-kstt.xlsx"')
        .send(bytes);
    },
  );
  app.get(
    '/api/reports/form06.pdf',
    {
      schema: {
        tags,
        summary: 'Biểu 06/VPCP/KSTT dạng PDF để in, ký (cùng tham số với /api/reports/form06)',
        querystring: Form06Query,
        produces: ['application/pdf'],
        response: problems(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const query = Form06Query.parse(request.query);
      const bytes = await renderForm06Pdf(await form06(ctxOf(request, deps), query));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="bieu-06-vpcp-kstt.pdf"')
        .send(bytes);
    },
  );
}
