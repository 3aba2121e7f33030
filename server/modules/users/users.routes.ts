import { CreateUser, UpdateUser } from '../../../domain/access/account.ts';
import { User } from '../../../domain/access/roles.ts';
import type { Deps } from '../../context.ts';
import { type App, IdParams, ItemsOf, problems, typed } from '../../http.ts';
import { ctxOf } from '../../plugins/auth.ts';
import * as svc from './users.service.ts';

const tags = ['users'];

export function userRoutes(app: App, deps: Deps) {
  const r = typed(app);
  r.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Tài khoản cán bộ trong phạm vi quản trị',
        response: { 200: ItemsOf(User), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await svc.listUsers(ctxOf(request, deps)) }),
  );
  r.get(
    '/api/users/:id',
    { schema: { tags, params: IdParams, response: { 200: User, ...problems(400, 401, 403, 404) } } },
    async (request) => svc.getUser(ctxOf(request, deps), request.params.id),
  );
  r.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Tạo tài khoản cán bộ',
        body: CreateUser,
        response: { 201: User, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await svc.createUser(ctxOf(request, deps), request.body)),
  );
  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateUser,
        response: { 200: User, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => svc.updateUser(ctxOf(request, deps), request.params.id, request.body),
  );
}
