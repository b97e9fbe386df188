// Which members count: only active (在册) members, in every figure (shared/domain/README.md, "Words used throughout").
import type { Member } from './types';

export function activeMembers(members: readonly Member[]): Member[] {
  return members.filter((m) => m.status === 'active');
}

export function activeMemberIds(members: readonly Member[]): Set<string> {
  return new Set(activeMembers(members).map((m) => m.id));
}
