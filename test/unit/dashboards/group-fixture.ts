// A national group's (集团) month, made by hand: the group's top committee JT, committees under it (one may nest under
// another), each with `branches` branches hanging directly under it. Branch k (1-based) of the committee at index c
// (0-based) is `<committee>-B<k:4>`, of category production, management, business in turn (k = 1, 2, 3, 4, …), with
// fortress index 100 − 0.5 k − 0.1 c: within a category the lower k, the better, and at the same k the earlier
// committee. Group ranks are given as groupResults gives them (rankBranches by fortress index within category).
import { rosterOf } from '../../../shared/domain/group';
import { rankBranches } from '../../../shared/domain/ranking';
import type { OrgFigures, ResultsJson, WindowOrgFigures } from '../../../shared/domain/results';
import type { Category, Org } from '../../../shared/domain/types';
import { figures, source } from './fixture';

export const GROUP_TOP = 'JT';
const CATEGORIES: readonly Category[] = ['production', 'management', 'business'];

export interface GroupCommittee {
  id: string;
  name: string;
  parentId: string;
  /** A committee whose configuration workbook could not be used: no branches, its failure in the validation list. */
  failed?: boolean;
}

export interface GroupFixture {
  results: ResultsJson;
  /** The roster as combineGroup passes it: the committees' lines carry their configuration workbooks. */
  roster: Org[];
}

export const branchId = (committee: string, k: number) => `${committee}-B${String(k).padStart(4, '0')}`;
export const fortressOf = (k: number, c: number) => 100 - 0.5 * k - 0.1 * c;

/**
 * `members`: members per branch on the member-level lists (member scores, the year's red-star indexes); `unranked`:
 * branches left without a fortress index (an incomplete attendance tab), so without a group rank.
 */
