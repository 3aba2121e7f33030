/**
 * The public listing, searched in memory. The procedures in force are a few thousand small lines; each process
 * keeps them folded for diacritics-insensitive search and reloads them when this process changed the catalogue,
 * when the day changes (versions take effect by date), and — on PostgreSQL, where other app processes may
 * change it — at most `REFRESH_MS` after the last load (served from the old copy while reloading). The embedded
 * database belongs to one process, so there the first two suffice (and a reload would stall the event loop:
 * PGlite runs in this thread). The database stays the record; nothing here is written.
 */
import { and, eq, gte, isNull, lte, ne, or, sql } from 'drizzle-orm';
import {
  type ListedProcedure,
  Listing,
  type ListingQuery,
  type Procedure,
  type ProcedureVersion,
  searchListing,
  summariseParts,
  toListed,
} from '../../../domain/catalogue/index.ts';
import type { Db } from '../../db/client.ts';
import { procedures, procedureVersions } from '../../db/schema.ts';

export const REFRESH_MS = 10_000;

let generation = 0;
/** Called by every write to procedures or versions: this process's index reloads on its next read. */
export const catalogueChanged = () => {
  generation++;
};

type Index = {
  day: string;
  generation: number;
  loadedAt: number;
  items: ListedProcedure[];
  /** Serialised answers already given from this index (exact: the index never changes once loaded). */
  answers: Map<string, string>;
};
/** Distinct searches remembered per index; popular ones are answered without searching again. */
const ANSWERS_KEPT = 5000;
type Slot = { index?: Index; pending?: Promise<Index> };
const slots = new WeakMap<Db, Slot>();

async function load(db: Db, day: string): Promise<Index> {
  const startedAt = performance.now();
  const seen = generation;
  const rows = await db
    .select({
      nationalCode: procedures.nationalCode,
      name: procedures.name,
      sectorCode: procedures.sectorCode,
      sectorName: procedures.sectorName,
      levels: procedures.levels,
      version: procedureVersions.version,
      onlineLevel: procedureVersions.onlineLevel,
      localLimit: sql<ProcedureVersion['localLimit']>`${procedureVersions.document}->'localLimit'`,
      legalLimit: sql<ProcedureVersion['legalLimit']>`${procedureVersions.document}->'legalLimit'`,
      feeCount: sql<number>`coalesce(jsonb_array_length(${procedureVersions.document}->'fees'), 0)`,
      feeNote: sql<string | null>`${procedureVersions.document}->>'feeNote'`,
      agencyKinds: sql<
        string[] | null
      >`(select array_agg(distinct a->>'kind') from jsonb_array_elements(${procedureVersions.document}->'implementingAgencies') a)`,
    })
    .from(procedures)
    .innerJoin(procedureVersions, eq(procedureVersions.procedureId, procedures.id))
    .where(
      and(
        ne(procedureVersions.status, 'draft'),
        lte(procedureVersions.effectiveFrom, day),
        or(isNull(procedureVersions.effectiveTo), gte(procedureVersions.effectiveTo, day)),
      ),
    )
    .orderBy(procedures.nationalCode);
  const items = rows.map((r) =>
    toListed(
      summariseParts(
        {
          nationalCode: r.nationalCode,
          name: r.name,
          sector: { code: r.sectorCode, name: r.sectorName },
          levels: r.levels as Procedure['levels'],
        },
        {
          version: r.version,
          onlineLevel: r.onlineLevel as ProcedureVersion['onlineLevel'],
          localLimit: r.localLimit,
          legalLimit: r.legalLimit,
          feeNote: r.feeNote ?? undefined,
          feeCount: Number(r.feeCount),
        },
      ),
      r.agencyKinds ?? [],
    ),
  );
  return { day, generation: seen, loadedAt: startedAt, items, answers: new Map() };
}

function reload(db: Db, slot: Slot, day: string): Promise<Index> {
  if (!slot.pending) {
    slot.pending = load(db, day)
      .then((index) => {
        slot.index = index;
        return index;
      })
      .finally(() => {
        slot.pending = undefined;
      });
  }
  return slot.pending;
}

async function indexFor(db: Db, day: string, refreshMs: number): Promise<Index> {
  let slot = slots.get(db);
  if (!slot) {
    slot = {};
    slots.set(db, slot);
  }
  const index = slot.index;
  if (!index || index.day !== day || index.generation !== generation) return reload(db, slot, day);
  if (performance.now() - index.loadedAt > refreshMs) void reload(db, slot, day).catch(() => undefined);
  return index;
}

/** The procedures in force on `day`, as this process last loaded them (see the module comment). */
export async function listedInForce(
  db: Db,
  day: string,
  refreshMs = REFRESH_MS,
): Promise<readonly ListedProcedure[]> {
  return (await indexFor(db, day, refreshMs)).items;
}

/** The public search's answer as JSON (validated against `Listing` once, when first computed). */
export async function searchPublicJson(
  db: Db,
  day: string,
  query: ListingQuery,
  refreshMs = REFRESH_MS,
): Promise<string> {
  const index = await indexFor(db, day, refreshMs);
  const key = JSON.stringify(query);
  const known = index.answers.get(key);
  if (known !== undefined) return known;
  const json = JSON.stringify(Listing.parse(searchListing(index.items, query)));
  if (index.answers.size >= ANSWERS_KEPT) index.answers.clear();
  index.answers.set(key, json);
  return json;
}
