/** Small immutable edits of the lists a version holds (fees, checklist, form fields, steps…). */

export const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((x, i) => (i === index ? item : x));

export const removeAt = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

/** Moves an item up (`-1`) or down (`+1`); out of range leaves the list as it is. */
export const move = <T>(list: readonly T[], index: number, delta: -1 | 1): T[] => {
  const to = index + delta;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
};

/** A fresh camelCase key (`document4`) not used yet: keys identify items across versions and in submissions. */
export const freshKey = (prefix: string, used: readonly string[]): string => {
  let n = used.length + 1;
  while (used.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
};

/** An optional text: empty means absent. */
export const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text);

/** A Mantine NumberInput value (a string while it is being typed) as a number, or `fallback`. */
export const numberOr = (value: number | string, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;
