/**
 * The applicant supplies a dossier online (issue 6 §3): the answer to the supplement request (form 02), one entry
 * per requested item with the scans uploaded for it. It is the action `receiveSupplement` of the action table,
 * taken by the applicant: the status machine checks status, ownership and coverage and moves the due date by the
 * suspended working time exactly as when the desk records a paper supplement. One transaction: the event, the
 * projection, the scans linked to the dossier and e-mails to the staff who asked and to the receiving desk.
 */
import {
  checkSupplied,
  type DossierEvent,
  type DossierView,
  decide,
  type SupplementSubmission,
} from '../../../domain/dossier/index.ts';
import type { Ctx } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { legalClockAt } from '../calendar/calendar.service.ts';
import { asProblem, getDossier, readable } from './actions.service.ts';
import { loadRelated } from './dossier-view.ts';
import * as repo from './dossiers.repository.ts';
import { once } from './idempotency.ts';
import { linkFiles } from './intake.service.ts';
import { requireCitizen } from './online.service.ts';
import { situationOf } from './situation.ts';
import { fileBriefs, queueStaffEmails, staffEmails } from './supplement-online.repository.ts';

export async function supplyOnline(
  ctx: Ctx,
  id: string,
  req: SupplementSubmission,
  idempotencyKey?: string,
): Promise<{ body: DossierView; replayed: boolean }> {
  const actor = requireCitizen(ctx);
  // Someone else's dossier does not exist for a citizen.
  const { loaded } = await readable(ctx, id);
  const receivingPath = loaded.agencies.get(loaded.row.receivingAgencyId)!.path;
  const clock = await legalClockAt(ctx, receivingPath);
  const now = ctx.clock.now();
  const result = await once<{ id: string }>(
    ctx.db,
    `user:${actor.userId}`,
    idempotencyKey,
    { op: 'supplyOnline', id, req },
    async (tx) => {
      const row = await repo.lockDossier(tx, id);
      if (!row) throw notFound('hồ sơ');
      const events = await repo.listEvents(tx, id);
      const l = await loadRelated(tx, row);
      const situation = situationOf(actor, l, events, now);
      // Every missing item named at once (the machine would stop at the first complaint).
      if (situation.state.status === 'supplementRequested') {
        const issues = checkSupplied(situation.state.requestedItems, req.items);
        if (issues.length > 0) {
          throw new AppError('VALIDATION', 'Hồ sơ bổ sung chưa đủ các giấy tờ được yêu cầu', {
            errors: issues.map((i) => ({ path: i.path, message: i.message })),
          });
        }
      }
      let decision: ReturnType<typeof decide>;
      try {
        decision = decide(
          situation,
          { action: 'receiveSupplement', items: req.items, ...(req.note ? { note: req.note } : {}) },
          {
            resume: clock.resume,
            workingDaysBetween: clock.workingDaysBetween,
            initialDue: (at) => clock.due(at, l.version.localLimit),
          },
        );
      } catch (e) {
        asProblem(e);
      }
      const fileIds = req.items.flatMap((i) => i.fileIds);
      // Only the citizen's own uploads, not yet part of any dossier.
      await linkFiles(tx, ctx, id, fileIds);
      const files = await fileBriefs(tx, fileIds);
      const event: DossierEvent = {
        ...decision,
        data: {
          ...decision.data,
          channel: 'online',
          items: req.items.map((i) => ({
            name: i.name,
            fileIds: i.fileIds,
            files: i.fileIds.flatMap((f) => {
              const brief = files.get(f);
              return brief ? [brief] : [];
            }),
          })),
        },
        seq: row.lastSeq + 1,
        at: now,
        actorId: actor.userId,
        actorName: actor.fullName,
        role: null,
        agencyId: row.receivingAgencyId,
      };
      await repo.appendEvent(tx, id, event);
      const moved = decision.dueAt?.getTime() !== row.dueAt?.getTime();
      const explanation =
        moved && Array.isArray(decision.data.explanation) ? (decision.data.explanation as string[]) : null;
      await repo.project(tx, id, event, {
        ...(explanation ? { dueExplanation: [...(row.dueExplanation as string[]), ...explanation] } : {}),
        pausedSince: situationOf(actor, l, [...events, event], now).state.pausedSince,
      });
      // The staff who asked, whoever holds the dossier now, and the receiving desk.
      const asker = events.findLast((e) => e.action === 'requestSupplement')?.actorId ?? null;
      const desk = await repo.staffWithRoleAt(tx, 'deskOfficer', receivingPath);
      const recipients = await staffEmails(tx, [
        ...(asker ? [asker] : []),
        ...(row.assigneeId ? [row.assigneeId] : []),
        ...desk.map((d) => d.id),
      ]);
      await queueStaffEmails(tx, {
        recipients,
        template: 'dossier.supplementSupplied',
        payload: {
          code: row.code,
          procedureName: l.procedureName,
          note: event.note,
          dueAt: event.dueAt?.toISOString() ?? null,
        },
        dossierId: id,
        agencyId: row.receivingAgencyId,
        at: now,
      });
      return { statusCode: 200, body: { id } };
    },
  );
  return { body: await getDossier(ctx, result.body.id), replayed: result.replayed };
}
