import { describe, expect, it } from 'vitest';
import { gsi, keys } from '../../../shared/store/keys';
import { canonicalJson, contentHash } from '../../../shared/store/hash';

describe('key builders', () => {
  it('pad row numbers and versions so that keys sort in sheet and version order', () => {
    expect(keys.rawRow('党员', 7)).toBe('RAW#党员#000007');
    expect(keys.rawRow('党员', 7) < keys.rawRow('党员', 12)).toBe(true);
    expect(keys.meta(9) < keys.meta(10)).toBe(true);
    expect(gsi.errorSort('b1.xlsx', '考勤', 3)).toBe('b1.xlsx#考勤#000003');
  });

  it('address records by kind and id', () => {
    expect(keys.org('B1')).toBe('ORG#B1');
    expect(keys.record('members', 'M1')).toBe('REC#members#M1');
    expect(keys.record('members', 'M1').startsWith(keys.record('members', ''))).toBe(true);
  });
});

describe('content hash', () => {
  it('ignores key order and changes with any value', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1, b: 2 })).not.toBe(contentHash({ a: 1, b: 3 }));
  });
});
