import type { Deps } from '../../context.ts';
import { type App, IdParams, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import {
  DeadlineWarnings,
  Notification,
  NotificationListQuery,
  NotificationPage,
} from './notifications.schemas.ts';
import { listNotifications, retryNotification } from './notifications.service.ts';
import { getDeadlineWarnings } from './warnings.service.ts';

export function notificationRoutes(app: App, deps: Deps) {
  const r = typed(app);
  r.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary:
          'Thông báo gửi người nộp hồ sơ (e-mail, SMS, Zalo) và kết quả gửi, mới nhất trước (quản trị viên)',
        querystring: NotificationListQuery,
        response: { 200: NotificationPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => listNotifications(ctxOf(request, deps), request.query),
  );
  r.post(
    '/api/notifications/:id/retry',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Gửi lại một thông báo đã gửi không thành công (quản trị viên)',
        params: IdParams,
        response: { 200: Notification, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => retryNotification(ctxOf(request, deps), request.params.id),
  );
  r.get(
    '/api/warnings',
    {
      schema: {
        tags: ['dossiers'],
        summary:
          'Cảnh báo hạn giải quyết cho lãnh đạo: hồ sơ quá hạn và sắp đến hạn (≤ 1 ngày làm việc) theo đơn vị đang giữ hồ sơ',
        response: { 200: DeadlineWarnings, ...problems(401, 403) },
      },
    },
    async (request) => getDeadlineWarnings(ctxOf(request, deps)),
  );
}
