// The 参数 tab: key/value settings over documented defaults; an unknown key or unreadable value is reported and the
// default stands.
import { displayValue, parseInteger, parseNumber, parseText, type CellValue } from './cells';
import { makeIssue, type Bilingual, type ValidationIssue } from './issues';
import type { TabOutcome } from './read-tab';
import type { SettingRow } from './tabs/config';
import { DEFAULT_SETTINGS, type Settings, type Weights } from '../domain/types';

type Reader = (v: CellValue) => { ok: true; value: number | string } | { ok: false; expected: Bilingual };

const numberBetween =
  (min: number, max: number): Reader =>
  (v) => {
    const r = parseNumber(v);
    if (r.ok && r.value !== null && r.value >= min && r.value <= max) return { ok: true, value: r.value };
    return { ok: false, expected: { zh: `${min}–${max} 之间的数字`, en: `a number between ${min} and ${max}` } };
  };

const months: Reader = (v) => {
  const r = parseInteger(v);
  if (r.ok && r.value !== null && r.value >= 1 && r.value <= 120) return { ok: true, value: r.value };
  return { ok: false, expected: { zh: '1–120 之间的整数月数', en: 'a whole number of months between 1 and 120' } };
};

const timeZone: Reader = (v) => {
  const r = parseText(v);
  if (r.ok && r.value !== null && isTimeZone(r.value)) return { ok: true, value: r.value };
  return { ok: false, expected: { zh: '时区名称，如 Asia/Shanghai', en: 'a time zone name such as Asia/Shanghai' } };
};

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const score = numberBetween(0, 100);
const weight = numberBetween(0, 100);

const KEYS: Record<string, { read: Reader; set: (s: Settings, v: number | string) => void }> = {
  exam_pass_mark: { read: score, set: (s, v) => (s.examPassMark = Number(v)) },
  grade_excellent: { read: score, set: (s, v) => (s.gradeExcellent = Number(v)) },
  grade_good: { read: score, set: (s, v) => (s.gradeGood = Number(v)) },
  grade_pass: { read: score, set: (s, v) => (s.gradePass = Number(v)) },
  member_excellent: { read: numberBetween(0, 1000), set: (s, v) => (s.memberExcellent = Number(v)) },
  member_qualified: { read: numberBetween(0, 1000), set: (s, v) => (s.memberQualified = Number(v)) },
  member_basically_qualified: { read: numberBetween(0, 1000), set: (s, v) => (s.memberBasicallyQualified = Number(v)) },
  at_risk_months: { read: months, set: (s, v) => (s.atRiskMonths = Number(v)) },
  lapsed_months: { read: months, set: (s, v) => (s.lapsedMonths = Number(v)) },
  ...weightKeys(),
  time_zone: { read: timeZone, set: (s, v) => (s.timeZone = String(v)) },
  star_5: { read: score, set: (s, v) => (s.stars = { ...s.stars, five: Number(v) }) },
  star_4: { read: score, set: (s, v) => (s.stars = { ...s.stars, four: Number(v) }) },
  star_3: { read: score, set: (s, v) => (s.stars = { ...s.stars, three: Number(v) }) },
  star_2: { read: score, set: (s, v) => (s.stars = { ...s.stars, two: Number(v) }) },
  benchmark_share: { read: numberBetween(0, 1), set: (s, v) => (s.benchmarkShare = Number(v)) },
  advanced_share: { read: numberBetween(0, 1), set: (s, v) => (s.advancedShare = Number(v)) },
};

function weightKeys() {
  const names: (keyof Weights)[] = ['evaluation', 'attendance', 'compliance', 'rectification', 'exam'];
  return Object.fromEntries(
    names.map((n) => [
      `weight_${n}`,
      { read: weight, set: (s: Settings, v: number | string) => (s.weights[n] = Number(v)) },
    ]),
  );
}

export const SETTING_KEYS = Object.keys(KEYS);

