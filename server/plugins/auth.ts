import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Ctx, Deps } from '../context.ts';
import { AppError } from '../errors.ts';
import { loadActor } from '../modules/auth/auth.service.ts';

export const SESSION_COOKIE = 'motcua_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writes allowed without a CSRF token: they open a session, they do not act within one. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Resolves the session cookie to `request.actor` and enforces the synchronizer-token CSRF check on every
 * cookie-authenticated write (the token is issued at login and by GET /api/auth/me).
 */
export function registerAuth(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    request.sessionToken = token;
    request.actor = await loadActor(deps.db, token, deps.clock.now());
    const path = request.url.split('?')[0]!;
    if (request.actor && !SAFE.has(request.method) && !CSRF_EXEMPT.has(path)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, request.actor.csrfToken)) throw new AppError('CSRF');
    }
  });
}

/** Whether cookies get `Secure`: as configured, or (`auto`) when the request came over HTTPS. */
export const isSecureRequest = (request: FastifyRequest, deps: Deps) =>
  deps.config.cookieSecure === 'auto' ? request.protocol === 'https' : deps.config.cookieSecure;

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, deps: Deps, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureRequest(request, deps),
    path: '/',
    maxAge: Math.round(deps.config.sessionHours * 3600),
  });
}

export const clearSessionCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });

/** Builds the explicit service context from a request. */
export const ctxOf = (request: FastifyRequest, deps: Deps): Ctx => ({
  db: deps.db,
  actor: request.actor,
  clock: deps.clock,
  log: request.log,
  requestId: request.id,
});
