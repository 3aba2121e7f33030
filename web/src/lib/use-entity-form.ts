import { useCallback, useState } from 'react';
import type { z } from 'zod';
import type { ApiError } from './api.ts';
import { type FieldErrors, fieldErrors, problemFieldErrors } from './form.ts';
import { asApiError } from './use-api.ts';

/** The keys of `V` that hold text, for inputs that edit a string. */
type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V];

export interface Submission<T> {
  /** The schema's verdict on the body about to be sent. */
  parsed: z.ZodSafeParseResult<T>;
  /** Messages the schema cannot give (a required choice, a row without its agency); they stop the request too. */
  extraErrors?: FieldErrors;
  /** Sends the checked body; whatever it throws is shown as the form's failure. */
  send: (data: T) => Promise<unknown>;
}

/**
 * The state every entity form keeps: the values being edited, the message under each input, the server's refusal
 * and whether a request is under way; `submit` checks, sends and maps a refusal back onto the inputs.
 */
export function useEntityForm<V>(initial: V | (() => V)) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError>();
  const [saving, setSaving] = useState(false);

  const set = useCallback(
    <K extends keyof V>(key: K) =>
      (value: V[K]) =>
        setValues((v) => ({ ...v, [key]: value })),
    [],
  );

  /** `value`, `error` and `onChange` for a text input bound to `key`. */
  const text = <K extends TextKey<V>>(key: K) => ({
    value: values[key] as string,
    error: errors[key as string],
    onChange: (e: { currentTarget: HTMLInputElement }) => set(key)(e.currentTarget.value as V[K]),
  });

  /** Forgets the messages and the refusal (after a cancel, or before a new attempt). */
  const clearMessages = useCallback(() => {
    setErrors({});
    setFailure(undefined);
  }, []);

  /** Whether the body passed the checks and the server took it. */
  const submit = async <T>({ parsed, extraErrors = {}, send }: Submission<T>): Promise<boolean> => {
    setFailure(undefined);
    const found = parsed.success ? { ...extraErrors } : { ...fieldErrors(parsed.error), ...extraErrors };
    if (!parsed.success || Object.keys(found).length > 0) {
      setErrors(found);
      return false;
    }
    setErrors({});
    setSaving(true);
    try {
      await send(parsed.data);
      return true;
    } catch (e) {
      const problem = asApiError(e);
      setFailure(problem);
      setErrors(problemFieldErrors(problem.errors));
      return false;
    } finally {
      setSaving(false);
    }
  };

  return { values, setValues, set, text, errors, failure, saving, submit, clearMessages };
}
