import { useState } from 'react';
import { type ProcedureVersion, VersionContent } from '../../../../domain/catalogue/index.ts';
import type { ApiError } from '../../lib/api.ts';
import { type FieldErrors, problemFieldErrors } from '../../lib/form.ts';
import { asApiError } from '../../lib/use-api.ts';
import { saveDraft } from './catalogue-admin.api.ts';

const CONTENT_KEYS = Object.keys(VersionContent.shape) as (keyof VersionContent)[];

/** The editable parts of a version, copied so that edits never touch the loaded document. */
export const contentOf = (v: ProcedureVersion): VersionContent =>
  structuredClone(Object.fromEntries(CONTENT_KEYS.map((k) => [k, v[k]])) as VersionContent);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the draft holds before any edit: the draft itself, or the published version's content without its dates
 * (the new draft gets its own when published — versioning.ts `changeVersion`).
 */
const draftContentOf = (v: ProcedureVersion): VersionContent =>
  v.status === 'draft' ? contentOf(v) : { ...contentOf(v), effectiveFrom: null, effectiveTo: null };

/** A setter for one part of the content, as the tabs take it. */
export type SetContent = <K extends keyof VersionContent>(key: K, value: VersionContent[K]) => void;

/**
 * The draft being edited: the loaded version (the open draft, or the published version a first save turns
 * into a new draft), the edited content, the parts that differ, and the server's refusal mapped to fields.
 */
export function useDraftEditor(code: string, base: ProcedureVersion, onSaved: (v: ProcedureVersion) => void) {
  const [saved, setSaved] = useState(base);
  const [content, setContent] = useState(() => draftContentOf(base));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError>();
  const [saving, setSaving] = useState(false);

  const baseline = draftContentOf(saved);
  const changed = CONTENT_KEYS.filter((k) => !same(content[k], baseline[k]));
  const set: SetContent = (key, value) => setContent((c) => ({ ...c, [key]: value }));

  /** Sends only the parts that changed, so the audit row says what the change was; answers the refusal, if any. */
  const save = async (): Promise<ApiError | undefined> => {
    if (changed.length === 0) return undefined;
    setSaving(true);
    setFailure(undefined);
    try {
      const patch = Object.fromEntries(changed.map((k) => [k, content[k]]));
      const next = await saveDraft(code, patch);
      setErrors({});
      setSaved(next);
      setContent(contentOf(next));
      onSaved(next);
      return undefined;
    } catch (e) {
      const problem = asApiError(e);
      setFailure(problem);
      setErrors(problemFieldErrors(problem.errors));
      return problem;
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    setContent(draftContentOf(saved));
    setErrors({});
    setFailure(undefined);
  };

  return { saved, content, set, changed, errors, failure, saving, save, discard };
}
