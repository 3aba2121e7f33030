import { z } from 'zod';
import { AgencyKind } from '../org/agency.ts';
import { foldVi, sortVi } from '../shared/text.ts';
import { describeLimit } from './limits.ts';
import {
  NationalCode,
  OnlineLevel,
  type Procedure,
  ProcedureLevel,
  ProcedureVersion,
  Sector,
} from './procedure.ts';
import { Workflow } from './workflow.ts';

/** One line of the public listing (niêm yết công khai): what a citizen scans before opening a procedure. */
export const ProcedureSummary = z.object({
  /** The national code (same as `nationalCode`; the public API's short name). */
  code: NationalCode,
  nationalCode: NationalCode,
  name: z.string(),
  sector: Sector,
  levels: z.array(ProcedureLevel),
  version: z.number().int(),
  onlineLevel: OnlineLevel,
  /** The committed (local) limit in words, e.g. "03 ngày làm việc". */
  limitText: z.string(),
  /** The legal limit in words when the locality shortened it. */
  legalLimitText: z.string().nullable(),
  isFree: z.boolean(),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const ProcedureDetail = z.object({
  summary: ProcedureSummary,
  version: ProcedureVersion,
  workflows: z.array(Workflow),
});
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;

export const ListingQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  sector: z.string().max(50).optional(),
  /** Level of government that implements it (province / commune). */
  level: ProcedureLevel.optional(),
  /** Kind of implementing agency, e.g. commune people's committee, commune police. */
  agencyKind: AgencyKind.optional(),
  onlineLevel: OnlineLevel.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListingQuery = z.infer<typeof ListingQuery>;

export const Listing = z.object({
  items: z.array(ProcedureSummary),
  /** Matches in all (the page is `items`). */
  total: z.number().int(),
  /** Sectors of the matches with their counts, in Vietnamese order (for the sector filter). */
  sectors: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
});
export type Listing = z.infer<typeof Listing>;

/** What the public search needs of a procedure in force, computed once per catalogue change. */
export type ListedProcedure = Readonly<{
  summary: ProcedureSummary;
  /** Folded name and code, for matching without marks. */
  haystack: string;
  foldedName: string;
  agencyKinds: readonly string[];
}>;

export const toListed = (summary: ProcedureSummary, agencyKinds: readonly string[]): ListedProcedure => {
  const foldedName = foldVi(summary.name);
  return { summary, foldedName, haystack: `${foldedName} ${summary.nationalCode}`, agencyKinds };
};

/**
 * The public search: every word typed must appear in the name (marks ignored) or the code; names that start
 * with the typed text come first, each group in the order given (the index keeps code order). Filters narrow; sector counts describe the matches before the
 * sector filter, so the filter can offer the others.
 */
export function searchListing(all: readonly ListedProcedure[], query: ListingQuery): Listing {
  const needle = query.q ? foldVi(query.q) : '';
  const words = needle ? needle.split(' ') : [];
  const bySector = new Map<string, { code: string; name: string; count: number }>();
  // One pass: names starting with the typed text, then the other matches, each in the order of `all`.
  const first: ListedProcedure[] = [];
  const rest: ListedProcedure[] = [];
  for (const p of all) {
    const s = p.summary;
    if (query.onlineLevel && s.onlineLevel !== query.onlineLevel) continue;
    if (query.level && !s.levels.includes(query.level)) continue;
    if (query.agencyKind && !p.agencyKinds.includes(query.agencyKind)) continue;
    if (!words.every((w) => p.haystack.includes(w))) continue;
    const sector = bySector.get(s.sector.code);
    if (sector) sector.count++;
    else bySector.set(s.sector.code, { ...s.sector, count: 1 });
    if (query.sector && s.sector.code !== query.sector) continue;
    (needle && p.foldedName.startsWith(needle) ? first : rest).push(p);
  }
  const total = first.length + rest.length;
  const page = query.offset < first.length ? [...first.slice(query.offset, query.offset + query.limit)] : [];
  if (page.length < query.limit) {
    const from = Math.max(0, query.offset - first.length);
    page.push(...rest.slice(from, from + query.limit - page.length));
  }
  return {
    items: page.map((p) => p.summary),
    total,
    sectors: sortVi([...bySector.values()], (s) => s.name),
  };
}

/** The listing line from the parts of a version it needs (the search index reads only these). */
export function summariseParts(
  procedure: Pick<Procedure, 'nationalCode' | 'name' | 'sector' | 'levels'>,
  v: Pick<ProcedureVersion, 'version' | 'onlineLevel' | 'localLimit' | 'legalLimit' | 'feeNote'> & {
    feeCount: number;
  },
): ProcedureSummary {
  const limitText = describeLimit(v.localLimit);
  const legal = describeLimit(v.legalLimit);
  return {
    code: procedure.nationalCode,
    nationalCode: procedure.nationalCode,
    name: procedure.name,
    sector: procedure.sector,
    levels: procedure.levels,
    version: v.version,
    onlineLevel: v.onlineLevel,
    limitText,
    legalLimitText: legal === limitText ? null : legal,
    // A fee "set by the province" lives in feeNote with no amount: that is not free.
    isFree: v.feeCount === 0 && !v.feeNote,
  };
}

export function summarise(procedure: Procedure, version: ProcedureVersion): ProcedureSummary {
  return summariseParts(procedure, { ...version, feeCount: version.fees.length });
}
