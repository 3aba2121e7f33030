import { z } from 'zod';
import {
  Agency,
  CreateAgency,
  CreateSuccession,
  Succession,
  UpdateAgency,
} from '../../../domain/org/agency.ts';
import type { Deps } from '../../context.ts';
import { type App, IdParams, ItemsOf, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import * as svc from './agencies.service.ts';

const tags = ['agencies'];

export function agencyRoutes(app: App, deps: Deps) {
  const r = typed(app);
  r.get(
    '/api/agencies',
    {
      schema: {
        tags,
        summary: 'Các cơ quan, đơn vị trong phạm vi được phân quyền (thứ tự cây)',
        response: { 200: ItemsOf(Agency), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await svc.listVisibleAgencies(ctxOf(request, deps)) }),
  );
  r.get(
    '/api/public/agencies',
    {
      schema: {
        tags: ['public'],
        summary: 'Danh mục cơ quan, đơn vị (công khai)',
        response: { 200: ItemsOf(Agency) },
      },
    },
    async (request) => ({ items: await svc.listPublicAgencies(ctxOf(request, deps)) }),
  );
  r.get(
    '/api/agencies/:id',
    {
      schema: {
        tags,
        params: IdParams,
        response: {
          200: Agency.extend({ successions: z.array(Succession) }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) => svc.getAgency(ctxOf(request, deps), request.params.id),
  );
  r.post(
    '/api/agencies',
    {
      schema: {
        tags,
        summary: 'Tạo cơ quan, đơn vị',
        body: CreateAgency,
        response: { 201: Agency, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await svc.createAgency(ctxOf(request, deps), request.body)),
  );
  r.patch(
    '/api/agencies/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateAgency,
        response: { 200: Agency, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => svc.updateAgency(ctxOf(request, deps), request.params.id, request.body),
  );
  r.post(
    '/api/agencies/:id/successions',
    {
      schema: {
        tags,
        summary: 'Ghi nhận sáp nhập / chia tách',
        params: IdParams,
        body: CreateSuccession,
        response: { 201: Succession, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await svc.addSuccession(ctxOf(request, deps), request.params.id, request.body)),
  );
}
