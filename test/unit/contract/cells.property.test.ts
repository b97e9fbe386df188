// Property tests for the cell parsers: no input makes them throw, every answer has the promised shape, and typed forms
// round-trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  displayValue,
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

const oneOf =
  (...values: string[]) =>
  (v: unknown): boolean =>
    typeof v === 'string' && values.includes(v);

/** Each parser with what a successful value may look like (null = blank is always allowed, except for booleans). */
const PARSERS: Array<[string, (v: CellValue) => CellResult<unknown>, (value: unknown) => boolean]> = [
  ['parseText', parseText, (v) => typeof v === 'string' && v !== ''],
  ['parseDate', parseDate, (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)],
  ['parseMonth', parseMonth, (v) => typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v)],
  ['parseQuarter', parseQuarter, (v) => typeof v === 'string' && /^\d{4}Q[1-4]$/.test(v)],
  ['parseNumber', parseNumber, (v) => typeof v === 'number' && Number.isFinite(v)],
  ['parseInteger', parseInteger, (v) => typeof v === 'number' && Number.isSafeInteger(v)],
  ['parseBoolean', parseBoolean, (v) => typeof v === 'boolean'],
  ['parseAttendanceMark', parseAttendanceMark, oneOf('present', 'late', 'excused', 'absent')],
  ['parseLevel', parseLevel, oneOf('committee', 'general_branch', 'branch')],
  ['parseCategory', parseCategory, oneOf('production', 'management', 'business')],
  ['parseSecretaryType', parseSecretaryType, oneOf('full_time', 'part_time')],
  ['parseAppliesTo', parseAppliesTo, oneOf('all', 'production', 'management', 'business')],
  ['parseReviewMethod', parseReviewMethod, oneOf('self', 'on_site', 'evidence')],
  ['parseMemberKind', parseMemberKind, oneOf('full', 'probationary')],
  ['parseMemberStatus', parseMemberStatus, oneOf('active', 'transferred', 'inactive')],
  [
    'parseSessionType',
    parseSessionType,
    oneOf('members_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'study'),
  ],
  [
    'parseRectificationSource',
    parseRectificationSource,
    oneOf('cross_check', 'expert_review', 'self_check', 'inspection', 'other'),
  ],
  ['parseProjectKind', parseProjectKind, oneOf('branch', 'secretary')],
  ['parseProjectGrade', parseProjectGrade, oneOf('A', 'B', 'C')],
];

/** Fragments of what people type, so that random strings also come close to the accepted forms. */
const FRAGMENTS = [
  ...'0123456789０１２３４５６７８９',
  '2026',
  '２０２６',
  '-',
  '/',
  '.',
  ',',
  ':',
  'T',
  'Z',
  '+',
  'e',
  'q',
  'Q',
  '%',
  '％',
  '年',
  '月',
  '日',
  '号',
  '份',
  '第',
  '季度',
  '一',
  '四',
  '分',
  '小时',
  'h',
  '万',
  ' ',
  '\u3000',
  '\u00a0',
  '\t',
  '#',
  '!',
  '#REF!',
  '#N/A',
  '是',
  '否',
  '√',
  '×',
  'x',
  'true',
  'yes',
  '党支部',
  'theme_day',
  '_',
];
const typedLike = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(''));
/** Any UTF-16 code unit, lone surrogates included. */
const utf16 = fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)) });

const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  utf16,
  typedLike,
);

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  anyString,
  fc.double(),
  fc.integer(),
  fc.integer({ min: -10, max: 3_000_000 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 2958465, 2958466),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(null, undefined),
  anyString.map((error) => ({ error })),
);

const RUNS = { numRuns: 400 };

function wellFormed(r: CellResult<unknown>, valueOk: (v: unknown) => boolean, nullable: boolean): boolean {
  if (r.ok) return (nullable && r.value === null) || valueOk(r.value);
  return (
    typeof r.expected.zh === 'string' &&
    typeof r.expected.en === 'string' &&
    r.expected.zh.trim() !== '' &&
    r.expected.en.trim() !== ''
  );
}

