// Unit tests: Standard competition ranking within a category.
import { describe, it, expect } from 'vitest';
import { rankBranches } from '../../../shared/domain/ranking';

describe('ranking', () => {
  it('uses standard competition ranking within a category', () => {
    const r = rankBranches([
      { id: 'd', category: 'production', score: 70 },
      { id: 'a', category: 'production', score: 90 },
      { id: 'b', category: 'production', score: 80 },
      { id: 'c', category: 'production', score: 80 },
      { id: 'e', category: 'management', score: 50 },
      { id: 'f', category: 'production', score: null },
      { id: 'g', category: null, score: 100 },
    ]);
    // production: 90 → 1, 80 → 2, 80 → 2, 70 → 4, of 4 ranked (f has no score)
    expect(r.get('a')).toEqual({ rank: 1, rankOf: 4 });
    expect(r.get('b')).toEqual({ rank: 2, rankOf: 4 });
    expect(r.get('c')).toEqual({ rank: 2, rankOf: 4 });
    expect(r.get('d')).toEqual({ rank: 4, rankOf: 4 });
    // management is ranked on its own, even with a lower score
    expect(r.get('e')).toEqual({ rank: 1, rankOf: 1 });
    expect(r.has('f')).toBe(false);
    expect(r.has('g')).toBe(false);
  });

  it('treats scores equal up to float noise as a tie', () => {
    // 100 × (0.1 + 0.2) is 30.000000000000004 in floating point
    const r = rankBranches([
      { id: 'a', category: 'business', score: 100 * (0.1 + 0.2) },
      { id: 'b', category: 'business', score: 30 },
      { id: 'c', category: 'business', score: 29.9 },
    ]);
    expect(r.get('a')?.rank).toBe(1);
    expect(r.get('b')?.rank).toBe(1);
    expect(r.get('c')?.rank).toBe(3);
  });

  it('ranks nothing when nobody has a score', () => {
    expect(rankBranches([{ id: 'a', category: 'business', score: null }]).size).toBe(0);
  });
});
