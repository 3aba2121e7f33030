import { bindingLimit, type WorkflowList } from '../../../domain/catalogue/admin.ts';
import { validateWorkflow, type Workflow, workflowHours } from '../../../domain/catalogue/index.ts';
import type { Ctx } from '../../context.ts';
import { withTransaction } from '../../db/tx.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { requireStaff } from '../access/access.ts';
import { findAgencyByCode } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { canOnCatalogue } from './catalogue.policy.ts';
import * as catalogue from './catalogue.repository.ts';
import * as repo from './workflows.repository.ts';

const invalid = (title: string, errors: { path: string; message: string }[]) =>
  new AppError('VALIDATION', title, { errors });

/** The workflows of a procedure and the committed limit they must fit in. */
export async function listWorkflows(ctx: Ctx, code: string): Promise<WorkflowList> {
  const actor = requireStaff(ctx);
  if (!canOnCatalogue(actor, 'readVersions')) throw forbidden();
  const procedure = await catalogue.findProcedureByCode(ctx.db, code);
  if (!procedure) throw notFound(`thủ tục ${code}`);
  const versions = await catalogue.listVersions(ctx.db, procedure.id);
  return {
    items: await repo.listProcedureWorkflows(ctx.db, procedure.id),
    limit: bindingLimit(versions.map((v) => v.version)) ?? null,
  };
}

/**
 * Creates or replaces the workflow of a procedure for an agency kind (its default) or for one agency. It must
 * pass `validateWorkflow` against the committed limit of the version in force and of the open draft (the
 * shorter one), so that no dossier can be routed through steps longer than the limit promised to the applicant.
 */
export async function saveWorkflow(ctx: Ctx, code: string, workflow: Workflow): Promise<Workflow> {
  const actor = requireStaff(ctx);
  if (!canOnCatalogue(actor, 'editWorkflows'))
    throw forbidden('Chỉ quản trị viên cấp tỉnh được sửa quy trình nội bộ');
  if (workflow.nationalCode !== code) {
    throw invalid('Quy trình không thuộc thủ tục này', [
      { path: 'nationalCode', message: `Quy trình phải mang mã thủ tục ${code}` },
    ]);
  }
  return withTransaction(ctx.db, async (tx) => {
    const procedure = await catalogue.findProcedureByCode(tx, code);
    if (!procedure) throw notFound(`thủ tục ${code}`);
    const limit = bindingLimit((await catalogue.listVersions(tx, procedure.id)).map((v) => v.version));
    if (!limit) throw new AppError('INVALID_TRANSITION', `Thủ tục ${code} không còn phiên bản để áp dụng`);

    let agencyId: string | null = null;
    if (workflow.agencyCode !== null) {
      const agency = await findAgencyByCode(tx, workflow.agencyCode);
      if (!agency) {
        throw invalid('Cơ quan không tồn tại', [
          { path: 'agencyCode', message: `Không có cơ quan, đơn vị mã ${workflow.agencyCode}` },
        ]);
      }
      if (agency.kind !== workflow.agencyKind) {
        throw invalid('Cơ quan không đúng loại', [
          { path: 'agencyCode', message: `${agency.name} không thuộc loại đơn vị của quy trình` },
        ]);
      }
      agencyId = agency.id;
    }

    const issues = validateWorkflow(workflow, limit.localLimit);
    if (issues.length > 0) throw invalid('Quy trình không hợp lệ', issues);

    const existing = await repo.findWorkflow(tx, procedure.id, workflow.agencyKind, agencyId);
    await catalogue.upsertWorkflow(tx, procedure.id, agencyId, workflow);
    await recordAudit(tx, ctx, {
      action: existing ? 'catalogue.workflow.edit' : 'catalogue.workflow.create',
      targetType: 'procedure',
      targetId: code,
      agencyId,
      details: {
        agencyKind: workflow.agencyKind,
        agencyCode: workflow.agencyCode,
        steps: workflow.steps.length,
        hours: workflowHours(workflow),
        limitHours: limit.hours,
        limitVersion: limit.version,
      },
    });
    return workflow;
  });
}
