/**
 * Intake at the desk (DOMAIN §3.1): receipt with a dossier code and due date, or a guidance / refusal slip.
 * Everything a receipt needs is read first, by one statement (intake-context.repository.ts); then the code
 * number, the dossier, its first event, its scans and the notice to the applicant are written by one statement
 * (new-dossier.ts) and commit together, at most once per Idempotency-Key.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { buildSubmissionSchema, type Workflow } from '../../../domain/catalogue/index.ts';
import {
  applicantName,
  checkChecklist,
  codeDay,
  type DossierEvent,
  type IntakeRequest,
  type SlipRequest,
} from '../../../domain/dossier/index.ts';
import type { Actor, Ctx } from '../../context.ts';
import { storedFiles } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { requireStaff } from '../access/access.ts';
import { type AgencyRow, findAgency } from '../agencies/agencies.repository.ts';
import { legalClockWith } from '../calendar/calendar.service.ts';
import * as catalogue from '../catalogue/catalogue.repository.ts';
import { getDossier } from './actions.service.ts';
import { type Loaded, toView } from './dossier-view.ts';
import { canReceiveAt, rolesAt } from './dossiers.policy.ts';
import * as repo from './dossiers.repository.ts';
import { once, onceSingleStatement } from './idempotency.ts';
import { readIntakeContext } from './intake-context.repository.ts';
import { writeNewDossier } from './new-dossier.ts';
import { nextInSequence } from './sequences.ts';
import { allowedFor } from './situation.ts';

export const vnDay = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The receiving desk (must have an electronic identifier: it prefixes dossier codes). */
function checkDesk(actor: Actor, agency: AgencyRow | undefined): AgencyRow & { agencyCode: string } {
  if (!agency) throw notFound('đơn vị tiếp nhận');
  if (!canReceiveAt(actor, agency.path)) throw forbidden('Bạn không phải cán bộ tiếp nhận của đơn vị này');
  if (!agency.agencyCode) {
    throw new AppError('VALIDATION', `Đơn vị «${agency.name}» chưa có mã định danh điện tử để cấp mã hồ sơ`, {
      errors: [{ path: 'receivingAgencyId', message: 'Đơn vị chưa có mã định danh' }],
    });
  }
  return agency as AgencyRow & { agencyCode: string };
}

async function receivingDesk(ctx: Ctx, agencyId: string): Promise<AgencyRow & { agencyCode: string }> {
  const actor = requireStaff(ctx);
  return checkDesk(actor, await findAgency(ctx.db, agencyId));
}

/**
 * The version document of the reference found in force (parsed once per process: published versions never
 * change).
 */
async function versionInForce<P>(
  ctx: Ctx,
  code: string,
  found: { procedure: P; versionId: string } | undefined,
) {
  const version = found && (await catalogue.versionById(ctx.db, found.versionId));
  if (!found || !version) {
    throw new AppError('VALIDATION', `Thủ tục ${code} không có phiên bản đang có hiệu lực`, {
      errors: [{ path: 'procedureCode', message: 'Thủ tục không có hiệu lực' }],
    });
  }
  return { procedure: found.procedure, version: { id: found.versionId, version } };
}

/** The procedure version in force today at the desk. */
export async function inForce(ctx: Ctx, code: string) {
  return versionInForce(ctx, code, await catalogue.findInForceRef(ctx.db, code, vnDay(ctx.clock.now())));
}

/** A service centre or a unit receives for the commune/department it belongs to. */
const receivesForParent = (receiving: AgencyRow): string | undefined =>
  (receiving.kind === 'serviceCentre' || receiving.kind === 'unit') && receiving.parentId
    ? receiving.parentId
    : undefined;

/**
 * The competent agency: given (`found` is the agency with that id, if any), or the commune/department the desk
 * belongs to (`found` is the desk's parent, if it exists), else the desk itself.
 */
function competentOf(
  receiving: AgencyRow,
  givenId: string | undefined,
  found: AgencyRow | undefined,
): AgencyRow {
  if (givenId) {
    if (!found) throw notFound('cơ quan giải quyết');
    return found;
  }
  return found ?? receiving;
}

