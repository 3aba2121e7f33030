import { viCollator } from '../shared/text.ts';

type Node = { id: string; parentId: string | null; name: string };

/**
 * Orders a set of agencies as a pre-order walk of their tree (children sorted in Vietnamese collation), so a list
 * can be shown indented. Nodes whose parent is not in the set become roots of the walk.
 */
export function treeOrder<T extends Node>(items: readonly T[]): T[] {
  const ids = new Set(items.map((i) => i.id));
  const children = new Map<string | null, T[]>();
  for (const item of items) {
    const key = item.parentId && ids.has(item.parentId) ? item.parentId : null;
    const list = children.get(key) ?? [];
    list.push(item);
    children.set(key, list);
  }
  for (const list of children.values()) list.sort((a, b) => viCollator.compare(a.name, b.name));
  const out: T[] = [];
  const walk = (key: string | null) => {
    for (const child of children.get(key) ?? []) {
      out.push(child);
      walk(child.id);
    }
  };
  walk(null);
  return out;
}
