// Cell forms people really type: each workbook has its habits (preferred date, month and mark spellings) and strays
// from them now and then.
import type { CellValue } from '../contract/cells';
import type { AttendanceMark, IsoDate, Month, Quarter } from '../domain/types';
import type { Rng } from './random';

type DateForm = 'iso' | 'slash' | 'dot' | 'chinese' | 'date' | 'serial';
type MonthForm = 'iso' | 'slash' | 'chinese' | 'date' | 'dot';
type QuarterForm = 'plain' | 'dash' | 'chinese' | 'digit';

const DATE_FORMS: readonly (readonly [DateForm, number])[] = [
  ['iso', 30],
  ['date', 25],
  ['slash', 20],
  ['chinese', 10],
  ['dot', 10],
  ['serial', 5],
];
const MONTH_FORMS: readonly (readonly [MonthForm, number])[] = [
  ['iso', 40],
  ['chinese', 25],
  ['slash', 20],
  ['date', 10],
  ['dot', 5],
];
const QUARTER_FORMS: readonly (readonly [QuarterForm, number])[] = [
  ['plain', 40],
  ['chinese', 30],
  ['dash', 20],
  ['digit', 10],
];
const CHINESE_DIGITS = ['', '一', '二', '三', '四'];

/** Spellings of each mark: habits a workbook may have, and every other accepted spelling. */
const MARK_HABITS: readonly Record<AttendanceMark, CellValue>[] = [
  { present: '√', late: '迟到', excused: '请假', absent: '×' },
  { present: 1, late: '迟', excused: '假', absent: 0 },
  { present: '出席', late: '迟到', excused: '请假', absent: '缺席' },
  { present: '✓', late: '迟', excused: '假', absent: '✗' },
];
const MARK_SPELLINGS: Record<AttendanceMark, readonly CellValue[]> = {
  present: ['√', '✓', '1', 1, '出席', 'present'],
  late: ['迟到', '迟', 'late'],
  excused: ['请假', '假', 'excused'],
  absent: ['×', '0', 0, '缺席', '✗', 'absent'],
};
const YES: readonly CellValue[] = ['是', '√', 'Y', true, '是'];
const NO: readonly CellValue[] = ['否', 'N', null, false, '否'];

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function ymd(iso: IsoDate): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** ０-９ and ． for 0-9 and '.': what a Chinese input method in full-width mode types. */
export function fullWidth(s: string): string {
  return s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

export function formatDate(iso: IsoDate, form: DateForm): CellValue {
  const [y, m, d] = ymd(iso);
  switch (form) {
    case 'iso':
      return iso;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'chinese':
      return `${y}年${m}月${d}日`;
    case 'date':
      return new Date(Date.UTC(y, m - 1, d));
    case 'serial':
      return (Date.UTC(y, m - 1, d) - SERIAL_EPOCH) / DAY_MS;
  }
}

export class CellStyle {
  private readonly dateForm: DateForm;
  private readonly monthForm: MonthForm;
  private readonly quarterForm: QuarterForm;
  private readonly marks: Record<AttendanceMark, CellValue>;
  /** How often a cell strays from the workbook's habit. */
  private readonly stray: number;

  constructor(
    readonly messy: boolean,
    readonly rng: Rng,
  ) {
    this.dateForm = rng.weighted(DATE_FORMS);
    this.monthForm = rng.weighted(MONTH_FORMS);
    this.quarterForm = rng.weighted(QUARTER_FORMS);
    this.marks = rng.pick(MARK_HABITS);
    this.stray = rng.float(0.05, 0.3);
  }

  private strays(): boolean {
    return this.messy && this.rng.chance(this.stray);
  }

  date(iso: IsoDate): CellValue {
    if (!this.messy) return iso;
    return this.spaced(formatDate(iso, this.strays() ? this.rng.weighted(DATE_FORMS) : this.dateForm));
  }

  month(month: Month): CellValue {
    if (!this.messy) return month;
    const form = this.strays() ? this.rng.weighted(MONTH_FORMS) : this.monthForm;
    const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    switch (form) {
      case 'iso':
        return this.spaced(month);
      case 'slash':
        return `${y}/${m}`;
      case 'dot':
        return `${y}.${m}`;
      case 'chinese':
        return this.spaced(`${y}年${m}月`);
      case 'date':
        return new Date(Date.UTC(y, m - 1, 1));
    }
  }

  quarter(q: Quarter): CellValue {
    if (!this.messy) return q;
    const [y, n] = [q.slice(0, 4), Number(q.slice(5))];
    switch (this.strays() ? this.rng.weighted(QUARTER_FORMS) : this.quarterForm) {
      case 'plain':
        return q;
      case 'dash':
        return `${y}-Q${n}`;
      case 'chinese':
        return `${y}年第${CHINESE_DIGITS[n] ?? n}季度`;
      case 'digit':
        return `${y}年${n}季度`;
    }
  }

  /** A number, now and then with a unit ('85分', '2小时') or in full-width digits ('８５'). */
  num(n: number, unit = ''): CellValue {
    if (!this.messy || !this.strays()) return n;
    const r = this.rng.next();
    if (r < 0.5 && unit !== '') return `${n}${unit}`;
    if (r < 0.8) return fullWidth(String(n));
    return String(n);
  }

  /** A number or blank; zeros are often left blank. */
  optionalNum(n: number, unit = ''): CellValue {
    if (n === 0) return this.messy && this.rng.chance(0.6) ? null : 0;
    return this.num(n, unit);
  }

  bool(b: boolean): CellValue {
    if (!this.messy) return b ? '是' : '否';
    return this.strays() ? this.rng.pick(b ? YES : NO) : b ? '是' : this.rng.chance(0.7) ? null : '否';
  }

  mark(m: AttendanceMark): CellValue {
    if (!this.messy) return { present: '出席', late: '迟到', excused: '请假', absent: '缺席' }[m];
    return this.rng.chance(this.stray / 3) ? this.rng.pick(MARK_SPELLINGS[m]) : this.marks[m];
  }

  /** An enumerated value: words[0] is the usual word, later ones synonyms; `en` is the English key. */
  word(words: readonly string[], en: string): CellValue {
    const usual = words[0] ?? en;
    if (!this.messy || !this.strays()) return usual;
    return this.spaced(this.rng.chance(0.4) ? en : this.rng.pick(words));
  }

  text(s: string | null): CellValue {
    return s === null ? null : this.spaced(s);
  }

  /** Half- and full-width spaces around a value, as pasted from a chat message. */
  spaced<T extends CellValue>(v: T): T | string {
    if (!this.messy || typeof v !== 'string' || !this.rng.chance(0.04)) return v;
    return this.rng.pick([`\u3000${v}`, `${v}\u3000`, ` ${v}\u3000`, `\u3000${v} `]);
  }

  /** An id, once in a while typed in full-width characters. */
  id(s: string): CellValue {
    if (this.messy && this.rng.chance(0.01))
      return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    return this.spaced(s);
  }
}
