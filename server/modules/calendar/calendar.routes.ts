import { z } from 'zod';
import { WorkingTime } from '../../../domain/calendar/index.ts';
import {
  CalendarYear,
  DueRequest,
  DueResponse,
  NewCalendarNotice,
} from '../../../domain/calendar/requests.ts';
import type { Deps } from '../../context.ts';
import { type App, IdParams, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import { requireStaff } from '../access/access.ts';
import * as svc from './calendar.service.ts';

const tags = ['calendar'];
const YearParams = z.strictObject({ year: z.coerce.number().int().min(1900).max(2100) });
const WorkingTimeView = z.object({ workingTime: WorkingTime, inherited: z.boolean() });

export function calendarRoutes(app: App, deps: Deps) {
  const r = typed(app);
  r.get(
    '/api/public/calendar/years/:year',
    {
      schema: {
        tags: ['public', ...tags],
        summary: 'Lịch làm việc một năm: ngày nghỉ lễ, Tết, ngày làm bù, các thông báo',
        params: YearParams,
        response: { 200: CalendarYear, ...problems(400) },
      },
    },
    async (request) => svc.getYear(ctxOf(request, deps), request.params.year),
  );
  r.post(
    '/api/public/calendar/due',
    {
      schema: {
        tags: ['public', ...tags],
        summary: 'Tính hạn theo ngày làm việc / giờ làm việc / trong ngày / ngày lịch, kèm giải thích',
        body: DueRequest,
        response: { 200: DueResponse, ...problems(400, 404) },
      },
    },
    async (request) => {
      const { from, rule, agencyCode } = request.body;
      const due = await svc.computeDue(ctxOf(request, deps), new Date(from), rule, agencyCode);
      return { dueAt: due.dueAt.toISOString(), explanation: due.explanation };
    },
  );
  r.post(
    '/api/calendar/notices',
    {
      schema: {
        tags,
        summary: 'Nhập thông báo nghỉ lễ / làm bù chính thức',
        body: NewCalendarNotice,
        response: { 201: z.object({ id: z.string() }), ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await svc.addNotice(ctxOf(request, deps), request.body) }),
  );
  r.delete(
    '/api/calendar/notices/:id',
    {
      schema: {
        tags,
        summary: 'Thu hồi thông báo',
        params: IdParams,
        response: { 204: z.null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await svc.withdrawNotice(ctxOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/agencies/:id/working-time',
    {
      schema: {
        tags,
        summary: 'Giờ làm việc, giờ tiếp nhận',
        params: IdParams,
        response: { 200: WorkingTimeView, ...problems(401, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, deps);
      requireStaff(ctx);
      return svc.getWorkingTime(ctx, request.params.id);
    },
  );
  r.put(
    '/api/agencies/:id/working-time',
    {
      schema: {
        tags,
        params: IdParams,
        body: WorkingTime,
        response: { 200: WorkingTimeView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, deps);
      requireStaff(ctx);
      return svc.setWorkingTime(ctx, request.params.id, request.body);
    },
  );
}
