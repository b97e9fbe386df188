// The 季度晾晒, 年度考评 and 项目公开 tabs and the feedback's standing, from windows written out by hand.
import { describe, expect, it } from 'vitest';
import { feedbackWorkbook } from '../../../shared/dashboards/feedback';
import { cellValue } from '../../../shared/dashboards/layout';
import { summaryWorkbook } from '../../../shared/dashboards/summary';
import { FILL } from '../../../shared/dashboards/format';
import type { ProjectsPublication, ResultsJson, WindowFigures, WindowOrgFigures } from '../../../shared/domain/results';
import { asCell, rowOf, sectionRows, sheet, values } from './find';
import { COMMITTEE, figures, results, ROSTER, trend } from './fixture';

function windowOrg(o: ReturnType<typeof figures>, extra: Partial<WindowOrgFigures>): WindowOrgFigures {
  return { ...o, months: 3, redFlag: null, stars: null, benchmark: null, ...extra };
}

const b1 = figures('B1', '第一党支部', 'branch', 'Z1', 'production', {
  evaluation: { score: 91.25, grade: 'excellent', reviewed: null, missing: 0, rank: 1, rankOf: 2, selfGap: null },
  fortressIndex: 92.4,
});
const b2 = figures('B2', '第二党支部', 'branch', 'Z1', 'production', {
  evaluation: { score: 70, grade: 'pass', reviewed: null, missing: 0, rank: 2, rankOf: 2, selfGap: null },
  fortressIndex: null,
  incomplete: ['exam'],
});

function year(): WindowFigures {
  return {
    window: '2026',
    kind: 'year',
    state: 'in_progress',
    asOf: '2026-03-31',
    months: ['2026-01', '2026-02', '2026-03'],
    orgs: [
      windowOrg(COMMITTEE, {}),
      windowOrg(b1, { redFlag: 92.4, stars: 4, benchmark: true }),
      windowOrg(b2, { redFlag: null, stars: null, benchmark: false }),
    ],
    advancedMembers: [{ orgId: 'B1', memberId: 'M1', name: '张一', redStar: 95, months: 3, vetoes: 0 }],
    members: [
      {
        orgId: 'B1',
        memberId: 'M1',
        name: '张一',
        redStar: 95,
        months: 3,
        vetoes: 0,
        rating: 'excellent',
        advanced: true,
      },
      {
        orgId: 'B1',
        memberId: 'M2',
        name: '张二',
        redStar: 200 / 3,
        months: 3,
        vetoes: 1,
        rating: 'basicallyQualified',
        advanced: false,
      },
      {
        orgId: 'B2',
        memberId: 'M9',
        name: '李四',
        redStar: 80,
        months: 2,
        vetoes: 0,
        rating: 'qualified',
        advanced: false,
      },
    ],
    secretaries: ['2026-01', '2026-02', '2026-03'].map((month, i) => ({
      orgId: 'B1',
      name: '丙',
      type: 'part_time' as const,
      month,
      grade: i === 1 ? ('fail' as const) : ('good' as const),
    })),
  };
}

const publication: ProjectsPublication = {
  year: 2026,
  asOf: '2026-03-31',
  distribution: [
    { orgId: 'W1', branches: 2, covered: 1, projects: 2, gradeA: 1, gradeB: 0, gradeC: 1, ungraded: 0 },
    { orgId: 'B1', branches: 1, covered: 1, projects: 2, gradeA: 1, gradeB: 0, gradeC: 1, ungraded: 0 },
    { orgId: 'B2', branches: 1, covered: 0, projects: 0, gradeA: 0, gradeB: 0, gradeC: 0, ungraded: 0 },
  ].map((d) => ({ ...d, incomplete: 0, branchProjects: d.projects, secretaryProjects: 0, outstanding: 0 })),
  byCategory: [],
  coverage: { branches: 2, covered: 1, rate: 0.5, incomplete: 0 },
  uncovered: [{ orgId: 'B2', name: '第二党支部', parentId: 'Z1' }],
  keyRate: 0.5,
  promotions: [],
  bimonthly: {
    from: '2026-03',
    to: '2026-04',
    state: 'in_progress',
    projects: [
      {
        orgId: 'B1',
        projectId: 'P1',
        name: '项目一',
        planned: 3,
        due: 2,
        done: 1,
        onTime: 1,
        late: 0,
        open: 2,
        overdue: 1,
      },
    ],
    units: [{ orgId: 'W1', planned: 3, due: 2, done: 1, onTime: 1, late: 0, open: 2, overdue: 1 }],
  },
};

