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

/** Every setting with its default, as the template lists them. */
export function defaultSettingRows(): [string, number | string][] {
  const d = DEFAULT_SETTINGS;
  return [
    ['exam_pass_mark', d.examPassMark],
    ['grade_excellent', d.gradeExcellent],
    ['grade_good', d.gradeGood],
    ['grade_pass', d.gradePass],
    ['member_excellent', d.memberExcellent],
    ['member_qualified', d.memberQualified],
    ['member_basically_qualified', d.memberBasicallyQualified],
    ['at_risk_months', d.atRiskMonths],
    ['lapsed_months', d.lapsedMonths],
    ['weight_evaluation', d.weights.evaluation],
    ['weight_attendance', d.weights.attendance],
    ['weight_compliance', d.weights.compliance],
    ['weight_rectification', d.weights.rectification],
    ['weight_exam', d.weights.exam],
    ['time_zone', d.timeZone],
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
