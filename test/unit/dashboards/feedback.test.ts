import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { feedbackWorkbook } from '../../../shared/dashboards/feedback';
import { XlsxWorkbookSink } from '../../../shared/sources/xlsx/sink';
import { FILL } from '../../../shared/dashboards/format';
import { cellValue } from '../../../shared/dashboards/layout';
import { tempDir } from '../../helpers/workbooks';
import { asCell, rowOf, sectionRows, values } from './find';
import { results } from './fixture';

describe('branch feedback', () => {
  it('is one tab named 反馈 (Feedback in English) headed by the branch and the period', () => {
    const zh = feedbackWorkbook({ results: results(), orgId: 'B1', lang: 'zh' });
    expect(zh.sheets.map((s) => s.name)).toEqual(['反馈']);
    expect(feedbackWorkbook({ results: results(), orgId: 'B1', lang: 'en' }).sheets.map((s) => s.name)).toEqual([
      'Feedback',
    ]);
    const s = zh.sheets[0];
    expect(String(cellValue(s?.rows[0]?.[0]))).toBe('第一党支部 考评反馈：2026-03 · 考评中 · 数据截至 2026-03-31');
    expect(s?.frozenRows).toBe(1);
  });

  it("shows the branch's figures with its rank within its category", () => {
    const [s] = feedbackWorkbook({ results: results(), orgId: 'B2', lang: 'zh' }).sheets;
    if (s === undefined) throw new Error('no sheet');
    expect(values(rowOf(s, '排名'))[1]).toBe('1 / 2（生产类）');
    expect(asCell(rowOf(s, '等级')[1])).toMatchObject({ value: '优秀', fill: FILL.green });
    expect(values(rowOf(s, '已审核'))[1]).toBe('否');
    expect(values(rowOf(s, '缺项'))[1]).toBe(1);
    expect(values(rowOf(s, '未完成事项'))[1]).toBe('党小组会（第一党小组）、主题党日');
    expect(asCell(rowOf(s, '出勤率')[1])).toEqual({ value: '—', align: 'right' });
    expect(values(sectionRows(s, '逾期未整改问题')[0])).toEqual(['I7', '=HYPERLINK("x")', '2026-02-19', 40]);
    expect(values(sectionRows(s, '预警党员（')[0])).toEqual(['M9', '李四', 7, '是']);
    expect(values(sectionRows(s, '数据问题清单')[0])).toEqual(['无']);
  });

  it('lists its own validation errors with tab, row number, column, the typed value and the message', () => {
    const [s] = feedbackWorkbook({ results: results(), orgId: 'B1', lang: 'zh' }).sheets;
    if (s === undefined) throw new Error('no sheet');
    const rows = sectionRows(s, '数据问题清单（2 条）');
    expect(rows.map(values)).toEqual([
      ['整改', 9, '完成日期', '2026-13-01', '无法识别“2026-13-01”，应填写日期', '第一党支部.xlsx'],
      ['组织生活', 5, '日期', '=1+1', '无法识别“=1+1”，应填写日期', '第一党支部.xlsx'],
    ]);
    expect(values(sectionRows(s, '14 天内到期')[0])).toEqual(['整改', 'I3', '整改台账', '2026-04-10', 10]);
    expect(sectionRows(s, '逾期未整改问题').map((r) => cellValue(r[0]))).toEqual(['I2', 'I1']);
  });

  it('writes typed text as text in the xlsx, never as a formula', async () => {
    const sink = new XlsxWorkbookSink(await tempDir());
    const file = await sink.writeFeedback({ id: 'B1', name: '第一/党支部' }, '2026-03', () =>
      feedbackWorkbook({ results: results(), orgId: 'B1', lang: 'zh' }),
    );
    if (file === null) throw new Error('not written');
    expect(path.basename(file)).toBe('B1-第一_党支部-反馈-2026-03.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('反馈');
    const found: ExcelJS.Cell[] = [];
    ws?.eachRow((row) => row.eachCell((cell) => (cell.value === '=1+1' ? found.push(cell) : undefined)));
    expect(found).toHaveLength(1);
    expect(found[0]?.type).toBe(ExcelJS.ValueType.String);
  });
});
