import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from './context.ts';
import { agencyRoutes } from './modules/agencies/agencies.routes.ts';
import { publicAgencyRoutes } from './modules/agencies/public-agencies.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { catalogueRoutes } from './modules/catalogue/catalogue.routes.ts';
import { catalogueExcelRoutes } from './modules/catalogue/catalogue-excel.routes.ts';
import { versionRoutes } from './modules/catalogue/versions.routes.ts';
import { workflowRoutes } from './modules/catalogue/workflows.routes.ts';
import { citizenRoutes } from './modules/citizens/citizens.routes.ts';
import { oidcRoutes } from './modules/citizens/oidc.routes.ts';
import { dashboardRoutes } from './modules/dashboards/dashboards.routes.ts';
import { dossierRoutes } from './modules/dossiers/dossiers.routes.ts';
import { dossierFormRoutes } from './modules/dossiers/forms.routes.ts';
import { fileRoutes } from './modules/files/files.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { indexRoutes } from './modules/indices/indices.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { paymentRoutes } from './modules/payments/payments.routes.ts';
import { ratingRoutes } from './modules/ratings/ratings.routes.ts';
import { reportRoutes } from './modules/reports/reports.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { registerAudienceGate } from './plugins/audience.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling, sendProblem } from './plugins/errors.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { loggerOptions, registerSecurityHeaders, sendSpaIndex } from './plugins/security.ts';

export const webDist = fileURLToPath(new URL('../dist/web', import.meta.url));

export type AppOptions = {
  logger?: boolean | ({ level: string } & Record<string, unknown>);
  serveWeb?: boolean;
};

/** Builds the HTTP app from its dependencies; listening is the caller's business (tests use `inject`). */
export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(opts.logger ?? { level: deps.config.logLevel }),
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    // One id per request, in every log line and every problem response; a proxy's id is kept.
    genReqId: (req) => {
      const h = req.headers['x-request-id'];
      return typeof h === 'string' && /^[\w.-]{1,100}$/.test(h) ? h : randomUUID();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerErrorHandling(app);
  await registerSecurityHeaders(app, deps.config);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await registerOpenApi(app);
  registerAuth(app, deps);
  registerAudienceGate(app);

  await app.register(async (api) => {
    healthRoutes(api, deps);
    authRoutes(api, deps);
    citizenRoutes(api, deps);
    oidcRoutes(api, deps);
    agencyRoutes(api, deps);
    publicAgencyRoutes(api, deps);
    userRoutes(api, deps);
    calendarRoutes(api, deps);
    catalogueRoutes(api, deps);
    versionRoutes(api, deps);
    workflowRoutes(api, deps);
    catalogueExcelRoutes(api, deps);
    dossierRoutes(api, deps);
    dossierFormRoutes(api, deps);
    fileRoutes(api, deps);
    paymentRoutes(api, deps);
    ratingRoutes(api, deps);
    notificationRoutes(api, deps);
    reportRoutes(api, deps);
    dashboardRoutes(api, deps);
    indexRoutes(api, deps);
  });

  const serveWeb = (opts.serveWeb ?? true) && fs.existsSync(path.join(webDist, 'index.html'));
  if (serveWeb)
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      // index.html is sent by the not-found handler below, with its CSP nonce (plugins/security.ts).
      allowedPath: (pathName) => pathName !== '/index.html',
    });

  app.setNotFoundHandler((request, reply) => {
    const isApi = /^\/(api|healthz|openapi\.json|docs)(\/|$|\?)/.test(request.url);
    // Client-side routes of the SPA get index.html; API paths get a problem.
    if (serveWeb && request.method === 'GET' && !isApi) {
      return sendSpaIndex(reply, path.join(webDist, 'index.html'));
    }
    return sendProblem(
      reply,
      request,
      'NOT_FOUND',
      `Không có đường dẫn ${request.method} ${request.url.split('?')[0]}`,
    );
  });
  return app;
}
