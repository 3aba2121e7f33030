import { z } from 'zod';
import {
  DossierRating,
  FeedbackListQuery,
  FeedbackReceipt,
  FeedbackRequest,
  FeedbackView,
  FlaggedRating,
  FlagHandledRequest,
  RatingRequest,
  RatingSummary,
  RatingSummaryQuery,
  RatingView,
} from '../../../domain/rating/index.ts';
import type { Deps } from '../../context.ts';
import { type App, IdParams, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import { listFeedback, submitFeedback } from './feedback.service.ts';
import {
  getDossierRating,
  listFlagged,
  markFlagHandled,
  rateDossier,
  ratingSummary,
} from './ratings.service.ts';

const tags = ['ratings'];
/**
 * Feedback from the public per client address per minute (per app process). A constant until the configuration
 * (server/config.ts, owned elsewhere) gains its own setting; as strict as citizen sign-up.
 */
export const FEEDBACK_RATE_PER_MINUTE = 10;

const Page = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Citizen ratings of dossiers (the four national questions) and feedback (phản ánh, kiến nghị). */
export function ratingRoutes(app: App, deps: Deps) {
  const r = typed(app);
  r.get(
    '/api/dossiers/:id/rating',
    {
      schema: {
        tags,
        summary: 'Đánh giá mức độ hài lòng của hồ sơ (người nộp hồ sơ và cán bộ xử lý hồ sơ xem)',
        params: IdParams,
        response: { 200: DossierRating, ...problems(400, 401, 404) },
      },
    },
    async (request) => getDossierRating(ctxOf(request, deps), request.params.id),
  );
  r.post(
    '/api/dossiers/:id/rating',
    {
      schema: {
        tags,
        summary:
          'Người nộp hồ sơ trực tuyến đánh giá 4 tiêu chí sau khi có kết quả; "Không hài lòng" phải nêu lý do; mỗi hồ sơ một lần (lần thứ hai: 409)',
        params: IdParams,
        body: RatingRequest,
        response: { 201: RatingView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rateDossier(ctxOf(request, deps), request.params.id, request.body)),
  );
  r.get(
    '/api/ratings/flagged',
    {
      schema: {
        tags,
        summary: 'Lãnh đạo: các đánh giá "Không hài lòng" chưa xử lý của hồ sơ thuộc đơn vị mình',
        querystring: Page,
        response: {
          200: z.object({ items: z.array(FlaggedRating), total: z.number().int() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => listFlagged(ctxOf(request, deps), request.query.limit, request.query.offset),
  );
  r.post(
    '/api/ratings/:id/handled',
    {
      schema: {
        tags,
        summary: 'Lãnh đạo ghi nhận đã xử lý đánh giá "Không hài lòng" (nêu việc đã làm); một lần',
        params: IdParams,
        body: FlagHandledRequest,
        response: { 200: RatingView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => markFlagHandled(ctxOf(request, deps), request.params.id, request.body),
  );
  r.get(
    '/api/ratings/summary',
    {
      schema: {
        tags,
        summary: 'Tổng hợp mức độ hài lòng theo 4 tiêu chí của một đơn vị (cả đơn vị trực thuộc) trong kỳ',
        querystring: RatingSummaryQuery,
        response: { 200: RatingSummary, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ratingSummary(ctxOf(request, deps), request.query),
  );
  r.post(
    '/api/public/feedback',
    {
      config: { rateLimit: { max: FEEDBACK_RATE_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Gửi phản ánh, kiến nghị (công khai; người đã đăng nhập được ghi là người gửi); trả về số phản ánh, kiến nghị',
        body: FeedbackRequest,
        response: { 201: FeedbackReceipt, ...problems(400, 429) },
      },
    },
    async (request, reply) => reply.code(201).send(await submitFeedback(ctxOf(request, deps), request.body)),
  );
  r.get(
    '/api/feedback',
    {
      schema: {
        tags,
        summary: 'Phản ánh, kiến nghị gửi đến đơn vị (lãnh đạo, cán bộ tiếp công dân, xử lý đơn)',
        querystring: FeedbackListQuery,
        response: {
          200: z.object({ items: z.array(FeedbackView), total: z.number().int() }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => listFeedback(ctxOf(request, deps), request.query),
  );
}