/** Every setting with its default and what it means, in Chinese, as the template lists them. */
export function defaultSettingRows(): [string, number | string, string][] {
  const d = DEFAULT_SETTINGS;
  return [
    ['exam_pass_mark', d.examPassMark, '每季一考及格分'],
    ['grade_excellent', d.gradeExcellent, '支部月度考评“优秀”的最低分'],
    ['grade_good', d.gradeGood, '支部月度考评“良好”的最低分'],
    ['grade_pass', d.gradePass, '支部月度考评“合格”的最低分，低于此为“不合格”'],
    ['member_excellent', d.memberExcellent, '党员积分“优秀”的最低分（也是先进党员红星指数的门槛）'],
    ['member_qualified', d.memberQualified, '党员积分“合格”的最低分'],
    ['member_basically_qualified', d.memberBasicallyQualified, '党员积分“基本合格”的最低分'],
    ['at_risk_months', d.atRiskMonths, '连续几个月未参加组织生活列为“预警”'],
    ['lapsed_months', d.lapsedMonths, '连续几个月未参加组织生活列为“已满脱党期限”（党章规定六个月）'],
    ['weight_evaluation', d.weights.evaluation, '堡垒指数中考评得分的权重'],
    ['weight_attendance', d.weights.attendance, '堡垒指数中出勤率的权重'],
    ['weight_compliance', d.weights.compliance, '堡垒指数中组织生活落实率的权重'],
    ['weight_rectification', d.weights.rectification, '堡垒指数中整改率的权重'],
    ['weight_exam', d.weights.exam, '堡垒指数中考试及格率的权重'],
    ['time_zone', d.timeZone, '时区：决定“今天”是哪一天'],
    ['star_5', d.stars.five, '星级堡垒党支部：年度堡垒指数达到此值为五星'],
    ['star_4', d.stars.four, '年度堡垒指数达到此值为四星'],
    ['star_3', d.stars.three, '年度堡垒指数达到此值为三星'],
    ['star_2', d.stars.two, '年度堡垒指数达到此值为二星，低于此为一星'],
    ['benchmark_share', d.benchmarkShare, '标杆党支部：每个类别中按红旗指数选出的比例（至少 1 个）'],
    ['advanced_share', d.advancedShare, '先进党员：每个支部在册党员中最多选出的比例'],
  ];
}

export function readSettings(
  workbook: string,
  tab: TabOutcome<SettingRow>,
): { settings: Settings; issues: ValidationIssue[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS, weights: { ...DEFAULT_SETTINGS.weights } };
  const issues: ValidationIssue[] = [];
  for (const row of tab.rows) {
    const rec = row.record;
    if (rec === null) continue;
    const keyColumn = tab.headers.key ?? '名称';
    const valueColumn = tab.headers.value ?? '值';
    const key = rec.key.trim().toLowerCase();
    const def = KEYS[key];
    const place = { workbook, tab: tab.tab, row: row.row };
    if (def === undefined) {
      issues.push(
        makeIssue({
          code: 'unknown_setting',
          ...place,
          column: keyColumn,
          value: rec.key,
          text: { zh: `未知参数“${rec.key}”，已忽略`, en: `unknown setting "${rec.key}", ignored` },
        }),
      );
      row.record = null;
      continue;
    }
    const r = def.read(rec.value);
    if (!r.ok) {
      const typed = displayValue(rec.value);
      issues.push(
        makeIssue({
          code: 'unreadable_cell',
          ...place,
          column: valueColumn,
          value: typed,
          text: {
            zh: `参数 ${key} 的值“${typed}”无法识别，应为${r.expected.zh}；仍使用默认值`,
            en: `setting ${key}: cannot read "${typed}", expected ${r.expected.en}; the default stands`,
          },
        }),
      );
      row.record = null;
      continue;
    }
    def.set(settings, r.value);
  }
  return { settings, issues };
}
