/**
 * What the catalogue's administration screens read: every procedure with its published version and open draft,
 * and the committed limit the internal workflows must fit in.
 */
import { z } from 'zod';
import { describeLimit, TimeLimit, workingHoursOf } from './limits.ts';
import {
  NationalCode,
  OnlineLevel,
  type Procedure,
  ProcedureLevel,
  type ProcedureVersion,
  Sector,
  VersionStatus,
} from './procedure.ts';
import { Workflow } from './workflow.ts';

const VersionBrief = z.object({
  version: z.number().int(),
  status: VersionStatus,
  effectiveFrom: z.string().nullable(),
  onlineLevel: OnlineLevel,
  /** The committed limit in words ("03 ngày làm việc"). */
  limitText: z.string(),
});
export type VersionBrief = z.infer<typeof VersionBrief>;

/** One line of the administrator's list: unlike the public listing, drafts and unpublished procedures too. */
export const ProcedureAdminSummary = z.object({
  nationalCode: NationalCode,
  name: z.string(),
  sector: Sector,
  levels: z.array(ProcedureLevel),
  /** The newest published version (the one in force, or about to be), if any. */
  published: VersionBrief.nullable(),
  /** The open draft, if any. */
  draft: VersionBrief.nullable(),
});
export type ProcedureAdminSummary = z.infer<typeof ProcedureAdminSummary>;

const brief = (v: ProcedureVersion): VersionBrief => ({
  version: v.version,
  status: v.status,
  effectiveFrom: v.effectiveFrom,
  onlineLevel: v.onlineLevel,
  limitText: describeLimit(v.localLimit),
});

export function summariseForAdmin(
  procedure: Procedure,
  versions: readonly ProcedureVersion[],
): ProcedureAdminSummary {
  const newest = (status: VersionStatus) =>
    versions.filter((v) => v.status === status).sort((a, b) => b.version - a.version)[0];
  const published = newest('published');
  const draft = newest('draft');
  return {
    nationalCode: procedure.nationalCode,
    name: procedure.name,
    sector: procedure.sector,
    levels: procedure.levels,
    published: published ? brief(published) : null,
    draft: draft ? brief(draft) : null,
  };
}

/** The committed limit a workflow is checked against, and the version it comes from. */
export const WorkflowLimit = z.object({
  version: z.number().int(),
  status: VersionStatus,
  localLimit: TimeLimit,
  /** The limit in working hours (8 h a working day), as the workflow's step budgets are counted. */
  hours: z.number(),
  text: z.string(),
});
export type WorkflowLimit = z.infer<typeof WorkflowLimit>;

/**
 * A workflow serves the version in force and, once it is published, the open draft: it must fit in the shorter
 * of their committed limits (equal: the published one is named). `undefined` when neither exists (abolished).
 */
export function bindingLimit(versions: readonly ProcedureVersion[]): WorkflowLimit | undefined {
  const candidates = versions
    .filter((v) => v.status === 'published' || v.status === 'draft')
    .map((v) => ({ v, hours: workingHoursOf(v.localLimit) }))
    .sort((a, b) => a.hours - b.hours || (a.v.status === 'published' ? -1 : 1));
  const first = candidates[0];
  if (!first) return undefined;
  return {
    version: first.v.version,
    status: first.v.status,
    localLimit: first.v.localLimit,
    hours: first.hours,
    text: describeLimit(first.v.localLimit),
  };
}

/** The workflows of a procedure: the default per agency kind and those of particular agencies. */
export const WorkflowList = z.object({
  items: z.array(Workflow),
  limit: WorkflowLimit.nullable(),
});
export type WorkflowList = z.infer<typeof WorkflowList>;
