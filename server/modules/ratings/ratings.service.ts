/**
 * Citizen ratings of a dossier (issue 6, item 6). The rating lives in its own append-only table with an audit
 * row, not in the dossier's event log: rating does not change the dossier's status, and the status machine stays
 * the one judge of dossier actions. A "not satisfied" answer flags the rating for the leaders of the receiving
 * or competent agency, who mark it handled with a note.
 */
import type { DossierStatus } from '../../../domain/dossier/status.ts';
import {
  type DossierRating,
  type FlaggedRating,
  type FlagHandledRequest,
  isFlagged,
  isRatable,
  keptReasons,
  type RatingRequest,
  type RatingView,
} from '../../../domain/rating/rating.ts';
import {
  type RatingSummary,
  type RatingSummaryQuery,
  ratingPeriod,
  summarise,
} from '../../../domain/rating/summary.ts';
import type { Ctx } from '../../context.ts';
import { withTransaction } from '../../db/tx.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { formatDate } from '../../pdf/format.ts';
import { requireActor, requireStaff } from '../access/access.ts';
import { findAgenciesByIds, findAgency } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { readable } from '../dossiers/actions.service.ts';
import { canReadDossier } from '../dossiers/dossiers.policy.ts';
import * as dossierRepo from '../dossiers/dossiers.repository.ts';
import { canHandleFlag, canRate, canReadRating, canReadSummary, flagRoots } from './ratings.policy.ts';
import * as repo from './ratings.repository.ts';

async function viewOf(ctx: Ctx, r: repo.Rating, dossierCode: string): Promise<RatingView> {
  const names = await repo.userNames(ctx.db, [r.flagHandledBy]);
  return {
    id: r.id,
    dossierId: r.dossierId,
    dossierCode,
    answers: r.answers,
    reasons: r.reasons,
    ratedAt: r.ratedAt.toISOString(),
    flagged: r.flagged,
    handled: r.flagHandledAt
      ? {
          at: r.flagHandledAt.toISOString(),
          byName: (r.flagHandledBy && names.get(r.flagHandledBy)) ?? null,
          note: r.flagHandledNote ?? '',
        }
      : null,
  };
}

/** The dossier's rating for its owner and its staff; `canRate` tells the portal to show the form. */
export async function getDossierRating(ctx: Ctx, dossierId: string): Promise<DossierRating> {
  const { actor, loaded } = await readable(ctx, dossierId);
  const { row } = loaded;
  const path = (id: string) => loaded.agencies.get(id)?.path ?? '/none/';
  const paths = {
    receiving: path(row.receivingAgencyId),
    competent: path(row.competentAgencyId),
    holder: path(row.holderAgencyId),
  };
  if (!canReadRating(actor, row.citizenUserId, paths)) throw notFound('hồ sơ');
  const rating = await repo.findRatingOfDossier(ctx.db, dossierId);
  return {
    canRate: !rating && canRate(actor, row.citizenUserId) && isRatable(row.status as DossierStatus),
    rating: rating ? await viewOf(ctx, rating, row.code) : null,
  };
}

/** The owner rates the dossier once, after its result. */
export async function rateDossier(ctx: Ctx, dossierId: string, req: RatingRequest): Promise<RatingView> {
  const actor = requireActor(ctx);
  // Someone else's dossier does not exist for a citizen; staff who may read it are told why they cannot rate.
  const { loaded } = await readable(ctx, dossierId);
  if (!canRate(actor, loaded.row.citizenUserId)) {
    throw forbidden('Chỉ người đã nộp hồ sơ trực tuyến được đánh giá mức độ hài lòng về hồ sơ');
  }
  const now = ctx.clock.now();
  const rating = await withTransaction(ctx.db, async (tx) => {
    const row = await dossierRepo.lockDossier(tx, dossierId);
    if (!row) throw notFound('hồ sơ');
    if (!isRatable(row.status as DossierStatus)) {
      throw new AppError(
        'CONFLICT',
        'Hồ sơ chưa có kết quả giải quyết; bạn đánh giá được sau khi hồ sơ có kết quả',
        { reason: 'ratingNotYet' },
      );
    }
    const existing = await repo.findRatingOfDossier(tx, dossierId);
    if (existing) {
      throw new AppError(
        'CONFLICT',
        `Hồ sơ đã được đánh giá ngày ${formatDate(existing.ratedAt)}; mỗi hồ sơ chỉ đánh giá một lần`,
        { reason: 'ratingExists' },
      );
    }
    const created = await repo.insertRating(tx, {
      dossierId,
      citizenUserId: actor.userId,
      answers: req.answers,
      reasons: keptReasons(req.answers, req.reasons),
      ratedAt: now,
      flagged: isFlagged(req.answers),
    });
    // The reasons are the citizen's words about named staff: they stay in the rating, not in the audit log.
    await recordAudit(tx, ctx, {
      action: 'rating.create',
      targetType: 'dossier',
      targetId: dossierId,
      agencyId: row.receivingAgencyId,
      details: { ratingId: created.id, answers: req.answers, flagged: created.flagged },
    });
    return created;
  });
  return viewOf(ctx, rating, loaded.row.code);
}

