import { describe, expect, it } from 'vitest';
import {
  daysLeftFill,
  FILL,
  gradeCell,
  gradeFill,
  overdueFill,
  rateCell,
  ratingFill,
  scoreCell,
  timestampText,
} from '../../../shared/dashboards/format';
import { labels, unmetText, wordFor } from '../../../shared/dashboards/labels';

describe('dashboard formats', () => {
  it('keeps a rate unrounded with a one-decimal percent format, and shows no rate as "—", never 0 %', () => {
    expect(rateCell(0.925)).toEqual({ value: 0.925, numFmt: '0.0%' });
    expect(rateCell(0)).toEqual({ value: 0, numFmt: '0.0%' });
    expect(rateCell(null)).toEqual({ value: '—', align: 'right' });
    expect(scoreCell(84.25)).toEqual({ value: 84.25, numFmt: '0.0' });
    expect(scoreCell(null)).toEqual({ value: '—', align: 'right' });
  });

  it('colours grades, ratings, overdue days and days left', () => {
    expect(['excellent', 'good', 'pass', 'fail'].map((g) => gradeFill(g as 'good'))).toEqual([
      FILL.green,
      FILL.lightGreen,
      FILL.yellow,
      FILL.red,
    ]);
    expect(ratingFill('basicallyQualified')).toBe(FILL.yellow);
    expect([0, 7, 8, 30, 31].map(overdueFill)).toEqual([FILL.yellow, FILL.yellow, FILL.orange, FILL.orange, FILL.red]);
    expect([0, 3, 4, 7, 8, 14].map(daysLeftFill)).toEqual([
      FILL.red,
      FILL.red,
      FILL.orange,
      FILL.orange,
      FILL.yellow,
      FILL.yellow,
    ]);
    expect(gradeCell('pass', labels('en'))).toEqual({ value: 'Pass', fill: FILL.yellow });
    expect(gradeCell(null, labels('zh'))).toEqual({ value: '—' });
  });

  it('words the enums in both languages', () => {
    const zh = labels('zh');
    const en = labels('en');
    expect(Object.values(zh.grade)).toEqual(['优秀', '良好', '合格', '不合格']);
    expect(Object.values(zh.category)).toEqual(['生产', '管理', '经营']);
    expect(unmetText(zh, { type: 'group_meeting', group: '第一党小组' })).toBe('党小组会（第一党小组）');
    expect(unmetText(en, { type: 'party_lecture', group: null })).toBe('Party lecture');
    expect(wordFor(zh.projectKind, 'secretary')).toBe('书记项目');
    expect(wordFor(zh.projectKind, '其他')).toBe('其他');
    expect(Object.keys(en.col)).toEqual(Object.keys(zh.col));
  });

  it("shows clock times in the committee's time zone", () => {
    expect(timestampText('2026-03-31T16:01:00.000Z', 'Asia/Shanghai')).toBe('2026-04-01 00:01');
    expect(timestampText(null, 'Asia/Shanghai')).toBe('—');
  });
});
