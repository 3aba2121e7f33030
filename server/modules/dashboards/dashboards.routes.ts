import { Dashboard, DashboardQuery, DrillList, DrillQuery } from '../../../domain/dashboard/dashboard.ts';
import { SatisfactionReport } from '../../../domain/dashboard/satisfaction.ts';
import { Transparency, TransparencyQuery } from '../../../domain/dashboard/transparency.ts';
import type { Deps } from '../../context.ts';
import { type App, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import { drillDown, getDashboard } from './dashboards.service.ts';
import { satisfaction } from './satisfaction.service.ts';
import { transparency } from './transparency.service.ts';

const tags = ['dashboards'];

/** The leaders' dashboard: Biểu 06 numbers, rates and series, and the dossiers behind each number. */
export function dashboardRoutes(app: App, deps: Deps) {
  const r = typed(app);
  r.get(
    '/api/dashboards/overview',
    {
      schema: {
        tags,
        summary:
          'Bảng điều hành của lãnh đạo: số liệu Biểu 06, tỷ lệ đúng hạn, tỷ lệ trực tuyến, theo ngày, theo tháng và theo đơn vị',
        querystring: DashboardQuery,
        response: { 200: Dashboard, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => getDashboard(ctxOf(request, deps), request.query),
  );
  r.get(
    '/api/dashboards/dossiers',
    {
      schema: {
        tags,
        summary: 'Danh sách hồ sơ đứng sau một con số của bảng điều hành (một cột của Biểu 06)',
        querystring: DrillQuery,
        response: { 200: DrillList, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => drillDown(ctxOf(request, deps), request.query),
  );
  r.get(
    '/api/dashboards/satisfaction',
    {
      schema: {
        tags,
        summary:
          'Mức độ hài lòng: phân bố câu trả lời bốn câu hỏi đánh giá theo đơn vị, thủ tục và cán bộ trong kỳ',
        querystring: DashboardQuery,
        response: { 200: SatisfactionReport, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => satisfaction(ctxOf(request, deps), request.query),
  );
  r.get(
    '/api/public/transparency',
    {
      // Public and unauthenticated: limited per client like the other public look-ups.
      config: { rateLimit: { max: deps.config.trackingRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary:
          'Công khai kết quả giải quyết TTHC (không cần đăng nhập): số tiếp nhận, đã giải quyết, tỷ lệ đúng hạn, tỷ lệ trực tuyến của đơn vị và các đơn vị trực thuộc trong tháng, quý, năm hiện tại',
        querystring: TransparencyQuery,
        response: { 200: Transparency, ...problems(400, 404, 429) },
      },
    },
    async (request) => transparency(ctxOf(request, deps), request.query.agencyId),
  );
}
