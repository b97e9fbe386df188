// Google Sheets batchUpdate requests built from a layout: values stay text, formats, tab rewrite, dropdowns, charts.
import type { sheets_v4 } from '@googleapis/sheets';
import { describe, expect, it } from 'vitest';
import { branchTemplate, configTemplate } from '../../../shared/dashboards/templates';
import { cellData, rgbColor } from '../../../shared/sources/google/requests/cells';
import { VALIDATION_ROWS } from '../../../shared/sources/google/requests/geometry';
import { writeSheetRequests, type SheetPlan } from '../../../shared/sources/google/requests/sheet';
import { chartIdsOf, writeWorkbookRequests } from '../../../shared/sources/google/requests/workbook';
import type { LayoutSheet, LayoutWorkbook } from '../../../shared/dashboards/layout';

type Request = sheets_v4.Schema$Request;

/** Light structural check: one key per request, sane GridRanges, field masks present, JSON-safe, no formulas. */
function validate(requests: Request[]): void {
  const json = JSON.stringify(requests);
  expect(JSON.parse(json)).toEqual(requests);
  expect(json).not.toContain('formulaValue');
  for (const req of requests) {
    const keys = Object.keys(req);
    expect(keys).toHaveLength(1);
    const body = (req as Record<string, unknown>)[keys[0] ?? ''];
    expect(body !== null && typeof body === 'object').toBe(true);
    if (keys[0]?.startsWith('update')) expect(typeof (body as { fields?: unknown }).fields).toBe('string');
  }
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    for (const [start, end] of [
      ['startRowIndex', 'endRowIndex'],
      ['startColumnIndex', 'endColumnIndex'],
      ['startIndex', 'endIndex'],
    ] as const) {
      const s = o[start];
      const e = o[end];
      if (s !== undefined || e !== undefined) {
        expect(typeof s === 'number' && typeof e === 'number' && s >= 0 && s < e).toBe(true);
      }
    }
    Object.values(o).forEach(walk);
  };
  walk(requests);
}

function ofKind<K extends keyof Request>(requests: Request[], key: K): NonNullable<Request[K]>[] {
  return requests.flatMap((r) => (r[key] === undefined || r[key] === null ? [] : [r[key] as NonNullable<Request[K]>]));
}

/** A dashboard-like sheet: a title row, then a 3-row trend table (header row + 3 months) and its chart. */
const trend: LayoutSheet = {
  name: '概览',
  columns: [
    { header: '', width: 14 },
    { header: '', width: 10 },
    { header: '', width: 10 },
    { header: '', width: 10, hidden: true },
  ],
  columnHeader: false,
  frozenRows: 1,
  rows: [
    ['趋势', null],
    ['月份', '得分', '出勤率', '出勤率（图表数据）'],
    ['2026-01', 80, { value: 0.9, numFmt: '0.0%' }, 0.9],
    ['2026-02', { value: '—', align: 'right' }, { value: 0.85, numFmt: '0.0%', fill: 'FF0000', bold: true }, 0.85],
    ['2026-03', 82, { value: 0.875, numFmt: '0.0%' }, 0.875],
  ],
  rowKinds: { 0: 'title', 1: 'header' },
  charts: [
    {
      type: 'line',
      title: '出勤率',
      categories: { firstRow: 2, lastRow: 4, firstCol: 0, lastCol: 0 },
      series: [{ name: '出勤率', values: { firstRow: 2, lastRow: 4, firstCol: 3, lastCol: 3 } }],
      anchor: { row: 6, col: 0, rows: 15, cols: 3 },
      axis: { numFmt: '0%', min: 0, max: 1 },
    },
  ],
};

/** A template-like tab: header row from columns, a dropdown column, text a branch typed that looks like formulas. */
const members: LayoutSheet = {
  name: 'Members',
  columns: [{ header: '编号', width: 12 }, { header: '状态', choices: ['是', '否'] }, { header: 'note' }],
  frozenRows: 1,
  rows: [
    ['=1+1', '是', '+1'],
    ['-1', '否', '@SUM(A1)'],
    [12, true, null],
  ],
};

const plan = (over: Partial<SheetPlan> = {}): SheetPlan => ({
  sheetId: 7,
  index: 0,
  exists: false,
  previousChartIds: [],
  chartIdBase: 100,
  ...over,
});

