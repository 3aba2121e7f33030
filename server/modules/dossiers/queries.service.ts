/** Reading dossiers: inboxes and lists for staff, public tracking by code. */
import { z } from 'zod';
import type { Workflow } from '../../../domain/catalogue/workflow.ts';
import {
  ACTION_RULES,
  type Applicant,
  DossierStatus,
  type DossierSummary,
  maskName,
  nationalStatusCode,
  OPEN,
  type PublicDossier,
  parseDossierCode,
  statusLabel,
} from '../../../domain/dossier/index.ts';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../errors.ts';
import { requireStaff } from '../access/access.ts';
import { findAgenciesByIds } from '../agencies/agencies.repository.ts';
import { legalClockAt } from '../calendar/calendar.service.ts';
import { eventLabel, userNames } from './dossier-view.ts';
import { dossierRoots } from './dossiers.policy.ts';
import * as repo from './dossiers.repository.ts';

export const DossierListQuery = z.strictObject({
  /** unit: unassigned work waiting for my roles; mine: assigned to me; all: everything I may see. */
  box: z.enum(['unit', 'mine', 'all']).default('all'),
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(DossierStatus).optional()),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DossierListQuery = z.infer<typeof DossierListQuery>;

export async function listDossiers(ctx: Ctx, query: DossierListQuery) {
  const actor = requireStaff(ctx);
  const roots = dossierRoots(actor);
  const open = [...OPEN] as DossierStatus[];
  const { rows, total } = await repo.listDossiers(ctx.db, {
    roots,
    q: query.q || undefined,
    limit: query.limit,
    offset: query.offset,
    ...(query.box === 'unit'
      ? {
          status: query.status,
          unit: {
            work: actor.grants.map((g) => ({ role: g.role, root: g.agencyPath })),
            deskRoots: actor.grants.filter((g) => g.role === 'deskOfficer').map((g) => g.agencyPath),
          },
        }
      : query.box === 'mine'
        ? { status: query.status ?? open, assigneeId: actor.userId }
        : { status: query.status }),
  });
  const now = ctx.clock.now();
  const clock = await legalClockAt(ctx, '/');
  const agencies = new Map(
    (await findAgenciesByIds(ctx.db, [...new Set(rows.map((r) => r.holderAgencyId))])).map((a) => [
      a.id,
      a.name,
    ]),
  );
  const names = await userNames(
    ctx.db,
    rows.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])),
  );
  const procedureNames = await repo.procedureNames(
    ctx.db,
    rows.map((r) => r.procedureId),
  );
  const items: DossierSummary[] = rows.map((r) => {
    const open = OPEN.has(r.status as DossierStatus) && r.dueAt !== null;
    const warning =
      !open || r.dueAt === null
        ? null
        : now > r.dueAt
          ? 'overdue'
          : clock.workingDaysBetween(now, r.dueAt) <= 1
            ? 'dueSoon'
            : null;
    return {
      id: r.id,
      code: r.code,
      procedureName: procedureNames.get(r.procedureId) ?? '',
      applicantName: r.applicantName,
      status: r.status as DossierStatus,
      statusLabel: statusLabel[r.status as DossierStatus],
      stepName: (r.workflow as Workflow).steps.find((s) => s.key === r.stepKey)?.name ?? null,
      holderAgencyName: agencies.get(r.holderAgencyId) ?? '',
      assigneeName: r.assigneeId ? (names.get(r.assigneeId) ?? null) : null,
      receivedAt: r.receivedAt.toISOString(),
      dueAt: r.dueAt?.toISOString() ?? null,
      warning,
    };
  });
  return { items, total };
}

/** Public tracking: status, dates and public steps; the applicant's name masked; nothing else personal. */
export async function trackDossier(ctx: Pick<Ctx, 'db' | 'clock'>, code: string): Promise<PublicDossier> {
  const parsed = parseDossierCode(code);
  const row = parsed ? await repo.findForTracking(ctx.db, code.trim().toUpperCase()) : undefined;
  if (!row) throw notFound(`hồ sơ mã ${code}`);
  const status = row.status as DossierStatus;
  return {
    code: row.code,
    status,
    statusCode: nationalStatusCode[status],
    statusLabel: statusLabel[status],
    procedureName: row.procedureName,
    receivingAgency: row.agencyName,
    applicantName: maskName(row.applicant as Applicant),
    receivedAt: row.receivedAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    timeline: row.events
      .filter((e) => e.action === 'receive' || e.action === 'submit' || ACTION_RULES[e.action].public)
      .map((e) => ({
        at: new Date(e.at).toISOString(),
        label: e.action === 'forward' && e.stepName ? `Chuyển xử lý: ${e.stepName}` : eventLabel(e.action),
        status: statusLabel[e.toStatus],
      })),
  };
}