/** The competent agency: given, or the commune/department the desk belongs to (a service centre's parent). */
export async function competentFor(ctx: Ctx, receiving: AgencyRow, givenId?: string): Promise<AgencyRow> {
  const lookup = givenId ?? receivesForParent(receiving);
  return competentOf(receiving, givenId, lookup ? await findAgency(ctx.db, lookup) : undefined);
}

/**
 * The internal workflow in force at the competent agency, among the procedure's workflows `all`: its own, else
 * the default for its kind.
 */
function chooseWorkflow(
  all: readonly { agencyId: string | null; workflow: Workflow }[],
  competent: AgencyRow,
): Workflow {
  const own = all.find((w) => w.agencyId === competent.id);
  const byKind = all.find((w) => w.agencyId === null && w.workflow.agencyKind === competent.kind);
  const chosen = own ?? byKind;
  if (!chosen) {
    throw new AppError('CONFLICT', `Chưa có quy trình nội bộ của thủ tục này tại «${competent.name}»`);
  }
  return chosen.workflow;
}

/** The internal workflow in force at the competent agency: its own, else the default for its kind. */
export async function workflowFor(ctx: Ctx, procedureId: string, competent: AgencyRow): Promise<Workflow> {
  return chooseWorkflow(await catalogue.listWorkflows(ctx.db, [procedureId]), competent);
}

/** Links uploaded scans to the dossier; only the uploader's own, not-yet-linked files. */
export async function linkFiles(q: Queryable, ctx: Ctx, dossierId: string, fileIds: string[]) {
  if (fileIds.length === 0) return;
  const linked = await q
    .update(storedFiles)
    .set({ dossierId })
    .where(
      and(
        inArray(storedFiles.id, fileIds),
        eq(storedFiles.uploadedBy, ctx.actor!.userId),
        isNull(storedFiles.dossierId),
      ),
    )
    .returning({ id: storedFiles.id });
  if (linked.length !== new Set(fileIds).size) {
    throw new AppError('VALIDATION', 'Có tệp đính kèm không tồn tại hoặc đã thuộc hồ sơ khác', {
      errors: [{ path: 'documents', message: 'Tải lại tệp quét' }],
    });
  }
}

