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

/** Field-by-field sum of two tallies made only of counts: how every roll-up adds its branches. */
export function addCounts<T extends { [K in keyof T]: number }>(a: T, b: T): T {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof T)[]) out[k] = (a[k] + b[k]) as T[keyof T];
  return out;
}
