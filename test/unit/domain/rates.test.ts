// Unit tests: Rates with a null for a zero denominator.
import { describe, it, expect } from 'vitest';
import { mean, rate } from '../../../shared/domain/rates';

describe('rate', () => {
  it('divides', () => {
    // 3 / 4 = 0.75
    expect(rate(3, 4)).toBe(0.75);
    expect(rate(0, 5)).toBe(0);
  });

  it('is null, never 0 or 1, when the denominator is 0', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(5, 0)).toBeNull();
  });
});

describe('mean', () => {
  it('averages and is null for no values', () => {
    // (1 + 2) / 2 = 1.5
    expect(mean([1, 2])).toBe(1.5);
    expect(mean([])).toBeNull();
  });
});
