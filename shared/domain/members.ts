// Per-member quantitative evaluation (党员量化评价) for the period month, and its tally for roll-ups.
import type { MemberFigures, MemberScoreRow } from './results';
import { addCounts, rate } from './rates';
import type { BranchData, MemberRating, MemberScore, Month, Settings } from './types';

export interface MemberTally {
  count: number;
  excellent: number;
  qualified: number;
  basicallyQualified: number;
  unqualified: number;
  vetoed: number;
  totalSum: number; // so that a roll-up's average is Σ totals / Σ count, not a mean of averages
}

/** base + bonus − deduction, never below 0; a veto (一票否决) makes it 0. */
export function memberTotal(s: Pick<MemberScore, 'base' | 'bonus' | 'deduction' | 'veto'>): number {
  return s.veto ? 0 : Math.max(0, s.base + s.bonus - s.deduction);
}

export function ratingOf(total: number, veto: boolean, settings: Settings): MemberRating {
  if (veto) return 'unqualified';
  if (total >= settings.memberExcellent) return 'excellent';
  if (total >= settings.memberQualified) return 'qualified';
  if (total >= settings.memberBasicallyQualified) return 'basicallyQualified';
  return 'unqualified';
}

/** One row per active member with a score row for the month, in the branch's member order. */
export function memberScoreRows(data: BranchData, month: Month, settings: Settings): MemberScoreRow[] {
  const scores = new Map<string, MemberScore>();
  // The first row wins, as for duplicate ids in the contract.
  for (const s of data.memberScores) if (s.month === month && !scores.has(s.memberId)) scores.set(s.memberId, s);
  const rows: MemberScoreRow[] = [];
  for (const m of data.members) {
    const s = scores.get(m.id);
    if (m.status !== 'active' || s === undefined) continue;
    const total = memberTotal(s);
    rows.push({
      orgId: data.orgId,
      memberId: m.id,
      name: m.name,
      group: m.group,
      total,
      rating: ratingOf(total, s.veto, settings),
      vetoed: s.veto,
    });
    scores.delete(m.id); // a member listed twice is counted once
  }
  return rows;
}

export function memberTally(rows: readonly MemberScoreRow[]): MemberTally {
  const t = zeroMembers();
  for (const r of rows) {
    t.count += 1;
    t[r.rating] += 1;
    if (r.vetoed) t.vetoed += 1;
    t.totalSum += r.total;
  }
  return t;
}

export function zeroMembers(): MemberTally {
  return { count: 0, excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0, vetoed: 0, totalSum: 0 };
}

export function addMembers(a: MemberTally, b: MemberTally): MemberTally {
  return addCounts(a, b);
}

export function deriveMembers(t: MemberTally): MemberFigures {
  return {
    count: t.count,
    excellent: t.excellent,
    qualified: t.qualified,
    basicallyQualified: t.basicallyQualified,
    unqualified: t.unqualified,
    vetoed: t.vetoed,
    average: rate(t.totalSum, t.count),
  };
}
