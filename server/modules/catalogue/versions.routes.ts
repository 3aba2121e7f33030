import { z } from 'zod';
import { ProcedureAdminSummary } from '../../../domain/catalogue/admin.ts';
import { Decision, NationalCode, ProcedureVersion, VersionPatch } from '../../../domain/catalogue/index.ts';
import { IsoDate } from '../../../domain/shared/text.ts';
import type { Deps } from '../../context.ts';
import { type App, ItemsOf, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import * as svc from './versions.service.ts';

const tags = ['catalogue'];
const CodeParams = z.strictObject({ code: NationalCode });
const PublishRequest = z.strictObject({ decision: Decision, effectiveFrom: IsoDate.optional() });

export function versionRoutes(app: App, deps: Deps) {
  const r = typed(app);
  r.get(
    '/api/catalogue/procedures',
    {
      schema: {
        tags,
        summary: 'Mọi thủ tục trong danh mục, kèm phiên bản đang công bố và dự thảo (nếu có)',
        response: { 200: ItemsOf(ProcedureAdminSummary), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await svc.listCatalogueProcedures(ctxOf(request, deps)) }),
  );
  r.get(
    '/api/catalogue/procedures/:code/versions',
    {
      schema: {
        tags,
        summary: 'Các phiên bản của một thủ tục (mới nhất trước)',
        params: CodeParams,
        response: { 200: ItemsOf(ProcedureVersion), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      items: await svc.listProcedureVersions(ctxOf(request, deps), request.params.code),
    }),
  );
  r.patch(
    '/api/catalogue/procedures/:code/draft',
    {
      schema: {
        tags,
        summary: 'Sửa dự thảo (hoặc tạo dự thảo mới từ phiên bản đang công bố)',
        params: CodeParams,
        body: VersionPatch,
        response: { 200: ProcedureVersion, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => svc.changeProcedure(ctxOf(request, deps), request.params.code, request.body),
  );
  r.post(
    '/api/catalogue/procedures/:code/draft/publish',
    {
      schema: {
        tags,
        summary: 'Công bố dự thảo theo quyết định; phiên bản cũ hết hiệu lực từ ngày trước đó',
        params: CodeParams,
        body: PublishRequest,
        response: { 200: ProcedureVersion, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      svc.publishDraft(
        ctxOf(request, deps),
        request.params.code,
        request.body.decision,
        request.body.effectiveFrom,
      ),
  );
}
