// Quarterly airing, the annual evaluation and rolling selection (季度晾晒、年度考评、滚动评选): a quarter's or a year's
// figures from the stored monthly tallies, the red-flag and red-star indices, star ratings, benchmark branches,
// advanced members and the secretaries' monthly ratings. Pure: the months' bases are read and stored by the pipeline.
import * as z from 'zod';
import { lastDayOfMonth, monthsOfQuarter, quarterOf, yearOf } from './dates';
import { descendantBranches } from './hierarchy';
import { ratingOf } from './members';
import { rankBranches } from './ranking';
import { mean } from './rates';
import {
  metricSchema,
  monthStateSchema,
  type MonthState,
  type RedStar,
  type ResultsJson,
  type SecretaryRating,
  type WindowFigures,
  type WindowOrgFigures,
} from './results';
import { deriveFigures, sumTallies, windowTally, type OrgTally } from './tally';
import type { ConfigData, IsoDate, Month, Settings } from './types';

// ---- what each month keeps for the windows (stored with its version) ----

const counts = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number()])) as Record<K, z.ZodNumber>);

const requirement = z.object({
  type: z.enum(['members_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'study']),
  group: z.string().nullable(),
});

/** OrgTally as stored: the counts and sums every figure is derived from. */
export const orgTallySchema = z.object({
  evaluation: z
    .object({
      scoreSum: z.number(),
      scored: z.number(),
      missing: z.number(),
      reviewed: z.boolean().nullable(),
      selfGap: z.number().nullable(),
    })
    .nullable(),
  attendance: counts(['expected', 'present', 'late', 'excused', 'absent'] as const).nullable(),
  compliance: z
    .object({
      due: z.number(),
      met: z.number(),
      unmet: z.array(requirement),
      pending: z.array(requirement.extend({ orgId: z.string() })),
    })
    .nullable(),
  exam: counts(['required', 'sat', 'passed', 'scoreSum'] as const)
    .extend({ quarter: z.string() })
    .nullable(),
  rectification: counts(['found', 'closed', 'due', 'onTime', 'overdue'] as const).nullable(),
  projects: counts([
    'count',
    'scored',
    'outstanding',
    'milestonesDue',
    'milestonesOnTime',
    'complete',
  ] as const).nullable(),
  members: counts([
    'count',
    'excellent',
    'qualified',
    'basicallyQualified',
    'unqualified',
    'vetoed',
    'totalSum',
  ] as const).nullable(),
  incomplete: z.array(metricSchema),
  incompleteBranches: z.number(),
}) satisfies z.ZodType<OrgTally>;

/** What one branch contributes to its windows from one month. */
export const branchMonthSchema = z.object({
  orgId: z.string(),
  tally: orgTallySchema,
  grade: z.enum(['excellent', 'good', 'pass', 'fail']).nullable(),
  /** Members listed as lapsed that month. */
  lapsed: z.number(),
});
export type BranchMonth = z.infer<typeof branchMonthSchema>;

/** One active member's total for one month (0 when vetoed). */
export const memberMonthSchema = z.object({
  orgId: z.string(),
  memberId: z.string(),
  name: z.string(),
  total: z.number(),
  vetoed: z.boolean(),
});
export type MemberMonth = z.infer<typeof memberMonthSchema>;

/** A month's basis for its quarter and year: kept with each stored version, read back by later months. */
export const monthBasisSchema = z.object({
  period: z.string(),
  asOf: z.string(),
  state: monthStateSchema,
  branches: z.array(branchMonthSchema),
  members: z.array(memberMonthSchema),
});
export type MonthBasis = z.infer<typeof monthBasisSchema>;

/**
 * The basis of a month stored before bases were kept, rebuilt from its stored results (never from today's records, so
 * a published month stays as published): the counts are in the figures; an exam's or members' sum of scores is the
 * average times the count.
 */
export function basisFromResults(r: ResultsJson): MonthBasis {
  const lapsed = new Map<string, number>();
  for (const m of r.membersAtRisk) if (m.lapsed) lapsed.set(m.orgId, (lapsed.get(m.orgId) ?? 0) + 1);
  return {
    period: r.period,
    asOf: r.asOf,
    state: r.state,
    branches: r.orgs
      .filter((o) => o.level === 'branch')
      .map((o) => ({
        orgId: o.id,
        grade: o.evaluation?.grade ?? null,
        lapsed: lapsed.get(o.id) ?? 0,
        tally: {
          evaluation:
            o.evaluation === null
              ? null
              : {
                  scoreSum: o.evaluation.score ?? 0,
                  scored: o.evaluation.score === null ? 0 : 1,
                  missing: o.evaluation.missing,
                  reviewed: o.evaluation.reviewed,
                  selfGap: o.evaluation.selfGap,
                },
          attendance:
            o.attendance === null
              ? null
              : {
                  expected: o.attendance.expected,
                  present: o.attendance.present,
                  late: o.attendance.late,
                  excused: o.attendance.excused,
                  absent: o.attendance.absent,
                },
          compliance:
            o.compliance === null
              ? null
              : {
                  due: o.compliance.due,
                  met: o.compliance.met,
                  unmet: o.compliance.unmet,
                  pending: o.compliance.pending,
                },
          exam:
            o.exam === null
              ? null
              : {
                  quarter: o.exam.quarter,
                  required: o.exam.required,
                  sat: o.exam.sat,
                  passed: o.exam.passed,
                  scoreSum: (o.exam.average ?? 0) * o.exam.sat,
                },
          rectification:
            o.rectification === null
              ? null
              : {
                  found: o.rectification.found,
                  closed: o.rectification.closed,
                  due: o.rectification.due,
                  onTime: o.rectification.onTime,
                  overdue: o.rectification.overdue,
                },
          projects:
            o.projects === null
              ? null
              : {
                  count: o.projects.count,
                  scored: o.projects.scored,
                  outstanding: o.projects.outstanding,
                  milestonesDue: o.projects.milestonesDue,
                  milestonesOnTime: o.projects.milestonesOnTime,
                  complete: o.projects.complete,
                },
          members:
            o.members === null
              ? null
              : {
                  count: o.members.count,
                  excellent: o.members.excellent,
                  qualified: o.members.qualified,
                  basicallyQualified: o.members.basicallyQualified,
                  unqualified: o.members.unqualified,
                  vetoed: o.members.vetoed,
                  totalSum: (o.members.average ?? 0) * o.members.count,
                },
          incomplete: [...o.incomplete],
          incompleteBranches: o.incompleteBranches,
        },
      })),
    members: r.memberScores.map((m) => ({
      orgId: m.orgId,
      memberId: m.memberId,
      name: m.name,
      total: m.total,
      vetoed: m.vetoed,
    })),
  };
}

// ---- which windows, which months ----

/** The quarter and the year that contain the period, the quarter first. */
export function windowsOf(period: Month): string[] {
  return [quarterOf(period), String(yearOf(period))];
}

/** The window's months up to and including the period. */
export function windowMonths(window: string, period: Month): Month[] {
  const all = /^\d{4}$/.test(window)
    ? Array.from({ length: 12 }, (_, i) => `${window}-${String(i + 1).padStart(2, '0')}`)
    : monthsOfQuarter(window);
  return all.filter((m) => m <= period);
}

function lastMonthOf(window: string): Month {
  return /^\d{4}$/.test(window) ? `${window}-12` : (monthsOfQuarter(window)[2] ?? window);
}

/**
 * A window is in progress until the as-of date reaches its last day; after that it is published once every one of its
 * months is, and under evaluation before.
 */
export function windowState(window: string, asOf: IsoDate, months: readonly MonthBasis[]): MonthState {
  if (asOf < lastDayOfMonth(lastMonthOf(window))) return 'in_progress';
  const all = windowMonths(window, lastMonthOf(window));
  const published = new Set(months.filter((m) => m.state === 'published').map((m) => m.period));
  return all.every((m) => published.has(m)) ? 'published' : 'evaluating';
}

// ---- selections ----

/** How many of n are selected at a share: ⌈share × n⌉, with a share's binary rounding (0.1 × 30) not adding one. */
export function selectionSize(share: number, n: number): number {
  return Math.max(0, Math.ceil(share * n - 1e-9));
}

/**
 * The best `size` entries by value, descending, ties at the cut all included (so more may be selected than `size`).
 */
export function bestWithTies<T>(entries: readonly T[], value: (e: T) => number, size: number): T[] {
  if (size <= 0) return [];
  const sorted = [...entries].sort((a, b) => value(b) - value(a));
  const cut = sorted[size - 1];
  if (cut === undefined) return sorted;
  const bar = value(cut) - 1e-9;
  return sorted.filter((e) => value(e) >= bar);
}

/** 星级: 5 stars at an annual fortress index ≥ star_5, 4 ≥ star_4, 3 ≥ star_3, 2 ≥ star_2, else 1. */
export function starsOf(index: number, settings: Settings): number {
  const s = settings.stars;
  if (index >= s.five) return 5;
  if (index >= s.four) return 4;
  if (index >= s.three) return 3;
  if (index >= s.two) return 2;
  return 1;
}

// ---- one window ----

export interface WindowInput {
  window: string;
  asOf: IsoDate;
  config: ConfigData;
  /** The window's months that have figures, oldest first, the period's own last. */
  months: readonly MonthBasis[];
  /** Each branch's active members as of the period, in roster order (who may be selected, and m for the share). */
  activeMembers: ReadonlyMap<string, readonly string[]>;
}

export function computeWindow(input: WindowInput): WindowFigures {
  const { window, config, months } = input;
  const { settings } = config;
  const isYear = /^\d{4}$/.test(window);
  const byMonth = months.map((m) => ({
    month: m.period,
    state: m.state,
    of: new Map(m.branches.map((b) => [b.orgId, b])),
  }));

  const tallies = new Map<string, OrgTally>();
  const eligible = new Set<string>();
  for (const org of config.orgs) {
    if (org.level !== 'branch') continue;
    const own = byMonth.flatMap((m) => {
      const b = m.of.get(org.id);
      return b === undefined ? [] : [{ month: m.month, tally: b.tally, grade: b.grade, lapsed: b.lapsed }];
    });
    const tally = windowTally(own, window);
    tallies.set(org.id, tally);
    if (tally.incomplete.length === 0 && own.every((m) => m.grade !== 'fail' && m.lapsed === 0)) eligible.add(org.id);
  }

  const descendants = descendantBranches(config.orgs);
  const orgs: WindowOrgFigures[] = config.orgs.map((org) => {
    const own = tallies.get(org.id);
    const under = descendants.get(org.id) ?? [];
    const tally =
      own ??
      withMonthlyMeanScore(
        sumTallies(
          under.flatMap((id) => tallies.get(id) ?? []),
          window,
        ),
        byMonth,
        under,
      );
    const figures = deriveFigures(tally, settings);
    const branch = org.level === 'branch';
    return {
      id: org.id,
      name: org.name,
      level: org.level,
      category: org.category,
      parentId: org.parentId,
      ...figures,
      months: months.length,
      redFlag: branch ? figures.fortressIndex : null,
      stars: branch && isYear && figures.fortressIndex !== null ? starsOf(figures.fortressIndex, settings) : null,
      benchmark: branch ? false : null,
    };
  });

  const branches = orgs.filter((o) => o.level === 'branch');
  const ranks = rankBranches(
    branches.map((o) => ({ id: o.id, category: o.category, score: o.evaluation?.score ?? null })),
  );
  for (const o of branches) {
    const r = ranks.get(o.id);
    if (r !== undefined && o.evaluation !== null) {
      o.evaluation.rank = r.rank;
      o.evaluation.rankOf = r.rankOf;
    }
  }
  // 标杆党支部: within each category of n branches, the best ⌈share × n⌉ eligible by red-flag index, ties included.
  for (const category of ['production', 'management', 'business'] as const) {
    const all = branches.filter((o) => o.category === category);
    const candidates = all.filter((o) => eligible.has(o.id) && o.redFlag !== null);
    for (const o of bestWithTies(candidates, (c) => c.redFlag ?? 0, selectionSize(settings.benchmarkShare, all.length)))
      o.benchmark = true;
  }

  const { members, advanced } = redStars(input);
  const advancedMembers = advanced.map(({ rating: _r, advanced: _a, ...m }) => m);

  return {
    window,
    kind: isYear ? 'year' : 'quarter',
    state: windowState(window, input.asOf, months),
    asOf: input.asOf,
    months: months.map((m) => m.period),
    orgs,
    advancedMembers,
    members,
    secretaries: secretaryRatings(config, byMonth),
  };
}

/**
 * A roll-up's window score is the mean of its monthly scores, as for a branch: each month's score is the mean of its
 * branches' scores that month (shared/domain/README.md, "Roll-ups"), and the window averages the months that have one.
 */
function withMonthlyMeanScore(
  tally: OrgTally,
  byMonth: readonly { of: ReadonlyMap<string, BranchMonth> }[],
  branches: readonly string[],
): OrgTally {
  if (tally.evaluation === null) return tally;
  let sum = 0;
  let months = 0;
  for (const m of byMonth) {
    let monthSum = 0;
    let scored = 0;
    for (const id of branches) {
      const e = m.of.get(id)?.tally.evaluation;
      if (e === null || e === undefined) continue;
      monthSum += e.scoreSum;
      scored += e.scored;
    }
    if (scored === 0) continue;
    sum += monthSum / scored;
    months += 1;
  }
  return { ...tally, evaluation: { ...tally.evaluation, scoreSum: sum, scored: months } };
}

/**
 * 红星指数 of every active member with a score in the window, in roster order; 先进党员 marked: in each branch of m active
 * members, those at member_excellent or above with no veto, the best ⌈advanced_share × m⌉ (ties at the cut included).
 */
function redStars(input: WindowInput): { members: RedStar[]; advanced: RedStar[] } {
  const { settings } = input.config;
  const monthly = new Map<string, MemberMonth[]>();
  for (const m of input.months)
    for (const row of m.members) {
      const key = `${row.orgId}\u0000${row.memberId}`;
      const list = monthly.get(key) ?? [];
      list.push(row);
      monthly.set(key, list);
    }
  const members: RedStar[] = [];
  const advanced: RedStar[] = [];
  for (const org of input.config.orgs) {
    const active = input.activeMembers.get(org.id) ?? [];
    const own: RedStar[] = [];
    for (const memberId of active) {
      const rows = monthly.get(`${org.id}\u0000${memberId}`) ?? [];
      const index = mean(rows.map((r) => r.total));
      if (index === null) continue;
      own.push({
        orgId: org.id,
        memberId,
        name: rows[rows.length - 1]?.name ?? memberId,
        redStar: index,
        months: rows.length,
        vetoes: rows.filter((r) => r.vetoed).length,
        rating: ratingOf(index, false, settings),
        advanced: false,
      });
    }
    const candidates = own.filter((m) => m.vetoes === 0 && m.redStar >= settings.memberExcellent);
    const chosen = bestWithTies(candidates, (m) => m.redStar, selectionSize(settings.advancedShare, active.length));
    for (const m of chosen) m.advanced = true;
    members.push(...own);
    advanced.push(...chosen);
  }
  return { members, advanced };
}

/** 书记月度绩效: each branch's secretary (from the roster) gets the branch's grade of each month of the window. */
function secretaryRatings(
  config: ConfigData,
  byMonth: readonly { month: Month; of: ReadonlyMap<string, { grade: BranchMonth['grade'] }> }[],
): SecretaryRating[] {
  const out: SecretaryRating[] = [];
  for (const org of config.orgs) {
    if (org.level !== 'branch') continue;
    for (const m of byMonth)
      out.push({
        orgId: org.id,
        name: org.secretary,
        type: org.secretaryType,
        month: m.month,
        grade: m.of.get(org.id)?.grade ?? null,
      });
  }
  return out;
}

/**
 * The quarter and the year that contain the period: each from the stored bases of its earlier months (a month with
 * no stored figures is not counted) and the period's own basis.
 */
export function computeWindows(input: {
  period: Month;
  asOf: IsoDate;
  config: ConfigData;
  earlier: readonly MonthBasis[];
  own: MonthBasis;
  activeMembers: ReadonlyMap<string, readonly string[]>;
}): WindowFigures[] {
  const byPeriod = new Map(input.earlier.map((b) => [b.period, b]));
  return windowsOf(input.period).map((window) =>
    computeWindow({
      window,
      asOf: input.asOf,
      config: input.config,
      months: windowMonths(window, input.period).flatMap((m) =>
        m === input.period ? [input.own] : (byPeriod.get(m) ?? []),
      ),
      activeMembers: input.activeMembers,
    }),
  );
}
