// Cell parsers: every form that shared/contract/README.md "Cells people really type" lists, and every kind of
// unreadable cell.
import { describe, expect, it } from 'vitest';
import {
  displayValue,
  enumParser,
  isBlank,
  normalizeText,
  parseAppliesTo,
  parseAttendanceMark,
  parseBoolean,
  parseCategory,
  parseDate,
  parseInteger,
  parseLevel,
  parseMemberKind,
  parseMemberStatus,
  parseMonth,
  parseNumber,
  parseProjectGrade,
  parseProjectKind,
  parseQuarter,
  parseRectificationSource,
  parseReviewMethod,
  parseSecretaryType,
  parseSessionType,
  parseText,
  type CellResult,
  type CellValue,
} from '../../../shared/contract/cells';

/** A JS Date as the .xlsx adapter hands it over: UTC components are the wall-clock date and time. */
const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0): Date =>
  new Date(Date.UTC(y, m - 1, d, h, min, s));

function expectFailure<T>(r: CellResult<T>): { zh: string; en: string } {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('expected a failure');
  expect(r.expected.zh.trim()).not.toBe('');
  expect(r.expected.en.trim()).not.toBe('');
  return r.expected;
}

const ALL_PARSERS: Array<[string, (v: CellValue) => CellResult<unknown>]> = [
  ['parseText', parseText],
  ['parseDate', parseDate],
  ['parseMonth', parseMonth],
  ['parseQuarter', parseQuarter],
  ['parseNumber', parseNumber],
  ['parseInteger', parseInteger],
  ['parseBoolean', parseBoolean],
  ['parseAttendanceMark', parseAttendanceMark],
  ['parseLevel', parseLevel],
  ['parseCategory', parseCategory],
  ['parseSecretaryType', parseSecretaryType],
  ['parseAppliesTo', parseAppliesTo],
  ['parseReviewMethod', parseReviewMethod],
  ['parseMemberKind', parseMemberKind],
  ['parseMemberStatus', parseMemberStatus],
  ['parseSessionType', parseSessionType],
  ['parseRectificationSource', parseRectificationSource],
  ['parseProjectKind', parseProjectKind],
  ['parseProjectGrade', parseProjectGrade],
];

describe('isBlank', () => {
  it.each<[string, CellValue]>([
    ['null', null],
    ['undefined', undefined],
    ['empty string', ''],
    ['half-width spaces', '   '],
    ['full-width spaces (U+3000)', '\u3000\u3000'],
    ['NBSP', '\u00a0'],
    ['mixed spaces, tab and line break', ' \u3000\u00a0\t\n'],
  ])('%s is blank', (_, v) => {
    expect(isBlank(v)).toBe(true);
  });

  it.each<[string, CellValue]>([
    ['text', 'a'],
    ['text inside full-width spaces', '\u3000张三\u3000'],
    ['zero', 0],
    ['false', false],
    ['a date', utc(2026, 3, 12)],
    ['an error cell', { error: '#REF!' }],
  ])('%s is not blank', (_, v) => {
    expect(isBlank(v)).toBe(false);
  });
});