describe('no parser ever throws, and every answer is well formed', () => {
  const inputs: Array<[string, fc.Arbitrary<CellValue>]> = [
    ['fc.string()', fc.string()],
    ['grapheme strings', fc.string({ unit: 'grapheme' })],
    ['full-Unicode strings', fc.string({ unit: 'binary' })],
    ['UTF-16 strings with lone surrogates', utf16],
    ['strings built from typed fragments', typedLike],
    ['doubles incl. NaN and ±Infinity', fc.double()],
    ['integers', fc.integer()],
    ['booleans', fc.boolean()],
    ['dates incl. invalid ones', fc.date({ noInvalidDate: false })],
    ['null and undefined', fc.constantFrom<CellValue>(null, undefined)],
    ['error objects', anyString.map((error) => ({ error }))],
    ['any cell', anyCell],
  ];
  for (const [name, parse, valueOk] of PARSERS) {
    it.each(inputs)(`${name} on %s`, (_, arb) => {
      fc.assert(
        fc.property(arb, (v) => wellFormed(parse(v), valueOk, name !== 'parseBoolean')),
        RUNS,
      );
    });
  }

  it('isBlank, displayValue and normalizeText never throw', () => {
    fc.assert(
      fc.property(anyCell, (v) => {
        expect(typeof isBlank(v)).toBe('boolean');
        expect(typeof displayValue(v)).toBe('string');
        if (typeof v === 'string') expect(typeof normalizeText(v)).toBe('string');
      }),
      RUNS,
    );
  });

  it('a blank cell displays as the empty string, and only a blank cell does', () => {
    fc.assert(
      fc.property(anyCell, (v) => isBlank(v) === (displayValue(v) === '')),
      RUNS,
    );
  });

  it('a formula error is never read as a value', () => {
    const errorCell = fc.oneof(
      fc.constantFrom('#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!'),
      anyString.map((error): CellValue => ({ error })),
    );
    fc.assert(
      fc.property(errorCell, (v) => PARSERS.every(([, parse]) => !parse(v).ok)),
      RUNS,
    );
  });
});

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const fullWidth = (s: string): string => s.replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)] ?? d).replace(/-/g, '－');

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
/** Calendar dates with four-digit years, as .xlsx adapters hand them over (UTC midnight). */
const calendarDate = fc
  .date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((d) => {
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    return { y, m, d: day, date: new Date(Date.UTC(y, m - 1, day)) };
  });
