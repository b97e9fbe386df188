// Which orgs a key may read: an admin everything, a leader the subtree of one org, a branch its own org only.
import type { Org } from '../../domain/types';
import type { Role } from '../../store/api-keys';

export interface Principal {
  keyId: string;
  role: Role;
  orgId: string | null;
}

/** The org and everything under it, at any depth. */
export function subtree(orgs: readonly Org[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of orgs) if (o.parentId !== null) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  const out = new Set<string>();
  const stack = orgs.some((o) => o.id === rootId) ? [rootId] : [];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export function visibleOrgs(p: Principal, orgs: readonly Org[]): Set<string> {
  if (p.role === 'admin') return new Set(orgs.map((o) => o.id));
  if (p.orgId === null) return new Set();
  if (p.role === 'branch') return new Set(orgs.some((o) => o.id === p.orgId) ? [p.orgId] : []);
  return subtree(orgs, p.orgId);
}

/**
 * The org a list is rooted at when the caller names none: the top org (the committee, or a group's top committee) for
 * an admin, the key's own org otherwise.
 */
export function defaultRoot(p: Principal, orgs: readonly Org[]): string | null {
  if (p.role !== 'admin') return p.orgId;
  return orgs.find((o) => o.parentId === null)?.id ?? orgs.find((o) => o.level === 'committee')?.id ?? null;
}
