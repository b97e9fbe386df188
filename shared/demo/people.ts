// Chinese personal names for the demo: a surname and a one- or two-character given name.
import { GIVEN_CHARS, SURNAMES } from './names';
import type { Rng } from './random';

export function personName(rng: Rng): string {
  const given = rng.chance(0.7) ? `${rng.pick(GIVEN_CHARS)}${rng.pick(GIVEN_CHARS)}` : rng.pick(GIVEN_CHARS);
  return `${rng.pick(SURNAMES)}${given}`;
}

/** `count` distinct names, starting with `first` when given. */
export function distinctNames(rng: Rng, count: number, first: string | null = null): string[] {
  const names: string[] = first === null ? [] : [first];
  const seen = new Set(names);
  while (names.length < count) {
    const n = personName(rng);
    if (!seen.has(n)) {
      seen.add(n);
      names.push(n);
    }
  }
  return names;
}