/** Flagged ratings not yet handled in the leader's subtrees, oldest first. */
export async function listFlagged(
  ctx: Ctx,
  limit: number,
  offset: number,
): Promise<{ items: FlaggedRating[]; total: number }> {
  const actor = requireStaff(ctx);
  const roots = flagRoots(actor);
  if (roots.length === 0) throw forbidden('Chức năng dành cho lãnh đạo cơ quan, đơn vị');
  const { rows, total } = await repo.listOpenFlags(ctx.db, roots, limit, offset);
  const items: FlaggedRating[] = [];
  for (const r of rows) {
    items.push({
      ...(await viewOf(ctx, r.rating, r.dossierCode)),
      procedure: r.procedure,
      receivingAgency: r.receivingAgency,
      competentAgency: r.competentAgency,
      dossierStatus: r.dossierStatus,
    });
  }
  return { items, total };
}

/** A leader of the receiving or competent agency records what was done about a "not satisfied" rating. */
export async function markFlagHandled(
  ctx: Ctx,
  ratingId: string,
  req: FlagHandledRequest,
): Promise<RatingView> {
  const actor = requireStaff(ctx);
  const rating = await repo.findRating(ctx.db, ratingId);
  if (!rating) throw notFound('đánh giá');
  const dossier = (await dossierRepo.findDossier(ctx.db, rating.dossierId))!;
  const agencies = new Map(
    (
      await findAgenciesByIds(ctx.db, [
        dossier.receivingAgencyId,
        dossier.competentAgencyId,
        dossier.holderAgencyId,
      ])
    ).map((a) => [a.id, a.path]),
  );
  const path = (id: string) => agencies.get(id) ?? '/none/';
  const paths = {
    receiving: path(dossier.receivingAgencyId),
    competent: path(dossier.competentAgencyId),
    holder: path(dossier.holderAgencyId),
  };
  if (!canHandleFlag(actor, paths)) {
    if (!canReadDossier(actor, paths)) throw notFound('đánh giá');
    throw forbidden('Chỉ lãnh đạo nơi tiếp nhận hoặc nơi giải quyết hồ sơ xử lý đánh giá không hài lòng');
  }
  const now = ctx.clock.now();
  const handled = await withTransaction(ctx.db, async (tx) => {
    const current = await repo.lockRating(tx, ratingId);
    if (!current?.flagged) {
      throw new AppError('CONFLICT', 'Đánh giá này không có nội dung không hài lòng cần xử lý', {
        reason: 'ratingNotFlagged',
      });
    }
    if (current.flagHandledAt) {
      throw new AppError('CONFLICT', `Đánh giá này đã được xử lý ngày ${formatDate(current.flagHandledAt)}`, {
        reason: 'flagAlreadyHandled',
      });
    }
    const done = await repo.markHandled(tx, ratingId, now, actor.userId, req.note);
    await recordAudit(tx, ctx, {
      action: 'rating.handle',
      targetType: 'dossier',
      targetId: dossier.id,
      agencyId: dossier.competentAgencyId,
      details: { ratingId },
    });
    return done;
  });
  return viewOf(ctx, handled, dossier.code);
}

/** Distribution of the answers for an agency subtree and a period (the satisfaction report's input). */
export async function ratingSummary(ctx: Ctx, query: RatingSummaryQuery): Promise<RatingSummary> {
  const actor = requireStaff(ctx);
  const agency = await findAgency(ctx.db, query.agencyId);
  // Outside the reader's subtrees the agency does not exist for them.
  if (!agency || !canReadSummary(actor, agency.path)) throw notFound('cơ quan, đơn vị');
  let period: { start: Date; end: Date };
  try {
    period = ratingPeriod(query.from, query.to);
  } catch (e) {
    const message = e instanceof RangeError ? e.message : 'Kỳ không hợp lệ';
    throw new AppError('VALIDATION', message, { errors: [{ path: 'to', message }] });
  }
  const { total, flagged, counts } = await repo.countAnswers(ctx.db, agency.path, period.start, period.end);
  return {
    agency: { id: agency.id, name: agency.name },
    from: query.from,
    to: query.to,
    total,
    flagged,
    questions: summarise(counts, total),
  };
}
