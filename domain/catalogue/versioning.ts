/**
 * Versions are immutable once published (DOMAIN §2): a dossier pins the version it was received under, so a
 * change to a published procedure makes a new draft, which a decision later publishes; publishing supersedes
 * the previous version from the day before the new one takes effect.
 */

import { z } from 'zod';
import { dayNumberFromIso, isoFromDayNumber } from '../calendar/civil.ts';
import { Decision, ProcedureVersion, VersionContent } from './procedure.ts';

/** Thrown when someone edits a version that is no longer a draft (server maps it to INVALID_TRANSITION). */
export class VersionNotEditableError extends Error {
  readonly code = 'INVALID_TRANSITION' as const;
  constructor(readonly version: Pick<ProcedureVersion, 'nationalCode' | 'version' | 'status'>) {
    super(
      `Phiên bản ${version.version} của thủ tục ${version.nationalCode} đang ở trạng thái «${statusLabel[version.status]}», không được sửa`,
    );
    this.name = 'VersionNotEditableError';
  }
}

export const statusLabel: Record<ProcedureVersion['status'], string> = {
  draft: 'Dự thảo',
  published: 'Đã công bố',
  superseded: 'Đã được thay thế',
  abolished: 'Đã bãi bỏ',
};

export const isEditable = (version: Pick<ProcedureVersion, 'status'>): boolean => version.status === 'draft';

export function assertEditable(
  version: ProcedureVersion,
): asserts version is ProcedureVersion & { status: 'draft' } {
  if (!isEditable(version)) throw new VersionNotEditableError(version);
}

/** A change to the content of a version (any subset of the editable parts). */
export const VersionChange = VersionContent.partial();
export type VersionChange = Partial<VersionContent>;

/**
 * The same change as it arrives over HTTP: fields absent from the request stay absent. (`VersionChange` keeps
 * the content's defaults, so parsing `{limitNote}` with it would also reset the fees and the online form.)
 */
export const VersionPatch = z.strictObject(
  Object.fromEntries(
    Object.entries(VersionContent.shape).map(([key, schema]) => [
      key,
      (schema instanceof z.ZodDefault ? schema.unwrap() : schema).optional(),
    ]),
  ),
) as unknown as z.ZodType<VersionChange>;

/**
 * Applies `change`: a draft is edited (a new object), a published version yields a new draft numbered
 * `version + 1` (without decisions; it gets its own when published). Superseded and abolished versions cannot
 * change. The result is re-validated (e.g. the local limit must stay within the legal one).
 */
export const changeVersion = (version: ProcedureVersion, change: VersionChange): ProcedureVersion => {
  const base = structuredClone(version);
  switch (version.status) {
    case 'draft':
      return ProcedureVersion.parse({ ...base, ...structuredClone(change) });
    case 'published':
      return ProcedureVersion.parse({
        ...base,
        effectiveFrom: null,
        effectiveTo: null,
        ...structuredClone(change),
        version: version.version + 1,
        status: 'draft',
        decisions: [],
      });
    case 'superseded':
    case 'abolished':
      throw new VersionNotEditableError(version);
    default: {
      const never: never = version.status;
      throw new Error(`Trạng thái không hỗ trợ: ${String(never)}`);
    }
  }
};

/**
 * Publishes a draft by a decision from `effectiveFrom` (default: the decision's date). The previous published
 * version, if given, becomes superseded with `effectiveTo` the day before.
 */
export const publishVersion = (
  draft: ProcedureVersion,
  decision: Decision,
  options: { effectiveFrom?: string; previous?: ProcedureVersion } = {},
): { published: ProcedureVersion; superseded?: ProcedureVersion } => {
  assertEditable(draft);
  const effectiveFrom = options.effectiveFrom ?? draft.effectiveFrom ?? decision.date;
  const published = ProcedureVersion.parse({
    ...structuredClone(draft),
    status: 'published',
    effectiveFrom,
    decisions: [...draft.decisions, Decision.parse(decision)],
  });
  const previous = options.previous;
  if (previous === undefined) return { published };
  if (previous.status !== 'published' || previous.nationalCode !== draft.nationalCode) {
    throw new VersionNotEditableError(previous);
  }
  const superseded = ProcedureVersion.parse({
    ...structuredClone(previous),
    status: 'superseded',
    effectiveTo: isoFromDayNumber(dayNumberFromIso(effectiveFrom) - 1),
    decisions: [...previous.decisions, { ...decision, action: 'replaced' }],
  });
  return { published, superseded };
};
