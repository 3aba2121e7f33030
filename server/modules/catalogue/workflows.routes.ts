import { z } from 'zod';
import { WorkflowList } from '../../../domain/catalogue/admin.ts';
import { NationalCode, Workflow } from '../../../domain/catalogue/index.ts';
import type { Deps } from '../../context.ts';
import { type App, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import * as svc from './workflows.service.ts';

const tags = ['catalogue'];
const CodeParams = z.strictObject({ code: NationalCode });

/** Internal workflows (quy trình nội bộ) of a procedure, per agency kind or for one agency. */
export function workflowRoutes(app: App, deps: Deps) {
  const r = typed(app);
  r.get(
    '/api/catalogue/procedures/:code/workflows',
    {
      schema: {
        tags,
        summary:
          'Quy trình nội bộ của thủ tục (mặc định theo loại đơn vị và riêng từng đơn vị), kèm thời hạn áp dụng',
        params: CodeParams,
        response: { 200: WorkflowList, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => svc.listWorkflows(ctxOf(request, deps), request.params.code),
  );
  r.put(
    '/api/catalogue/procedures/:code/workflows',
    {
      schema: {
        tags,
        summary:
          'Lưu quy trình nội bộ (tạo mới hoặc thay thế); tổng thời gian phải nằm trong thời hạn cam kết',
        params: CodeParams,
        body: Workflow,
        response: { 200: Workflow, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => svc.saveWorkflow(ctxOf(request, deps), request.params.code, request.body),
  );
}
