import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { DossierEvent } from '../../../domain/dossier/machine.ts';
import type { DossierStatus } from '../../../domain/dossier/status.ts';
import type { Db } from '../../db/client.ts';
import { preparedPer } from '../../db/prepared.ts';
import {
  agencies,
  dossierEvents,
  dossiers,
  intakeSlips,
  procedures,
  roleGrants,
  users,
} from '../../db/schema.ts';
import type { Queryable } from '../../db/tx.ts';

export type DossierRow = typeof dossiers.$inferSelect;
export type NewDossier = typeof dossiers.$inferInsert;

export async function insertDossier(q: Queryable, d: NewDossier): Promise<DossierRow> {
  const [row] = await q.insert(dossiers).values(d).returning();
  return row!;
}

export async function findDossier(q: Queryable, id: string): Promise<DossierRow | undefined> {
  const [row] = await q.select().from(dossiers).where(eq(dossiers.id, id));
  return row;
}

/** Locks the dossier row for the rest of the transaction: actions on one dossier run one after another. */
export async function lockDossier(q: Queryable, id: string): Promise<DossierRow | undefined> {
  const [row] = await q.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
  return row;
}

export async function findDossierByCode(q: Queryable, code: string): Promise<DossierRow | undefined> {
  const [row] = await q.select().from(dossiers).where(eq(dossiers.code, code));
  return row;
}

export async function appendEvent(q: Queryable, dossierId: string, e: DossierEvent) {
  await q.insert(dossierEvents).values({ dossierId, ...e, data: e.data as object });
}

/** Writes the state after `e` onto the dossier row (the projection of its events). */
export async function project(
  q: Queryable,
  id: string,
  e: DossierEvent,
  extra: Partial<Pick<NewDossier, 'dueExplanation' | 'resolvedAt' | 'finishedAt' | 'pausedSince'>> = {},
) {
  await q
    .update(dossiers)
    .set({
      status: e.toStatus,
      stepKey: e.toStep,
      holderAgencyId: e.holderAgencyId,
      assigneeId: e.assigneeId,
      dueAt: e.dueAt,
      lastSeq: e.seq,
      ...extra,
    })
    .where(eq(dossiers.id, id));
}

const toEvent = (r: typeof dossierEvents.$inferSelect): DossierEvent => ({
  seq: r.seq,
  at: r.at,
  action: r.action as DossierEvent['action'],
  actorId: r.actorId,
  actorName: r.actorName,
  role: r.role,
  agencyId: r.agencyId,
  fromStatus: r.fromStatus as DossierStatus | null,
  toStatus: r.toStatus as DossierStatus,
  fromStep: r.fromStep,
  toStep: r.toStep,
  holderAgencyId: r.holderAgencyId,
  assigneeId: r.assigneeId,
  dueAt: r.dueAt,
  note: r.note,
  data: r.data as Record<string, unknown>,
});

export async function listEvents(q: Queryable, dossierId: string): Promise<DossierEvent[]> {
  const rows = await q
    .select()
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierId, dossierId))
    .orderBy(asc(dossierEvents.seq));
  return rows.map(toEvent);
}

export type ListFilter = Readonly<{
  /** Subtree roots the reader may see (receiving, competent or holding agency inside one of them). */
  roots: readonly string[];
  status?: readonly DossierStatus[];
  /**
   * The unit box: unassigned work at a step of one of these (role, subtree) pairs (held there, step of that
   * role, status accepted or in process), or — for desk officers' subtrees in `deskRoots` — dossiers received there
   * that wait for the desk (result to return, supplement or payment proof to record).
   */
  unit?: Readonly<{
    work: readonly Readonly<{ role: string; root: string }>[];
    deskRoots: readonly string[];
  }>;
  assigneeId?: string | null;
  q?: string;
  limit: number;
  offset: number;
}>;