describe('cells', () => {
  it('keeps formula-looking text as text', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)'])
      expect(cellData(s)).toEqual({ userEnteredValue: { stringValue: s } });
  });

  it('writes numbers, booleans and blanks', () => {
    expect(cellData(3)).toEqual({ userEnteredValue: { numberValue: 3 } });
    expect(cellData(false)).toEqual({ userEnteredValue: { boolValue: false } });
    expect(cellData(null)).toEqual({});
    expect(cellData(Number.NaN)).toEqual({});
  });

  it('formats a rate as PERCENT and a score as NUMBER', () => {
    expect(cellData({ value: 0.9, numFmt: '0.0%' })).toEqual({
      userEnteredValue: { numberValue: 0.9 },
      userEnteredFormat: { numberFormat: { type: 'PERCENT', pattern: '0.0%' } },
    });
    expect(cellData(8.5, { numFmt: '0.0' }).userEnteredFormat).toEqual({
      numberFormat: { type: 'NUMBER', pattern: '0.0' },
    });
  });

  it("keeps '—' a right-aligned string", () => {
    expect(cellData({ value: '—', align: 'right' })).toEqual({
      userEnteredValue: { stringValue: '—' },
      userEnteredFormat: { horizontalAlignment: 'RIGHT' },
    });
  });

  it('converts fills to 0–1 colours', () => {
    expect(rgbColor('FF0000')).toEqual({ red: 1, green: 0, blue: 0 });
    expect(rgbColor('0080ff')).toEqual({ red: 0, green: 128 / 255, blue: 1 });
    expect(() => rgbColor('#FF0000')).toThrow();
    const fmt = cellData({ value: 1, fill: 'FF0000', bold: true }).userEnteredFormat;
    expect(fmt?.backgroundColor).toEqual({ red: 1, green: 0, blue: 0 });
    expect(fmt?.backgroundColorStyle).toEqual({ rgbColor: { red: 1, green: 0, blue: 0 } });
    expect(fmt?.textFormat).toEqual({ bold: true });
  });

  it('styles header and title rows like the xlsx writer', () => {
    const header = cellData(
      { value: 0.5, numFmt: '0%', fill: 'FF0000', align: 'left' },
      { kind: 'header' },
    ).userEnteredFormat;
    expect(header).toEqual({
      numberFormat: { type: 'PERCENT', pattern: '0%' },
      backgroundColor: rgbColor('D9E1F2'),
      backgroundColorStyle: { rgbColor: rgbColor('D9E1F2') },
      textFormat: { bold: true },
      verticalAlignment: 'MIDDLE',
      wrapStrategy: 'WRAP',
    });
    expect(cellData('趋势', { kind: 'title' }).userEnteredFormat).toEqual({ textFormat: { bold: true, fontSize: 13 } });
    expect(cellData(null, { kind: 'title' })).toEqual({});
  });
});

