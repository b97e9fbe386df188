// Enumerated cells: the Chinese word or the English key (党支部 / branch, 主题党日 / theme_day), and attendance marks.
import type {
  AttendanceMark,
  Category,
  Level,
  MemberKind,
  MemberStatus,
  ProjectGrade,
  ProjectKind,
  RectificationSource,
  ReviewMethod,
  SecretaryType,
  SessionType,
} from '../../domain/types';
import type { Bilingual, CellValue, CellResult } from './types';
import { fail, guarded, ok, plainNumber, type Cell } from './value';

/** Width-, case- and separator-insensitive: 'Theme Day', 'theme-day', 'ＴＨＥＭＥ_ＤＡＹ' all become 'themeday'. */
function enumKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** The text an enum lookup sees for a non-text cell: numbers as shown, checkboxes as TRUE/FALSE. */
function lookupText(c: Cell): string | null {
  if (c.kind === 'text') return c.text;
  if (c.kind === 'number' && Number.isFinite(c.value)) return plainNumber(c.value);
  if (c.kind === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return null;
}

/**
 * A parser for an enumerated column. `table` maps the Chinese words (the first word per key is the one shown
 * in messages; later ones are aliases) to keys; the keys themselves are accepted too.
 * With `fallback`, any other non-blank value reads as the fallback (formula errors are still errors).
 */
export function enumParser<T extends string>(
  name: Bilingual,
  table: Record<string, T>,
  fallback?: T,
): (v: CellValue) => CellResult<T | null> {
  const lookup = new Map<string, T>();
  const shown = new Map<T, string>();
  for (const [word, key] of Object.entries(table)) {
    if (!shown.has(key)) shown.set(key, word);
    if (!lookup.has(enumKey(word))) lookup.set(enumKey(word), key);
  }
  for (const key of shown.keys()) if (!lookup.has(enumKey(key))) lookup.set(enumKey(key), key);
  const entries = [...shown.entries()];
  const expected: Bilingual = {
    zh: `${name.zh}，可填：${entries.map(([, word]) => word).join('、')}`,
    en: `${name.en}: ${entries.map(([key, word]) => (word === key ? key : `${word} (${key})`)).join(', ')}`,
  };
  return guarded(expected, (c) => {
    if (c.kind === 'blank') return ok(null);
    const text = lookupText(c);
    const key = text === null ? undefined : lookup.get(enumKey(text));
    if (key !== undefined) return ok(key);
    return fallback === undefined ? fail(expected) : ok(fallback);
  });
}

const CATEGORY_WORDS: Record<string, Category> = {
  生产: 'production',
  生产类: 'production',
  供电所: 'production',
  管理: 'management',
  管理类: 'management',
  经营: 'business',
  经营类: 'business',
};

export const parseLevel = enumParser<Level>(
  { zh: '层级', en: 'a level' },
  {
    党委: 'committee',
    党总支: 'general_branch',
    总支: 'general_branch',
    党支部: 'branch',
    支部: 'branch',
  },
);

export const parseCategory = enumParser<Category>({ zh: '类别', en: 'a category' }, CATEGORY_WORDS);

export const parseAppliesTo = enumParser<'all' | Category>(
  { zh: '适用类别', en: 'who it applies to' },
  { 全部: 'all', 通用: 'all', 公用: 'all', ...CATEGORY_WORDS },
);

export const parseSecretaryType = enumParser<SecretaryType>(
  { zh: '书记类型', en: 'a secretary type' },
  {
    专职: 'full_time',
    专职书记: 'full_time',
    兼职: 'part_time',
    兼职书记: 'part_time',
  },
);

export const parseReviewMethod = enumParser<ReviewMethod>(
  { zh: '考评方式', en: 'a review method' },
  {
    自评: 'self',
    现场: 'on_site',
    资料: 'evidence',
  },
);

export const parseMemberKind = enumParser<MemberKind>(
  { zh: '党员类别', en: 'a member kind' },
  {
    正式: 'full',
    正式党员: 'full',
    预备: 'probationary',
    预备党员: 'probationary',
  },
);

export const parseMemberStatus = enumParser<MemberStatus>(
  { zh: '党员状态', en: 'a member status' },
  {
    在册: 'active',
    转出: 'transferred',
    其他: 'inactive',
  },
);

/** Unknown non-blank types read as 专题学习 (study): the contract counts anything else as study. */
export const parseSessionType = enumParser<SessionType>(
  { zh: '活动类型', en: 'a session type' },
  {
    支部党员大会: 'members_meeting',
    党员大会: 'members_meeting',
    支委会: 'committee_meeting',
    党小组会: 'group_meeting',
    党课: 'party_lecture',
    主题党日: 'theme_day',
    专题学习: 'study',
  },
  'study',
);

export const parseRectificationSource = enumParser<RectificationSource>(
  { zh: '问题来源', en: 'a source' },
  {
    交叉互查: 'cross_check',
    专家面检: 'expert_review',
    自查: 'self_check',
    巡察: 'inspection',
    其他: 'other',
  },
);

export const parseProjectKind = enumParser<ProjectKind>(
  { zh: '项目类型', en: 'a project kind' },
  {
    支部项目: 'branch',
    书记项目: 'secretary',
  },
);

export const parseProjectGrade = enumParser<ProjectGrade>(
  { zh: '项目等级', en: 'a project grade' },
  {
    A: 'A',
    B: 'B',
    C: 'C',
    A级: 'A',
    B级: 'B',
    C级: 'C',
  },
);

const MARK_EXPECTED: Bilingual = {
  zh: '出席（√ 或 1）、迟到、请假 或 缺席（× 或 0），不需参加的留空',
  en: 'present (√ or 1), late (迟到), excused (请假) or absent (× or 0); leave blank when not expected',
};

const MARK_WORDS: ReadonlyMap<string, AttendanceMark> = new Map([
  ...['出席', '√', '✓', '✔', '☑', '✅', '1', 'present'].map((w) => [w, 'present'] as const),
  ...['迟到', '迟', 'late'].map((w) => [w, 'late'] as const),
  ...['请假', '假', 'excused'].map((w) => [w, 'excused'] as const),
  ...['缺席', '缺', '×', '✗', '✘', '✕', '✖', '❌', 'x', '0', 'absent'].map((w) => [w, 'absent'] as const),
]);

/** One cell of the attendance matrix; null = blank = the member was not expected at that session. */
export const parseAttendanceMark: (v: CellValue) => CellResult<AttendanceMark | null> = guarded(MARK_EXPECTED, (c) => {
  switch (c.kind) {
    case 'blank':
      return ok(null);
    case 'boolean':
      return ok(c.value ? 'present' : 'absent');
    case 'number':
      return c.value === 1 ? ok('present') : c.value === 0 ? ok('absent') : fail(MARK_EXPECTED);
    case 'text': {
      const mark = MARK_WORDS.get(enumKey(c.text));
      return mark === undefined ? fail(MARK_EXPECTED) : ok(mark);
    }
    default:
      return fail(MARK_EXPECTED);
  }
});
