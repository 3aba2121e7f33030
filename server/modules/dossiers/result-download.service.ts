/**
 * The applicant downloads the result of their dossier from the portal (issue 6 §4). Only the owner, only a file
 * attached as the result of this dossier, only once the result may be handed over electronically
 * (domain/dossier/results.ts says when and why). Staff read result files through /api/files.
 */
import fs from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import {
  attachedResults,
  type DossierStatus,
  isResultDownloadable,
  type ResultDelivery,
} from '../../../domain/dossier/index.ts';
import type { Ctx } from '../../context.ts';
import { storedFiles } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { blobPath } from '../files/files.service.ts';
import { readable } from './actions.service.ts';
import * as repo from './dossiers.repository.ts';
import { requireCitizen } from './online.service.ts';

export async function downloadResult(ctx: Ctx, dataDir: string, dossierId: string, fileId: string) {
  requireCitizen(ctx);
  // Someone else's dossier does not exist for a citizen.
  const { loaded } = await readable(ctx, dossierId);
  const events = await repo.listEvents(ctx.db, dossierId);
  if (!attachedResults(events).some((r) => r.fileId === fileId)) throw notFound('tệp kết quả');
  const d = {
    status: loaded.row.status as DossierStatus,
    resultDelivery: loaded.row.resultDelivery as ResultDelivery,
    events,
  };
  if (!isResultDownloadable(d)) {
    throw new AppError(
      'CONFLICT',
      d.status === 'resolved' || d.status === 'returned'
        ? 'Kết quả của hồ sơ này được trả bản giấy theo hình thức Ông/Bà đã chọn, không tải về trực tuyến'
        : 'Hồ sơ chưa có kết quả giải quyết',
    );
  }
  const [row] = await ctx.db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
  if (!row) throw notFound('tệp kết quả');
  const bytes = await fs.readFile(blobPath(dataDir, row.sha256));
  return { bytes, name: row.name, mediaType: row.mediaType };
}
