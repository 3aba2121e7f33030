import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { type App, IdParams, problems } from '../../http.ts';
import { renderDossierLog, renderDossierLogXlsx } from '../../pdf/forms.ts';
import { ctxOf } from '../../plugins/auth.ts';
import { dossierLogData, type FormKind, renderDossierForm, renderSlipForm } from './forms.service.ts';

const tags = ['dossiers'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FormParams = z.strictObject({
  id: z.uuid('Mã định danh không hợp lệ'),
  form: z.enum(['receipt', 'supplement', 'apology', 'control-sheet']),
});
const LogQuery = z.strictObject({
  agencyId: z.uuid(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD'),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD'),
});

/** Start of a Hà Nội calendar day as an instant. */
const vnMidnight = (iso: string) => new Date(`${iso}T00:00:00+07:00`);

const inline = (name: string) => `inline; filename="${name}"`;

/** Printable forms (PDF) and the dossier log (PDF, Excel). */
export function dossierFormRoutes(app: App, deps: Deps) {
  app.get(
    '/api/dossiers/:id/forms/:form.pdf',
    {
      schema: {
        tags,
        summary: 'In mẫu 01 (receipt), 02 (supplement), 04 (apology), 05 (control-sheet) của hồ sơ',
        params: FormParams,
        produces: ['application/pdf'],
        response: problems(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const { id, form } = FormParams.parse(request.params);
      const bytes = await renderDossierForm(
        ctxOf(request, deps),
        id,
        form as FormKind,
        deps.config.publicUrl,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', inline(`${form}.pdf`))
        .send(bytes);
    },
  );
  app.get(
    '/api/intake-slips/:id/form.pdf',
    {
      schema: {
        tags,
        summary: 'In phiếu hướng dẫn bổ sung (mẫu 02) hoặc phiếu từ chối (mẫu 03) đã lập tại bộ phận một cửa',
        params: IdParams,
        produces: ['application/pdf'],
        response: problems(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const { id } = IdParams.parse(request.params);
      const bytes = await renderSlipForm(ctxOf(request, deps), id);
      return reply.type('application/pdf').header('content-disposition', inline('phieu.pdf')).send(bytes);
    },
  );
  app.get(
    '/api/dossier-log.:format',
    {
      schema: {
        tags,
        summary:
          'Sổ theo dõi hồ sơ (mẫu 06) của một đơn vị tiếp nhận trong khoảng ngày [from, to] — pdf hoặc xlsx',
        params: z.strictObject({ format: z.enum(['pdf', 'xlsx']) }),
        querystring: LogQuery,
        produces: ['application/pdf', XLSX],
        response: problems(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const { format } = z.object({ format: z.enum(['pdf', 'xlsx']) }).parse(request.params);
      const q = LogQuery.parse(request.query);
      if (q.to < q.from) throw new AppError('VALIDATION', 'Ngày cuối phải sau ngày đầu');
      const to = vnMidnight(q.to);
      to.setUTCDate(to.getUTCDate() + 1);
      const data = await dossierLogData(ctxOf(request, deps), q.agencyId, vnMidnight(q.from), to);
      if (format === 'xlsx') {
        const bytes = await renderDossierLogXlsx(data);
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="so-theo-doi-ho-so.xlsx"`)
          .send(bytes);
      }
      const bytes = await renderDossierLog(data);
      return reply
        .type('application/pdf')
        .header('content-disposition', inline('so-theo-doi-ho-so.pdf'))
        .send(bytes);
    },
  );
}
