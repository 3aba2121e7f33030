import { and, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import type { Agency, CreateAgency, Succession, UpdateAgency } from '../../../domain/org/agency.ts';
import { agencies, agencySuccessions } from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';

export type AgencyRow = Agency & { path: string };

const toAgency = (r: typeof agencies.$inferSelect): AgencyRow => ({
  id: r.id,
  parentId: r.parentId,
  path: r.path,
  depth: r.depth,
  name: r.name,
  shortName: r.shortName,
  kind: r.kind as Agency['kind'],
  localKind: r.localKind,
  agencyCode: r.agencyCode,
  gsoCode: r.gsoCode,
  validFrom: r.validFrom,
  validTo: r.validTo,
});

/** The column of each field of an agency row (the compiler checks that none is missing). */
const agencyColumns: Record<keyof AgencyRow, string> = {
  id: 'id',
  parentId: 'parent_id',
  path: 'path',
  depth: 'depth',
  name: 'name',
  shortName: 'short_name',
  kind: 'kind',
  localKind: 'local_kind',
  agencyCode: 'agency_code',
  gsoCode: 'gso_code',
  validFrom: 'valid_from',
  validTo: 'valid_to',
};

/**
 * SQL text of a JSON object with an agency row's fields (table alias `t`), null when there is no row — for
 * hand-written statements that bring agencies along with other facts (dossiers/intake-context.repository.ts).
 * Dates come out as YYYY-MM-DD, as the column mapping gives them; read back with `agencyFromJson`.
 */
export const agencyJson = (t: string) =>
  `case when ${t}.id is null then null else json_build_object(${Object.entries(agencyColumns)
    .map(([key, column]) => `'${key}', ${t}.${column}`)
    .join(', ')}) end`;

/** An agency from `agencyJson` (as the driver parsed it). */
export const agencyFromJson = (j: unknown): AgencyRow | undefined => (j ? (j as AgencyRow) : undefined);

export async function findAgency(q: Queryable, id: string): Promise<AgencyRow | undefined> {
  const [row] = await q.select().from(agencies).where(eq(agencies.id, id));
  return row && toAgency(row);
}

export async function findAgencyByCode(q: Queryable, agencyCode: string): Promise<AgencyRow | undefined> {
  const [row] = await q.select().from(agencies).where(eq(agencies.agencyCode, agencyCode));
  return row && toAgency(row);
}

export async function findAgencyByGso(q: Queryable, kind: string, gsoCode: string) {
  const [row] = await q
    .select()
    .from(agencies)
    .where(and(eq(agencies.kind, kind), eq(agencies.gsoCode, gsoCode)));
  return row && toAgency(row);
}

export async function findAgenciesByIds(q: Queryable, ids: readonly string[]): Promise<AgencyRow[]> {
  if (ids.length === 0) return [];
  return (
    await q
      .select()
      .from(agencies)
      .where(inArray(agencies.id, [...ids]))
  ).map(toAgency);
}

/** Agencies in the subtrees rooted at `paths` (all agencies when `paths` is undefined). */
export async function listAgencies(q: Queryable, paths?: readonly string[]): Promise<AgencyRow[]> {
  if (paths && paths.length === 0) return [];
  const where: SQL | undefined = paths ? or(...paths.map((p) => like(agencies.path, `${p}%`))) : undefined;
  return (await q.select().from(agencies).where(where)).map(toAgency);
}

export async function insertAgency(
  q: Queryable,
  input: CreateAgency,
  parent: AgencyRow | undefined,
): Promise<AgencyRow> {
  const id = crypto.randomUUID();
  const [row] = await q
    .insert(agencies)
    .values({
      id,
      parentId: input.parentId,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      name: input.name,
      shortName: input.shortName ?? null,
      kind: input.kind,
      localKind: input.localKind ?? null,
      agencyCode: input.agencyCode ?? null,
      gsoCode: input.gsoCode ?? null,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
    })
    .returning();
  return toAgency(row!);
}

export async function updateAgency(q: Queryable, id: string, patch: UpdateAgency): Promise<AgencyRow> {
  if (Object.values(patch).every((v) => v === undefined)) return (await findAgency(q, id))!;
  const [row] = await q.update(agencies).set(patch).where(eq(agencies.id, id)).returning();
  return toAgency(row!);
}

export async function insertSuccession(q: Queryable, s: Omit<Succession, 'id'>): Promise<Succession> {
  const [row] = await q.insert(agencySuccessions).values(s).returning();
  return {
    id: row!.id,
    agencyId: row!.agencyId,
    kind: row!.kind as Succession['kind'],
    otherAgencyId: row!.otherAgencyId,
    effectiveOn: row!.effectiveOn,
    decision: row!.decision,
  };
}

export async function listSuccessions(q: Queryable, agencyId: string): Promise<Succession[]> {
  const rows = await q
    .select()
    .from(agencySuccessions)
    .where(or(eq(agencySuccessions.agencyId, agencyId), eq(agencySuccessions.otherAgencyId, agencyId)));
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agencyId,
    kind: r.kind as Succession['kind'],
    otherAgencyId: r.otherAgencyId,
    effectiveOn: r.effectiveOn,
    decision: r.decision,
  }));
}