describe('normalizeText', () => {
  it.each([
    ['full-width digits and letters become half-width', 'Ｍ００１', 'M001'],
    ['half- and full-width spaces and NBSP are trimmed', ' \u3000\u00a0张三\u00a0\u3000 ', '张三'],
    ['inner spaces stay', ' 第一 党小组 ', '第一 党小组'],
    ['a file name keeps its extension', '\u3000一支部.xlsx\u3000', '一支部.xlsx'],
  ])('%s', (_, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('displayValue', () => {
  it.each<[string, CellValue, string]>([
    ['blank', null, ''],
    ['spaces only', '\u3000 ', ''],
    ['text as typed', '张三', '张三'],
    ['an integer', 1001, '1001'],
    ['a fraction', 92.5, '92.5'],
    ['float noise as the sheet shows it', 0.1 + 0.2, '0.3'],
    ['a large number without exponent notation', 1e21, '1000000000000000000000'],
    ['true', true, 'TRUE'],
    ['false', false, 'FALSE'],
    ['a date', utc(2026, 3, 12), '2026-03-12'],
    ['a date with a time', utc(2026, 3, 12, 8, 30), '2026-03-12 08:30'],
    ['a date with seconds', utc(2026, 3, 12, 8, 30, 15), '2026-03-12 08:30:15'],
    ['an error cell', { error: '#REF!' }, '#REF!'],
    ['an error as text', '#N/A', '#N/A'],
  ])('%s', (_, v, expected) => {
    expect(displayValue(v)).toBe(expected);
  });
});

describe('parseText', () => {
  it.each<[string, CellValue, string]>([
    ['trims half- and full-width spaces', '\u3000 张三 \u00a0', '张三'],
    ['keeps the text as typed (no width folding)', '第一（党）小组', '第一（党）小组'],
    ['an id typed as a number', 1001, '1001'],
    ['1001.0 is the same number', 1001.0, '1001'],
    ['a decimal', 3.5, '3.5'],
    ['a small number without exponent notation', 1e-7, '0.0000001'],
    ['a negative number', -12, '-12'],
    ['a date cell', utc(2026, 3, 12), '2026-03-12'],
  ])('%s', (_, v, expected) => {
    expect(parseText(v)).toEqual({ ok: true, value: expected });
  });
});

describe('every parser', () => {
  const blanks: Array<[string, CellValue]> = [
    ['null', null],
    ['undefined', undefined],
    ['empty', ''],
    ['full-width spaces', '\u3000 \u00a0'],
  ];
  it.each(
    ALL_PARSERS.filter(([n]) => n !== 'parseBoolean').flatMap(([n, p]) =>
      blanks.map(([b, v]) => [n, b, p, v] as const),
    ),
  )('%s reads a blank cell (%s) as null', (_, __, parse, v) => {
    expect(parse(v)).toEqual({ ok: true, value: null });
  });

  it.each(blanks)('parseBoolean reads a blank cell (%s) as false', (_, v) => {
    expect(parseBoolean(v)).toEqual({ ok: true, value: false });
  });

  const errors: Array<[string, CellValue]> = [
    ['error cell #REF!', { error: '#REF!' }],
    ['error cell #N/A', { error: '#N/A' }],
    ['#REF! as text', '#REF!'],
    ['#N/A as text', '#N/A'],
    ['#VALUE! as text', '#VALUE!'],
    ['#DIV/0! as text', '#DIV/0!'],
  ];
  it.each(ALL_PARSERS.flatMap(([n, p]) => errors.map(([e, v]) => [n, e, p, v] as const)))(
    '%s rejects a formula error (%s) and asks for a value',
    (_, __, parse, v) => {
      const expected = expectFailure(parse(v));
      expect(expected.zh).toContain('公式错误');
      expect(expected.en).toContain('formula error');
    },
  );
});

describe('parseDate', () => {
  it.each<[string, CellValue, string]>([
    ['a serial number', 46093, '2026-03-12'],
    ['a serial number with a time fraction', 46093.75, '2026-03-12'],
    ['serial 1', 1, '1899-12-31'],
    ['the largest serial', 2958465, '9999-12-31'],
    ['ISO', '2026-03-12', '2026-03-12'],
    ['slashes without leading zeros', '2026/3/12', '2026-03-12'],
    ['dots', '2026.3.12', '2026-03-12'],
    ['年月日', '2026年3月12日', '2026-03-12'],
    ['年月号', '2026年3月12号', '2026-03-12'],
    ['年月日 with spaces', '2026 年 3 月 12 日', '2026-03-12'],
    ['full-width digits', '２０２６年３月１２日', '2026-03-12'],
    ['full-width separators', '２０２６／３／１２', '2026-03-12'],
    ['a date-time string', '2026-03-12 08:30', '2026-03-12'],
    ['a date-time string with seconds', '2026/3/12 8:30:00', '2026-03-12'],
    ['ISO with T', '2026-03-12T08:30', '2026-03-12'],
    ['ISO with T, milliseconds and Z (the date as written)', '2026-03-12T23:30:00.000Z', '2026-03-12'],
    ['ISO with an offset', '2026-03-12T08:30:00+08:00', '2026-03-12'],
    ['年月日 with a time', '2026年3月12日 08:30', '2026-03-12'],
    ['a JS Date (UTC components)', utc(2026, 3, 12), '2026-03-12'],
    ['a date-time cell', utc(2026, 3, 12, 23, 59), '2026-03-12'],
    ['surrounded by full-width spaces', '\u30002026-03-12\u3000', '2026-03-12'],
    ['a leap day', '2024-02-29', '2024-02-29'],
    ['eight digits as text', '20260312', '2026-03-12'],
    ['eight digits as a number', 20260312, '2026-03-12'],
  ])('%s', (_, v, expected) => {
    expect(parseDate(v)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, CellValue]>([
    ['2026-02-30', '2026-02-30'],
    ['2025-02-29 (not a leap year)', '2025-02-29'],
    ['2026年4月31日', '2026年4月31日'],
    ['month 13', '2026-13-01'],
    ['day 0', '2026/3/0'],
  ])('an impossible calendar date: %s', (_, v) => {
    const expected = expectFailure(parseDate(v));
    expect(expected.zh).toContain('日历');
    expect(expected.en).toContain('calendar');
  });

  it.each<[string, CellValue]>([
    ['text', 'next Tuesday'],
    ['Chinese text', '三月十二日'],
    ['a year only', '2026'],
    ['a month only', '2026-03'],
    ['mixed separators', '2026-03/12'],
    ['a time glued to the day', '2026-03-1208:30'],
    ['an impossible time', '2026-03-12 25:00'],
    ['a boolean', true],
    ['serial 0', 0],
    ['a negative serial', -5],
    ['a serial past 9999-12-31', 2958466],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an invalid Date', new Date(Number.NaN)],
  ])('rejects %s', (_, v) => {
    expectFailure(parseDate(v));
  });
});

describe('parseMonth', () => {
  it.each<[string, CellValue, string]>([
    ['YYYY-MM', '2026-03', '2026-03'],
    ['YYYY/M', '2026/3', '2026-03'],
    ['YYYY.M as text', '2026.3', '2026-03'],
    ['YYYY.MM as text (October stays October)', '2026.10', '2026-10'],
    ['年月', '2026年3月', '2026-03'],
    ['年月 with a leading zero', '2026年03月', '2026-03'],
    ['年月份', '2026年3月份', '2026-03'],
    ['full-width digits', '２０２６－０３', '2026-03'],
    ['a date string', '2026-03-12', '2026-03'],
    ['a 年月日 string', '2026年3月12日', '2026-03'],
    ['a serial date', 46093, '2026-03'],
    ['a serial date with a time', 46093.5, '2026-03'],
    ['a JS Date', utc(2026, 3, 12), '2026-03'],
    ['a number 2026.3 (Excel turned the typed text into a number)', 2026.3, '2026-03'],
    ['a number 2026.1', 2026.1, '2026-01'],
    ['a number 2026.12', 2026.12, '2026-12'],
    ['a number 2026.05', 2026.05, '2026-05'],
    // 2026.10 and 2026.1 are the same number: a typed 2026.10 that became a number can only be January.
    ['a number 2026.10 (indistinguishable from 2026.1)', 2026.1, '2026-01'],
    ['six digits as a number', 202603, '2026-03'],
    ['six digits as text', '202603', '2026-03'],
  ])('%s', (_, v, expected) => {
    expect(parseMonth(v)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, CellValue]>([
    ['month 13', '2026-13'],
    ['month 0', '2026年0月'],
    ['a number 2026.13', 2026.13],
    ['a number with three decimals', 2026.123],
    ['a year alone', 2026],
    ['a number below 3000 that is not year.month', 150],
    ['text', 'March'],
    ['an impossible date', '2026-02-30'],
    ['a boolean', false],
    ['NaN', Number.NaN],
    ['an invalid Date', new Date(Number.NaN)],
  ])('rejects %s', (_, v) => {
    expectFailure(parseMonth(v));
  });
});

describe('parseQuarter', () => {
  it.each<[string, CellValue, string]>([
    ['2026Q1', '2026Q1', '2026Q1'],
    ['lower case with a space', '2026 q1', '2026Q1'],
    ['2026-Q1', '2026-Q1', '2026Q1'],
    ['2026年第一季度', '2026年第一季度', '2026Q1'],
    ['2026年第1季度', '2026年第1季度', '2026Q1'],
    ['2026年1季度', '2026年1季度', '2026Q1'],
    ['2026年一季度', '2026年一季度', '2026Q1'],
    ['2026年第四季度', '2026年第四季度', '2026Q4'],
    ['2026年Q2', '2026年Q2', '2026Q2'],
    ['2026年第三季', '2026年第三季', '2026Q3'],
    ['Q1 2026', 'Q1 2026', '2026Q1'],
    ['full-width', '２０２６Ｑ３', '2026Q3'],
    ['a month', '2026-05', '2026Q2'],
    ['a 年月 month', '2026年12月', '2026Q4'],
    ['a date string', '2026-08-15', '2026Q3'],
    ['a serial date', 46093, '2026Q1'],
    ['a JS Date', utc(2026, 11, 30), '2026Q4'],
  ])('%s', (_, v, expected) => {
    expect(parseQuarter(v)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, CellValue]>([
    ['quarter 5', '2026Q5'],
    ['第五季度', '2026年第五季度'],
    ['quarter 0', '2026Q0'],
    ['text', 'first quarter'],
    ['a year alone', '2026'],
    ['a boolean', true],
    ['NaN', Number.NaN],
  ])('rejects %s', (_, v) => {
    expectFailure(parseQuarter(v));
  });
});

describe('parseNumber', () => {
  it.each<[string, CellValue, number]>([
    ['a number cell', 85, 85],
    ['a fraction', 92.5, 92.5],
    ['zero', 0, 0],
    ['a negative number', -3, -3],
    ['digits as text', '85', 85],
    ['full-width digits', '８５', 85],
    ['full-width decimal', '９２．５', 92.5],
    ['a trailing unit 分', '85分', 85],
    ['a trailing unit 小时', '2小时', 2],
    ['a unit after a space', '2.5 h', 2.5],
    ['a trailing % read as a unit', '92.5%', 92.5],
    ['a full-width %', '９２．５％', 92.5],
    ['a leading +', '+5', 5],
    ['a leading -', '-5', -5],
    ['a negative with a unit', '-3分', -3],
    ['thousands separators', '1,234', 1234],
    ['thousands separators with decimals', '1,234,567.5', 1234567.5],
    ['full-width thousands separator', '１，２３４', 1234],
    ['surrounded by full-width spaces', '\u300085\u3000', 85],
    ['a leading decimal point', '.5', 0.5],
  ])('%s', (_, v, expected) => {
    expect(parseNumber(v)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, CellValue]>([
    ['text', 'abc'],
    ['Chinese numerals', '八十五'],
    ['a boolean true', true],
    ['a boolean false', false],
    ['a date', utc(2026, 3, 12)],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['badly grouped thousands', '1,23'],
    ['two numbers', '1 2'],
    ['a unit that changes the magnitude (万)', '1.5万'],
    ['a unit that changes the magnitude (k)', '3k'],
    ['a unit in front', '约85'],
    ['a number too large for a double', '1e999'],
  ])('rejects %s', (_, v) => {
    const expected = expectFailure(parseNumber(v));
    expect(expected.zh).toContain('数字');
  });
});

describe('parseInteger', () => {
  it.each<[string, CellValue, number]>([
    ['a year as a number', 2026, 2026],
    ['a year as text', '2026', 2026],
    ['a year with 年', '2026年', 2026],
    ['full-width digits', '２０２６', 2026],
    ['2026.0', 2026.0, 2026],
  ])('%s', (_, v, expected) => {
    expect(parseInteger(v)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, CellValue]>([
    ['a fraction', 2026.5],
    ['a fraction as text', '2.5'],
    ['text', 'two thousand'],
    ['a boolean', true],
    ['NaN', Number.NaN],
  ])('rejects %s', (_, v) => {
    expectFailure(parseInteger(v));
  });
});

describe('parseBoolean', () => {
  it.each<[string, CellValue, boolean]>([
    ['是', '是', true],
    ['否', '否', false],
    ['Y', 'Y', true],
    ['N', 'N', false],
    ['y', 'y', true],
    ['n', 'n', false],
    ['yes', 'yes', true],
    ['YES', 'YES', true],
    ['No', 'No', false],
    ['true', 'true', true],
    ['TRUE', 'TRUE', true],
    ['False', 'False', false],
    ['√', '√', true],
    ['✓', '✓', true],
    ['✔', '✔', true],
    ['×', '×', false],
    ['✗', '✗', false],
    ['✘', '✘', false],
    ['1 as text', '1', true],
    ['0 as text', '0', false],
    ['1 as a number', 1, true],
    ['0 as a number', 0, false],
    ['a true checkbox', true, true],
    ['a false checkbox', false, false],
    ['full-width Ｙ', 'Ｙ', true],
    ['是 inside full-width spaces', '\u3000是\u3000', true],
  ])('%s', (_, v, expected) => {
    expect(parseBoolean(v)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, CellValue]>([
    ['other text', 'maybe'],
    ['a number other than 1/0', 2],
    ['a date', utc(2026, 3, 12)],
    ['NaN', Number.NaN],
  ])('rejects %s', (_, v) => {
    const expected = expectFailure(parseBoolean(v));
    expect(expected.zh).toContain('是');
  });
});

describe('enum parsers', () => {
  type EnumParser = (v: CellValue) => CellResult<string | null>;
  const rows: Array<[string, EnumParser, string, string]> = [
    ['parseLevel', parseLevel, '党委', 'committee'],
    ['parseLevel', parseLevel, '党总支', 'general_branch'],
    ['parseLevel', parseLevel, '总支', 'general_branch'],
    ['parseLevel', parseLevel, '党支部', 'branch'],
    ['parseLevel', parseLevel, '支部', 'branch'],
    ['parseLevel', parseLevel, 'committee', 'committee'],
    ['parseLevel', parseLevel, 'General Branch', 'general_branch'],
    ['parseLevel', parseLevel, 'general-branch', 'general_branch'],
    ['parseCategory', parseCategory, '生产', 'production'],
    ['parseCategory', parseCategory, '生产类', 'production'],
    ['parseCategory', parseCategory, '供电所', 'production'],
    ['parseCategory', parseCategory, '管理', 'management'],
    ['parseCategory', parseCategory, '管理类', 'management'],
    ['parseCategory', parseCategory, '经营', 'business'],
    ['parseCategory', parseCategory, '经营类', 'business'],
    ['parseCategory', parseCategory, 'PRODUCTION', 'production'],
    ['parseAppliesTo', parseAppliesTo, '全部', 'all'],
    ['parseAppliesTo', parseAppliesTo, '通用', 'all'],
    ['parseAppliesTo', parseAppliesTo, '公用', 'all'],
    ['parseAppliesTo', parseAppliesTo, 'all', 'all'],
    ['parseAppliesTo', parseAppliesTo, 'ALL', 'all'],
    ['parseAppliesTo', parseAppliesTo, '生产', 'production'],
    ['parseAppliesTo', parseAppliesTo, '供电所', 'production'],
    ['parseAppliesTo', parseAppliesTo, '管理类', 'management'],
    ['parseAppliesTo', parseAppliesTo, 'business', 'business'],
    ['parseSecretaryType', parseSecretaryType, '专职', 'full_time'],
    ['parseSecretaryType', parseSecretaryType, '兼职', 'part_time'],
    ['parseSecretaryType', parseSecretaryType, 'full time', 'full_time'],
    ['parseSecretaryType', parseSecretaryType, 'Part-Time', 'part_time'],
    ['parseReviewMethod', parseReviewMethod, '自评', 'self'],
    ['parseReviewMethod', parseReviewMethod, '现场', 'on_site'],
    ['parseReviewMethod', parseReviewMethod, '资料', 'evidence'],
    ['parseReviewMethod', parseReviewMethod, 'on site', 'on_site'],
    ['parseReviewMethod', parseReviewMethod, 'EVIDENCE', 'evidence'],
    ['parseMemberKind', parseMemberKind, '正式', 'full'],
    ['parseMemberKind', parseMemberKind, '正式党员', 'full'],
    ['parseMemberKind', parseMemberKind, '预备', 'probationary'],
    ['parseMemberKind', parseMemberKind, '预备党员', 'probationary'],
    ['parseMemberKind', parseMemberKind, 'Probationary', 'probationary'],
    ['parseMemberStatus', parseMemberStatus, '在册', 'active'],
    ['parseMemberStatus', parseMemberStatus, '转出', 'transferred'],
    ['parseMemberStatus', parseMemberStatus, '其他', 'inactive'],
    ['parseMemberStatus', parseMemberStatus, 'active', 'active'],
    ['parseSessionType', parseSessionType, '支部党员大会', 'members_meeting'],
    ['parseSessionType', parseSessionType, '党员大会', 'members_meeting'],
    ['parseSessionType', parseSessionType, '支委会', 'committee_meeting'],
    ['parseSessionType', parseSessionType, '党小组会', 'group_meeting'],
    ['parseSessionType', parseSessionType, '党课', 'party_lecture'],
    ['parseSessionType', parseSessionType, '主题党日', 'theme_day'],
    ['parseSessionType', parseSessionType, '专题学习', 'study'],
    ['parseSessionType', parseSessionType, 'theme_day', 'theme_day'],
    ['parseSessionType', parseSessionType, 'Theme Day', 'theme_day'],
    ['parseSessionType', parseSessionType, 'members-meeting', 'members_meeting'],
    ['parseSessionType', parseSessionType, '读书分享会', 'study'],
    ['parseSessionType', parseSessionType, 'anything else', 'study'],
    ['parseRectificationSource', parseRectificationSource, '交叉互查', 'cross_check'],
    ['parseRectificationSource', parseRectificationSource, '专家面检', 'expert_review'],
    ['parseRectificationSource', parseRectificationSource, '自查', 'self_check'],
    ['parseRectificationSource', parseRectificationSource, '巡察', 'inspection'],
    ['parseRectificationSource', parseRectificationSource, '其他', 'other'],
    ['parseRectificationSource', parseRectificationSource, 'cross_check', 'cross_check'],
    ['parseRectificationSource', parseRectificationSource, 'Cross Check', 'cross_check'],
    ['parseProjectKind', parseProjectKind, '支部项目', 'branch'],
    ['parseProjectKind', parseProjectKind, '书记项目', 'secretary'],
    ['parseProjectKind', parseProjectKind, 'secretary', 'secretary'],
    ['parseProjectGrade', parseProjectGrade, 'A', 'A'],
    ['parseProjectGrade', parseProjectGrade, 'B', 'B'],
    ['parseProjectGrade', parseProjectGrade, 'C', 'C'],
    ['parseProjectGrade', parseProjectGrade, 'a', 'A'],
    ['parseProjectGrade', parseProjectGrade, 'ｂ', 'B'],
    ['parseProjectGrade', parseProjectGrade, 'Ｃ', 'C'],
    ['parseProjectGrade', parseProjectGrade, 'A级', 'A'],
  ];
  it.each(rows)('%s reads %j as %s', (_, parse, input, expected) => {
    expect(parse(input)).toEqual({ ok: true, value: expected });
  });

  it('trims half- and full-width spaces before matching', () => {
    expect(parseLevel('\u3000党支部 ')).toEqual({ ok: true, value: 'branch' });
  });

  it.each<[string, EnumParser, CellValue]>([
    ['parseLevel', parseLevel, '小组'],
    ['parseCategory', parseCategory, '后勤'],
    ['parseAppliesTo', parseAppliesTo, '部分'],
    ['parseSecretaryType', parseSecretaryType, '临时'],
    ['parseReviewMethod', parseReviewMethod, '抽查'],
    ['parseMemberKind', parseMemberKind, '积极分子'],
    ['parseMemberStatus', parseMemberStatus, '退休'],
    ['parseRectificationSource', parseRectificationSource, '审计'],
    ['parseProjectKind', parseProjectKind, '团队项目'],
    ['parseProjectGrade', parseProjectGrade, 'D'],
    ['parseProjectGrade', parseProjectGrade, 1],
    ['parseLevel', parseLevel, true],
  ])('%s rejects an unknown value %j and lists the accepted words', (_, parse, v) => {
    const expected = expectFailure(parse(v));
    expect(expected.zh).toContain('可填');
  });

  it('the message names the Chinese words and the English keys', () => {
    const r = parseLevel('小组');
    expect(r).toEqual({
      ok: false,
      expected: {
        zh: '层级，可填：党委、党总支、党支部',
        en: 'a level: 党委 (committee), 党总支 (general_branch), 党支部 (branch)',
      },
    });
  });

  it('a fallback still reports a formula error', () => {
    expectFailure(parseSessionType({ error: '#REF!' }));
  });

  it('enumParser builds a parser from a table, accepting words, keys and a fallback', () => {
    const parseColour = enumParser({ zh: '颜色', en: 'a colour' }, { 红: 'red', 红色: 'red', 蓝: 'blue' }, 'blue');
    expect(parseColour('红色')).toEqual({ ok: true, value: 'red' });
    expect(parseColour('RED')).toEqual({ ok: true, value: 'red' });
    expect(parseColour('绿')).toEqual({ ok: true, value: 'blue' });
    expect(parseColour('')).toEqual({ ok: true, value: null });
  });
});

describe('parseAttendanceMark', () => {
  it.each<[string, CellValue, string]>([
    ['出席', '出席', 'present'],
    ['√', '√', 'present'],
    ['✓', '✓', 'present'],
    ['✔', '✔', 'present'],
    ['1 as text', '1', 'present'],
    ['1 as a number', 1, 'present'],
    ['present', 'present', 'present'],
    ['Present', 'Present', 'present'],
    ['a true checkbox', true, 'present'],
    ['迟到', '迟到', 'late'],
    ['迟', '迟', 'late'],
    ['late', 'late', 'late'],
    ['请假', '请假', 'excused'],
    ['假', '假', 'excused'],
    ['excused', 'excused', 'excused'],
    ['缺席', '缺席', 'absent'],
    ['×', '×', 'absent'],
    ['✗', '✗', 'absent'],
    ['✘', '✘', 'absent'],
    ['x', 'x', 'absent'],
    ['X', 'X', 'absent'],
    ['full-width Ｘ', 'Ｘ', 'absent'],
    ['0 as text', '0', 'absent'],
    ['0 as a number', 0, 'absent'],
    ['absent', 'absent', 'absent'],
    ['a false checkbox', false, 'absent'],
    ['√ inside full-width spaces', '\u3000√\u3000', 'present'],
  ])('%s', (_, v, expected) => {
    expect(parseAttendanceMark(v)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, CellValue]>([
    ['other text', '出差'],
    ['another number', 2],
    ['a date', utc(2026, 3, 12)],
    ['NaN', Number.NaN],
  ])('rejects %s', (_, v) => {
    expectFailure(parseAttendanceMark(v));
  });
});

describe('never throws on odd run-time values', () => {
  const odd: unknown[] = [
    { error: 42 },
    { richText: [{ text: 'x' }] },
    [],
    Symbol('s'),
    10n,
    () => 1,
    Object.create(null),
    {
      get error(): string {
        throw new Error('boom');
      },
    },
  ];
  it.each(ALL_PARSERS.flatMap(([n, p]) => odd.map((v, i) => [n, i, p, v] as const)))(
    '%s on odd value #%i',
    (_, __, parse, v) => {
      // The type says CellValue; adapters are code too, so hand over what they might by mistake.
      const r = (parse as (x: unknown) => CellResult<unknown>)(v);
      if (!r.ok) expectFailure(r);
      expect(() => displayValue(v as CellValue)).not.toThrow();
      expect(() => isBlank(v as CellValue)).not.toThrow();
    },
  );
});
