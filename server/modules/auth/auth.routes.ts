import { z } from 'zod';
import { LoginRequest, Session } from '../../../domain/access/account.ts';
import type { Deps } from '../../context.ts';
import { type App, problems, typed } from '../../http.ts';
import { clearSessionCookie, ctxOf, setSessionCookie } from '../../plugins/auth.ts';
import { requireActor } from '../access/access.ts';
import * as auth from './auth.service.ts';

export function authRoutes(app: App, deps: Deps) {
  const r = typed(app);
  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập',
        body: LoginRequest,
        response: { 200: Session, ...problems(400, 401, 423, 429) },
      },
      config: { rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, session } = await auth.login(ctxOf(request, deps), request.body, deps.config);
      setSessionCookie(reply, request, deps, token);
      return session;
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 204: z.null(), ...problems(403) } } },
    async (request, reply) => {
      if (request.sessionToken) await auth.logout(ctxOf(request, deps), request.sessionToken);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Phiên đăng nhập hiện tại',
        response: { 200: Session, ...problems(401) },
      },
    },
    async (request) => {
      const actor = requireActor(ctxOf(request, deps));
      return auth.getSession(deps.db, actor.userId, actor.csrfToken);
    },
  );
}
