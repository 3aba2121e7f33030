/**
 * Actions on a received dossier: the machine (domain/dossier/machine.ts) decides, this service loads what it
 * needs, then appends the event, updates the projection and queues notices in one transaction (at most once per
 * Idempotency-Key; concurrent actions on one dossier are serialised by a row lock and a sequence check).
 */

import type { StaffRole } from '../../../domain/access/roles.ts';
import type { Applicant } from '../../../domain/dossier/applicant.ts';
import {
  ACTION_RULES,
  type ActionRequest,
  type DossierEvent,
  type DossierView,
  decide,
  RuleViolation,
} from '../../../domain/dossier/index.ts';
import { sortVi } from '../../../domain/shared/text.ts';
import type { Ctx } from '../../context.ts';
import type { Tx } from '../../db/tx.ts';
import { AppError, notFound } from '../../errors.ts';
import { requireActor, requireStaff } from '../access/access.ts';
import { findAgency } from '../agencies/agencies.repository.ts';
import { legalClockAt } from '../calendar/calendar.service.ts';
import { loadActorGrants } from '../users/users.repository.ts';
import { loadRelated, toView } from './dossier-view.ts';
import { canReadDossier, isOwnDossier, rolesAt } from './dossiers.policy.ts';
import * as repo from './dossiers.repository.ts';
import { once } from './idempotency.ts';
import { type NotificationTemplate, notifyApplicant } from './notify.ts';
import { allowedFor, situationOf } from './situation.ts';

const notices: Partial<Record<ActionRequest['action'], NotificationTemplate>> = {
  accept: 'dossier.accepted',
  refuse: 'dossier.notAccepted',
  requestSupplement: 'dossier.supplementRequested',
  requestFinancialObligation: 'dossier.financialObligation',
  apologise: 'dossier.apology',
  returnResult: 'dossier.returned',
  withdraw: 'dossier.withdrawn',
  stop: 'dossier.stopped',
};

export function asProblem(e: unknown): never {
  if (e instanceof RuleViolation) {
    throw new AppError(e.code, e.message, {
      allowedActions: e.allowed,
      ...(e.path ? { errors: [{ path: e.path, message: e.message }] } : {}),
    });
  }
  throw e;
}

/** Loads a dossier the actor may read (404 otherwise: "not yours" and "missing" look the same). */
export async function readable(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const row = await repo.findDossier(ctx.db, id);
  if (!row) throw notFound('hồ sơ');
  if (actor.kind === 'citizen') {
    // Someone else's dossier does not exist for a citizen (no hint that the id is valid).
    if (!isOwnDossier(actor, row.citizenUserId)) throw notFound('hồ sơ');
    return { actor, loaded: await loadRelated(ctx.db, row) };
  }
  const loaded = await loadRelated(ctx.db, row);
  const path = (agencyId: string) => loaded.agencies.get(agencyId)?.path ?? '/none/';
  const paths = {
    receiving: path(row.receivingAgencyId),
    competent: path(row.competentAgencyId),
    holder: path(row.holderAgencyId),
  };
  if (!canReadDossier(actor, paths)) throw notFound('hồ sơ');
  return { actor, loaded };
}

/** Checks the people and agencies an action names: an assignee must hold the step's role at the holder. */
async function checkTargets(tx: Tx, req: ActionRequest, holderPath: string, stepRole: StaffRole | undefined) {
  if ((req.action === 'assign' || req.action === 'forward') && req.assigneeId) {
    const grants = await loadActorGrants(tx, req.assigneeId);
    const ok = grants.some((g) => holderPath.startsWith(g.agencyPath) && (!stepRole || g.role === stepRole));
    if (req.action === 'assign' && !ok) {
      throw new AppError('VALIDATION', 'Người được phân công không có vai trò xử lý bước này tại đơn vị', {
        errors: [{ path: 'assigneeId', message: 'Chọn người khác' }],
      });
    }
  }
  if (req.action === 'forward' && req.toAgencyId && !(await findAgency(tx, req.toAgencyId))) {
    throw new AppError('VALIDATION', 'Không tìm thấy cơ quan được chuyển tới', {
      errors: [{ path: 'toAgencyId', message: 'Chọn cơ quan khác' }],
    });
  }
}

