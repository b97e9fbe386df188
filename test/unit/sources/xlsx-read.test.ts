import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBranchWorkbook } from '../../../shared/contract/workbook';
import { readXlsxFile, XlsxWorkbookSource } from '../../../shared/sources/xlsx/read';
import { WorkbookUnavailableError } from '../../../shared/sources/port';
import { tempDir, writeXlsxFixture } from '../../helpers/workbooks';

const ctx = { orgId: 'B1', asOf: '2026-03-31', criteria: [] };

describe('xlsx workbook source', () => {
  it('reads the same records from shuffled columns with an unknown extra column', async () => {
    const dir = await tempDir();
    const a = await writeXlsxFixture(path.join(dir, 'a.xlsx'), {
      党员: [
        ['党员编号', '姓名', '党小组', '类别', '状态'],
        ['M1', '张三', '一组', '正式', '在册'],
        ['M2', '李四', '二组', '预备', '转出'],
      ],
      组织生活: [
        ['活动编号', '日期', '类型', '主题'],
        ['S1', '2026-03-05', '支委会', '学习'],
      ],
    });
    const b = await writeXlsxFixture(path.join(dir, 'b.xlsx'), {
      组织生活: [
        ['Topic', '微信群备注', 'TYPE', '日期(YYYY-MM-DD)', 'Session ID'],
        ['学习', '无关', 'committee_meeting', '2026/3/5', 'S1'],
      ],
      党员: [
        ['状态', '手机号', '姓名', '党员编号（必填）', '类别', '党小组'],
        ['active', '13800000000', '张三', 'M1', 'full', '一组'],
        ['transferred', '', '李四', 'M2', '预备', '二组'],
      ],
    });
    const ra = readBranchWorkbook(await readXlsxFile(a), ctx);
    const rb = readBranchWorkbook(await readXlsxFile(b), ctx);
    expect(rb.data.members).toEqual(ra.data.members);
    expect(rb.data.sessions).toEqual(ra.data.sessions);
    expect(ra.data.members).toHaveLength(2);
    expect(ra.data.sessions).toHaveLength(1);
  });

  it('gives merged cells their top-left value, formulas their cached result, and error cells as errors', async () => {
    const dir = await tempDir();
    const file = await writeXlsxFixture(path.join(dir, 'm.xlsx'), {
      党员: {
        rows: [
          ['党员编号', '姓名', '党小组'],
          ['M1', '张三', '一组'],
          ['M2', '李四', null],
          ['M3', { formula: 'B2&"丙"', result: '张三丙' }, '二组'],
        ],
        merges: ['C2:C3'],
      },
      每季一考: [
        ['季度', '党员编号', '成绩'],
        ['2026Q1', 'M1', { formula: 'AVERAGE(1,2)', result: 88 }],
        ['2026Q1', 'M2', { error: '#REF!' }],
        [{ formula: '"2026Q1"', result: { error: '#N/A' } }, 'M3', 70],
      ],
    });
    const r = readBranchWorkbook(await readXlsxFile(file), ctx);
    expect(r.data.members.map((m) => [m.id, m.name, m.group])).toEqual([
      ['M1', '张三', '一组'],
      ['M2', '李四', '一组'],
      ['M3', '张三丙', '二组'],
    ]);
    expect(r.data.exams).toEqual([{ quarter: '2026Q1', memberId: 'M1', score: 88 }]);
    const errors = r.issues.filter((i) => i.tab === '每季一考');
    expect(errors.map((i) => [i.row, i.column, i.value])).toEqual([
      [3, '成绩', '#REF!'],
      [4, '季度', '#N/A'],
    ]);
  });

  it('reads serial-number and date-typed cells as calendar dates', async () => {
    const dir = await tempDir();
    const file = await writeXlsxFixture(path.join(dir, 's.xlsx'), {
      组织生活: [
        ['活动编号', '日期', '类型'],
        ['S1', 46086, '支委会'], // 46086 days after 1899-12-30 = 2026-03-05
        ['S2', new Date(Date.UTC(2026, 2, 12)), '主题党日'],
        ['S3', '2026年3月20日', '党课'],
      ],
    });
    const r = readBranchWorkbook(await readXlsxFile(file), ctx);
    expect(r.data.sessions.map((s) => [s.id, s.date, s.type])).toEqual([
      ['S1', '2026-03-05', 'committee_meeting'],
      ['S2', '2026-03-12', 'theme_day'],
      ['S3', '2026-03-20', 'party_lecture'],
    ]);
  });

  it('says which file is missing, in words a person can act on', async () => {
    const source = new XlsxWorkbookSource(await tempDir());
    const err = await source.read(' 不存在.xlsx ').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookUnavailableError);
    expect((err as WorkbookUnavailableError).reasonZh).toContain('找不到');
  });
});