const iso = (x: { y: number; m: number; d: number }): string => `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;

describe('round trips', () => {
  it("any calendar date typed as 'YYYY/M/D' reads back as its ISO form", () => {
    fc.assert(
      fc.property(calendarDate, (x) => {
        expect(parseDate(`${x.y}/${x.m}/${x.d}`)).toEqual({ ok: true, value: iso(x) });
      }),
      RUNS,
    );
  });

  it("any calendar date typed as 'YYYY年M月D日' in full-width digits reads back as its ISO form", () => {
    fc.assert(
      fc.property(calendarDate, (x) => {
        expect(parseDate(fullWidth(`${x.y}年${x.m}月${x.d}日`))).toEqual({ ok: true, value: iso(x) });
      }),
      RUNS,
    );
  });

  it('any Date cell reads as the date of its UTC components, and its month and quarter follow', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 86_399_999 }), (x, ms) => {
        const cell = new Date(x.date.getTime() + ms);
        expect(parseDate(cell)).toEqual({ ok: true, value: iso(x) });
        expect(parseMonth(cell)).toEqual({ ok: true, value: iso(x).slice(0, 7) });
        expect(parseQuarter(cell)).toEqual({ ok: true, value: `${pad(x.y, 4)}Q${Math.ceil(x.m / 3)}` });
      }),
      RUNS,
    );
  });

  it('a serial number and the Date it stands for read as the same day, whatever the time fraction', () => {
    const epoch = Date.UTC(1899, 11, 30);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_958_465 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (serial, fraction) => {
          const date = new Date(epoch + serial * 86_400_000);
          expect(parseDate(serial + fraction)).toEqual(parseDate(date));
        },
      ),
      RUNS,
    );
  });

  it("any month typed as 'YYYY年M月' or 'YYYY-MM' reads back as 'YYYY-MM', and its quarter follows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const expected = `${y}-${pad(m)}`;
        expect(parseMonth(`${y}年${m}月`)).toEqual({ ok: true, value: expected });
        expect(parseMonth(expected)).toEqual({ ok: true, value: expected });
        expect(parseQuarter(`${y}年${m}月`)).toEqual({ ok: true, value: `${y}Q${Math.ceil(m / 3)}` });
      }),
      RUNS,
    );
  });

  it('a year.month number 1900–2100 with one or two decimals reads as that month (months 1–9 and 11–12)', () => {
    const month = fc.integer({ min: 1, max: 12 }).filter((m) => m !== 10);
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2100 }), month, (y, m) => {
        expect(parseMonth(Number(`${y}.${pad(m)}`))).toEqual({ ok: true, value: `${y}-${pad(m)}` });
      }),
      RUNS,
    );
  });

  it('any quarter typed as YYYYQn or YYYY年第n季度 reads back as YYYYQn', () => {
    const zh = ['一', '二', '三', '四'];
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 4 }), (y, q) => {
        const expected = { ok: true, value: `${y}Q${q}` };
        expect(parseQuarter(`${y}Q${q}`)).toEqual(expected);
        expect(parseQuarter(`${y}年第${zh[q - 1] ?? ''}季度`)).toEqual(expected);
        expect(parseQuarter(fullWidth(`${y}-q${q}`))).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('any integer of up to 15 digits written with full-width digits parses to itself; a longer one is refused', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const typed = fullWidth(String(n));
        if (Math.abs(n) <= 999_999_999_999_999) {
          expect(parseNumber(typed)).toEqual({ ok: true, value: n === 0 ? 0 : n });
          expect(parseInteger(typed)).toEqual({ ok: true, value: n === 0 ? 0 : n });
        } else {
          expect(parseNumber(typed)).toMatchObject({
            ok: false,
            expected: { en: expect.stringMatching(/at most 15 digits/) },
          });
          expect(parseInteger(typed)).toMatchObject({
            ok: false,
            expected: { en: expect.stringMatching(/at most 15 digits/) },
          });
        }
      }),
      RUNS,
    );
  });

  it('any finite number written as JavaScript prints it parses to itself, also with a unit', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom('', '分', ' h', '%', '小时'),
        (n, unit) => {
          const a = Math.abs(n);
          // Numbers the store holds exactly parse to themselves; 1e20 or 1e-200 is a typing slip, refused with a reason.
          if (a === 0 || (a <= 999_999_999_999_999 && a >= 1e-9))
            expect(parseNumber(`${String(n)}${unit}`)).toEqual({ ok: true, value: n === 0 ? 0 : n });
          else expect(parseNumber(`${String(n)}${unit}`)).toMatchObject({ ok: false });
        },
      ),
      RUNS,
    );
  });

  it('any integer with thousands separators parses to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseNumber(n.toLocaleString('en-US'))).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
      RUNS,
    );
  });

  it('an id typed as an integer reads as its decimal digits, and text as typed reads back trimmed', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseText(n)).toEqual({ ok: true, value: String(n === 0 ? 0 : n) });
      }),
      RUNS,
    );
  });

  it('spaces of any width around a value do not change what it reads as', () => {
    const space = fc.string({ unit: fc.constantFrom(' ', '\u3000', '\u00a0', '\t'), maxLength: 4 });
    fc.assert(
      fc.property(space, space, anyString, (before, after, s) => {
        for (const [, parse] of PARSERS) expect(parse(`${before}${s}${after}`)).toEqual(parse(s));
      }),
      { numRuns: 200 },
    );
  });

  it('a string of spaces of any width is blank', () => {
    const spaces = fc.string({ unit: fc.constantFrom(' ', '\u3000', '\u00a0', '\t', '\n') });
    fc.assert(
      fc.property(spaces, (s) => isBlank(s) && normalizeText(s) === ''),
      RUNS,
    );
  });
});
