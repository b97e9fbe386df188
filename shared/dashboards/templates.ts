// Blank configuration and branch workbooks as handed to a committee and a branch secretary on day one.
import { defaultSettingRows } from '../contract/settings';
import type { ExampleValue, TabDef } from '../contract/tab-def';
import {
  ATTENDANCE_CHOICES,
  ATTENDANCE_TAB,
  attendanceColumns,
  examsTab,
  memberScoresTab,
  membersTab,
  milestonesTab,
  projectsTab,
  rectificationsTab,
  selfReviewTab,
  sessionsTab,
} from '../contract/tabs/branch';
import { criteriaTab, orgsTab, publicationTab, reviewsTab, settingsTab } from '../contract/tabs/config';
import { committeesTab } from '../contract/tabs/group';
import { displayWidth } from './sheet';
import type { LayoutColumn, LayoutSheet, LayoutWorkbook } from './layout';

/** Columns after the fixed ones in the attendance matrix that get the mark dropdown: room for a year of sessions. */
export const ATTENDANCE_MATRIX_COLUMNS = 60;

function headerText(c: { zh: string; hint?: string }): string {
  return c.hint ? `${c.zh}(${c.hint})` : c.zh;
}

function tabSheet<T>(def: TabDef<T>, rows?: ExampleValue[][]): LayoutSheet {
  const columns: LayoutColumn[] = def.columns.map((c) => ({
    header: headerText(c),
    ...(c.width ? { width: c.width } : {}),
    ...(c.choices ? { choices: c.choices } : {}),
  }));
  return {
    name: def.zh,
    columns,
    rows: rows ?? [def.columns.map((c) => c.example)],
    frozenRows: 1,
    headerHeight: headerHeight(columns),
    print: TEMPLATE_PRINT,
  };
}

/** Landscape, one page wide, the header row on every page. */
const TEMPLATE_PRINT = { landscape: true, fitToWidth: true, titleRows: 1 } as const;

/**
 * Tall enough for the longest header on as many lines as its column needs (a header wraps within its column), so a
 * hint such as `日期(YYYY-MM-DD)` never runs over the example row.
 */
function headerHeight(columns: readonly LayoutColumn[]): number {
  const lines = Math.max(
    1,
    ...columns.map((c) => Math.ceil(displayWidth(c.header) / Math.max(1, (c.width ?? 10) - 1))),
  );
  return 15 * Math.min(lines, 4) + 3;
}

export function configTemplate(branchWorkbook = '第一党支部.xlsx'): LayoutWorkbook {
  // The roster needs a tree to make sense, so its example is a committee, a general branch and a branch.
  const orgs: ExampleValue[][] = [
    ['W01', '示例公司党委', '党委', null, null, '张三', '专职', null],
    ['Z01', '运维检修党总支', '党总支', null, 'W01', '李四', '兼职', null],
    ['B01', '第一党支部', '党支部', '生产', 'Z01', '王五', '兼职', branchWorkbook],
  ];
  const reviews = [['2026-01', 'B01', 'C01', 9]];
  return {
    sheets: [
      tabSheet(orgsTab, orgs),
      tabSheet(criteriaTab),
      tabSheet(reviewsTab, reviews),
      tabSheet(settingsTab, defaultSettingRows()),
      tabSheet(publicationTab),
    ],
  };
}

/**
 * A group workbook (集团): the group's top committee, which only groups the others, and one committee whose
 * configuration workbook is the configuration template's (its roster's committee W01).
 */
export function groupTemplate(configWorkbook = 'config.xlsx'): LayoutWorkbook {
  return {
    sheets: [
      tabSheet(committeesTab, [
        ['G00', '示例集团党委', null, null],
        ['W01', '示例公司党委', 'G00', configWorkbook],
      ]),
    ],
  };
}

export function branchTemplate(): LayoutWorkbook {
  const example = sessionsTab.columns[0]?.example ?? 'S001';
  const matrix: LayoutColumn[] = [
    { header: attendanceColumns.memberId.zh, width: 12 },
    { header: attendanceColumns.name.zh, width: 10 },
    { header: String(example), width: 8, choices: ATTENDANCE_CHOICES },
    ...Array.from({ length: ATTENDANCE_MATRIX_COLUMNS - 1 }, () => ({
      header: '',
      width: 8,
      choices: ATTENDANCE_CHOICES,
    })),
  ];
  const attendance: LayoutSheet = {
    name: ATTENDANCE_TAB.zh,
    columns: matrix,
    rows: [['M001', '张三', '出席']],
    frozenRows: 1,
    headerHeight: headerHeight(matrix),
    print: TEMPLATE_PRINT,
  };
  return {
    sheets: [
      tabSheet(membersTab),
      tabSheet(selfReviewTab),
      tabSheet(sessionsTab),
      attendance,
      tabSheet(examsTab),
      tabSheet(memberScoresTab),
      tabSheet(rectificationsTab),
      tabSheet(projectsTab),
      tabSheet(milestonesTab),
    ],
  };
}
