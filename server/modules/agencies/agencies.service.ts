import type { CreateAgency, CreateSuccession, UpdateAgency } from '../../../domain/org/agency.ts';
import { treeOrder } from '../../../domain/org/tree.ts';
import type { Ctx } from '../../context.ts';
import { withTransaction } from '../../db/tx.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import { requireStaff } from '../access/access.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { canOnAgency, readableAgencyRoots } from './agencies.policy.ts';
import * as repo from './agencies.repository.ts';

const strip = ({ path: _path, ...agency }: repo.AgencyRow) => agency;

/** Removes nested roots so that overlapping grants do not return a unit twice. */
const outermost = (paths: string[]) => paths.filter((p) => !paths.some((o) => o !== p && p.startsWith(o)));

export async function listVisibleAgencies(ctx: Ctx) {
  const actor = requireStaff(ctx);
  const rows = await repo.listAgencies(ctx.db, outermost(readableAgencyRoots(actor)));
  return treeOrder(rows).map(strip);
}

/** The public tree: every unit, for pickers on the portal (names and codes are public information). */
export async function listPublicAgencies(ctx: Ctx) {
  return treeOrder(await repo.listAgencies(ctx.db)).map(strip);
}

export async function getAgency(ctx: Ctx, id: string) {
  const actor = requireStaff(ctx);
  const agency = await repo.findAgency(ctx.db, id);
  // Not found and not yours look the same: a commune user learns nothing of another commune.
  if (!agency || !canOnAgency(actor, 'read', agency.path)) throw notFound('cơ quan, đơn vị');
  return { ...strip(agency), successions: await repo.listSuccessions(ctx.db, id) };
}

export async function createAgency(ctx: Ctx, input: CreateAgency) {
  const actor = requireStaff(ctx);
  checkValidity(input.validFrom, input.validTo);
  return withTransaction(ctx.db, async (tx) => {
    const parent = input.parentId ? await repo.findAgency(tx, input.parentId) : undefined;
    if (input.parentId && !parent) throw notFound('đơn vị cấp trên');
    // A new root (a province) is created by the CLI, never through the API.
    if (!parent || !canOnAgency(actor, 'create', parent.path)) {
      throw forbidden('Chỉ quản trị viên của đơn vị cấp trên được tạo đơn vị mới');
    }
    const agency = await repo.insertAgency(tx, input, parent);
    await recordAudit(tx, ctx, {
      action: 'agency.create',
      targetType: 'agency',
      targetId: agency.id,
      agencyId: parent.id,
      details: { name: agency.name, kind: agency.kind, agencyCode: agency.agencyCode },
    });
    return strip(agency);
  });
}

export async function updateAgency(ctx: Ctx, id: string, patch: UpdateAgency) {
  const actor = requireStaff(ctx);
  return withTransaction(ctx.db, async (tx) => {
    const before = await repo.findAgency(tx, id);
    if (!before || !canOnAgency(actor, 'read', before.path)) throw notFound('cơ quan, đơn vị');
    if (!canOnAgency(actor, 'update', before.path)) throw forbidden();
    checkValidity(patch.validFrom ?? before.validFrom, patch.validTo ?? before.validTo);
    const after = await repo.updateAgency(tx, id, patch);
    await recordAudit(tx, ctx, {
      action: 'agency.update',
      targetType: 'agency',
      targetId: id,
      agencyId: id,
      details: { changed: patch },
    });
    return strip(after);
  });
}

export async function addSuccession(ctx: Ctx, id: string, input: CreateSuccession) {
  const actor = requireStaff(ctx);
  if (input.otherAgencyId === id) throw new AppError('VALIDATION', 'Đơn vị không thể kế thừa chính nó');
  return withTransaction(ctx.db, async (tx) => {
    const [agency, other] = await Promise.all([
      repo.findAgency(tx, id),
      repo.findAgency(tx, input.otherAgencyId),
    ]);
    if (!agency || !canOnAgency(actor, 'read', agency.path)) throw notFound('cơ quan, đơn vị');
    if (!other || !canOnAgency(actor, 'read', other.path)) throw notFound('đơn vị kế thừa');
    if (!canOnAgency(actor, 'update', agency.path)) throw forbidden();
    const s = await repo.insertSuccession(tx, { agencyId: id, ...input, decision: input.decision ?? null });
    await recordAudit(tx, ctx, {
      action: 'agency.succession',
      targetType: 'agency',
      targetId: id,
      agencyId: id,
      details: { ...input },
    });
    return s;
  });
}

function checkValidity(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && to < from) {
    throw new AppError('VALIDATION', 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực', {
      errors: [{ path: 'validTo', message: 'Phải sau ngày bắt đầu hiệu lực' }],
    });
  }
}
