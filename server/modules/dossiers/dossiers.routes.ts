import { z } from 'zod';
import {
  ActionRequest,
  DossierSummary,
  DossierView,
  IntakeRequest,
  MyDossier,
  OnlineSubmission,
  PublicDossier,
  SlipRequest,
} from '../../../domain/dossier/index.ts';
import type { Deps } from '../../context.ts';
import { type App, IdParams, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import { act, assignableStaff, getDossier } from './actions.service.ts';
import { idempotencyKeyOf } from './idempotency.ts';
import { issueSlip, receiveDossier } from './intake.service.ts';
import { myDossierRoutes } from './my-dossiers.routes.ts';
import { listMyDossiers, submitOnline } from './online.service.ts';
import { DossierListQuery, listDossiers, trackDossier } from './queries.service.ts';

const tags = ['dossiers'];
const idem = z.object({ 'idempotency-key': z.string().optional() }).loose();
const SlipIssued = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.enum(['guidance', 'refusal']),
  issuedAt: z.string(),
  procedureName: z.string(),
});

export function dossierRoutes(app: App, deps: Deps) {
  const r = typed(app);
  r.post(
    '/api/dossiers',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa: cấp mã hồ sơ, giấy tiếp nhận và hẹn trả (mẫu 01)',
        headers: idem,
        body: IntakeRequest,
        response: { 200: DossierView, 201: DossierView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const res = await receiveDossier(ctxOf(request, deps), request.body, idempotencyKeyOf(request.headers));
      return reply.code(res.replayed ? 200 : 201).send(res.body);
    },
  );
  r.post(
    '/api/intake-slips',
    {
      schema: {
        tags,
        summary: 'Lập phiếu hướng dẫn bổ sung (mẫu 02) hoặc phiếu từ chối tiếp nhận (mẫu 03)',
        headers: idem,
        body: SlipRequest,
        response: { 200: SlipIssued, 201: SlipIssued, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const res = await issueSlip(ctxOf(request, deps), request.body, idempotencyKeyOf(request.headers));
      return reply.code(res.replayed ? 200 : 201).send(res.body);
    },
  );
  r.get(
    '/api/dossiers',
    {
      schema: {
        tags,
        summary: 'Danh sách hồ sơ (hộp việc của đơn vị, của tôi, hoặc tất cả); quá hạn và sắp đến hạn trước',
        querystring: DossierListQuery,
        response: {
          200: z.object({ items: z.array(DossierSummary), total: z.number().int() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => listDossiers(ctxOf(request, deps), request.query),
  );
  r.get(
    '/api/dossiers/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết hồ sơ: diễn biến, hạn giải quyết và giải thích, các thao tác được phép',
        params: IdParams,
        response: { 200: DossierView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => getDossier(ctxOf(request, deps), request.params.id),
  );
  r.post(
    '/api/dossiers/:id/actions',
    {
      schema: {
        tags,
        summary: 'Thực hiện một thao tác xử lý; 409 kèm danh sách thao tác được phép nếu không hợp lệ',
        params: IdParams,
        headers: idem,
        body: ActionRequest,
        response: { 200: DossierView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      (await act(ctxOf(request, deps), request.params.id, request.body, idempotencyKeyOf(request.headers)))
        .body,
  );
  r.get(
    '/api/dossiers/:id/assignees',
    {
      schema: {
        tags,
        summary: 'Cán bộ có thể được giao một bước của hồ sơ (mặc định: bước hiện tại)',
        params: IdParams,
        querystring: z.strictObject({ step: z.string().max(100).optional(), agencyId: z.uuid().optional() }),
        response: {
          200: z.object({ items: z.array(z.object({ id: z.uuid(), fullName: z.string() })) }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => ({
      items: await assignableStaff(
        ctxOf(request, deps),
        request.params.id,
        request.query.step,
        request.query.agencyId,
      ),
    }),
  );
  r.post(
    '/api/online-dossiers',
    {
      schema: {
        tags,
        summary: 'Nộp hồ sơ trực tuyến (công dân): cấp mã hồ sơ, chờ Bộ phận Một cửa tiếp nhận',
        headers: idem,
        body: OnlineSubmission,
        response: { 200: DossierView, 201: DossierView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const res = await submitOnline(ctxOf(request, deps), request.body, idempotencyKeyOf(request.headers));
      return reply.code(res.replayed ? 200 : 201).send(res.body);
    },
  );
  r.get(
    '/api/my/dossiers',
    {
      schema: {
        tags,
        summary: 'Hồ sơ của tôi (công dân): trạng thái và hạn trả kết quả, mới nhất trước',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({ items: z.array(MyDossier), total: z.number().int() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => listMyDossiers(ctxOf(request, deps), request.query.limit, request.query.offset),
  );
  r.get(
    '/api/public/dossiers/:code',
    {
      config: { rateLimit: { max: deps.config.trackingRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Tra cứu tình trạng hồ sơ theo mã (công khai; tên người nộp được che)',
        params: z.strictObject({ code: z.string().min(1).max(60) }),
        response: { 200: PublicDossier, ...problems(400, 404, 429) },
      },
    },
    async (request) => trackDossier(ctxOf(request, deps), request.params.code),
  );
  myDossierRoutes(app, deps);
}
