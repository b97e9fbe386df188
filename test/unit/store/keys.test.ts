import { describe, expect, it } from 'vitest';
import { gsi, keys } from '../../../shared/store/keys';
import { canonicalJson, contentHash } from '../../../shared/store/hash';

describe('key builders', () => {
  it('pad row numbers and versions so that keys sort in sheet and version order', () => {
    expect(keys.tabChunk('members', 7)).toBe('TAB#members#000007');
    expect(keys.tabChunk('members', 7) < keys.tabChunk('members', 252)).toBe(true);
    expect(keys.meta(9) < keys.meta(10)).toBe(true);
    expect(gsi.errorSort('b1.xlsx', '考勤', 3)).toBe('b1.xlsx#考勤#000003');
  });

  it("address a tab's chunks by tab and first row, so one tab is one prefix", () => {
    expect(keys.org('B1')).toBe('ORG#B1');
    expect(keys.tabChunk('members', 252).startsWith(keys.tabChunk('members', null))).toBe(true);
    expect(keys.tabChunk('member_scores', 2).startsWith(keys.tabChunk('members', null))).toBe(false);
  });
});

describe('content hash', () => {
  it('ignores key order and changes with any value', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1, b: 2 })).not.toBe(contentHash({ a: 1, b: 3 }));
  });
});