/** Dossiers visible under `roots`, open work first by due date. */
export async function listDossiers(q: Queryable, f: ListFilter) {
  if (f.roots.length === 0) return { rows: [] as DossierRow[], total: 0 };
  const visible = sql`exists (select 1 from ${agencies} a where a.id in (${dossiers.receivingAgencyId}, ${dossiers.competentAgencyId}, ${dossiers.holderAgencyId}) and (${sql.join(
    f.roots.map((r) => sql`a.path like ${`${r}%`}`),
    sql` or `,
  )}))`;
  const conditions: SQL[] = [visible];
  if (f.status?.length) conditions.push(inArray(dossiers.status, [...f.status]));
  if (f.unit) {
    const either: SQL[] = [];
    if (f.unit.work.length > 0) {
      const pairs = f.unit.work.map(
        (w) =>
          sql`(h.path like ${`${w.root}%`} and exists (select 1 from jsonb_array_elements(${dossiers.workflow}->'steps') s where s->>'key' = ${dossiers.stepKey} and s->>'role' = ${w.role}))`,
      );
      either.push(
        sql`(${dossiers.assigneeId} is null and ${dossiers.status} in ('accepted', 'inProcess') and exists (select 1 from ${agencies} h where h.id = ${dossiers.holderAgencyId} and (${sql.join(pairs, sql` or `)})))`,
      );
    }
    if (f.unit.deskRoots.length > 0) {
      either.push(
        sql`(${dossiers.status} in ('submitted', 'resolved', 'supplementRequested', 'financialObligation') and exists (select 1 from ${agencies} r where r.id = ${dossiers.receivingAgencyId} and (${sql.join(
          f.unit.deskRoots.map((root) => sql`r.path like ${`${root}%`}`),
          sql` or `,
        )})))`,
      );
    }
    if (either.length === 0) return { rows: [], total: 0 };
    conditions.push(sql`(${sql.join(either, sql` or `)})`);
  }
  if (f.assigneeId === null) conditions.push(isNull(dossiers.assigneeId));
  else if (f.assigneeId !== undefined) conditions.push(eq(dossiers.assigneeId, f.assigneeId));
  if (f.q) {
    const needle = `%${f.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
    conditions.push(
      sql`(immutable_unaccent(lower(${dossiers.applicantName})) like immutable_unaccent(${needle}) or lower(${dossiers.code}) like ${needle})`,
    );
  }
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    q
      .select()
      .from(dossiers)
      .where(where)
      .orderBy(
        sql`${dossiers.finishedAt} is not null`,
        sql`${dossiers.dueAt} asc nulls last`,
        desc(dossiers.receivedAt),
      )
      .limit(f.limit)
      .offset(f.offset),
    q.select({ n: sql<number>`count(*)::int` }).from(dossiers).where(where),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** A citizen's own dossiers (portal), newest first. */
export async function listCitizenDossiers(
  q: Queryable,
  citizenUserId: string,
  limit: number,
  offset: number,
) {
  const where = eq(dossiers.citizenUserId, citizenUserId);
  const [rows, [count]] = await Promise.all([
    q.select().from(dossiers).where(where).orderBy(desc(dossiers.receivedAt)).limit(limit).offset(offset),
    q.select({ n: sql<number>`count(*)::int` }).from(dossiers).where(where),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function insertSlip(q: Queryable, s: typeof intakeSlips.$inferInsert) {
  const [row] = await q.insert(intakeSlips).values(s).returning();
  return row!;
}

export async function findSlip(q: Queryable, id: string) {
  const [row] = await q.select().from(intakeSlips).where(eq(intakeSlips.id, id));
  return row;
}

export async function procedureNames(q: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await q
    .select({ id: procedures.id, name: procedures.name })
    .from(procedures)
    .where(inArray(procedures.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

type TrackedEvent = {
  at: string;
  action: DossierEvent['action'];
  toStatus: DossierStatus;
  stepName: string | null;
};

const trackingQuery = preparedPer((db: Db) =>
  db
    .select({
      code: dossiers.code,
      status: dossiers.status,
      applicant: dossiers.applicant,
      receivedAt: dossiers.receivedAt,
      dueAt: dossiers.dueAt,
      resolvedAt: dossiers.resolvedAt,
      finishedAt: dossiers.finishedAt,
      procedureName: procedures.name,
      agencyName: agencies.name,
      events: sql<
        TrackedEvent[]
      >`coalesce((select json_agg(json_build_object('at', e.at, 'action', e.action, 'toStatus', e.to_status, 'stepName', e.data->>'stepName') order by e.seq) from ${dossierEvents} e where e.dossier_id = ${dossiers.id}), '[]'::json)`,
    })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .innerJoin(agencies, eq(agencies.id, dossiers.receivingAgencyId))
    .where(eq(dossiers.code, sql.placeholder('code')))
    .prepare('motcua_track_dossier'),
);

/** What public tracking shows, in one prepared query (no version document, no personal data beyond the name). */
export async function findForTracking(db: Db, code: string) {
  const [found] = await trackingQuery(db).execute({ code });
  return found;
}

/** Active users holding `role` on `agencyPath` or an ancestor of it, by name. */
export async function staffWithRoleAt(q: Queryable, role: string, agencyPath: string) {
  return q
    .selectDistinct({ id: users.id, fullName: users.fullName })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .innerJoin(agencies, eq(agencies.id, roleGrants.agencyId))
    .where(
      and(
        eq(roleGrants.role, role),
        eq(users.disabled, false),
        sql`${agencyPath} like ${agencies.path} || '%'`,
      ),
    );
}
