// The organisation's tree: one committee, general branches with their branches, a few branches directly under the
// committee.
import type { Category, SecretaryType } from '../domain/types';
import { BUSINESS_UNITS, DEPARTMENTS, GENERAL_BRANCH_NAMES, ORDINALS, PLACES, PROVINCES } from './names';
import { personName } from './people';
import type { Rng } from './random';

export interface Unit {
  id: string;
  name: string;
  secretary: string;
  secretaryType: SecretaryType;
}

export interface BranchUnit extends Unit {
  category: Category;
  parentId: string;
  /** A supply station (供电所): a production branch whose category cell may say 供电所. */
  station: boolean;
  /** The file name the roster's 表格 column gives. */
  file: string;
}

export interface Structure {
  committee: Unit;
  generals: (Unit & { theme: Category })[];
  branches: BranchUnit[];
}

const CATEGORIES: readonly Category[] = ['production', 'management', 'business'];
const THEMES: readonly Category[] = ['production', 'management', 'business', 'production'];

/** Every name a branch of the category could have, in a shuffled order. */
function candidates(rng: Rng, category: Category): string[] {
  const places = rng.shuffle(PLACES);
  const ords = ORDINALS;
  switch (category) {
    case 'production':
      return rng.shuffle([
        ...places.map((p) => `${p}供电所党支部`),
        ...places.slice(0, 15).map((p) => `变电运维${p}站党支部`),
        ...ords.map((o) => `运维检修${o}班党支部`),
        ...ords.map((o) => `输电运检${o}班党支部`),
        ...ords.map((o) => `配电运检${o}班党支部`),
        ...places.slice(15, 30).map((p) => `${p}调控分中心党支部`),
      ]);
    case 'management':
      return [
        ...rng.shuffle(DEPARTMENTS.map((d) => `${d}党支部`)),
        ...places.map((p) => `${p}供电公司机关党支部`),
        ...places.map((p) => `${p}供电公司综合党支部`),
      ];
    case 'business':
      return [
        ...rng.shuffle(BUSINESS_UNITS.map((u) => `${u}党支部`)),
        ...places.map((p) => `${p}客户服务中心党支部`),
        ...places.map((p) => `${p}营业厅党支部`),
      ];
  }
}

class Namer {
  private readonly used = new Set<string>();
  private readonly pools = new Map<Category, string[]>();
  constructor(private readonly rng: Rng) {}

  next(category: Category): string {
    const pool = this.pools.get(category) ?? candidates(this.rng, category);
    this.pools.set(category, pool);
    for (let name = pool.shift(); name !== undefined; name = pool.shift())
      if (!this.used.has(name)) return this.take(name);
    for (let n = 2; ; n++) {
      const name = `${this.rng.pick(PLACES)}第${n}党支部`;
      if (!this.used.has(name)) return this.take(name);
    }
  }

  general(theme: Category, i: number): string {
    const fixed = GENERAL_BRANCH_NAMES[theme].find((n) => !this.used.has(n));
    return this.take(fixed ?? `${PLACES[i % PLACES.length] ?? ''}供电中心第${i + 1}党总支`);
  }

  private take(name: string): string {
    this.used.add(name);
    return name;
  }
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

/**
 * How many branches each general branch gets: about even, with a little variation (never taking a general branch below
 * two).
 */
function split(rng: Rng, total: number, parts: number): number[] {
  const sizes = Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
  for (let k = 0; k < parts; k++) {
    const [a, b] = [rng.int(0, parts - 1), rng.int(0, parts - 1)];
    if (a !== b && (sizes[a] ?? 0) > 2) {
      sizes[a] = (sizes[a] ?? 0) - 1;
      sizes[b] = (sizes[b] ?? 0) + 1;
    }
  }
  return sizes;
}

/** `ids`: a group's committee keeps its own id, and prefixes every other org's (org ids are unique across a group). */
export function buildStructure(
  rng: Rng,
  count: number,
  ids: { committee: string; prefix: string } | null = null,
): Structure {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`branches must be a whole number of at least 1: ${count}`);
  const namer = new Namer(rng);
  const committee: Unit = {
    id: ids?.committee ?? 'DW',
    name: `${rng.pick(PROVINCES)}省电力有限公司党委`,
    secretary: personName(rng),
    secretaryType: 'full_time',
  };
  const generalCount = count >= 4 ? Math.max(1, Math.round(count / 7.5)) : 0;
  const direct = generalCount === 0 ? count : Math.max(1, Math.min(count - generalCount, Math.round(count * 0.07)));
  const generals = Array.from({ length: generalCount }, (_, i): Structure['generals'][number] => {
    const theme = THEMES[i % THEMES.length] as Category;
    const secretaryType: SecretaryType = rng.chance(0.8) ? 'full_time' : 'part_time';
    return {
      id: `${ids?.prefix ?? ''}ZZ${String(i + 1).padStart(2, '0')}`,
      name: namer.general(theme, i),
      theme,
      secretary: personName(rng),
      secretaryType,
    };
  });
  const parents: { parentId: string; theme: Category | null }[] = [];
  split(rng, count - direct, generalCount).forEach((size, i) => {
    const g = generals[i];
    if (g) for (let k = 0; k < size; k++) parents.push({ parentId: g.id, theme: g.theme });
  });
  for (let k = 0; k < direct; k++) parents.push({ parentId: committee.id, theme: null });
  const categories = parents.map((p) =>
    p.theme !== null && rng.chance(0.75)
      ? p.theme
      : rng.weighted([
          ['production', 5],
          ['management', 2.5],
          ['business', 2.5],
        ] as const),
  );
  // All three categories appear whenever there are three branches to give them to.
  CATEGORIES.forEach((c, i) => {
    if (!categories.includes(c) && i < categories.length) categories[categories.length - 1 - i] = c;
  });
  const branches = parents.map((p, i): BranchUnit => {
    const category = categories[i] as Category;
    const name = namer.next(category);
    const id = `${ids?.prefix ?? ''}B${pad(i + 1)}`;
    return {
      id,
      name,
      category,
      parentId: p.parentId,
      station: name.includes('供电所'),
      file: `${id}-${name}.xlsx`,
      secretary: personName(rng),
      secretaryType: rng.chance(0.2) ? 'full_time' : 'part_time',
    };
  });
  return { committee, generals, branches };
}
