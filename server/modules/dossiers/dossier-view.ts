/** Turns stored rows into API views (one place, so every endpoint shows a dossier the same way). */

import { eq, inArray } from 'drizzle-orm';
import { describeLimit, type ProcedureVersion, type Workflow } from '../../../domain/catalogue/index.ts';
import type { WorkflowStep } from '../../../domain/catalogue/workflow.ts';
import {
  ACTION_RULES,
  type Applicant,
  type DossierAction,
  type DossierEvent,
  type DossierView,
  nationalStatusCode,
  type Submitter,
  statusLabel,
} from '../../../domain/dossier/index.ts';
import { procedures, storedFiles, users } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';
import { type AgencyRow, findAgenciesByIds } from '../agencies/agencies.repository.ts';
import { versionById } from '../catalogue/catalogue.repository.ts';
import type { DossierRow } from './dossiers.repository.ts';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export const stepView = (s: WorkflowStep) => ({
  key: s.key,
  name: s.name,
  kind: s.kind,
  role: s.role,
  unit: s.unit ?? null,
  budgetHours: s.budgetHours,
  next: s.next,
  sendBack: s.sendBack,
  otherAgency: s.agency.ref === 'other',
});

export const eventLabel = (action: DossierEvent['action']): string =>
  action === 'receive'
    ? 'Tiếp nhận hồ sơ, cấp giấy tiếp nhận và hẹn trả kết quả'
    : action === 'submit'
      ? 'Nộp hồ sơ trực tuyến'
      : ACTION_RULES[action].label;

/** Everything a dossier page needs besides the row itself. */
export type Loaded = Readonly<{
  row: DossierRow;
  version: ProcedureVersion;
  procedureName: string;
  workflow: Workflow;
  agencies: ReadonlyMap<string, AgencyRow>;
}>;

export async function loadRelated(
  q: Queryable,
  row: DossierRow,
  extraAgencyIds: string[] = [],
): Promise<Loaded> {
  const [version, [p]] = await Promise.all([
    versionById(q, row.procedureVersionId),
    q.select({ name: procedures.name }).from(procedures).where(eq(procedures.id, row.procedureId)),
  ]);
  const ids = [row.receivingAgencyId, row.competentAgencyId, row.holderAgencyId, ...extraAgencyIds];
  const found = await findAgenciesByIds(q, [...new Set(ids)]);
  return {
    row,
    // Content only: the cached copy's status may lag (superseded later), which views do not show.
    version: version!,
    procedureName: p!.name,
    // Validated when the dossier pinned it; stored rows are never changed.
    workflow: row.workflow as Workflow,
    agencies: new Map(found.map((a) => [a.id, a])),
  };
}

const brief = (a: AgencyRow | undefined) => ({
  id: a?.id ?? '00000000-0000-0000-0000-000000000000',
  name: a?.name ?? '',
  agencyCode: a?.agencyCode ?? null,
});

export async function toView(
  q: Queryable,
  l: Loaded,
  events: readonly DossierEvent[],
  allowed: DossierAction[],
  now: Date,
  /** The assignee when the caller already knows them (saves a read). */
  knownAssignee?: { id: string; fullName: string },
): Promise<DossierView> {
  const { row, version, workflow } = l;
  const step = workflow.steps.find((s) => s.key === row.stepKey);
  const agencyIds = events
    .map((e) => e.agencyId)
    .filter((x): x is string => x !== null && !l.agencies.has(x));
  const extra = agencyIds.length ? await findAgenciesByIds(q, [...new Set(agencyIds)]) : [];
  const agencyName = (id: string | null) =>
    id === null ? null : (l.agencies.get(id)?.name ?? extra.find((a) => a.id === id)?.name ?? null);
  const assignee = !row.assigneeId
    ? undefined
    : knownAssignee?.id === row.assigneeId
      ? knownAssignee
      : (
          await q
            .select({ id: users.id, fullName: users.fullName })
            .from(users)
            .where(eq(users.id, row.assigneeId))
        )[0];
  const docs = row.documents as {
    key: string;
    kind: DossierView['documents'][number]['kind'];
    count: number;
    fileIds: string[];
  }[];
  const fileIds = docs.flatMap((d) => d.fileIds);
  const files = new Map(
    fileIds.length === 0
      ? []
      : (
          await q
            .select({
              id: storedFiles.id,
              name: storedFiles.name,
              size: storedFiles.size,
              mediaType: storedFiles.mediaType,
            })
            .from(storedFiles)
            .where(inArray(storedFiles.id, [...new Set(fileIds)]))
        ).map((f) => [f.id, f]),
  );
  return {
    id: row.id,
    code: row.code,
    status: row.status as DossierView['status'],
    statusCode: nationalStatusCode[row.status as DossierView['status']],
    statusLabel: statusLabel[row.status as DossierView['status']],
    channel: row.channel as DossierView['channel'],
    procedure: {
      code: version.nationalCode,
      name: l.procedureName,
      version: version.version,
      limit: describeLimit(version.localLimit),
    },
    receivingAgency: brief(l.agencies.get(row.receivingAgencyId)),
    competentAgency: brief(l.agencies.get(row.competentAgencyId)),
    holderAgency: brief(l.agencies.get(row.holderAgencyId)),
    step: step ? stepView(step) : null,
    assignee: assignee ?? null,
    applicant: row.applicant as Applicant,
    submitter: (row.submitter as Submitter | null) ?? null,
    documents: docs.map((d) => ({
      ...d,
      name: version.requiredDocuments.find((r) => r.key === d.key)?.name ?? d.key,
      files: d.fileIds.flatMap((id) => {
        const f = files.get(id);
        return f ? [f] : [];
      }),
    })),
    resultDelivery: row.resultDelivery as DossierView['resultDelivery'],
    receivedAt: row.receivedAt.toISOString(),
    dueAt: iso(row.dueAt),
    dueExplanation: row.dueExplanation as string[],
    pausedSince: iso(row.pausedSince),
    resolvedAt: iso(row.resolvedAt),
    finishedAt: iso(row.finishedAt),
    overdue: row.dueAt !== null && row.finishedAt === null && row.resolvedAt === null && now > row.dueAt,
    allowedActions: allowed,
    steps: workflow.steps.map(stepView),
    events: events.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      action: e.action,
      label: eventLabel(e.action),
      actorName: e.actorName,
      role: e.role,
      agencyName: agencyName(e.agencyId),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      fromStep: e.fromStep,
      toStep: e.toStep,
      dueAt: iso(e.dueAt),
      note: e.note,
      data: { ...e.data },
    })),
  };
}

/** Names of users, for lists. */
export async function userNames(q: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await q
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}
