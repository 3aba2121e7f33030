import { CatalogueEntry, type CatalogueEntryInput } from '../../../domain/catalogue/index.ts';
import { type ListingQuery, type ProcedureDetail, summarise } from '../../../domain/catalogue/listing.ts';
import type { Ctx } from '../../context.ts';
import type { Db, DbKind } from '../../db/client.ts';
import { withTransaction } from '../../db/tx.ts';
import { AppError, notFound } from '../../errors.ts';
import { findAgencyByCode } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as repo from './catalogue.repository.ts';
import { REFRESH_MS, searchPublicJson } from './public-index.ts';

/** Today's date in Asia/Ho_Chi_Minh: which version is in force is decided by the Vietnamese calendar day. */
const vnDay = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

export type ImportResult = { procedures: number; versions: number; workflows: number; unchanged: number };

/**
 * Loads catalogue entries (procedure + version + default workflow). All entries are validated first and
 * nothing is written when any is invalid. Existing versions are never rewritten (published versions are
 * immutable); a new version number adds a version.
 */
export async function importCatalogue(
  ctx: Pick<Ctx, 'db' | 'actor' | 'clock' | 'requestId'>,
  input: readonly CatalogueEntryInput[],
): Promise<ImportResult> {
  const errors: { path: string; message: string }[] = [];
  const entries: CatalogueEntry[] = [];
  input.forEach((raw, i) => {
    const parsed = CatalogueEntry.safeParse(raw);
    if (parsed.success) entries.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        errors.push({ path: `${i}.${issue.path.join('.')}`, message: issue.message });
  });
  if (errors.length) throw new AppError('VALIDATION', 'Danh mục thủ tục có dữ liệu không hợp lệ', { errors });

  const result: ImportResult = { procedures: 0, versions: 0, workflows: 0, unchanged: 0 };
  await withTransaction(ctx.db, async (tx) => {
    for (const e of entries) {
      let procedure = await repo.findProcedureByCode(tx, e.procedure.nationalCode);
      if (!procedure) {
        procedure = await repo.insertProcedure(tx, e.procedure);
        result.procedures++;
      }
      if (await repo.findVersion(tx, procedure.id, e.version.version)) {
        result.unchanged++;
      } else {
        await repo.insertVersion(tx, procedure.id, e.version);
        result.versions++;
      }
      const agency = e.workflow.agencyCode ? await findAgencyByCode(tx, e.workflow.agencyCode) : undefined;
      if (e.workflow.agencyCode && !agency) throw notFound(`đơn vị mã ${e.workflow.agencyCode}`);
      await repo.upsertWorkflow(tx, procedure.id, agency?.id ?? null, e.workflow);
      result.workflows++;
    }
    await recordAudit(tx, ctx, {
      action: 'catalogue.import',
      targetType: 'catalogue',
      details: { ...result },
    });
  });
  return result;
}

/** The public listing: procedures with a version in force today, matched without diacritics. */
/** The public listing as JSON text (answers are remembered per catalogue state: see public-index.ts). */
export async function listPublicProcedures(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  query: ListingQuery,
  dbKind: DbKind,
) {
  return searchPublicJson(ctx.db, vnDay(ctx.clock.now()), query, dbKind === 'pglite' ? Infinity : REFRESH_MS);
}

export async function getPublicProcedure(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  code: string,
): Promise<ProcedureDetail> {
  const found = await repo.findInForce(ctx.db, code, vnDay(ctx.clock.now()));
  if (!found) throw notFound(`thủ tục ${code} đang có hiệu lực`);
  const workflows = (await repo.listWorkflows(ctx.db, [found.procedure.id])).map((w) => w.workflow);
  return {
    summary: summarise(found.procedure, found.version.version),
    version: found.version.version,
    workflows,
  };
}

export async function seedCatalogue(db: Db, entries: readonly CatalogueEntryInput[]) {
  return importCatalogue({ db, actor: null, clock: { now: () => new Date() }, requestId: 'seed' }, entries);
}