export function groupFixture(opts: {
  committees: readonly GroupCommittee[];
  branches: number;
  members?: number;
  unranked?: readonly string[];
}): GroupFixture {
  const members = opts.members ?? 0;
  const unranked = new Set(opts.unranked ?? []);
  const orgs: OrgFigures[] = [
    figures(GROUP_TOP, '示例能源集团党委', 'committee', null, null, {
      evaluation: { score: 85, grade: 'good', missing: 0 },
      members: { count: members * opts.branches * opts.committees.length, average: 88 },
      fortressIndex: 85,
    }),
  ];
  const windowOrgs: WindowOrgFigures[] = [];
  const sources: ResultsJson['sources'] = [];
  const validation: ResultsJson['validation'] = [];
  const memberScores: ResultsJson['memberScores'] = [];
  const windowMembers: ResultsJson['windows'][number]['members'] = [];
  const asWindow = (o: OrgFigures): WindowOrgFigures => ({
    ...o,
    months: 3,
    redFlag: o.level === 'branch' ? o.fortressIndex : null,
    stars: null,
    benchmark: o.level === 'branch' ? false : null,
  });
  windowOrgs.push(asWindow(orgs[0] as OrgFigures));
  opts.committees.forEach((c, ci) => {
    const config = `${c.id}-config.xlsx`;
    const ranked = !c.failed;
    const committee = figures(c.id, c.name, 'committee', c.parentId, null, {
      evaluation: ranked ? { score: 80 + ci, grade: 'good', missing: 0 } : {},
      attendance: ranked
        ? { expected: 100, present: 80 + ci, late: 0, excused: 0, absent: 20 - ci, rate: (80 + ci) / 100 }
        : {},
      rectification: ranked ? { found: 10, closed: 9, rate: 0.9, due: 8, onTime: 6, onTimeRate: 0.75, overdue: 2 } : {},
      members: { count: ranked ? members * opts.branches : 0, average: ranked ? 90 - ci : null },
      fortressIndex: ranked ? 90 - 2 * ci : null,
    });
    orgs.push(committee);
    windowOrgs.push(asWindow(committee));
    if (c.failed) {
      validation.push({
        workbook: config,
        tab: '',
        row: null,
        column: null,
        value: '',
        message: `党委 ${c.id} 的配置表无法使用 / committee ${c.id} cannot be used`,
        messageZh: `党委 ${c.id} 的配置表无法使用，本月该党委没有数据`,
        messageEn: `the configuration workbook of committee ${c.id} cannot be used`,
        code: 'unreadable_workbook',
      });
      return;
    }
    sources.push(source(null, config, '2026-03-31T16:00:00.000Z', null, 100, 0));
    for (let k = 1; k <= opts.branches; k++) {
      const id = branchId(c.id, k);
      const broken = unranked.has(id);
      const category = CATEGORIES[(k - 1) % 3] as Category;
      const b = figures(id, `${c.name}第${k}党支部`, 'branch', c.id, category, {
        evaluation: { score: 90, grade: 'excellent', reviewed: true, missing: 0 },
        attendance: broken ? null : { expected: 10, present: 9, late: 0, excused: 0, absent: 1, rate: 0.9 },
        members: { count: members, average: 90 },
        fortressIndex: broken ? null : fortressOf(k, ci),
        incomplete: broken ? ['attendance'] : [],
      });
      orgs.push(b);
      windowOrgs.push(asWindow(b));
      const workbook = `${id}.xlsx`;
      sources.push(source(id, workbook, '2026-03-31T16:01:00.000Z', null, 50, k % 5 === 0 ? 1 : 0));
      if (k % 5 === 0)
        validation.push({
          workbook,
          tab: '考勤',
          row: 3,
          column: '日期',
          value: 'x',
          message: '无法识别“x” / cannot read "x"',
          messageZh: '无法识别“x”，应填写日期',
          messageEn: 'cannot read "x": expected a date',
          code: 'unreadable_cell',
        });
      for (let m = 1; m <= members; m++) {
        const memberId = `${id}-M${m}`;
        memberScores.push({
          orgId: id,
          memberId,
          name: `党员${m}`,
          group: null,
          total: 90,
          rating: 'excellent',
          vetoed: false,
        });
        windowMembers.push({
          orgId: id,
          memberId,
          name: `党员${m}`,
          redStar: 90,
          months: 3,
          vetoes: 0,
          rating: 'excellent',
          advanced: false,
        });
      }
    }
  });
  // A roll-up counts the incomplete branches under it, nested committees' included.
  const byId = new Map(orgs.map((o) => [o.id, o]));
  for (const id of unranked) {
    for (let p = byId.get(id)?.parentId ?? null; p !== null; p = byId.get(p)?.parentId ?? null) {
      const up = byId.get(p);
      if (up === undefined) break;
      up.incompleteBranches++;
    }
  }
  // Each committee ranks its own branches (here by the same index, so its rank is k's place in its category).
  const own = rankBranches(
    orgs.filter((o) => o.level === 'branch').map((o) => ({ id: o.id, category: o.category, score: o.fortressIndex })),
  );
  const byCommittee = new Map<string, OrgFigures[]>();
  for (const o of orgs)
    if (o.level === 'branch') byCommittee.set(o.parentId ?? '', [...(byCommittee.get(o.parentId ?? '') ?? []), o]);
  for (const list of byCommittee.values()) {
    const ranks = rankBranches(list.map((o) => ({ id: o.id, category: o.category, score: o.fortressIndex })));
    for (const o of list) {
      const r = ranks.get(o.id);
      if (o.evaluation !== null && r !== undefined) o.evaluation = { ...o.evaluation, rank: r.rank, rankOf: r.rankOf };
      const g = own.get(o.id);
      if (g !== undefined) o.groupRank = g;
    }
  }
  for (const o of windowOrgs) {
    const g = own.get(o.id);
    if (g !== undefined) o.groupRank = g;
  }
  const results: ResultsJson = {
    period: '2026-03',
    asOf: '2026-03-31',
    state: 'evaluating',
    publishedOn: null,
    generatedAt: '2026-03-31T16:30:00.000Z',
    orgs,
    overdue: [],
    membersAtRisk: [],
    dueSoon: [],
    projectList: [],
    memberScores,
    validation: [
      {
        workbook: 'group.xlsx',
        tab: '下属党委',
        row: 9,
        column: '上级编号',
        value: 'P99',
        message: '未知上级“P99” / unknown parent "P99"',
        messageZh: '未知上级“P99”',
        messageEn: 'unknown parent "P99"',
        code: 'unknown_reference',
      },
      ...validation,
    ],
    silentBranches: [],
    sources,
    changedAfterPublication: [],
    windows: [
      {
        window: '2026',
        kind: 'year',
        state: 'evaluating',
        asOf: '2026-03-31',
        months: ['2026-01', '2026-02', '2026-03'],
        orgs: windowOrgs,
        advancedMembers: [],
        members: windowMembers,
        secretaries: [],
      },
    ],
    projectsPublication: null,
  };
  // As combineGroup passes it: each committee's line names its configuration workbook.
  const roster = rosterOf(results).map((o) =>
    o.level === 'committee' && o.id !== GROUP_TOP ? { ...o, workbook: `${o.id}-config.xlsx` } : o,
  );
  return { results, roster };
}
