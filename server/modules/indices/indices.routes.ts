import { EvaluationQuery, EvaluationReport } from '../../../domain/indices/evaluation.ts';
import { ServiceIndex, ServiceIndexQuery } from '../../../domain/indices/service-index.ts';
import type { Deps } from '../../context.ts';
import { type App, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import { quarterEvaluation } from './evaluation.service.ts';
import { serviceIndex } from './indices.service.ts';

const tags = ['indices'];

/** Indices of service quality: Decision 766 (and, with it, the officer and agency evaluation). */
export function indexRoutes(app: App, deps: Deps) {
  const r = typed(app);
  r.get(
    '/api/indices/766',
    {
      schema: {
        tags,
        summary:
          'Bộ chỉ số 766 (Quyết định 766/QĐ-TTg): từng chỉ số với tử số, mẫu số và điểm; chỉ số chưa có dữ liệu không được tính điểm',
        querystring: ServiceIndexQuery,
        response: { 200: ServiceIndex, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => serviceIndex(ctxOf(request, deps), request.query),
  );
  r.get(
    '/api/indices/evaluation',
    {
      schema: {
        tags,
        summary:
          'Đánh giá việc giải quyết TTHC của cơ quan và từng cán bộ trong một quý (Nghị định 61/2018, Điều 30–33): 9 chỉ số, mỗi chỉ số 2/1/0 điểm',
        querystring: EvaluationQuery,
        response: { 200: EvaluationReport, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => quarterEvaluation(ctxOf(request, deps), request.query),
  );
}
