/**
 * Feedback and recommendations (phản ánh, kiến nghị; issue 6, item 6): received from anyone on the portal,
 * numbered per agency and year without gaps, and stored whole for the petitions module, which will classify and
 * answer them (Circular 05/2021/TT-TTCP). The sender's contact is personal data: it is never written to logs or
 * audit rows, and only the agency's leaders and petition officers read it.
 */
import {
  type FeedbackChannel,
  FeedbackContact,
  type FeedbackKind,
  type FeedbackListQuery,
  type FeedbackReceipt,
  type FeedbackRequest,
  type FeedbackStatus,
  type FeedbackView,
  feedbackKindLabel,
  feedbackStatusLabel,
  formatFeedbackNo,
} from '../../../domain/rating/feedback.ts';
import type { Ctx } from '../../context.ts';
import { withTransaction } from '../../db/tx.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { vnParts } from '../../pdf/format.ts';
import { requireStaff } from '../access/access.ts';
import { findAgency } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findProcedureByCode } from '../catalogue/catalogue.repository.ts';
import { findDossierByCode } from '../dossiers/dossiers.repository.ts';
import { nextInSequence } from '../dossiers/sequences.ts';
import { canReadFeedbackOf, feedbackRoots } from './ratings.policy.ts';
import * as repo from './ratings.repository.ts';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION', message, { errors: [{ path, message }] });

/** Resolves what the sender named: the addressed agency, the related dossier and procedure. */
async function resolveTargets(ctx: Ctx, req: FeedbackRequest) {
  let agencyId = req.agencyId;
  let dossierId: string | null = null;
  let procedureId: string | null = null;
  if (req.dossierCode) {
    const dossier = await findDossierByCode(ctx.db, req.dossierCode);
    if (!dossier) throw invalid('dossierCode', 'Không tìm thấy hồ sơ có mã này; kiểm tra lại mã hồ sơ');
    dossierId = dossier.id;
    procedureId = dossier.procedureId;
    // A feedback about a dossier goes to the agency that received it.
    agencyId = dossier.receivingAgencyId;
  }
  if (req.procedureCode) {
    const procedure = await findProcedureByCode(ctx.db, req.procedureCode);
    if (!procedure) throw invalid('procedureCode', 'Không tìm thấy thủ tục hành chính có mã này');
    procedureId = procedure.id;
  }
  const agency = agencyId ? await findAgency(ctx.db, agencyId) : undefined;
  if (!agency) throw invalid('agencyId', 'Không tìm thấy cơ quan nhận phản ánh, kiến nghị');
  return { agency, dossierId, procedureId };
}

/** Receives a feedback; a signed-in citizen is recorded as its sender. */
export async function submitFeedback(
  ctx: Ctx,
  req: FeedbackRequest,
  channel: FeedbackChannel = 'portal',
): Promise<FeedbackReceipt> {
  const { agency, dossierId, procedureId } = await resolveTargets(ctx, req);
  const now = ctx.clock.now();
  const createdBy = ctx.actor?.kind === 'citizen' ? ctx.actor.userId : null;
  const row = await withTransaction(ctx.db, async (tx) => {
    const year = vnParts(now).year;
    const seq = await nextInSequence(tx, `feedback:${agency.id}`, String(year));
    const created = await repo.insertFeedback(tx, {
      agencyId: agency.id,
      year,
      seq,
      number: formatFeedbackNo(year, seq),
      kind: req.kind,
      content: req.content,
      contact: req.contact,
      relatedDossierId: dossierId,
      relatedProcedureId: procedureId,
      receivedAt: now,
      channel,
      status: 'received',
      createdBy,
    });
    await recordAudit(tx, ctx, {
      action: 'feedback.receive',
      targetType: 'feedback',
      targetId: created.id,
      agencyId: agency.id,
      details: { number: created.number, kind: req.kind, channel },
    });
    return created;
  });
  return {
    id: row.id,
    number: row.number,
    agency: { id: agency.id, name: agency.name },
    receivedAt: row.receivedAt.toISOString(),
    message: `${agency.name} đã tiếp nhận ${feedbackKindLabel[req.kind].toLowerCase()} số ${row.number}. Cơ quan sẽ xem xét, xử lý và trả lời theo quy định.`,
  };
}

/** Feedback addressed to the reader's subtrees (or one agency's subtree), newest first. */
export async function listFeedback(
  ctx: Ctx,
  query: FeedbackListQuery,
): Promise<{ items: FeedbackView[]; total: number }> {
  const actor = requireStaff(ctx);
  let roots = feedbackRoots(actor);
  if (roots.length === 0) {
    throw forbidden('Chức năng dành cho lãnh đạo và cán bộ tiếp công dân, xử lý đơn');
  }
  if (query.agencyId) {
    const agency = await findAgency(ctx.db, query.agencyId);
    if (!agency || !canReadFeedbackOf(actor, agency.path)) throw notFound('cơ quan, đơn vị');
    roots = [agency.path];
  }
  const { rows, total } = await repo.listFeedback(ctx.db, roots, query.limit, query.offset);
  // Contacts are personal data: who listed them is recorded (DOMAIN §10).
  await recordAudit(ctx.db, ctx, {
    action: 'feedback.list',
    targetType: 'feedback',
    agencyId: query.agencyId ?? null,
    details: { count: rows.length, offset: query.offset },
  });
  return {
    total,
    items: rows.map((r) => ({
      id: r.feedback.id,
      number: r.feedback.number,
      kind: r.feedback.kind as FeedbackKind,
      kindLabel: feedbackKindLabel[r.feedback.kind as FeedbackKind],
      content: r.feedback.content,
      contact: FeedbackContact.parse(r.feedback.contact),
      dossier:
        r.feedback.relatedDossierId && r.dossierCode
          ? { id: r.feedback.relatedDossierId, code: r.dossierCode }
          : null,
      procedure:
        r.feedback.relatedProcedureId && r.procedureCode && r.procedureName
          ? { id: r.feedback.relatedProcedureId, code: r.procedureCode, name: r.procedureName }
          : null,
      agency: r.agency,
      receivedAt: r.feedback.receivedAt.toISOString(),
      channel: r.feedback.channel as FeedbackChannel,
      status: r.feedback.status as FeedbackStatus,
      statusLabel: feedbackStatusLabel[r.feedback.status as FeedbackStatus],
      fromAccount: r.feedback.createdBy !== null,
    })),
  };
}