describe('writeSheetRequests', () => {
  it('adds a new tab with its grid and frozen rows', () => {
    const reqs = writeSheetRequests(members, plan({ index: 2 }));
    validate(reqs);
    expect(Object.keys(reqs[0] ?? {})).toEqual(['addSheet']);
    const props = reqs[0]?.addSheet?.properties;
    expect(props).toMatchObject({ sheetId: 7, title: 'Members', index: 2, gridProperties: { frozenRowCount: 1 } });
    // The dropdown reaches row 2000, so the grid must too; columns cover the data.
    expect(props?.gridProperties?.rowCount).toBeGreaterThanOrEqual(VALIDATION_ROWS);
    expect(props?.gridProperties?.columnCount).toBeGreaterThanOrEqual(3);
    expect(ofKind(reqs, 'updateSheetProperties')).toEqual([]);
    expect(ofKind(reqs, 'deleteEmbeddedObject')).toEqual([]);
  });

  it('rewrites an existing tab in place: properties, clear everything, delete the previous charts', () => {
    const reqs = writeSheetRequests(
      trend,
      plan({ exists: true, index: 1, previousChartIds: [5, 6], previousProtectedRangeIds: [9] }),
    );
    validate(reqs);
    expect(ofKind(reqs, 'addSheet')).toEqual([]);
    expect(reqs[0]).toEqual({
      updateSheetProperties: {
        properties: {
          sheetId: 7,
          title: '概览',
          index: 1,
          gridProperties: expect.objectContaining({ frozenRowCount: 1, frozenColumnCount: 0 }),
        },
        fields:
          'title,index,gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount,gridProperties.frozenColumnCount',
      },
    });
    expect(reqs[1]).toEqual({ updateCells: { range: { sheetId: 7 }, fields: '*' } });
    expect(reqs.slice(2, 5)).toEqual([
      { deleteEmbeddedObject: { objectId: 5 } },
      { deleteEmbeddedObject: { objectId: 6 } },
      { deleteProtectedRange: { protectedRangeId: 9 } },
    ]);
    // Grid: 5 rows of data, a chart from sheet row 6 for 15 rows; 4 columns.
    const grid = reqs[0]?.updateSheetProperties?.properties?.gridProperties;
    expect(grid?.rowCount).toBeGreaterThanOrEqual(21);
    expect(grid?.columnCount).toBeGreaterThanOrEqual(4);
  });

  it('writes all rows from A1, the column header row first', () => {
    const reqs = writeSheetRequests(members, plan());
    const data = ofKind(reqs, 'updateCells').find((u) => u.start !== undefined);
    expect(data?.start).toEqual({ sheetId: 7, rowIndex: 0, columnIndex: 0 });
    expect(data?.fields).toBe('userEnteredValue,userEnteredFormat');
    const rows = data?.rows ?? [];
    expect(rows).toHaveLength(4);
    expect(rows[0]?.values?.map((c) => c.userEnteredValue?.stringValue)).toEqual(['编号', '状态', 'note']);
    expect(rows[0]?.values?.[0]?.userEnteredFormat?.textFormat?.bold).toBe(true);
    expect(rows[1]?.values?.map((c) => c.userEnteredValue)).toEqual([
      { stringValue: '=1+1' },
      { stringValue: '是' },
      { stringValue: '+1' },
    ]);
    expect(rows[3]?.values).toEqual([
      { userEnteredValue: { numberValue: 12 } },
      { userEnteredValue: { boolValue: true } },
      {},
    ]);
  });

  it('without a column header, layout row 0 is sheet row 0', () => {
    const rows = ofKind(writeSheetRequests(trend, plan()), 'updateCells')[0]?.rows ?? [];
    expect(rows).toHaveLength(5);
    expect(rows[0]?.values?.[0]).toEqual({
      userEnteredValue: { stringValue: '趋势' },
      userEnteredFormat: { textFormat: { bold: true, fontSize: 13 } },
    });
    expect(rows[2]?.values?.[2]?.userEnteredFormat?.numberFormat).toEqual({ type: 'PERCENT', pattern: '0.0%' });
    expect(rows[3]?.values?.[1]).toEqual({
      userEnteredValue: { stringValue: '—' },
      userEnteredFormat: { horizontalAlignment: 'RIGHT' },
    });
  });

  it('sets column widths (xlsx width × 7 + 5), hidden columns and title row heights', () => {
    const dims = ofKind(writeSheetRequests(trend, plan()), 'updateDimensionProperties');
    expect(dims).toEqual([
      {
        range: { sheetId: 7, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 },
        properties: { pixelSize: 103, hiddenByUser: false },
        fields: 'pixelSize,hiddenByUser',
      },
      {
        range: { sheetId: 7, dimension: 'COLUMNS', startIndex: 1, endIndex: 3 },
        properties: { pixelSize: 75, hiddenByUser: false },
        fields: 'pixelSize,hiddenByUser',
      },
      {
        range: { sheetId: 7, dimension: 'COLUMNS', startIndex: 3, endIndex: 4 },
        properties: { pixelSize: 75, hiddenByUser: true },
        fields: 'pixelSize,hiddenByUser',
      },
      {
        range: { sheetId: 7, dimension: 'ROWS', startIndex: 0, endIndex: 1 },
        properties: { pixelSize: 29 },
        fields: 'pixelSize',
      },
    ]);
    // Default width from the header as in the xlsx writer: max(10, 2 × length + 2) → 10 → 75 px; width 12 → 89 px.
    const widths = ofKind(writeSheetRequests(members, plan()), 'updateDimensionProperties').map(
      (d) => d.properties?.pixelSize,
    );
    expect(widths).toEqual([89, 75]);
  });

  it('puts a ONE_OF_LIST dropdown on the choices column from the first data row to row 2000', () => {
    expect(ofKind(writeSheetRequests(members, plan()), 'setDataValidation')).toEqual([
      {
        range: { sheetId: 7, startRowIndex: 1, endRowIndex: 2000, startColumnIndex: 1, endColumnIndex: 2 },
        rule: {
          condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: '是' }, { userEnteredValue: '否' }] },
          showCustomUi: true,
          strict: false,
        },
      },
    ]);
  });

  it('points chart ranges at the sheet rows the layout rows landed on', () => {
    const charts = ofKind(writeSheetRequests(trend, plan({ chartIdBase: 40 })), 'addChart');
    expect(charts).toHaveLength(1);
    const chart = charts[0]?.chart;
    expect(chart?.chartId).toBe(40);
    const basic = chart?.spec?.basicChart;
    // Title row 0, table header row 1, months in layout rows 2–4 → sheet rows 2–4 (no column header): [2, 5).
    expect(basic?.domains?.[0]?.domain?.sourceRange?.sources).toEqual([
      { sheetId: 7, startRowIndex: 2, endRowIndex: 5, startColumnIndex: 0, endColumnIndex: 1 },
    ]);
    expect(basic?.series).toEqual([
      {
        series: {
          sourceRange: {
            sources: [{ sheetId: 7, startRowIndex: 2, endRowIndex: 5, startColumnIndex: 3, endColumnIndex: 4 }],
          },
        },
        targetAxis: 'LEFT_AXIS',
      },
    ]);
    expect(basic).toMatchObject({ chartType: 'LINE', legendPosition: 'BOTTOM_LEGEND', headerCount: 0 });
    expect(basic?.axis).toEqual([
      { position: 'LEFT_AXIS', viewWindowOptions: { viewWindowMode: 'EXPLICIT', viewWindowMin: 0, viewWindowMax: 1 } },
    ]);
    expect(chart?.spec?.title).toBe('出勤率');
    expect(chart?.spec?.hiddenDimensionStrategy).toBe('SHOW_ALL');
    expect(chart?.position?.overlayPosition).toEqual({
      anchorCell: { sheetId: 7, rowIndex: 6, columnIndex: 0 },
      widthPixels: 103 + 75 + 75,
      heightPixels: 15 * 21,
    });

    // With a column header row every layout row moves down one.
    const shifted = ofKind(writeSheetRequests({ ...trend, columnHeader: true }, plan()), 'addChart')[0]?.chart;
    expect(shifted?.spec?.basicChart?.domains?.[0]?.domain?.sourceRange?.sources?.[0]).toMatchObject({
      startRowIndex: 3,
      endRowIndex: 6,
    });
    expect(shifted?.position?.overlayPosition?.anchorCell?.rowIndex).toBe(7);
  });

  it('protects the header rows when asked', () => {
    const strict = ofKind(
      writeSheetRequests(members, plan({ protectHeader: { editors: ['a@example.com'] } })),
      'addProtectedRange',
    );
    expect(strict).toEqual([
      {
        protectedRange: {
          range: { sheetId: 7, startRowIndex: 0, endRowIndex: 1 },
          description: expect.any(String),
          warningOnly: false,
          editors: { users: ['a@example.com'] },
        },
      },
    ]);
    const warn = ofKind(
      writeSheetRequests(members, plan({ protectHeader: { warningOnly: true, description: 'x' } })),
      'addProtectedRange',
    );
    expect(warn[0]?.protectedRange).toEqual({
      range: { sheetId: 7, startRowIndex: 0, endRowIndex: 1 },
      description: 'x',
      warningOnly: true,
    });
    expect(ofKind(writeSheetRequests(members, plan()), 'addProtectedRange')).toEqual([]);
  });
});

