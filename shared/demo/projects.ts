// The 项目 and 项目节点 tabs: one branch project a year, some secretary projects, each with 3–5 milestones done on time, late
// or not yet.
import { milestonesTab, projectsTab } from '../contract/tabs/branch';
import type { IsoDate, ProjectGrade, ProjectKind } from '../domain/types';
import { addDays, dateBetween, earlier, lastDayOfMonth, type Window } from './calendar';
import type { CellStyle } from './messy';
import { MILESTONES, PROJECTS } from './names';
import type { Rng } from './random';
import { columnsOf, type Row, type Table } from './table';

export interface MilestonePlan {
  name: string;
  dueOn: IsoDate;
  doneOn: IsoDate | null;
}

export interface ProjectPlan {
  id: string;
  year: number;
  name: string;
  kind: ProjectKind;
  grade: ProjectGrade;
  business: number | null;
  party: number | null;
  promotion: boolean;
  milestones: MilestonePlan[];
}

const RATINGS = [
  [5, 2],
  [4, 4],
  [3, 3],
  [2, 1],
] as const;

function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

function milestones(rng: Rng, year: number, end: IsoDate): MilestonePlan[] {
  const n = rng.int(3, 5);
  const picked = new Set(rng.sample(MILESTONES.slice(1, -1), n - 2));
  const names = MILESTONES.filter((m, i) => i === 0 || i === MILESTONES.length - 1 || picked.has(m));
  const jan1 = `${year}-01-01`;
  return names.map((name, k) => {
    const month = `${year}-${String(Math.max(1, Math.min(12, Math.round(((k + 1) * 12) / n)))).padStart(2, '0')}`;
    const dueOn = rng.chance(0.5) ? lastDayOfMonth(month) : `${month}-${rng.pick(['10', '15', '20'])}`;
    let doneOn: IsoDate | null = null;
    const x = rng.next();
    if (dueOn < end) {
      if (x < 0.75) doneOn = dateBetween(rng, later(jan1, addDays(dueOn, -20)), dueOn);
      else if (x < 0.9) doneOn = dateBetween(rng, addDays(dueOn, 1), earlier(end, addDays(dueOn, 45)));
    } else if (x < 0.15 && jan1 <= end) {
      doneOn = dateBetween(rng, later(jan1, addDays(end, -30)), end);
    }
    return { name, dueOn, doneOn };
  });
}

export function planProjects(rng: Rng, window: Window): ProjectPlan[] {
  const out: ProjectPlan[] = [];
  const endYear = Number(window.end.slice(0, 4));
  const names = rng.shuffle(PROJECTS);
  for (const year of window.years) {
    const kinds: ProjectKind[] = rng.chance(0.3) ? ['branch', 'secretary'] : ['branch'];
    kinds.forEach((kind, k) => {
      const scored = year < endYear || rng.chance(0.7);
      const business = scored ? rng.weighted(RATINGS) : null;
      const party = scored ? rng.weighted(RATINGS) : null;
      const outstanding = business !== null && party !== null && business >= 4 && party >= 4;
      out.push({
        id: `P${String(year).slice(2)}${String(k + 1).padStart(2, '0')}`,
        year,
        name: names[out.length % names.length] ?? '',
        kind,
        grade: rng.weighted([
          ['A', 1],
          ['B', 2],
          ['C', 1],
        ] as const),
        business,
        party,
        promotion: outstanding && rng.chance(0.6),
        milestones: milestones(rng, year, window.endDate),
      });
    });
  }
  return out;
}

const KIND_WORDS: Record<ProjectKind, readonly string[]> = { branch: ['支部项目'], secretary: ['书记项目'] };

export function projectsTable(projects: readonly ProjectPlan[], style: CellStyle): Table {
  return {
    columns: columnsOf(projectsTab),
    rows: projects.map((p) => ({
      id: style.id(p.id),
      year: style.num(p.year, '年'),
      name: style.text(p.name),
      kind: style.word(KIND_WORDS[p.kind], p.kind),
      grade: style.word([p.grade, `${p.grade}级`], p.grade),
      businessScore: p.business === null ? null : style.num(p.business, '分'),
      partyScore: p.party === null ? null : style.num(p.party, '分'),
      promotion: style.bool(p.promotion),
    })),
  };
}

export function milestonesTable(projects: readonly ProjectPlan[], style: CellStyle): Table {
  const rows: Row[] = projects.flatMap((p) =>
    p.milestones.map((m) => ({
      projectId: style.id(p.id),
      name: style.text(m.name),
      dueOn: style.date(m.dueOn),
      doneOn: m.doneOn === null ? null : style.date(m.doneOn),
      _year: String(p.year),
      _done: m.doneOn === null ? null : 'y',
    })),
  );
  return { columns: columnsOf(milestonesTab), rows };
}
