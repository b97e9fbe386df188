// The one rule every published rate follows: no denominator, no rate.
// A 0/0 shown as 0 % or 100 % would read as a real result, so it is null ("—" on dashboards).

export function rate(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

/** Mean of the values, null for an empty list (same reasoning as `rate`). */
export function mean(values: readonly number[]): number | null {
  let sum = 0;
  for (const v of values) sum += v;
  return rate(sum, values.length);
}