export async function receiveDossier(ctx: Ctx, req: IntakeRequest, idempotencyKey?: string) {
  const actor = requireStaff(ctx);
  // Everything below is decided from one read (intake-context.repository.ts), in the order the checks were
  // always made: desk, procedure in force, checklist and form, competent agency, workflow, due date.
  const known = await readIntakeContext(ctx.db, {
    deskId: req.receivingAgencyId,
    procedureCode: req.procedureCode,
    day: vnDay(ctx.clock.now()),
    competentId: req.competentAgencyId,
  });
  const desk = checkDesk(actor, known.desk);
  const { procedure, version } = await versionInForce(ctx, req.procedureCode, known.inForce);
  const issues = checkChecklist(version.version.requiredDocuments, req.documents);
  if (issues.length > 0) {
    throw new AppError('VALIDATION', 'Hồ sơ chưa đầy đủ: lập phiếu hướng dẫn bổ sung, hoàn thiện (mẫu 02)', {
      errors: issues.map(({ path, message }) => ({ path, message })),
      supplementItems: issues.flatMap((i) => (i.item ? [i.item] : [])),
    });
  }
  let formData: Record<string, unknown> | null = null;
  if (req.formData && version.version.onlineForm) {
    const parsed = buildSubmissionSchema(version.version.onlineForm, {
      today: vnDay(ctx.clock.now()),
    }).safeParse(req.formData);
    if (!parsed.success) {
      throw new AppError('VALIDATION', 'Tờ khai chưa hợp lệ', {
        errors: parsed.error.issues.map((i) => ({
          path: ['formData', ...i.path].join('.'),
          message: i.message,
        })),
      });
    }
    formData = parsed.data;
  }
  const lookup = req.competentAgencyId ?? receivesForParent(desk);
  const competent = competentOf(desk, req.competentAgencyId, lookup ? known.agencies.get(lookup) : undefined);
  const workflow = chooseWorkflow(known.workflows, competent);
  const now = ctx.clock.now();
  const clock = await legalClockWith(ctx, known);
  const due = clock.due(now, version.version.localLimit);
  const roles = rolesAt(actor, desk.path);

  const owner = `user:${actor.userId}`;
  let written: { row: repo.DossierRow; event: DossierEvent } | undefined;
  const fileIds = req.documents.flatMap((d) => d.fileIds);
  // Linking scans can fail after the write (someone else's or an already used file): that needs a transaction
  // to roll back; without scans the write is one statement.
  const write = fileIds.length === 0 ? onceSingleStatement : once;
  const result = await write<{ id: string }>(
    ctx.db,
    owner,
    idempotencyKey,
    { op: 'receive', req },
    async (tx) => {
      written = await writeNewDossier(tx, ctx, {
        desk,
        now,
        workflow,
        row: {
          procedureId: procedure.id,
          procedureVersionId: version.id,
          competentAgencyId: competent.id,
          channel: req.channel,
          status: 'accepted',
          assigneeId: actor.userId,
          applicant: req.applicant,
          applicantName: applicantName(req.applicant),
          submitter: req.submitter ?? null,
          documents: req.documents,
          formData,
          workflow,
          resultDelivery: req.resultDelivery,
          dueAt: due.dueAt,
          dueExplanation: due.explanation,
        },
        event: {
          action: 'receive',
          actorId: actor.userId,
          actorName: actor.fullName,
          role: roles.includes('deskOfficer') ? 'deskOfficer' : (roles[0] ?? null),
          toStatus: 'accepted',
          assigneeId: actor.userId,
          dueAt: due.dueAt,
          note: req.note ?? null,
          data: { explanation: due.explanation, ...(req.fee ? { fee: req.fee } : {}) },
        },
        fileIds,
        applicant: req.applicant,
        notice: {
          template: 'dossier.received',
          payload: { procedureName: procedure.name, dueAt: due.dueAt.toISOString() },
        },
      });
      return { statusCode: 201, body: { id: written.row.id } };
    },
  );
  if (result.replayed || !written) return { replayed: true, body: await getDossier(ctx, result.body.id) };
  // Built from what was just written (nothing to read back); a replay reads the stored dossier instead.
  const loaded: Loaded = {
    row: written.row,
    version: version.version,
    procedureName: procedure.name,
    workflow,
    agencies: new Map([desk, competent].map((a) => [a.id, a])),
  };
  const events = [written.event];
  return {
    replayed: false,
    body: await toView(ctx.db, loaded, events, allowedFor(actor, loaded, events, now), now, {
      id: actor.userId,
      fullName: actor.fullName,
    }),
  };
}

export async function issueSlip(ctx: Ctx, req: SlipRequest, idempotencyKey?: string) {
  const actor = requireStaff(ctx);
  const desk = await receivingDesk(ctx, req.receivingAgencyId);
  const { procedure, version } = await inForce(ctx, req.procedureCode);
  const now = ctx.clock.now();
  const result = await once(
    ctx.db,
    `user:${actor.userId}`,
    idempotencyKey,
    { op: 'slip', req },
    async (tx) => {
      const prefix = req.kind === 'guidance' ? 'HD' : 'TC';
      const seq = await nextInSequence(tx, `slip:${prefix}:${desk.id}`, codeDay(now));
      const number = `${desk.agencyCode}-${prefix}-${codeDay(now)}-${String(seq).padStart(4, '0')}`;
      const content = { ...req, procedureName: procedure.name };
      const row = await repo.insertSlip(tx, {
        number,
        kind: req.kind,
        procedureId: procedure.id,
        procedureVersionId: version.id,
        receivingAgencyId: desk.id,
        content,
        issuedBy: actor.userId,
        issuedAt: now,
      });
      return {
        statusCode: 201,
        body: {
          id: row.id,
          number,
          kind: req.kind,
          issuedAt: now.toISOString(),
          procedureName: procedure.name,
        },
      };
    },
  );
  return result;
}
