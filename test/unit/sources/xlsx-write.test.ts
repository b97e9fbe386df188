import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { LayoutWorkbook } from '../../../shared/dashboards/layout';
import { writeXlsx } from '../../../shared/sources/xlsx/write';
import { tempDir } from '../../helpers/workbooks';

const TYPED = ['=1+1', '+1', '-1', '@SUM(A1)', '=HYPERLINK("http://x","y")'];

describe('xlsx writer', () => {
  it('writes text that looks like a formula as plain text', async () => {
    const layout: LayoutWorkbook = {
      sheets: [
        {
          name: '反馈',
          columns: [{ header: '填写内容' }, { header: '说明' }],
          rows: TYPED.map((t) => [t, { value: t, bold: true }]),
          frozenRows: 1,
        },
      ],
    };
    const file = path.join(await tempDir(), 'formula.xlsx');
    await writeXlsx(layout, file);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('反馈');
    TYPED.forEach((t, i) => {
      for (const col of [1, 2]) {
        const cell = ws?.getCell(i + 2, col);
        expect(cell?.type).toBe(ExcelJS.ValueType.String);
        expect(cell?.value).toBe(t);
        expect(cell?.formula).toBeUndefined();
      }
    });

    const zip = await JSZip.loadAsync(await readFile(file));
    const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(xml).toContain('<sheetData>');
    expect(xml).not.toMatch(/<f[\s>]/);
    const strings = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    for (const t of ['=1+1', '+1', '-1', '@SUM(A1)']) expect(strings).toContain(`<t>${t}</t>`);
  });

  it('keeps the existing column header layout, and supports headerless sheets with titled sections and hidden columns', async () => {
    const layout: LayoutWorkbook = {
      sheets: [
        { name: 'plain', columns: [{ header: '组织编号', choices: ['a', 'b'] }], rows: [['W01']], frozenRows: 1 },
        {
          name: 'sections',
          columns: [
            { header: '', width: 20 },
            { header: '', width: 12, hidden: true },
          ],
          rows: [['标题'], ['指标', '数值'], ['出勤率', { value: 0.925, numFmt: '0.0%', fill: 'C6EFCE' }]],
          frozenRows: 2,
          columnHeader: false,
          rowKinds: { 0: 'title', 1: 'header' },
        },
      ],
    };
    const file = path.join(await tempDir(), 'sections.xlsx');
    await writeXlsx(layout, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const plain = wb.getWorksheet('plain');
    expect(plain?.getCell('A1').value).toBe('组织编号');
    expect(plain?.getCell('A2').value).toBe('W01');
    const ws = wb.getWorksheet('sections');
    expect(ws?.getCell('A1').value).toBe('标题');
    expect(ws?.getCell('A1').font?.bold).toBe(true);
    expect(ws?.getCell('B2').font?.bold).toBe(true);
    expect(ws?.getCell('B2').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFD9E1F2' } });
    expect(ws?.getCell('B3').value).toBe(0.925);
    expect(ws?.getCell('B3').numFmt).toBe('0.0%');
    expect(ws?.getColumn(2).hidden).toBe(true);
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });
});
