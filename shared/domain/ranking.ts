// Monthly ranking of branches within their category (standard competition ranking: 1, 2, 2, 4).
import type { Category } from './types';

export interface RankEntry {
  id: string;
  category: Category | null;
  score: number | null;
}

export interface Rank {
  rank: number;
  rankOf: number;
}

// Scores come out of divisions of decimal points, so two equal results may differ in the last bit;
// they are the same score to anyone reading the table.
const EPSILON = 1e-9;

/**
 * Ranks by score, descending, among branches of the same category that have a score.
 * Branches without a score or without a category are left out (absent from the map).
 */
export function rankBranches(entries: readonly RankEntry[]): Map<string, Rank> {
  const byCategory = new Map<Category, { id: string; score: number }[]>();
  for (const e of entries) {
    if (e.category === null || e.score === null) continue;
    const list = byCategory.get(e.category) ?? [];
    list.push({ id: e.id, score: e.score });
    byCategory.set(e.category, list);
  }
  const out = new Map<string, Rank>();
  // Sorting rather than counting better scores per branch: a national group ranks tens of thousands.
  for (const list of byCategory.values()) {
    list.sort((a, b) => b.score - a.score);
    let rank = 0;
    let previous = Number.POSITIVE_INFINITY;
    list.forEach((e, i) => {
      if (previous - e.score > EPSILON) rank = i + 1;
      previous = e.score;
      out.set(e.id, { rank, rankOf: list.length });
    });
  }
  return out;
}
