import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { summaryWorkbook } from '../../../shared/dashboards/summary';
import { writeXlsx } from '../../../shared/sources/xlsx/write';
import { tempDir } from '../../helpers/workbooks';
import { brokenResults, progress, results, ROSTER, trend } from './fixture';
import { SUMMARY_TABS } from '../../helpers/tabs';

describe('summary workbook written as .xlsx', () => {
  it('opens with exceljs, keeps formats and frozen rows, and carries the trend charts on the overview', async () => {
    const file = path.join(await tempDir(), 'dashboard-2026-03.xlsx');
    await writeXlsx(summaryWorkbook({ results: results(), trend: trend(), orgs: ROSTER, lang: 'zh' }), file);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SUMMARY_TABS);
    const sessions = wb.getWorksheet('组织生活');
    expect(sessions?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sessions?.getCell('A2').value).toBe('支部');
    const b1 = sessions?.getRow(3);
    expect(b1?.getCell(1).value).toBe('第一党支部');
    expect(b1?.getCell(8).value).toBe(0.925);
    expect(b1?.getCell(8).numFmt).toBe('0.0%');
    expect(sessions?.getRow(5).getCell(8).value).toBe('—');

    const quality = wb.getWorksheet('数据问题');
    let typed: ExcelJS.Cell | undefined;
    quality?.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.value === '=1+1') typed = cell;
      });
    });
    expect(typed?.type).toBe(ExcelJS.ValueType.String);

    const zip = await JSZip.loadAsync(await readFile(file));
    // Two trend charts on the overview, one bar chart per category on the ranking (the fixture has two categories).
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/charts/chart3.xml',
      'xl/charts/chart4.xml',
    ]);
    expect(await zip.file('xl/charts/chart3.xml')?.async('string')).toContain('<c:barDir val="bar"/>');
    expect(await zip.file('xl/worksheets/sheet1.xml')?.async('string')).toMatch(/<drawing r:id="[^"]+"\/>/);
    const chart = (await zip.file('xl/charts/chart1.xml')?.async('string')) ?? '';
    expect(chart).toContain("<c:f>'概览'!$A$");
    expect(await zip.file('xl/worksheets/sheet3.xml')?.async('string')).toMatch(/<drawing r:id="[^"]+"\/>/);
    for (let n = 1; n <= wb.worksheets.length; n++) {
      const xml = (await zip.file(`xl/worksheets/sheet${n}.xml`)?.async('string')) ?? '';
      expect(xml, `sheet${n}`).not.toMatch(/<f[\s>]/);
      if (n !== 1 && n !== 3) expect(xml, `sheet${n}`).not.toMatch(/<drawing/);
    }
  });

  it('reads back with a frozen header, print titles and landscape printing on every tab, and colour scales on the heat map', async () => {
    const file = path.join(await tempDir(), 'dashboard-2026-03.xlsx');
    await writeXlsx(summaryWorkbook({ results: results(), trend: trend(), orgs: ROSTER, lang: 'zh' }), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const ws of wb.worksheets) {
      const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
      expect(view?.state, ws.name).toBe('frozen');
      expect(view?.ySplit, ws.name).toBeGreaterThanOrEqual(1);
      expect(ws.pageSetup.printTitlesRow, ws.name).toBe(`1:${view?.ySplit}`);
      expect(ws.pageSetup.orientation, ws.name).toBe('landscape');
      expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
      expect(ws.pageSetup.printArea, ws.name).toMatch(/^A1:[A-Z]+\d+$/);
    }
    // The ranking's print area reaches its bar charts (columns L–S).
    expect(wb.getWorksheet('排名')?.pageSetup.printArea).toMatch(/^A1:S\d+$/);
    // The overview prints on one page, its print area the tiles and the charts.
    const overview = wb.getWorksheet('概览');
    expect(overview?.pageSetup.fitToHeight).toBe(1);
    expect(overview?.pageSetup.printArea).toMatch(/^A1:N\d+$/);
    // The heat map: a frozen header row, a filter, and one colour scale per figure column (not painted fills).
    const heat = wb.getWorksheet('热力图');
    expect(heat?.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(heat?.autoFilter).toBe('A3:J7');
    const scales = (heat as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] })
      .conditionalFormattings;
    expect(scales.map((c) => [c.ref, c.rules[0]?.type])).toEqual([
      ['D4:D7', 'colorScale'],
      ['E4:E7', 'colorScale'],
      ['F4:F7', 'colorScale'],
      ['G4:G7', 'colorScale'],
      ['H4:H7', 'colorScale'],
      ['I4:I7', 'colorScale'],
      ['J4:J7', 'colorScale'],
    ]);
  });

  it('writes the month in progress as its own tab, with broken data in the failure colour', async () => {
    const file = path.join(await tempDir(), 'dashboard-2026-03.xlsx');
    await writeXlsx(
      summaryWorkbook({ results: brokenResults(), progress: progress(), trend: trend(), orgs: ROSTER, lang: 'zh' }),
      file,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SUMMARY_TABS);
    const month = wb.getWorksheet('本月进度');
    expect(month?.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(month?.getCell('A1').value).toBe('本月进度：2026-04 · 进行中 · 截至 2026-04-15');
    const b3 = month?.getRow(6);
    expect(b3?.getCell(1).value).toBe('机关党支部');
    expect(b3?.getCell(8).value).toBe('支委会、党小组会（第二党小组）');
    expect(b3?.getCell(7).value).toBe('数据过期（使用 2026-03-20 读取的数据）');
    expect(b3?.getCell(7).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFC7CE' } });
  });
});