export async function act(
  ctx: Ctx,
  id: string,
  req: ActionRequest,
  idempotencyKey?: string,
): Promise<{ body: DossierView; replayed: boolean }> {
  requireStaff(ctx);
  const { actor, loaded } = await readable(ctx, id);
  const receivingPath = loaded.agencies.get(loaded.row.receivingAgencyId)!.path;
  const clock = await legalClockAt(ctx, receivingPath);
  const now = ctx.clock.now();
  const rule = ACTION_RULES[req.action];
  const result = await once<{ id: string }>(
    ctx.db,
    `user:${actor.userId}`,
    idempotencyKey,
    { op: 'act', id, req },
    async (tx) => {
      const row = await repo.lockDossier(tx, id);
      if (!row) throw notFound('hồ sơ');
      const events = await repo.listEvents(tx, id);
      const l = await loadRelated(
        tx,
        row,
        req.action === 'forward' && req.toAgencyId ? [req.toAgencyId] : [],
      );
      const situation = situationOf(actor, l, events, now);
      const step = l.workflow.steps.find((s) => s.key === row.stepKey);
      const holderPath = l.agencies.get(row.holderAgencyId)?.path ?? '/none/';
      await checkTargets(tx, req, holderPath, req.action === 'assign' ? step?.role : undefined);
      let decision: ReturnType<typeof decide>;
      try {
        decision = decide(situation, req, {
          resume: clock.resume,
          workingDaysBetween: clock.workingDaysBetween,
          initialDue: (at) => clock.due(at, l.version.localLimit),
        });
      } catch (e) {
        asProblem(e);
      }
      if (req.action === 'forward' && req.assigneeId) {
        const target = l.workflow.steps.find((s) => s.key === decision.toStep);
        const targetPath = l.agencies.get(decision.holderAgencyId)?.path ?? '/none/';
        const grants = await loadActorGrants(tx, req.assigneeId);
        if (!grants.some((g) => targetPath.startsWith(g.agencyPath) && g.role === target?.role)) {
          throw new AppError(
            'VALIDATION',
            'Người được giao không có vai trò xử lý bước tiếp theo tại đơn vị đó',
            {
              errors: [{ path: 'assigneeId', message: 'Chọn người khác' }],
            },
          );
        }
      }
      const actedAt = rule.at === 'receiving' ? row.receivingAgencyId : row.holderAgencyId;
      const roles = rolesAt(actor, l.agencies.get(actedAt)?.path ?? '/none/');
      const role =
        rule.roles.find((r): r is StaffRole => r !== 'step' && r !== 'applicant' && roles.includes(r)) ??
        step?.role ??
        null;
      const event: DossierEvent = {
        ...decision,
        seq: row.lastSeq + 1,
        at: now,
        actorId: actor.userId,
        actorName: actor.fullName,
        role,
        agencyId: actedAt,
      };
      await repo.appendEvent(tx, id, event);
      // The due date's explanation grows only when the date moved (a supplement taken outside office hours does not).
      const moved = req.action === 'accept' || decision.dueAt?.getTime() !== row.dueAt?.getTime();
      const explanation =
        moved && Array.isArray(decision.data.explanation) ? (decision.data.explanation as string[]) : null;
      const finished = ['returned', 'withdrawn', 'stopped', 'notAccepted'].includes(event.toStatus);
      await repo.project(tx, id, event, {
        ...(explanation ? { dueExplanation: [...(row.dueExplanation as string[]), ...explanation] } : {}),
        ...(req.action === 'apologise'
          ? {
              dueExplanation: [
                ...(row.dueExplanation as string[]),
                `Hẹn lại theo phiếu xin lỗi: ${req.note}`,
              ],
            }
          : {}),
        ...(event.toStatus === 'resolved' && row.resolvedAt === null ? { resolvedAt: now } : {}),
        ...(finished ? { finishedAt: now } : {}),
        pausedSince: situationOf(actor, l, [...events, event], now).state.pausedSince,
      });
      const template =
        notices[req.action] ??
        (event.toStatus === 'resolved' && row.status !== 'resolved' ? 'dossier.resolved' : undefined);
      if (template) {
        await notifyApplicant(tx, {
          applicant: row.applicant as Applicant,
          dossierId: id,
          agencyId: row.receivingAgencyId,
          template,
          payload: {
            code: row.code,
            procedureName: l.procedureName,
            note: event.note,
            dueAt: event.dueAt?.toISOString() ?? null,
          },
          at: now,
        });
      }
      return { statusCode: 200, body: { id } };
    },
  );
  return { body: await getDossier(ctx, result.body.id), replayed: result.replayed };
}

export async function getDossier(ctx: Ctx, id: string): Promise<DossierView> {
  const { actor, loaded } = await readable(ctx, id);
  const events = await repo.listEvents(ctx.db, id);
  const now = ctx.clock.now();
  return toView(ctx.db, loaded, events, allowedFor(actor, loaded, events, now), now);
}

/**
 * People who may be given a step of this dossier: those holding the step's role at the agency that does it (the
 * current step at the holder; another step at the competent agency, or at `agencyId` for an inter-agency step).
 */
export async function assignableStaff(ctx: Ctx, id: string, stepKey?: string, agencyId?: string) {
  requireStaff(ctx);
  const { loaded } = await readable(ctx, id);
  const key = stepKey ?? loaded.row.stepKey;
  const step = loaded.workflow.steps.find((s) => s.key === key);
  if (!step) {
    throw new AppError('VALIDATION', 'Quy trình của hồ sơ không có bước này', {
      errors: [{ path: 'step', message: 'Chọn bước của quy trình' }],
    });
  }
  const atId =
    key === loaded.row.stepKey
      ? loaded.row.holderAgencyId
      : step.agency.ref === 'other'
        ? agencyId
        : step.kind === 'return'
          ? loaded.row.receivingAgencyId
          : loaded.row.competentAgencyId;
  const at = atId ? (loaded.agencies.get(atId) ?? (await findAgency(ctx.db, atId))) : undefined;
  if (!at) return [];
  const staff = await repo.staffWithRoleAt(ctx.db, step.role, at.path);
  return sortVi(staff, (s) => s.fullName);
}
