// Quarterly airing and the annual evaluation on a small organisation, every expectation computed by hand from monthly
// tallies written out below (not from the code's output):
//
//   W 党委 ─┬─ Z1 党总支 ─┬─ B1 production   secretary 张三 (专职)
//           │             ├─ B2 production
//           │             └─ B3 production
//           └─ B4 management (directly under the committee)
import { describe, expect, it } from 'vitest';
import type { OrgTally } from '../../../shared/domain/tally';
import type { Grade, Settings } from '../../../shared/domain/types';
import {
  basisFromResults,
  bestWithTies,
  computeWindow,
  computeWindows,
  selectionSize,
  starsOf,
  windowMonths,
  windowsOf,
  windowState,
  type MonthBasis,
  type MemberMonth,
} from '../../../shared/domain/windows';
import type { WindowFigures } from '../../../shared/domain/results';
import { config, org, settings } from './build';

const orgs = [
  org('W', 'committee', null),
  org('Z1', 'general_branch', 'W'),
  { ...org('B1', 'branch', 'Z1', 'production'), secretary: '张三', secretaryType: 'full_time' as const },
  org('B2', 'branch', 'Z1', 'production'),
  org('B3', 'branch', 'Z1', 'production'),
  org('B4', 'branch', 'W', 'management'),
];

interface Month {
  score: number | null;
  att: [expected: number, present: number, late: number, excused: number, absent: number];
  comp: [due: number, met: number];
  exam: [required: number, sat: number, passed: number, scoreSum: number];
  rect: [found: number, closed: number];
  members?: [count: number, totalSum: number];
}

function tally(quarter: string, m: Month, incomplete: OrgTally['incomplete'] = []): OrgTally {
  const [expected, present, late, excused, absent] = m.att;
  const [required, sat, passed, scoreSum] = m.exam;
  const [count, totalSum] = m.members ?? [0, 0];
  const t: OrgTally = {
    evaluation: { scoreSum: m.score ?? 0, scored: m.score === null ? 0 : 1, missing: 0, reviewed: true, selfGap: 0 },
    attendance: { expected, present, late, excused, absent },
    compliance: { due: m.comp[0], met: m.comp[1], unmet: [], pending: [] },
    exam: { quarter, required, sat, passed, scoreSum },
    rectification: { found: m.rect[0], closed: m.rect[1], due: 0, onTime: 0, overdue: 0 },
    projects: { count: 1, scored: 0, outstanding: 0, milestonesDue: 0, milestonesOnTime: 0, complete: 0 },
    members: { count, excellent: 0, qualified: count, basicallyQualified: 0, unqualified: 0, vetoed: 0, totalSum },
    incomplete,
    incompleteBranches: incomplete.length > 0 ? 1 : 0,
  };
  for (const metric of incomplete) (t as unknown as Record<string, null>)[metric] = null;
  return t;
}

const even: Month = { score: 80, att: [10, 8, 0, 0, 2], comp: [3, 3], exam: [10, 10, 8, 800], rect: [2, 2] };

// B1: scores 90, 80, 100 → mean 90. Attendance 40 expected, 33 present + 1 late → 0.85. Compliance 10 of 11.
// Exam: March's Q1 tally (9 of 10 passed → 0.9), never the sum of three months. Rectification: March's, 3 of 4 → 0.75.
// Fortress = 0.4·90 + 0.2·85 + 0.1·(1000/11) + 0.2·75 + 0.1·90 = 36 + 17 + 9.0909… + 15 + 9 = 86.0909…
const B1: Month[] = [
  { score: 90, att: [10, 8, 1, 0, 1], comp: [3, 3], exam: [10, 5, 4, 400], rect: [1, 0], members: [5, 450] },
  { score: 80, att: [10, 10, 0, 0, 0], comp: [3, 2], exam: [10, 8, 7, 680], rect: [2, 1], members: [5, 400] },
  { score: 100, att: [20, 15, 0, 2, 3], comp: [5, 5], exam: [10, 10, 9, 870], rect: [4, 3], members: [5, 500] },
];
const B1_FORTRESS = 86 + 1 / 11;
// B2: the same three months as B1 in another order: the same window figures, so a tie with B1.
const B2: Month[] = [B1[1] as Month, B1[0] as Month, B1[2] as Month];
// B3: every month 100 on everything (fortress 100), but a member listed as lapsed in January: never a benchmark.
const perfect: Month = { score: 100, att: [10, 10, 0, 0, 0], comp: [3, 3], exam: [10, 10, 10, 1000], rect: [1, 1] };