function withWindows(): ResultsJson {
  const quarter: WindowFigures = { ...year(), window: '2026Q1', kind: 'quarter', state: 'evaluating' };
  return { ...results(), windows: [quarter, year()], projectsPublication: publication };
}

const summary = () => summaryWorkbook({ results: withWindows(), trend: trend(), orgs: ROSTER, lang: 'zh' });

describe('the year tab (年度考评)', () => {
  it('names the window, its state and months in its title, and ranks branches with red flag, stars and benchmark', () => {
    const s = sheet(summary(), '年度考评');
    expect(values(s.rows[0])[0]).toBe('年度考评：2026年度 · 进行中 · 数据截至 2026-03-31（3 个月）');
    const b1Row = rowOf(s, 1);
    expect(values(b1Row).slice(0, 5)).toEqual([1, '第一党支部', '运维党总支', 3, 91.25]);
    expect(asCell(b1Row[10])).toEqual({ value: '★★★★☆', fill: FILL.green });
    expect(asCell(b1Row[11])).toEqual({ value: '是', fill: FILL.green });
    // An incomplete branch: 数据不完整 in place of its index, no stars, not a benchmark.
    const b2Row = rowOf(s, 2);
    expect(values(b2Row)[9]).toBe('数据不完整');
    expect(values(b2Row).slice(10)).toEqual(['—', '否']);
  });

  it('lists the advanced members, every member’s red-star index, and the secretaries month by month, each on its tab', () => {
    const advanced = sheet(summary(), '先进党员');
    // The quarter's and the year's, each naming its window.
    expect(sectionRows(advanced, '先进党员').map(values)).toEqual([
      ['2026年第1季度', '第一党支部', 'M1', '张一', 95, 3],
      ['2026年度', '第一党支部', 'M1', '张一', 95, 3],
    ]);
    const appraisal = sectionRows(sheet(summary(), '年终评议'), '年终民主评议参考').map(values);
    expect(appraisal[1]).toEqual(['第一党支部', 'M2', '张二', 200 / 3, '基本合格', 3, 1, '否']);
    expect(sectionRows(sheet(summary(), '书记绩效'), '书记月度绩效').map(values)).toEqual([
      ['第一党支部', '丙', '兼职', '良好', '不合格', '良好'],
    ]);
    // Every one of these tabs keeps its header row in view.
    for (const name of ['年度考评', '先进党员', '年终评议', '书记绩效'])
      expect(sheet(summary(), name).frozenRows, name).toBeGreaterThan(1);
  });

  it('has no stars column on the quarter tab', () => {
    const s = sheet(summary(), '季度晾晒');
    expect(values(rowOf(s, 1))).toHaveLength(11);
  });
});

describe('the project publication tab (项目公开)', () => {
  it('states coverage, names the branches without a project, and has the bimonthly publication and promotions on tabs of their own', () => {
    const s = sheet(summary(), '项目公开');
    expect(values(s.rows[1])[0]).toBe('有项目的支部 1 / 2（覆盖率 50.0%）；重点项目（A级）占比 50.0%；申报晋级 0 项');
    expect(values(s.rows[2])[0]).toBe('本年度尚无项目的支部：第二党支部（哪里有党支部，哪里就有建功项目）');
    expect(s.frozenRows).toBe(4);
    const b2 = s.rows.find((r) => cellValue(r[0]) === '第二党支部') ?? [];
    expect(asCell(b2[4])).toEqual({ value: 0, fill: FILL.red });
    expect(values(sectionRows(sheet(summary(), '双月公开单'), '双月公开单')[0])).toEqual([
      '第一党支部',
      'P1',
      '项目一',
      3,
      2,
      1,
      1,
      0,
      2,
      1,
    ]);
    expect(sectionRows(sheet(summary(), '晋级申报'), '晋级申报').map(values)).toEqual([['无']]);
  });
});

describe('the branch feedback', () => {
  it('shows its quarter and year standing and its members’ red-star indices', () => {
    const [s] = feedbackWorkbook({ results: withWindows(), orgId: 'B1', lang: 'zh' }).sheets;
    if (s === undefined) throw new Error('no sheet');
    expect(values(rowOf(s, '2026 红旗指数'))).toEqual([
      '2026 红旗指数',
      92.4,
      '进行中，考评排名 1 / 2，标杆党支部，★★★★☆',
    ]);
    expect(sectionRows(s, '本支部党员红星指数').map((r) => values(r).slice(0, 3))).toEqual([
      ['M1', '张一', 95],
      ['M2', '张二', 200 / 3],
    ]);
  });
});