describe('writeWorkbookRequests', () => {
  const layout: LayoutWorkbook = { sheets: [members, trend] };
  const plans = [
    plan({ sheetId: 11, index: 0, chartIdBase: 200 }),
    plan({ sheetId: 12, index: 1, exists: true, previousChartIds: [3], chartIdBase: 300 }),
  ];

  it('concatenates sheets in order and deletes the listed sheets last', () => {
    const reqs = writeWorkbookRequests(layout, plans, { deleteSheetIds: [0] });
    validate(reqs);
    expect(reqs[0]?.addSheet?.properties?.sheetId).toBe(11);
    expect(reqs.findIndex((r) => r.updateSheetProperties?.properties?.sheetId === 12)).toBeGreaterThan(0);
    expect(reqs.at(-1)).toEqual({ deleteSheet: { sheetId: 0 } });
    expect(chartIdsOf(plans, layout)).toEqual([
      { sheetId: 11, chartIds: [] },
      { sheetId: 12, chartIds: [300] },
    ]);
  });

  it('refuses plans that do not fit the layout', () => {
    expect(() => writeWorkbookRequests(layout, plans.slice(0, 1))).toThrow();
    expect(() => writeWorkbookRequests(layout, plans, { deleteSheetIds: [12] })).toThrow();
    expect(() =>
      writeWorkbookRequests({ sheets: [trend, trend] }, [plan({ sheetId: 1 }), plan({ sheetId: 2 })]),
    ).toThrow(/chartId/);
  });

  it('writes the templates with protected headers and one dropdown per run of columns', () => {
    for (const tpl of [configTemplate(), branchTemplate()]) {
      const ps = tpl.sheets.map((_, i) => plan({ sheetId: 100 + i, index: i, protectHeader: { warningOnly: true } }));
      const reqs = writeWorkbookRequests(tpl, ps, { deleteSheetIds: [0] });
      validate(reqs);
      expect(ofKind(reqs, 'addProtectedRange')).toHaveLength(tpl.sheets.length);
    }
    const branch = branchTemplate();
    const at = branch.sheets.findIndex((s) => s.columns.length > 60);
    const sheet = branch.sheets[at];
    if (sheet === undefined) throw new Error('no attendance sheet');
    const dv = ofKind(writeSheetRequests(sheet, plan()), 'setDataValidation');
    expect(dv).toHaveLength(1);
    expect(dv[0]?.range).toEqual({
      sheetId: 7,
      startRowIndex: 1,
      endRowIndex: 2000,
      startColumnIndex: 2,
      endColumnIndex: sheet.columns.length,
    });
  });
});
