/**
 * The audience gate: who may call a route at all, in one table, answered before the body is validated.
 *
 * Module policies (`*.policy.ts`) decide the fine-grained questions — which agency subtree, whose dossier — and
 * they run inside the services, after Fastify has validated the body. Without this gate a caller who may not use a
 * route at all would get a 400 naming what the route expects before the 403. The gate only refuses what the
 * policies refuse anyway, with the answer they give: roles are listed only where the module refuses every caller
 * without them with 403 whatever the (existing) target; where a module hides targets from such callers (404:
 * "outside your subtree looks like missing"), the gate stays at `staff` or `signedIn` so that answer is kept.
 * It never decides anything about a particular agency or dossier.
 *
 * Routes missing from the table pass through (new routes are gated by their module until they are added here);
 * the access-matrix test (server/test/access-matrix.test.ts) fails for a route of the OpenAPI document that has
 * no entry.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StaffRole } from '../../domain/access/roles.ts';
import { AppError } from '../errors.ts';

/**
 * - `public`: anyone, signed in or not (sign-in, public look-ups, the feedback form).
 * - `signedIn`: a citizen or a staff member; the module decides which dossier or file (owner, subtree).
 * - `citizen`: a citizen account of the portal.
 * - `staff`: a staff account with at least one grant; `{ staff: [...] }`: holding one of these roles somewhere.
 */
export type Audience =
  | 'public'
  | 'signedIn'
  | 'citizen'
  | 'staff'
  | Readonly<{ staff: readonly StaffRole[] }>;

const admin = { staff: ['admin'] } as const;
const desk = { staff: ['deskOfficer'] } as const;
const leader = { staff: ['leader'] } as const;

