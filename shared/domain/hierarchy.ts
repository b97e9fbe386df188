// The three-level tree (党委 → 党总支 → 党支部): which branches each roll-up covers.
import type { Org } from './types';

/**
 * For every org, the ids of the branches under it at any depth, in roster order
 * (a branch maps to itself). A parent cycle in a broken roster is walked once, not forever.
 */
export function descendantBranches(orgs: readonly Org[]): Map<string, string[]> {
  const children = new Map<string, Org[]>();
  for (const o of orgs) {
    if (o.parentId === null) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o);
    children.set(o.parentId, list);
  }
  const order = new Map(orgs.map((o, i) => [o.id, i]));
  const out = new Map<string, string[]>();
  for (const root of orgs) {
    if (root.level === 'branch') {
      out.set(root.id, [root.id]);
      continue;
    }
    const found: Org[] = [];
    const seen = new Set<string>([root.id]);
    const stack = [...(children.get(root.id) ?? [])];
    for (let o = stack.pop(); o !== undefined; o = stack.pop()) {
      if (seen.has(o.id)) continue;
      seen.add(o.id);
      if (o.level === 'branch') found.push(o);
      stack.push(...(children.get(o.id) ?? []));
    }
    found.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    out.set(
      root.id,
      found.map((o) => o.id),
    );
  }
  return out;
}