function members(orgId: string, totals: Record<string, (number | 'veto')[]>, month: number): MemberMonth[] {
  return Object.entries(totals).flatMap(([memberId, list]) => {
    const t = list[month];
    if (t === undefined) return [];
    return [{ orgId, memberId, name: `name-${memberId}`, total: t === 'veto' ? 0 : t, vetoed: t === 'veto' }];
  });
}

// B1's members: m1 95 ×3 → 95; m2 100, veto, 100 → 66.67 with a veto; m3 and m4 92 ×3; m5 80 ×3; m6 transferred out.
const B1_MEMBERS: Record<string, (number | 'veto')[]> = {
  m1: [95, 95, 95],
  m2: [100, 'veto', 100],
  m3: [92, 92, 92],
  m4: [92, 92, 92],
  m5: [80, 80, 80],
  m6: [100, 100, 100],
};

function q1(grades: Partial<Record<string, Grade[]>> = {}): MonthBasis[] {
  return ['2026-01', '2026-02', '2026-03'].map((period, i) => ({
    period,
    asOf: `${period}-${i === 1 ? 28 : 31}`,
    state: 'evaluating' as const,
    branches: [
      { orgId: 'B1', tally: tally('2026Q1', B1[i] as Month), grade: grades.B1?.[i] ?? 'good', lapsed: 0 },
      { orgId: 'B2', tally: tally('2026Q1', B2[i] as Month), grade: 'good' as const, lapsed: 0 },
      { orgId: 'B3', tally: tally('2026Q1', perfect), grade: 'excellent' as const, lapsed: i === 0 ? 1 : 0 },
      // B4: its exam tab broke in February.
      {
        orgId: 'B4',
        tally: tally('2026Q1', even, i === 1 ? ['exam'] : []),
        grade: 'good' as const,
        lapsed: 0,
      },
    ],
    members: members('B1', B1_MEMBERS, i),
  }));
}

const active = new Map<string, string[]>([
  ['B1', ['m1', 'm2', 'm3', 'm4', 'm5']],
  ['B2', []],
  ['B3', []],
  ['B4', []],
]);

function window(w: string, months: MonthBasis[], s: Settings = settings, asOf = '2026-03-31'): WindowFigures {
  return computeWindow({ window: w, asOf, config: config({ orgs, settings: s }), months, activeMembers: active });
}

const of = (w: WindowFigures, id: string) => {
  const o = w.orgs.find((x) => x.id === id);
  if (o === undefined) throw new Error(`no ${id}`);
  return o;
};

