import { z } from 'zod';
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
  onlineLevel: OnlineLevel.optional(),
});
export type ListingQuery = z.infer<typeof ListingQuery>;

export function summarise(procedure: Procedure, version: ProcedureVersion): ProcedureSummary {
  const limitText = describeLimit(version.localLimit);
  const legal = describeLimit(version.legalLimit);
  return {
    nationalCode: procedure.nationalCode,
    name: procedure.name,
    sector: procedure.sector,
    levels: procedure.levels,
    version: version.version,
    onlineLevel: version.onlineLevel,
    limitText,
    legalLimitText: legal === limitText ? null : legal,
    // A fee "set by the province" lives in feeNote with no amount: that is not free.
    isFree: version.fees.length === 0 && !version.feeNote,
  };
}
