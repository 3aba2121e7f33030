/**
 * Security headers on every response (ADR 0010), with `@fastify/helmet`: nosniff, X-Frame-Options DENY,
 * Referrer-Policy same-origin, cross-origin isolation of the window and resources, HSTS when configured; and the
 * Content-Security-Policy of the SPA on HTML answers. Scripts: our own files only, nothing inline. Styles: our own
 * files plus the `<style>` elements Mantine writes, which carry this response's nonce (index.html hands it to the
 * SPA in `<meta property="csp-nonce">`); inline style *attributes* are allowed, because Mantine sets CSS variables
 * through them. Non-HTML answers (JSON, PDF forms, uploaded files) get no CSP: Chrome's PDF viewer breaks under one.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../config.ts';

declare module 'fastify' {
  interface FastifyReply {
    /** The nonce of this response's `<style>` elements, made on first use. */
    styleNonce: string | null;
  }
}

const nonceOf = (reply: FastifyReply) => {
  reply.styleNonce ??= randomBytes(16).toString('base64');
  return reply.styleNonce;
};

/**
 * The SPA's policy for one response. `inlineStyles`: the API's own page (Swagger UI, /docs) writes `<style>`
 * elements without a nonce; it gets inline styles — still no inline script.
 */
export function contentSecurityPolicy(
  nonce: string,
  o: { upgradeInsecureRequests: boolean; inlineStyles?: boolean },
): string {
  return [
    "default-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "script-src 'self'",
    "script-src-attr 'none'",
    o.inlineStyles ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    // Mantine's stylesheet draws a few icons as data: SVG.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    ...(o.upgradeInsecureRequests ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Features no page of ours uses, switched off for every page (and anything injected into one). */
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

export async function registerSecurityHeaders(app: FastifyInstance, config: Config) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: false,
    strictTransportSecurity: config.hsts ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });
  app.decorateReply('styleNonce', null);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html')) {
      reply.header(
        'content-security-policy',
        contentSecurityPolicy(nonceOf(reply), {
          upgradeInsecureRequests: config.hsts,
          inlineStyles: /^\/docs(\/|$|\?)/.test(request.url),
        }),
      );
    }
    return payload;
  });
}

const lastIndex = new Map<string, string>();

/**
 * Sends the SPA's index.html with this response's style nonce in `<meta property="csp-nonce">` (the convention
 * Vite uses: the nonce is read from the element's `nonce` property, which the browser hides from attribute reads).
 * Never cached: every copy carries its own nonce.
 */
export async function sendSpaIndex(reply: FastifyReply, indexFile: string) {
  // Read each time (a rebuilt SPA is served at once); the last good copy covers the instant a build rewrites it.
  const html = await fs.readFile(indexFile, 'utf8').then(
    (text) => lastIndex.set(indexFile, text).get(indexFile)!,
    (error: unknown) => {
      const kept = lastIndex.get(indexFile);
      if (kept === undefined) throw error;
      return kept;
    },
  );
  const meta = `<meta property="csp-nonce" nonce="${nonceOf(reply)}" />`;
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html.replace('<head>', `<head>\n    ${meta}`));
}

type LoggerOption = boolean | ({ level: string } & Record<string, unknown>);

/**
 * The app's logger options with the request serializer that keeps query strings out of the log: a desk officer
 * searching by citizen ID or phone (`?q=…`) must not write it to every log line (docs/SECURITY.md).
 */
export function loggerOptions<L extends LoggerOption>(logger: L): L {
  if (typeof logger !== 'object') return logger;
  return {
    ...logger,
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string; hostname?: string }) => ({
        method: req.method,
        url: withoutQuery(req.url),
        host: req.hostname,
        remoteAddress: req.ip,
      }),
    },
  };
}

export const withoutQuery = (url: string | undefined) => {
  if (!url) return url;
  const i = url.indexOf('?');
  return i < 0 ? url : `${url.slice(0, i)}?…`;
};
