import { type ProcedureAdminSummary, summariseForAdmin } from '../../../domain/catalogue/admin.ts';
import {
  changeVersion,
  type Decision,
  describeLimit,
  type ProcedureVersion,
  publishVersion,
  type VersionChange,
  VersionNotEditableError,
  validateWorkflow,
} from '../../../domain/catalogue/index.ts';
import type { Ctx } from '../../context.ts';
import type { Tx } from '../../db/tx.ts';
import { withTransaction } from '../../db/tx.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { requireStaff } from '../access/access.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { canOnCatalogue } from './catalogue.policy.ts';
import * as repo from './catalogue.repository.ts';
import { listProcedureWorkflows } from './workflows.repository.ts';

/** Domain refusals become problems: an invalid change is a VALIDATION, a closed version an INVALID_TRANSITION. */
function asProblem(e: unknown): never {
  if (e instanceof VersionNotEditableError) throw new AppError('INVALID_TRANSITION', e.message);
  // A date of the right shape that does not exist (2026-02-30): the calendar refuses it (found by fuzzing).
  if (e instanceof RangeError) throw new AppError('VALIDATION', e.message);
  if (e && typeof e === 'object' && 'issues' in e && Array.isArray(e.issues)) {
    throw new AppError('VALIDATION', 'Phiên bản không hợp lệ', {
      errors: (e.issues as { path: PropertyKey[]; message: string }[]).map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      })),
    });
  }
  throw e;
}

async function load(q: Tx | Ctx['db'], code: string) {
  const procedure = await repo.findProcedureByCode(q, code);
  if (!procedure) throw notFound(`thủ tục ${code}`);
  return { procedure, versions: await repo.listVersions(q, procedure.id) };
}

/** Every procedure of the catalogue with its published version and open draft, by national code. */
export async function listCatalogueProcedures(ctx: Ctx): Promise<ProcedureAdminSummary[]> {
  const actor = requireStaff(ctx);
  if (!canOnCatalogue(actor, 'readVersions')) throw forbidden();
  const procedures = await repo.listProcedures(ctx.db);
  const byProcedure = new Map<string, ProcedureVersion[]>();
  for (const row of await repo.listAllVersions(ctx.db)) {
    const list = byProcedure.get(row.procedureId) ?? [];
    list.push(row.version);
    byProcedure.set(row.procedureId, list);
  }
  return procedures.map((p) => summariseForAdmin(p, byProcedure.get(p.id) ?? []));
}

export async function listProcedureVersions(ctx: Ctx, code: string): Promise<ProcedureVersion[]> {
  const actor = requireStaff(ctx);
  if (!canOnCatalogue(actor, 'readVersions')) throw forbidden();
  return (await load(ctx.db, code)).versions.map((v) => v.version);
}

/**
 * Changes a procedure: the open draft is edited; without one, the newest published version yields a new draft
 * (a published version never changes — DOMAIN §2).
 */
export async function changeProcedure(ctx: Ctx, code: string, change: VersionChange) {
  const actor = requireStaff(ctx);
  if (!canOnCatalogue(actor, 'editVersions'))
    throw forbidden('Chỉ quản trị viên cấp tỉnh được sửa danh mục thủ tục');
  return withTransaction(ctx.db, async (tx) => {
    const { procedure, versions } = await load(tx, code);
    const draft = versions.find((v) => v.version.status === 'draft');
    const base = draft ?? versions.find((v) => v.version.status === 'published');
    if (!base) throw new AppError('INVALID_TRANSITION', `Thủ tục ${code} không còn phiên bản để sửa`);
    let next: ProcedureVersion;
    try {
      next = changeVersion(base.version, change);
    } catch (e) {
      asProblem(e);
    }
    if (draft) await repo.updateDraftVersion(tx, draft.id, next);
    else await repo.insertVersion(tx, procedure.id, next);
    await recordAudit(tx, ctx, {
      action: draft ? 'catalogue.version.edit' : 'catalogue.version.draft',
      targetType: 'procedure',
      targetId: code,
      details: { version: next.version, changed: Object.keys(change) },
    });
    return next;
  });
}

/**
 * The workflows of single agencies must fit the committed limit of the version being published, as the workflow
 * editor requires when they are saved (`saveWorkflow`): the draft's limit may have been shortened since, or a
 * workbook imported. (A default workflow over the limit is shown in the editor after publication instead.)
 */
async function assertAgencyWorkflowsFit(tx: Tx, procedureId: string, version: ProcedureVersion) {
  const workflows = (await listProcedureWorkflows(tx, procedureId)).filter((w) => w.agencyCode !== null);
  const errors = workflows.flatMap((w) =>
    validateWorkflow(w, version.localLimit).map((issue) => ({
      path: `workflows.${w.agencyCode}`,
      message: `«${w.name}» (${w.agencyCode}): ${issue.message}`,
    })),
  );
  if (errors.length === 0) return;
  const agencies = new Set(errors.map((e) => e.path)).size;
  throw new AppError(
    'INVALID_TRANSITION',
    `Chưa công bố được phiên bản ${version.version}: quy trình riêng của ${agencies} cơ quan không nằm trong thời hạn cam kết ${describeLimit(version.localLimit)}; sửa các quy trình này hoặc thời hạn của dự thảo trước khi công bố`,
    { errors },
  );
}

/**
 * Publishes the draft by a decision; the version in force until then is superseded the day before. Refused
 * while a workflow of a single agency does not fit the draft's committed limit.
 */
export async function publishDraft(ctx: Ctx, code: string, decision: Decision, effectiveFrom?: string) {
  const actor = requireStaff(ctx);
  if (!canOnCatalogue(actor, 'editVersions'))
    throw forbidden('Chỉ quản trị viên cấp tỉnh được công bố thủ tục');
  return withTransaction(ctx.db, async (tx) => {
    const { procedure, versions } = await load(tx, code);
    const draft = versions.find((v) => v.version.status === 'draft');
    if (!draft) throw new AppError('INVALID_TRANSITION', `Thủ tục ${code} không có dự thảo để công bố`);
    const previous = versions.find((v) => v.version.status === 'published');
    let result: ReturnType<typeof publishVersion>;
    try {
      result = publishVersion(draft.version, decision, { effectiveFrom, previous: previous?.version });
    } catch (e) {
      asProblem(e);
    }
    await assertAgencyWorkflowsFit(tx, procedure.id, result.published);
    if (previous && result.superseded) {
      if (result.superseded.effectiveTo! < previous.version.effectiveFrom!) {
        throw new AppError(
          'VALIDATION',
          'Ngày hiệu lực mới phải sau ngày hiệu lực của phiên bản đang áp dụng',
          {
            errors: [{ path: 'effectiveFrom', message: 'Phải sau ngày hiệu lực của phiên bản đang áp dụng' }],
          },
        );
      }
      await repo.closeVersion(tx, previous.id, 'superseded', result.superseded.effectiveTo!);
    }
    await repo.updateDraftVersion(tx, draft.id, result.published);
    await recordAudit(tx, ctx, {
      action: 'catalogue.version.publish',
      targetType: 'procedure',
      targetId: code,
      details: { version: result.published.version, decision, supersedes: previous?.version.version ?? null },
    });
    return result.published;
  });
}
