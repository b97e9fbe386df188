import { describe, expect, it } from 'vitest';
import { headerMatches, normalizeHeader } from '../../../shared/contract/headers';

describe('header matching', () => {
  const date = { zh: '日期', en: 'date' };
  const memberId = { zh: '党员编号', en: 'member_id' };

  it.each([
    ['日期', date],
    ['日期(YYYY-MM-DD)', date],
    ['日期（YYYY-MM-DD）', date],
    [' 日 期 ', date],
    ['DATE', date],
    ['Ｄａｔｅ', date],
    ['date (yyyy-mm-dd)', date],
    ['党员编号（必填）', memberId],
    ['Member ID', memberId],
    ['member-id', memberId],
    ['MEMBER_ID', memberId],
    ['党员编号\u3000', memberId],
  ])('%s matches', (header, names) => {
    expect(headerMatches(header, names)).toBe(true);
  });

  it.each([
    ['日期2', date],
    ['', date],
    ['(日期)', date],
    ['编号', memberId],
  ])('%s does not match', (header, names) => {
    expect(headerMatches(header, names)).toBe(false);
  });

  it('strips only a trailing hint', () => {
    expect(normalizeHeader('成绩(分)(缺考留空)')).toBe('成绩');
    expect(normalizeHeader('(备注)说明')).toBe('(备注)说明');
  });
});