describe('the windows of a period', () => {
  it('are its quarter and its year, each up to the period', () => {
    expect(windowsOf('2026-05')).toEqual(['2026Q2', '2026']);
    expect(windowMonths('2026Q2', '2026-05')).toEqual(['2026-04', '2026-05']);
    expect(windowMonths('2026', '2026-03')).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('are in progress until the as-of date reaches the last day, then published only when every month is', () => {
    const months = q1();
    expect(windowState('2026Q1', '2026-03-30', months)).toBe('in_progress');
    expect(windowState('2026Q1', '2026-03-31', months)).toBe('evaluating');
    const published = months.map((m) => ({ ...m, state: 'published' as const }));
    expect(windowState('2026Q1', '2026-04-02', published)).toBe('published');
    expect(windowState('2026Q1', '2026-04-02', published.slice(1))).toBe('evaluating');
  });
});

describe('a quarter (2026Q1, as of 31 March)', () => {
  const w = window('2026Q1', q1());
  const b1 = of(w, 'B1');

  it('scores a branch by the mean of its monthly scores and its rates from summed tallies, never a mean of rates', () => {
    expect(b1.months).toBe(3);
    expect(b1.evaluation?.score).toBeCloseTo(90, 12);
    expect(b1.evaluation?.grade).toBe('excellent');
    expect(b1.attendance).toMatchObject({ expected: 40, present: 33, late: 1, excused: 2, absent: 4 });
    expect(b1.attendance?.rate).toBeCloseTo(0.85, 12);
    // A mean of the monthly rates would be (0.9 + 1 + 0.75) / 3 = 0.8833.
    expect(b1.compliance).toMatchObject({ due: 11, met: 10 });
    expect(b1.compliance?.rate).toBeCloseTo(10 / 11, 12);
    expect(b1.members).toMatchObject({ count: 15 });
    expect(b1.members?.average).toBeCloseTo(1350 / 15, 12);
  });

  it('takes the exam from the quarter’s latest month and rectification as of the last month', () => {
    expect(b1.exam).toMatchObject({ quarter: '2026Q1', required: 10, sat: 10, passed: 9 });
    expect(b1.exam?.average).toBeCloseTo(87, 12);
    expect(b1.rectification).toMatchObject({ found: 4, closed: 3 });
  });

  it('gives a branch its red-flag index (its window fortress index) and ranks within category', () => {
    expect(b1.fortressIndex).toBeCloseTo(B1_FORTRESS, 9);
    expect(b1.redFlag).toBeCloseTo(B1_FORTRESS, 9);
    // B1 and B2 tie at 90; B3 has 100.
    expect(of(w, 'B3').evaluation).toMatchObject({ rank: 1, rankOf: 3 });
    expect(of(w, 'B1').evaluation).toMatchObject({ rank: 2, rankOf: 3 });
    expect(of(w, 'B2').evaluation).toMatchObject({ rank: 2, rankOf: 3 });
    expect(of(w, 'B4').evaluation).toMatchObject({ rank: 1, rankOf: 1 });
    expect(b1.stars).toBeNull(); // stars are for the year
  });

  it('leaves a branch with a month of a broken tab without an index, and counts it in its roll-up', () => {
    const b4 = of(w, 'B4');
    expect(b4.incomplete).toEqual(['exam']);
    expect(b4.fortressIndex).toBeNull();
    expect(b4.redFlag).toBeNull();
    expect(b4.benchmark).toBe(false);
    expect(of(w, 'W').incompleteBranches).toBe(1);
  });

  it('rolls up by summed tallies: Z1 is B1 + B2 + B3, its score the mean of its monthly scores', () => {
    const z1 = of(w, 'Z1');
    // Attendance: 40 + 40 + 30 expected; 34 + 34 + 30 attended.
    expect(z1.attendance).toMatchObject({ expected: 110, present: 33 + 33 + 30, late: 2 });
    expect(z1.attendance?.rate).toBeCloseTo(98 / 110, 12);
    // Z1's monthly scores (the mean of its branches'): January (90 + 80 + 100) / 3 = 90, February 90, March 100.
    expect(z1.evaluation?.score).toBeCloseTo(280 / 3, 12);
    // W adds B4 (80 each month): January (90 + 80 + 100 + 80) / 4 = 87.5, February 87.5, March 95.
    expect(of(w, 'W').evaluation?.score).toBeCloseTo(270 / 3, 12);
    expect(z1.redFlag).toBeNull();
    expect(z1.benchmark).toBeNull();
  });

  it('selects benchmarks: ⌈0.1 × 3⌉ = 1 production branch, the tie at the cut included, none with a lapsed member', () => {
    expect(of(w, 'B1').benchmark).toBe(true);
    expect(of(w, 'B2').benchmark).toBe(true);
    expect(of(w, 'B3').benchmark).toBe(false); // the best index, but a member lapsed in January
    expect(of(w, 'B4').benchmark).toBe(false); // management's only branch is incomplete: no benchmark there
  });

  it('never selects a branch with a month graded fail', () => {
    const failed = window('2026Q1', q1({ B1: ['good', 'fail', 'good'] }));
    expect(of(failed, 'B1').benchmark).toBe(false);
    expect(of(failed, 'B2').benchmark).toBe(true);
  });

  it('gives each active member a red-star index: the mean of monthly totals, vetoed months at 0', () => {
    const m = Object.fromEntries(w.members.map((x) => [x.memberId, x]));
    expect(Object.keys(m)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']); // m6 is no longer active
    expect(m.m1).toMatchObject({ redStar: 95, months: 3, vetoes: 0, rating: 'excellent' });
    expect(m.m2?.redStar).toBeCloseTo(200 / 3, 12);
    expect(m.m2).toMatchObject({ vetoes: 1, rating: 'basicallyQualified', advanced: false });
    expect(m.m5).toMatchObject({ redStar: 80, rating: 'qualified' });
  });

  it('selects advanced members: ⌈0.2 × 5⌉ = 1 of B1, at 90 or more, no veto', () => {
    expect(w.advancedMembers).toEqual([
      { orgId: 'B1', memberId: 'm1', name: 'name-m1', redStar: 95, months: 3, vetoes: 0 },
    ]);
  });

  it('includes every member tied at the cut: ⌈0.4 × 5⌉ = 2 selects m1, then m3 and m4 tied at 92', () => {
    const wider = window('2026Q1', q1(), { ...settings, advancedShare: 0.4 });
    expect(wider.advancedMembers.map((a) => a.memberId)).toEqual(['m1', 'm3', 'm4']);
  });

  it('rates each secretary by the branch’s grade, month by month', () => {
    const b1s = w.secretaries.filter((s) => s.orgId === 'B1');
    expect(b1s).toEqual([
      { orgId: 'B1', name: '张三', type: 'full_time', month: '2026-01', grade: 'good' },
      { orgId: 'B1', name: '张三', type: 'full_time', month: '2026-02', grade: 'good' },
      { orgId: 'B1', name: '张三', type: 'full_time', month: '2026-03', grade: 'good' },
    ]);
    expect(w.secretaries).toHaveLength(4 * 3);
  });
});

describe('a year', () => {
  it('rates stars from the annual index: B1 at 86.09 has 3, B3 at 100 has 5, incomplete B4 none', () => {
    const y = window('2026', q1(), settings, '2026-03-31');
    expect(y.kind).toBe('year');
    expect(y.state).toBe('in_progress');
    expect(of(y, 'B1').stars).toBe(3);
    expect(of(y, 'B3').stars).toBe(5);
    expect(of(y, 'B4').stars).toBeNull();
    expect(of(y, 'Z1').stars).toBeNull();
  });

  it('sums the exam over its quarters, each from its own latest month', () => {
    const [jan, feb] = q1();
    const apr: MonthBasis = {
      period: '2026-04',
      asOf: '2026-04-30',
      state: 'evaluating',
      branches: [{ orgId: 'B1', tally: tally('2026Q2', { ...even, exam: [12, 6, 3, 420] }), grade: 'good', lapsed: 0 }],
      members: [],
    };
    const y = window('2026', [jan as MonthBasis, feb as MonthBasis, apr], settings, '2026-04-30');
    // Q1 from February (10 required, 8 sat, 7 passed, 680) + Q2 from April (12, 6, 3, 420).
    expect(of(y, 'B1').exam).toMatchObject({ quarter: '2026', required: 22, sat: 14, passed: 10 });
    expect(of(y, 'B1').exam?.average).toBeCloseTo(1100 / 14, 12);
  });

  it('uses the star settings', () => {
    const s = { ...settings, stars: { five: 99, four: 98, three: 97, two: 86 } };
    expect(starsOf(B1_FORTRESS, s)).toBe(2);
    expect(starsOf(85, s)).toBe(1);
    expect(starsOf(95, settings)).toBe(5);
    expect(starsOf(94.99, settings)).toBe(4);
    expect(starsOf(69.99, settings)).toBe(1);
  });
});

describe('a quarter still running (2026Q2 as of 15 April)', () => {
  it('has no score from the month in progress, and its secretaries no grade yet', () => {
    const april: MonthBasis = {
      period: '2026-04',
      asOf: '2026-04-15',
      state: 'in_progress',
      branches: [
        {
          orgId: 'B1',
          // A month in progress has no score in its tally (evaluated after it ends).
          tally: tally('2026Q2', { ...even, score: null }),
          grade: null,
          lapsed: 0,
        },
      ],
      members: [],
    };
    const w = computeWindows({
      period: '2026-04',
      asOf: '2026-04-15',
      config: config({ orgs, settings }),
      earlier: q1(),
      own: april,
      activeMembers: active,
    });
    const [quarter, year] = w;
    expect(quarter?.window).toBe('2026Q2');
    expect(quarter?.state).toBe('in_progress');
    expect(quarter?.months).toEqual(['2026-04']);
    expect(of(quarter as WindowFigures, 'B1').evaluation?.score).toBeNull();
    expect(of(quarter as WindowFigures, 'B1').attendance?.rate).toBeCloseTo(0.8, 12);
    expect(quarter?.secretaries.find((s) => s.orgId === 'B1')?.grade).toBeNull();
    // The year counts January to April: B1's score is still the mean of its three scored months.
    expect(year?.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(of(year as WindowFigures, 'B1').evaluation?.score).toBeCloseTo(90, 12);
  });
});

describe('a month stored before bases were kept', () => {
  it('gives its basis from its stored figures: counts as stored, sums of scores from average × count', () => {
    const r = {
      period: '2026-01',
      asOf: '2026-01-31',
      state: 'published' as const,
      orgs: [
        {
          ...org('B1', 'branch', 'Z1', 'production'),
          evaluation: {
            score: 90,
            grade: 'excellent' as const,
            reviewed: true,
            missing: 1,
            rank: 1,
            rankOf: 1,
            selfGap: 2,
          },
          attendance: {
            expected: 10,
            present: 8,
            late: 1,
            excused: 0,
            absent: 1,
            rate: 0.9,
            rateExcludingExcused: 0.9,
          },
          compliance: { due: 3, met: 2, rate: 2 / 3, unmet: [], pending: [] },
          exam: {
            quarter: '2026Q1',
            required: 10,
            sat: 4,
            passed: 3,
            participation: 0.4,
            passRate: 0.75,
            average: 82.5,
          },
          rectification: null,
          projects: null,
          members: {
            count: 4,
            excellent: 1,
            qualified: 3,
            basicallyQualified: 0,
            unqualified: 0,
            vetoed: 0,
            average: 80.5,
          },
          fortressIndex: null,
          incomplete: ['rectification' as const, 'projects' as const],
          incompleteBranches: 1,
        },
      ],
      membersAtRisk: [{ orgId: 'B1', memberId: 'm9', name: 'x', months: 7, lapsed: true }],
      memberScores: [
        {
          orgId: 'B1',
          memberId: 'm1',
          name: 'name-m1',
          group: null,
          total: 95,
          rating: 'excellent' as const,
          vetoed: false,
        },
      ],
    } as unknown as Parameters<typeof basisFromResults>[0];
    const b = basisFromResults(r);
    expect(b).toMatchObject({ period: '2026-01', state: 'published' });
    expect(b.branches).toEqual([
      {
        orgId: 'B1',
        grade: 'excellent',
        lapsed: 1,
        tally: {
          evaluation: { scoreSum: 90, scored: 1, missing: 1, reviewed: true, selfGap: 2 },
          attendance: { expected: 10, present: 8, late: 1, excused: 0, absent: 1 },
          compliance: { due: 3, met: 2, unmet: [], pending: [] },
          exam: { quarter: '2026Q1', required: 10, sat: 4, passed: 3, scoreSum: 330 },
          rectification: null,
          projects: null,
          members: {
            count: 4,
            excellent: 1,
            qualified: 3,
            basicallyQualified: 0,
            unqualified: 0,
            vetoed: 0,
            totalSum: 322,
          },
          incomplete: ['rectification', 'projects'],
          incompleteBranches: 1,
        },
      },
    ]);
    expect(b.members).toEqual([{ orgId: 'B1', memberId: 'm1', name: 'name-m1', total: 95, vetoed: false }]);
  });
});

describe('selection sizes', () => {
  it('is ⌈share × n⌉ without binary rounding adding one', () => {
    expect(selectionSize(0.1, 30)).toBe(3); // 0.1 × 30 is 3.0000000000000004 in binary
    expect(selectionSize(0.1, 31)).toBe(4);
    expect(selectionSize(0.1, 1)).toBe(1);
    expect(selectionSize(0.2, 0)).toBe(0);
  });

  it('keeps every entry tied at the cut', () => {
    expect(bestWithTies([5, 9, 7, 7, 3], (x) => x, 2)).toEqual([9, 7, 7]);
    expect(bestWithTies([5, 9], (x) => x, 5)).toEqual([9, 5]);
    expect(bestWithTies([5, 9], (x) => x, 0)).toEqual([]);
  });
});
