/**
 * Sign-in with the national digital ID (VNeID) over OpenID Connect (ADR 0009). Both flow routes are full-page
 * navigations, so they answer with redirects, never with a problem page: a refusal lands on the portal's sign-in
 * page with `?loi=<reason>`, which it explains in Vietnamese.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type OidcFailure, OidcStatus } from '../../../domain/citizen/oidc.ts';
import type { Deps } from '../../context.ts';
import { type App, typed } from '../../http.ts';
import { ctxOf, isSecureRequest, setSessionCookie } from '../../plugins/auth.ts';
import { classify, OidcRefusal, oidcClient } from './oidc.client.ts';
import { signInWithIdentity } from './oidc.service.ts';
import {
  OIDC_COOKIE_PATH,
  OIDC_STATE_COOKIE,
  OIDC_STATE_MINUTES,
  openPending,
  safeReturnTo,
  sealPending,
} from './oidc.state.ts';

const tags = ['citizen'];
export const OIDC_START_PATH = '/api/citizen/oidc/start';
const SIGN_IN_PAGE = '/cong-dan/dang-nhap';
const Redirect = z.null().describe('Chuyển hướng (303) tới nhà cung cấp định danh hoặc về Cổng');

const failurePath = (reason: OidcFailure) => `${SIGN_IN_PAGE}?loi=${reason}`;

export function oidcRoutes(app: App, deps: Deps) {
  const r = typed(app);
  const cfg = deps.config.oidc;
  const client = cfg ? oidcClient(cfg) : undefined;
  const limit = { rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' } };

  const clearPending = (reply: FastifyReply) =>
    reply.clearCookie(OIDC_STATE_COOKIE, { path: OIDC_COOKIE_PATH });
  /**
   * Back to the sign-in page with the reason; a signed-in citizen who was linking goes back where the link was
   * started (the profile page), which shows the reason there.
   */
  const fail = (request: FastifyRequest, reply: FastifyReply, error: unknown, linkingFrom?: string) => {
    const refusal = classify(error);
    // The error's name, code and message only: library errors carry claims (names, phone numbers) in `cause`.
    const cause = refusal.cause instanceof Error ? refusal.cause : undefined;
    const logged = { reason: refusal.reason, error: cause?.name, code: (cause as { code?: unknown })?.code };
    const level = refusal.reason === 'denied' ? 'info' : 'warn';
    request.log[level]({ ...logged, message: cause?.message ?? refusal.message }, 'oidc sign-in refused');
    const to = linkingFrom
      ? `${linkingFrom}${linkingFrom.includes('?') ? '&' : '?'}loi=${refusal.reason}`
      : failurePath(refusal.reason);
    return clearPending(reply).redirect(to, 303);
  };

  r.get(
    '/api/citizen/oidc',
    {
      schema: {
        tags,
        summary: 'Đăng nhập bằng định danh điện tử (VNeID) có được bật không',
        response: { 200: OidcStatus },
      },
    },
    async () =>
      cfg ? { enabled: true, displayName: cfg.displayName, startUrl: OIDC_START_PATH } : { enabled: false },
  );

  r.get(
    OIDC_START_PATH,
    {
      schema: {
        tags,
        summary:
          'Bắt đầu đăng nhập bằng VNeID (mở bằng trình duyệt); công dân đang đăng nhập thì liên kết VNeID với tài khoản',
        querystring: z.object({ returnTo: z.string().max(1000).optional() }),
        response: { 303: Redirect },
      },
      config: limit,
    },
    async (request, reply) => {
      if (!cfg || !client) return reply.redirect(failurePath('unavailable'), 303);
      try {
        const secrets = client.newSecrets();
        const url = await client.authorizationUrl(secrets);
        const actor = request.actor;
        const now = deps.clock.now().getTime();
        const sealed = sealPending(cfg.clientSecret, {
          ...secrets,
          returnTo: safeReturnTo(request.query.returnTo),
          linkUserId: actor?.kind === 'citizen' ? actor.userId : null,
          expiresAt: now + OIDC_STATE_MINUTES * 60_000,
        });
        reply.setCookie(OIDC_STATE_COOKIE, sealed, {
          httpOnly: true,
          // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
          sameSite: 'lax',
          secure: isSecureRequest(request, deps),
          path: OIDC_COOKIE_PATH,
          maxAge: OIDC_STATE_MINUTES * 60,
        });
        return reply.redirect(url.href, 303);
      } catch (error) {
        return fail(request, reply, error);
      }
    },
  );

  r.get(
    '/api/citizen/oidc/callback',
    {
      schema: {
        tags,
        summary: 'VNeID trả công dân về đây sau khi đăng nhập (mã ủy quyền, state)',
        // The provider's parameters go to the library untouched (from the raw query string).
        querystring: z.looseObject({}),
        response: { 303: Redirect },
      },
      config: limit,
    },
    async (request, reply) => {
      if (!cfg || !client) return reply.redirect(failurePath('unavailable'), 303);
      const pending = openPending(cfg.clientSecret, request.cookies[OIDC_STATE_COOKIE], deps.clock.now());
      try {
        if (!pending) throw new OidcRefusal('state', 'no valid pending sign-in cookie');
        const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const identity = await client.complete(query, pending);
        const outcome = await signInWithIdentity(ctxOf(request, deps), identity, {
          linkUserId: pending.linkUserId,
          sessionHours: deps.config.sessionHours,
        });
        clearPending(reply);
        if (outcome.kind === 'signedIn') setSessionCookie(reply, request, deps, outcome.token);
        return reply.redirect(pending.returnTo, 303);
      } catch (error) {
        return fail(request, reply, error, pending?.linkUserId ? pending.returnTo : undefined);
      }
    },
  );
}
