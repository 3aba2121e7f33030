/**
 * Online submission (portal) and the citizen's own dossiers. A submitted dossier gets its code at once (the
 * citizen tracks it by code) and waits in status 1 at the receiving desk; the due date is set when the desk
 * accepts it (actions `accept` / `refuse`).
 */
import { buildSubmissionSchema } from '../../../domain/catalogue/index.ts';
import {
  acceptsOnline,
  applicantName,
  checkOnlineDocuments,
  type DossierStatus,
  type MyDossier,
  nationalStatusCode,
  type OnlineSubmission,
  statusLabel,
} from '../../../domain/dossier/index.ts';
import type { Ctx } from '../../context.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { requireActor } from '../access/access.ts';
import { findAgenciesByIds, findAgency } from '../agencies/agencies.repository.ts';
import { getDossier } from './actions.service.ts';
import * as repo from './dossiers.repository.ts';
import { once } from './idempotency.ts';
import { competentFor, inForce, vnDay, workflowFor } from './intake.service.ts';
import { writeNewDossier } from './new-dossier.ts';

/** The signed-in citizen (staff are refused: these are the portal's functions). */
export function requireCitizen(ctx: Ctx) {
  const actor = requireActor(ctx);
  if (actor.kind !== 'citizen') throw forbidden('Chức năng dành cho công dân, tổ chức nộp hồ sơ trực tuyến');
  return actor;
}

export async function submitOnline(ctx: Ctx, req: OnlineSubmission, idempotencyKey?: string) {
  const actor = requireCitizen(ctx);
  const desk = await findAgency(ctx.db, req.receivingAgencyId);
  if (!desk?.agencyCode) throw notFound('nơi tiếp nhận hồ sơ');
  const { procedure, version } = await inForce(ctx, req.procedureCode);
  if (!acceptsOnline(version.version.onlineLevel) || !version.version.onlineForm) {
    throw new AppError('CONFLICT', `Thủ tục «${procedure.name}» chưa cung cấp dịch vụ công trực tuyến`);
  }
  const issues = checkOnlineDocuments(version.version.requiredDocuments, req.documents);
  const form = buildSubmissionSchema(version.version.onlineForm, { today: vnDay(ctx.clock.now()) }).safeParse(
    req.formData,
  );
  const errors = [
    ...issues.map(({ path, message }) => ({ path, message })),
    ...(form.success
      ? []
      : form.error.issues.map((i) => ({ path: ['formData', ...i.path].join('.'), message: i.message }))),
  ];
  if (errors.length > 0) {
    throw new AppError('VALIDATION', 'Hồ sơ trực tuyến chưa đầy đủ hoặc tờ khai chưa hợp lệ', { errors });
  }
  const competent = await competentFor(ctx, desk);
  const workflow = await workflowFor(ctx, procedure.id, competent);
  const now = ctx.clock.now();
  const agencyCode = desk.agencyCode;
  const result = await once<{ id: string }>(
    ctx.db,
    `user:${actor.userId}`,
    idempotencyKey,
    { op: 'submit', req },
    async (tx) => {
      const { row } = await writeNewDossier(tx, ctx, {
        desk: { ...desk, agencyCode },
        now,
        workflow,
        row: {
          procedureId: procedure.id,
          procedureVersionId: version.id,
          competentAgencyId: competent.id,
          channel: 'online',
          status: 'submitted',
          assigneeId: null,
          applicant: req.applicant,
          applicantName: applicantName(req.applicant),
          submitter: null,
          citizenUserId: actor.userId,
          documents: req.documents.map((d) => ({
            key: d.key,
            kind: 'electronic',
            count: 1,
            fileIds: d.fileIds,
          })),
          formData: form.data ?? {},
          workflow,
          resultDelivery: req.resultDelivery,
          dueAt: null,
          dueExplanation: [],
        },
        event: {
          action: 'submit',
          actorId: actor.userId,
          actorName: actor.fullName,
          role: null,
          toStatus: 'submitted',
          assigneeId: null,
          dueAt: null,
          note: req.note ?? null,
          data: req.postalAddress ? { postalAddress: req.postalAddress } : {},
        },
        fileIds: req.documents.flatMap((d) => d.fileIds),
        applicant: req.applicant,
        notice: { template: 'dossier.submitted', payload: { procedureName: procedure.name } },
      });
      return { statusCode: 201, body: { id: row.id } };
    },
  );
  return { replayed: result.replayed, body: await getDossier(ctx, result.body.id) };
}

/** "My dossiers": what the citizen submitted, newest first, with status and due date. */
export async function listMyDossiers(ctx: Ctx, limit: number, offset: number) {
  const actor = requireCitizen(ctx);
  const { rows, total } = await repo.listCitizenDossiers(ctx.db, actor.userId, limit, offset);
  const [names, agencies] = await Promise.all([
    repo.procedureNames(
      ctx.db,
      rows.map((r) => r.procedureId),
    ),
    findAgenciesByIds(ctx.db, [...new Set(rows.map((r) => r.receivingAgencyId))]),
  ]);
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  const items: MyDossier[] = rows.map((r) => {
    const status = r.status as DossierStatus;
    return {
      id: r.id,
      code: r.code,
      status,
      statusCode: nationalStatusCode[status],
      statusLabel: statusLabel[status],
      procedureName: names.get(r.procedureId) ?? '',
      receivingAgencyName: agencyName.get(r.receivingAgencyId) ?? '',
      submittedAt: r.receivedAt.toISOString(),
      dueAt: r.dueAt?.toISOString() ?? null,
      finishedAt: (r.finishedAt ?? r.resolvedAt)?.toISOString() ?? null,
    };
  });
  return { items, total };
}
