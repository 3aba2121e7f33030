import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, type SQL } from 'drizzle-orm';
import { Procedure, ProcedureVersion, type Workflow } from '../../../domain/catalogue/index.ts';
import { procedures, procedureVersions, procedureWorkflows } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';
import { catalogueChanged } from './public-index.ts';

export type ProcedureRow = Procedure & { id: string };
export type VersionRow = { id: string; procedureId: string; version: ProcedureVersion };

const toProcedure = (r: typeof procedures.$inferSelect): ProcedureRow => ({
  id: r.id,
  ...Procedure.parse({
    nationalCode: r.nationalCode,
    name: r.name,
    sector: { code: r.sectorCode, name: r.sectorName },
    levels: r.levels,
    confirm: r.confirm,
  }),
});

/** Stored documents were validated on the way in; parsing again keeps the repository's promise of domain types. */
const toVersion = (r: typeof procedureVersions.$inferSelect): VersionRow => ({
  id: r.id,
  procedureId: r.procedureId,
  version: ProcedureVersion.parse({
    ...(r.document as object),
    status: r.status,
    effectiveTo: r.effectiveTo,
  }),
});

export async function findProcedureByCode(q: Queryable, code: string) {
  const [row] = await q.select().from(procedures).where(eq(procedures.nationalCode, code));
  return row && toProcedure(row);
}

export async function insertProcedure(q: Queryable, p: Procedure): Promise<ProcedureRow> {
  catalogueChanged();
  const [row] = await q
    .insert(procedures)
    .values({
      nationalCode: p.nationalCode,
      name: p.name,
      sectorCode: p.sector.code,
      sectorName: p.sector.name,
      levels: p.levels,
      confirm: p.confirm,
    })
    .returning();
  return toProcedure(row!);
}

export async function insertVersion(q: Queryable, procedureId: string, v: ProcedureVersion) {
  catalogueChanged();
  const [row] = await q
    .insert(procedureVersions)
    .values({
      procedureId,
      version: v.version,
      status: v.status,
      effectiveFrom: v.effectiveFrom,
      effectiveTo: v.effectiveTo,
      onlineLevel: v.onlineLevel,
      document: v,
    })
    .returning();
  return toVersion(row!);
}

export async function findVersion(q: Queryable, procedureId: string, version: number) {
  const [row] = await q
    .select()
    .from(procedureVersions)
    .where(and(eq(procedureVersions.procedureId, procedureId), eq(procedureVersions.version, version)));
  return row && toVersion(row);
}

export async function listVersions(q: Queryable, procedureId: string) {
  const rows = await q
    .select()
    .from(procedureVersions)
    .where(eq(procedureVersions.procedureId, procedureId))
    .orderBy(desc(procedureVersions.version));
  return rows.map(toVersion);
}

/**
 * The version in force on `day` (YYYY-MM-DD): any version that left draft, within its dates. A superseded or
 * abolished version still governs the days before its end date.
 */
const inForce = (day: string): SQL =>
  and(
    ne(procedureVersions.status, 'draft'),
    lte(procedureVersions.effectiveFrom, day),
    or(isNull(procedureVersions.effectiveTo), gte(procedureVersions.effectiveTo, day)),
  )!;

export async function findInForce(q: Queryable, code: string, day: string) {
  const [row] = await q
    .select({ p: procedures, v: procedureVersions })
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.procedureId, procedures.id))
    .where(and(eq(procedures.nationalCode, code), inForce(day)));
  return row && { procedure: toProcedure(row.p), version: toVersion(row.v) };
}

export async function upsertWorkflow(
  q: Queryable,
  procedureId: string,
  agencyId: string | null,
  w: Workflow,
) {
  await q
    .insert(procedureWorkflows)
    .values({ procedureId, agencyKind: w.agencyKind, agencyId, document: w })
    .onConflictDoUpdate({
      target: [procedureWorkflows.procedureId, procedureWorkflows.agencyKind, procedureWorkflows.agencyId],
      set: { document: w },
    });
}

export async function listWorkflows(q: Queryable, procedureIds: readonly string[]) {
  if (procedureIds.length === 0) return [];
  const rows = await q
    .select()
    .from(procedureWorkflows)
    .where(inArray(procedureWorkflows.procedureId, [...procedureIds]));
  return rows.map((r) => ({
    procedureId: r.procedureId,
    agencyId: r.agencyId,
    // Validated (and completed with defaults) by the write path; stored documents are read as they are.
    workflow: r.document as Workflow,
  }));
}

/** Every procedure, by national code (catalogue export). */
export async function listProcedures(q: Queryable) {
  const rows = await q.select().from(procedures).orderBy(asc(procedures.nationalCode));
  return rows.map(toProcedure);
}

/** Every version of every procedure, oldest first per procedure (catalogue export). */
export async function listAllVersions(q: Queryable) {
  const rows = await q
    .select()
    .from(procedureVersions)
    .orderBy(asc(procedureVersions.procedureId), asc(procedureVersions.version));
  return rows.map(toVersion);
}

export async function updateProcedure(q: Queryable, id: string, p: Procedure) {
  catalogueChanged();
  await q
    .update(procedures)
    .set({
      name: p.name,
      sectorCode: p.sector.code,
      sectorName: p.sector.name,
      levels: p.levels,
      confirm: p.confirm,
    })
    .where(eq(procedures.id, id));
}

/** Rewrites a draft version; a version that left draft is never matched (and the trigger would refuse it). */
export async function updateDraftVersion(q: Queryable, id: string, v: ProcedureVersion) {
  const rows = await q
    .update(procedureVersions)
    .set({
      status: v.status,
      effectiveFrom: v.effectiveFrom,
      effectiveTo: v.effectiveTo,
      onlineLevel: v.onlineLevel,
      document: v,
    })
    .where(and(eq(procedureVersions.id, id), eq(procedureVersions.status, 'draft')))
    .returning({ id: procedureVersions.id });
  return rows.length === 1;
}

/** Ends a published version: superseded (with its last day) or abolished. Only status and end date change. */
export async function closeVersion(
  q: Queryable,
  id: string,
  status: 'superseded' | 'abolished',
  effectiveTo: string,
) {
  catalogueChanged();
  await q
    .update(procedureVersions)
    .set({ status, effectiveTo })
    .where(and(eq(procedureVersions.id, id), eq(procedureVersions.status, 'published')));
}

/** Parsed published versions by id: a version that left draft never changes (a trigger enforces it). */
const publishedCache = new Map<string, ProcedureVersion>();
const CACHE_LIMIT = 2000;

/** A version by id, parsed once per process when it is no longer a draft. */
export async function versionById(q: Queryable, id: string): Promise<ProcedureVersion | undefined> {
  const hit = publishedCache.get(id);
  if (hit) return hit;
  const [row] = await q.select().from(procedureVersions).where(eq(procedureVersions.id, id));
  if (!row) return undefined;
  const version = toVersion(row).version;
  if (row.status !== 'draft') {
    if (publishedCache.size >= CACHE_LIMIT) publishedCache.delete(publishedCache.keys().next().value!);
    publishedCache.set(id, version);
  }
  return version;
}

/** The procedure and the id of its version in force on `day`, without reading the version document. */
export async function findInForceRef(q: Queryable, code: string, day: string) {
  const [row] = await q
    .select({ p: procedures, versionId: procedureVersions.id })
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.procedureId, procedures.id))
    .where(and(eq(procedures.nationalCode, code), inForce(day)));
  return row && { procedure: toProcedure(row.p), versionId: row.versionId };
}