/** Every route, as Fastify knows it (`METHOD /path/:param`). HEAD routes follow their GET. */
export const AUDIENCE: Readonly<Record<string, Audience>> = {
  'GET /healthz': 'public',

  // Sessions. Signing out is open: without a session it only clears the cookie.
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': 'signedIn',

  // Citizen accounts (ADR 0007) and VNeID sign-in (ADR 0009).
  'POST /api/citizen/sign-up': 'public',
  'POST /api/citizen/confirm': 'public',
  'POST /api/citizen/resend-code': 'public',
  'POST /api/citizen/sign-in': 'public',
  'POST /api/citizen/sign-out': 'public',
  'POST /api/citizen/password-reset': 'public',
  'POST /api/citizen/password-reset/confirm': 'public',
  'GET /api/citizen/me': 'citizen',
  'GET /api/citizen/profile': 'citizen',
  'PUT /api/citizen/profile': 'citizen',
  'GET /api/citizen/oidc': 'public',
  'GET /api/citizen/oidc/start': 'public',
  'GET /api/citizen/oidc/callback': 'public',

  // Organisation and accounts. Listing accounts is open to staff (an empty list for non-administrators).
  'GET /api/agencies': 'staff',
  'POST /api/agencies': admin,
  'GET /api/public/agencies': 'public',
  'GET /api/agencies/:id': 'staff',
  'PATCH /api/agencies/:id': 'staff',
  'POST /api/agencies/:id/successions': 'staff',
  'GET /api/public/procedures/:code/receiving-desks': 'public',
  'GET /api/users': 'staff',
  'POST /api/users': admin,
  'GET /api/users/:id': 'staff',
  'PATCH /api/users/:id': 'staff',

  // Calendar.
  'GET /api/public/calendar/years/:year': 'public',
  'POST /api/public/calendar/due': 'public',
  'POST /api/calendar/notices': admin,
  'DELETE /api/calendar/notices/:id': admin,
  'GET /api/agencies/:id/working-time': 'staff',
  'PUT /api/agencies/:id/working-time': 'staff',

  // Catalogue.
  'GET /api/public/procedures': 'public',
  'GET /api/public/procedures/:code': 'public',
  'GET /api/catalogue/procedures': 'staff',
  'GET /api/catalogue/procedures/:code/versions': 'staff',
  'PATCH /api/catalogue/procedures/:code/draft': admin,
  'POST /api/catalogue/procedures/:code/draft/publish': admin,
  'GET /api/catalogue/procedures/:code/workflows': 'staff',
  'PUT /api/catalogue/procedures/:code/workflows': admin,
  'GET /api/catalogue/export.xlsx': admin,
  'POST /api/catalogue/import': admin,

  // Dossiers. Reading one is for its citizen owner and the dossier staff of its subtrees (404 to anyone else, so
  // rating, paying and acting on one stay open to signed-in callers or staff here).
  'POST /api/dossiers': desk,
  'GET /api/dossiers': 'staff',
  'POST /api/intake-slips': desk,
  'GET /api/dossiers/:id': 'signedIn',
  'POST /api/dossiers/:id/actions': 'staff',
  'GET /api/dossiers/:id/assignees': 'staff',
  'POST /api/online-dossiers': 'citizen',
  'GET /api/my/dossiers': 'citizen',
  'GET /api/public/dossiers/:code': 'public',
  'POST /api/my/dossiers/:id/supplement': 'citizen',
  'GET /api/my/dossiers/:id/results/:fileId': 'citizen',
  'GET /api/dossiers/:id/forms/:form.pdf': 'signedIn',
  'GET /api/intake-slips/:id/form.pdf': 'staff',
  'GET /api/dossier-log.:format': { staff: ['deskOfficer', 'leader'] },

  // Fees.
  'GET /api/dossiers/:id/payment': 'signedIn',
  'POST /api/dossiers/:id/payment/request': 'signedIn',
  'POST /api/dossiers/:id/payment/confirm': 'staff',
  'POST /api/dossiers/:id/payment/cancel': 'staff',
  'GET /api/dossiers/:id/payment/receipt.pdf': 'signedIn',
  'GET /api/agencies/:id/payment-account': admin,
  'PUT /api/agencies/:id/payment-account': admin,
  'DELETE /api/agencies/:id/payment-account': admin,

  // Ratings and feedback.
  'GET /api/dossiers/:id/rating': 'signedIn',
  'POST /api/dossiers/:id/rating': 'signedIn',
  'GET /api/ratings/flagged': leader,
  'POST /api/ratings/:id/handled': 'staff',
  'GET /api/ratings/summary': 'staff',
  'POST /api/public/feedback': 'public',
  'GET /api/feedback': { staff: ['leader', 'petitionOfficer'] },

  // Notifications, warnings, reports.
  'GET /api/notifications': admin,
  'POST /api/notifications/:id/retry': 'staff',
  'GET /api/warnings': leader,
  'GET /api/reports/form06': 'staff',
  'GET /api/reports/form06.xlsx': 'staff',
  'GET /api/reports/form06.pdf': 'staff',

  // Dashboards: leaders and administrators of the agency (dashboards.policy.ts); the public transparency page.
  'GET /api/dashboards/overview': 'staff',
  'GET /api/dashboards/dossiers': 'staff',
  'GET /api/dashboards/satisfaction': 'staff',
  'GET /api/public/transparency': 'public',
  // Indices (Decision 766, Decree 61/2018 evaluation): the dashboard's readers (indices.policy.ts).
  'GET /api/indices/766': 'staff',
  'GET /api/indices/evaluation': 'staff',

  // Files: staff scan at the counter, citizens upload their own; reading follows the uploader or the dossier.
  'POST /api/files': 'signedIn',
  'GET /api/files/:id': 'signedIn',
};

/** The table's key of the route a request matched (undefined: no route, e.g. the not-found handler). */
export function routeKey(request: FastifyRequest): string | undefined {
  const { method, url } = request.routeOptions;
  if (typeof method !== 'string' || !url) return undefined;
  return `${method === 'HEAD' ? 'GET' : method} ${url}`;
}

/** Throws the problem the gate answers for this caller, or returns when the audience admits them. */
export function checkAudience(audience: Audience, actor: FastifyRequest['actor']): void {
  if (audience === 'public') return;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (audience === 'signedIn') return;
  if (audience === 'citizen') {
    if (actor.kind !== 'citizen') {
      throw new AppError(
        'FORBIDDEN',
        'Chức năng dành cho tài khoản công dân, tổ chức trên Cổng dịch vụ công',
      );
    }
    return;
  }
  if (actor.kind !== 'staff' || actor.grants.length === 0) {
    throw new AppError('FORBIDDEN', 'Chức năng dành cho cán bộ, công chức');
  }
  if (audience === 'staff') return;
  if (!actor.grants.some((g) => audience.staff.includes(g.role))) {
    throw new AppError('FORBIDDEN', 'Chức năng không thuộc vai trò được phân công của bạn');
  }
}

/** Registers the gate; call it before the routes are registered (hooks apply to routes added after them). */
export function registerAudienceGate(
  app: FastifyInstance,
  table: Readonly<Record<string, Audience>> = AUDIENCE,
) {
  app.addHook('preValidation', async (request) => {
    const key = routeKey(request);
    const audience = key ? table[key] : undefined;
    if (audience) checkAudience(audience, request.actor);
  });
}
