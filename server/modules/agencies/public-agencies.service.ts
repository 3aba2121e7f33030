/**
 * Where a citizen may hand in a dossier of a procedure: the desks (agencies with an electronic identifier, of a
 * kind the version names as receiving) whose competent agency has an internal workflow for it. The portal offers
 * only these, so that a submission never fails on "no workflow at this commune" after the citizen filled it in.
 */
import { sortVi } from '../../../domain/shared/text.ts';
import type { Ctx } from '../../context.ts';
import { listWorkflows } from '../catalogue/catalogue.repository.ts';
import { inForce, vnDay } from '../dossiers/intake.service.ts';
import { type AgencyRow, listAgencies } from './agencies.repository.ts';

const strip = ({ path: _path, ...agency }: AgencyRow) => agency;

/**
 * The competent agency of a desk, as `competentFor` in dossiers/intake.service.ts decides it for a submission: a
 * service centre or a unit answers for its parent (the commune, the department), any other desk for itself.
 */
const competentOf = (desk: AgencyRow, byId: ReadonlyMap<string, AgencyRow>): AgencyRow =>
  (desk.kind === 'serviceCentre' || desk.kind === 'unit') && desk.parentId
    ? (byId.get(desk.parentId) ?? desk)
    : desk;

export async function listReceivingDesks(ctx: Ctx, procedureCode: string) {
  const { procedure, version } = await inForce(ctx, procedureCode);
  const named = version.version.implementingAgencies;
  const receiving = named.filter((a) => a.role === 'receiving').map((a) => a.kind);
  // A version that names no receiving desk is received where it is decided.
  const kinds = new Set(receiving.length > 0 ? receiving : named.map((a) => a.kind));
  const [all, workflows] = await Promise.all([listAgencies(ctx.db), listWorkflows(ctx.db, [procedure.id])]);
  const byId = new Map(all.map((a) => [a.id, a]));
  const today = vnDay(ctx.clock.now());
  const hasWorkflow = (competent: AgencyRow) =>
    workflows.some((w) =>
      w.agencyId === null ? w.workflow.agencyKind === competent.kind : w.agencyId === competent.id,
    );
  const desks = all.filter(
    (a) =>
      a.agencyCode !== null &&
      kinds.has(a.kind) &&
      (a.validFrom === null || a.validFrom <= today) &&
      (a.validTo === null || a.validTo >= today) &&
      hasWorkflow(competentOf(a, byId)),
  );
  return sortVi(desks, (a) => a.name).map(strip);
}
