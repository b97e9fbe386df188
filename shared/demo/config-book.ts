// The committee's configuration workbook: 组织 roster, 考评标准 criteria, 考评打分 the committee's monthly scores, 参数 settings.
import { criteriaTab, orgsTab, reviewsTab, settingsTab } from '../contract/tabs/config';
import type { Level, SecretaryType } from '../domain/types';
import type { Window } from './calendar';
import { CATEGORY_WORDS, CRITERIA, METHOD_WORDS } from './criteria';
import type { EvaluationPlan } from './evaluation';
import type { CellStyle } from './messy';
import type { BranchUnit, Structure, Unit } from './structure';
import { columnsOf, renderTable, type Row } from './table';
import type { DemoWorkbook } from './types';

export const CONFIG_FILE = 'config.xlsx';

const LEVEL_WORDS: Record<Level, readonly string[]> = {
  committee: ['党委'],
  general_branch: ['党总支', '总支'],
  branch: ['党支部', '支部'],
};
const SECRETARY_WORDS: Record<SecretaryType, readonly string[]> = {
  full_time: ['专职', '专职书记'],
  part_time: ['兼职', '兼职书记'],
};

/** Default settings, written out as a committee would: the ones people look at. */
const SETTINGS: readonly (readonly [string, number | string, string])[] = [
  ['exam_pass_mark', 80, '分'],
  ['grade_excellent', 90, '分'],
  ['grade_good', 80, '分'],
  ['grade_pass', 60, '分'],
  ['at_risk_months', 3, '个月'],
  ['lapsed_months', 6, '个月'],
  ['time_zone', 'Asia/Shanghai', ''],
];

function orgRow(style: CellStyle, u: Unit, level: Level, parentId: string | null, branch: BranchUnit | null): Row {
  const category =
    branch === null
      ? null
      : branch.station && style.messy && style.rng.chance(0.5)
        ? '供电所'
        : style.word(CATEGORY_WORDS[branch.category], branch.category);
  return {
    id: style.id(u.id),
    name: style.text(u.name),
    level: style.word(LEVEL_WORDS[level], level),
    category,
    parentId: parentId === null ? null : style.id(parentId),
    secretary: style.text(u.secretary),
    secretaryType: style.word(SECRETARY_WORDS[u.secretaryType], u.secretaryType),
    workbook: branch === null ? null : style.text(branch.file),
  };
}

export function configWorkbook(
  structure: Structure,
  plans: ReadonlyMap<string, EvaluationPlan>,
  window: Window,
  style: CellStyle,
): DemoWorkbook {
  const orgs: Row[] = [
    orgRow(style, structure.committee, 'committee', null, null),
    ...structure.generals.map((g) => orgRow(style, g, 'general_branch', structure.committee.id, null)),
    ...structure.branches.map((b) => orgRow(style, b, 'branch', b.parentId, b)),
  ];
  const criteria: Row[] = CRITERIA.map((c) => ({
    id: style.id(c.id),
    name: style.text(c.name),
    appliesTo: style.word(CATEGORY_WORDS[c.appliesTo], c.appliesTo),
    maxPoints: style.num(c.maxPoints, '分'),
    method: c.method === null ? null : style.word(METHOD_WORDS[c.method], c.method),
  }));
  const reviews: Row[] = [];
  for (const month of window.months) {
    for (const b of structure.branches) {
      for (const c of plans.get(b.id)?.get(month) ?? []) {
        if (c.committee === null) continue;
        reviews.push({
          month: style.month(month),
          orgId: style.id(b.id),
          criterionId: style.id(c.criterionId),
          score: style.num(c.committee, '分'),
        });
      }
    }
  }
  const settings: Row[] = SETTINGS.map(([key, value, unit]) => ({
    key,
    value: typeof value === 'number' ? style.num(value, unit) : value,
  }));
  return {
    id: CONFIG_FILE,
    tabs: {
      [orgsTab.zh]: renderTable({ columns: columnsOf(orgsTab), rows: orgs }, style),
      [criteriaTab.zh]: renderTable({ columns: columnsOf(criteriaTab), rows: criteria }, style),
      [reviewsTab.zh]: renderTable({ columns: columnsOf(reviewsTab), rows: reviews }, style),
      [settingsTab.zh]: renderTable({ columns: columnsOf(settingsTab), rows: settings }, style),
    },
  };
}
