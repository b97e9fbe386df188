import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { LayoutWorkbook } from '../../../shared/dashboards/layout';
import { columnLetter, rangeRef } from '../../../shared/sources/xlsx/chart-xml';
import { writeXlsx } from '../../../shared/sources/xlsx/write';
import { tempDir } from '../../helpers/workbooks';

const months = ['2026-01', '2026-02', '2026-03'];

function layout(): LayoutWorkbook {
  return {
    sheets: [
      { name: 'first', columns: [{ header: 'x' }], rows: [['no chart here']], frozenRows: 1 },
      {
        name: "概览 it's",
        columns: [{ header: '' }, { header: '' }, { header: '' }],
        columnHeader: false,
        frozenRows: 1,
        rows: [
          ['趋势'],
          ['月份', '得分', '出勤率'],
          ...months.map((m, i) => [m, i === 1 ? null : 80 + i, 0.9 + i / 100]),
        ],
        rowKinds: { 0: 'title', 1: 'header' },
        charts: [
          {
            type: 'line',
            title: '考评得分 & <趋势>',
            categories: { firstRow: 2, lastRow: 4, firstCol: 0, lastCol: 0 },
            series: [{ name: '得分', values: { firstRow: 2, lastRow: 4, firstCol: 1, lastCol: 1 } }],
            anchor: { row: 6, col: 0, rows: 15, cols: 6 },
          },
          {
            type: 'line',
            title: '出勤率',
            categories: { firstRow: 2, lastRow: 4, firstCol: 0, lastCol: 0 },
            series: [{ name: '出勤率', values: { firstRow: 2, lastRow: 4, firstCol: 2, lastCol: 2 } }],
            anchor: { row: 22, col: 0, rows: 15, cols: 6 },
            axis: { numFmt: '0%', min: 0, max: 1 },
          },
        ],
      },
    ],
  };
}

describe('xlsx charts', () => {
  it('names cells like a spreadsheet', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(rangeRef("it's", 3, 0, 14, 0)).toBe("'it''s'!$A$3:$A$14");
  });

  it('adds line charts that the drawing, the sheet and the content types all point at', async () => {
    const file = path.join(await tempDir(), 'chart.xlsx');
    await writeXlsx(layout(), file);
    const zip = await JSZip.loadAsync(await readFile(file));
    const part = async (name: string): Promise<string> => {
      const f = zip.file(name);
      if (f === null) throw new Error(`missing ${name}`);
      return f.async('string');
    };

    const chart = await part('xl/charts/chart1.xml');
    expect(chart).toContain('<c:lineChart>');
    expect(chart).toContain('考评得分 &amp; &lt;趋势&gt;');
    expect(chart).toContain("<c:f>'概览 it''s'!$A$3:$A$5</c:f>");
    expect(chart).toContain("<c:f>'概览 it''s'!$B$3:$B$5</c:f>");
    // The blank month is a gap in the cache, not a zero.
    expect(chart).toContain('<c:ptCount val="3"/><c:pt idx="0"><c:v>80</c:v></c:pt><c:pt idx="2"><c:v>82</c:v></c:pt>');
    expect(await part('xl/charts/chart2.xml')).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');

    const drawing = await part('xl/drawings/drawing1.xml');
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    expect(drawing).toContain('<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row>');
    const drawingRels = await part('xl/drawings/_rels/drawing1.xml.rels');
    const chartIds = [...drawing.matchAll(/r:id="([^"]+)"/g)].map((m) => m[1]);
    expect(chartIds).toHaveLength(2);
    chartIds.forEach((id, i) => {
      expect(drawingRels).toMatch(new RegExp(`Id="${id}"[^>]*Target="../charts/chart${i + 1}.xml"`));
    });

    const sheet = await part('xl/worksheets/sheet2.xml');
    const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(sheet)?.[1];
    expect(drawingId).toBeDefined();
    expect(sheet.indexOf('<drawing ')).toBeGreaterThan(sheet.indexOf('</sheetData>'));
    expect(sheet.indexOf('<drawing ')).toBeGreaterThan(sheet.indexOf('<pageSetup'));
    const sheetRels = await part('xl/worksheets/_rels/sheet2.xml.rels');
    expect(sheetRels).toMatch(new RegExp(`Id="${drawingId}"[^>]*Target="../drawings/drawing1.xml"`));
    expect(await part('xl/worksheets/sheet1.xml')).not.toContain('<drawing');

    const types = await part('[Content_Types].xml');
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain('<Override PartName="/xl/charts/chart2.xml"');
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['first', "概览 it's"]);
    expect(wb.getWorksheet("概览 it's")?.getCell('B3').value).toBe(80);
  });
});
