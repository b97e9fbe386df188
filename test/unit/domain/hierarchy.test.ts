// Unit tests: Which branches each general branch and committee covers.
import { describe, it, expect } from 'vitest';
import { descendantBranches } from '../../../shared/domain/hierarchy';
import { org } from './build';

describe('descendant branches', () => {
  it('finds branches at any depth, in roster order', () => {
    const orgs = [
      org('C', 'committee', null),
      org('G', 'general_branch', 'C'),
      org('b2', 'branch', 'G', 'production'),
      org('b1', 'branch', 'C', 'production'),
      org('b3', 'branch', 'G', 'business'),
      org('E', 'general_branch', 'C'), // no branches
    ];
    const d = descendantBranches(orgs);
    expect(d.get('C')).toEqual(['b2', 'b1', 'b3']);
    expect(d.get('G')).toEqual(['b2', 'b3']);
    expect(d.get('E')).toEqual([]);
    expect(d.get('b1')).toEqual(['b1']);
  });

  it('survives a parent cycle in a broken roster', () => {
    const orgs = [org('G1', 'general_branch', 'G2'), org('G2', 'general_branch', 'G1'), org('b', 'branch', 'G1')];
    expect(descendantBranches(orgs).get('G2')).toEqual(['b']);
  });
});
