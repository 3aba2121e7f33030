import { z } from 'zod';
import { NationalCode } from '../../../domain/catalogue/index.ts';
import { Listing, ListingQuery, ProcedureDetail } from '../../../domain/catalogue/listing.ts';
import type { Deps } from '../../context.ts';
import { type App, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import * as svc from './catalogue.service.ts';

const tags = ['public', 'catalogue'];

export function catalogueRoutes(app: App, deps: Deps) {
  const r = typed(app);
  r.get(
    '/api/public/procedures',
    {
      schema: {
        tags,
        summary: 'Danh mục thủ tục hành chính đang có hiệu lực (niêm yết công khai)',
        querystring: ListingQuery,
        response: { 200: Listing, ...problems(400) },
      },
    },
    async (request, reply) => {
      const json = await svc.listPublicProcedures(ctxOf(request, deps), request.query, deps.dbKind);
      // Already serialised and validated against `Listing` by the service; Fastify sends a string as it is.
      return reply.type('application/json; charset=utf-8').send(json as unknown as Listing);
    },
  );
  r.get(
    '/api/public/procedures/:code',
    {
      schema: {
        tags,
        summary: 'Chi tiết thủ tục: phiên bản đang có hiệu lực, thành phần hồ sơ, phí, quy trình',
        params: z.strictObject({ code: NationalCode }),
        response: { 200: ProcedureDetail, ...problems(400, 404) },
      },
    },
    async (request) => svc.getPublicProcedure(ctxOf(request, deps), request.params.code),
  );
}
