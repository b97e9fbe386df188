// The fake's batchUpdate request kinds, the other values endpoints, grid data and Drive metadata updates, through the
// real clients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGoogle, type FakeGoogle } from '../../fakes/google/server';
import { clientsFor, googleError, httpFailure, type Clients } from './google-clients';
import type { sheets_v4 } from '@googleapis/sheets';

const SA = 'publisher@branchboard.iam.gserviceaccount.com';

let fake: FakeGoogle;
let me: Clients;

beforeAll(async () => {
  fake = await startFakeGoogle();
  me = clientsFor(fake, SA);
});
afterAll(async () => {
  await fake.stop();
});

function book(): string {
  return fake.state.createSpreadsheet({
    title: '汇总',
    owner: SA,
    sheets: {
      概览: [
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ],
      数据: [],
    },
    sheetOptions: { 数据: { sheetId: 5, rowCount: 20, columnCount: 5 } },
  });
}

async function batch(
  id: string,
  requests: sheets_v4.Schema$Request[],
): Promise<sheets_v4.Schema$BatchUpdateSpreadsheetResponse> {
  return (await me.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } })).data;
}

async function refused(id: string, requests: sheets_v4.Schema$Request[]): Promise<string> {
  const f = await httpFailure(me.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } }));
  expect(f.status).toBe(400);
  return String(googleError(f.data).message);
}

const chart = (chartId?: number, sheetId = 0): sheets_v4.Schema$EmbeddedChart => ({
  ...(chartId === undefined ? {} : { chartId }),
  spec: {
    title: '趋势',
    basicChart: {
      chartType: 'LINE',
      domains: [
        {
          domain: {
            sourceRange: {
              sources: [{ sheetId: 0, startRowIndex: 0, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 1 }],
            },
          },
        },
      ],
    },
  },
  position: { overlayPosition: { anchorCell: { sheetId, rowIndex: 0, columnIndex: 3 } } },
});

describe('charts and embedded objects', () => {
  it('adds a chart with the caller’s chartId, refuses a duplicate, deletes it, and refuses deleting a missing object', async () => {
    const id = book();
    const { replies } = await batch(id, [{ addChart: { chart: chart(77) } }, { addChart: { chart: chart() } }]);
    expect(replies?.[0]?.addChart?.chart?.chartId).toBe(77);
    const other = replies?.[1]?.addChart?.chart?.chartId;
    expect(other).toEqual(expect.any(Number));
    expect(fake.state.charts(id, '概览').map((c) => c.chartId)).toEqual([77, other]);
    expect(await refused(id, [{ addChart: { chart: chart(77) } }])).toBe(
      'Invalid requests[0].addChart: An object with id 77 already exists.',
    );
    expect(await refused(id, [{ addChart: { chart: chart(undefined, 99) } }])).toBe(
      'Invalid requests[0].addChart: No grid with id: 99',
    );
    await batch(id, [
      { updateChartSpec: { chartId: 77, spec: { title: '新' } } },
      { deleteEmbeddedObject: { objectId: other ?? 0 } },
    ]);
    expect(fake.state.charts(id, '概览')).toEqual([{ chartId: 77, spec: { title: '新' }, position: chart().position }]);
    expect(await refused(id, [{ deleteEmbeddedObject: { objectId: 12345 } }])).toBe(
      'Invalid requests[0].deleteEmbeddedObject: No object with id: 12345',
    );
    const got = await me.sheets.spreadsheets.get({ spreadsheetId: id, fields: 'sheets(charts(chartId))' });
    expect(got.data.sheets).toEqual([{ charts: [{ chartId: 77 }] }, {}]);
  });
});

describe('protected ranges, conditional formats, validation', () => {
  it('adds and deletes protected ranges', async () => {
    const id = book();
    const { replies } = await batch(id, [
      { addProtectedRange: { protectedRange: { range: { sheetId: 0 }, description: '只读', warningOnly: true } } },
    ]);
    const pr = replies?.[0]?.addProtectedRange?.protectedRange;
    expect(pr).toMatchObject({
      protectedRangeId: expect.any(Number),
      range: { sheetId: 0 },
      description: '只读',
      warningOnly: true,
    });
    expect(fake.state.protectedRanges(id).map((p) => p.protectedRangeId)).toEqual([pr?.protectedRangeId]);
    await batch(id, [{ deleteProtectedRange: { protectedRangeId: pr?.protectedRangeId ?? 0 } }]);
    expect(fake.state.protectedRanges(id)).toEqual([]);
    expect(await refused(id, [{ deleteProtectedRange: { protectedRangeId: 1 } }])).toBe(
      'Invalid requests[0].deleteProtectedRange: No protected range with id: 1',
    );
  });

  it('adds conditional format rules at an index and deletes by index', async () => {
    const id = book();
    const rule = (v: string): sheets_v4.Schema$ConditionalFormatRule => ({
      ranges: [{ sheetId: 0, startRowIndex: 0, endRowIndex: 3, startColumnIndex: 1, endColumnIndex: 2 }],
      booleanRule: {
        condition: { type: 'NUMBER_LESS', values: [{ userEnteredValue: v }] },
        format: { backgroundColor: { red: 1 } },
      },
    });
    await batch(id, [
      { addConditionalFormatRule: { rule: rule('1'), index: 0 } },
      { addConditionalFormatRule: { rule: rule('2'), index: 0 } },
    ]);
    expect(fake.state.conditionalFormats(id, '概览').map((r) => JSON.stringify(r).includes('"2"'))).toEqual([
      true,
      false,
    ]);
    const { replies } = await batch(id, [{ deleteConditionalFormatRule: { sheetId: 0, index: 1 } }]);
    expect(replies).toEqual([{ deleteConditionalFormatRule: { rule: rule('1') } }]);
    expect(await refused(id, [{ deleteConditionalFormatRule: { sheetId: 0, index: 5 } }])).toBe(
      'Invalid requests[0].deleteConditionalFormatRule: No conditional format on sheet: 0 at index: 5',
    );
  });

  it('sets and clears data validation on a range', async () => {
    const id = book();
    const rule = {
      condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: '是' }, { userEnteredValue: '否' }] },
      strict: true,
      showCustomUi: true,
    };
    await batch(id, [
      {
        setDataValidation: {
          range: { sheetId: 5, startRowIndex: 1, endRowIndex: 20, startColumnIndex: 2, endColumnIndex: 3 },
          rule,
        },
      },
    ]);
    expect(fake.state.dataValidation(id, '数据', 'C2')).toEqual(rule);
    expect(fake.state.dataValidation(id, '数据', 'C1')).toBeUndefined();
    await batch(id, [
      {
        setDataValidation: {
          range: { sheetId: 5, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 2, endColumnIndex: 3 },
        },
      },
    ]);
    expect(fake.state.dataValidation(id, '数据', 'C2')).toBeUndefined();
    expect(fake.state.dataValidation(id, '数据', 'C3')).toEqual(rule);
    expect(
      await refused(id, [{ setDataValidation: { range: { sheetId: 5, startRowIndex: 0, endRowIndex: 21 }, rule } }]),
    ).toContain('exceeds grid limits. Max rows: 20, max columns: 5');
  });
});

describe('cells', () => {
  it('repeatCell applies a format under a partial mask; updateCells with a range and no rows clears it', async () => {
    const id = book();
    await batch(id, [
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 },
          cell: { userEnteredFormat: { textFormat: { bold: true }, backgroundColor: { red: 1 } } },
          fields: 'userEnteredFormat.textFormat.bold',
        },
      },
    ]);
    expect(fake.state.cell(id, '概览', 'A1')).toEqual({ value: 'a', format: { textFormat: { bold: true } } });
    expect(fake.state.cell(id, '概览', 'Z1').format).toEqual({ textFormat: { bold: true } });
    await batch(id, [
      {
        updateCells: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 },
          fields: '*',
        },
      },
    ]);
    expect(fake.state.grid(id, '概览')).toEqual([[], [], ['c', 3]]);
  });

  it('appendCells writes after the last row with data, growing the sheet', async () => {
    const id = fake.state.createSpreadsheet({
      title: 'x',
      owner: SA,
      sheets: { s: [['h1', 'h2']] },
      sheetOptions: { s: { rowCount: 1, columnCount: 2 } },
    });
    await batch(id, [
      {
        appendCells: {
          sheetId: 0,
          rows: [{ values: [{ userEnteredValue: { numberValue: 1 } }, { userEnteredValue: { boolValue: true } }] }],
          fields: 'userEnteredValue',
        },
      },
    ]);
    expect(fake.state.grid(id, 's')).toEqual([
      ['h1', 'h2'],
      [1, true],
    ]);
    expect(fake.state.sheetProperties(id, 's').gridProperties.rowCount).toBe(2);
    const msg = await refused(id, [
      {
        appendCells: {
          sheetId: 0,
          rows: [{ values: [{}, {}, { userEnteredValue: { numberValue: 1 } }] }],
          fields: '*',
        },
      },
    ]);
    expect(msg).toBe(
      'Invalid requests[0].appendCells: Attempting to write column: 2, beyond the last requested column of: 1',
    );
  });

  it('merges and unmerges', async () => {
    const id = book();
    await batch(id, [
      {
        mergeCells: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 },
          mergeType: 'MERGE_ALL',
        },
      },
    ]);
    expect(fake.state.merges(id, '概览')).toEqual([
      { sheetId: 0, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 2 },
    ]);
    await batch(id, [{ unmergeCells: { range: { sheetId: 0 } } }]);
    expect(fake.state.merges(id, '概览')).toEqual([]);
  });
});

describe('sheets and dimensions', () => {
  it('updates sheet and spreadsheet properties (the title is the Drive name), dimension sizes, and deletes sheets', async () => {
    const id = book();
    await batch(id, [
      {
        updateSheetProperties: {
          properties: { sheetId: 5, title: '明细', gridProperties: { frozenRowCount: 1 } },
          fields: 'title,gridProperties.frozenRowCount',
        },
      },
      { updateSpreadsheetProperties: { properties: { title: '2024 汇总' }, fields: 'title' } },
      {
        updateDimensionProperties: {
          range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 2 },
          properties: { pixelSize: 180 },
          fields: 'pixelSize',
        },
      },
    ]);
    expect(fake.state.sheetProperties(id, '明细')).toMatchObject({
      sheetId: 5,
      title: '明细',
      gridProperties: { rowCount: 20, columnCount: 5, frozenRowCount: 1 },
    });
    expect(fake.state.dimensionProperties(id, '概览', 'COLUMNS', 1)).toEqual({ pixelSize: 180 });
    expect((await me.drive.files.get({ fileId: id, fields: 'name' })).data.name).toBe('2024 汇总');
    expect(
      await refused(id, [
        {
          updateDimensionProperties: {
            range: { sheetId: 5, dimension: 'ROWS', startIndex: 0, endIndex: 21 },
            properties: { pixelSize: 1 },
            fields: 'pixelSize',
          },
        },
      ]),
    ).toContain('beyond the grid');
    await batch(id, [{ deleteSheet: { sheetId: 5 } }]);
    expect(fake.state.sheetTitles(id)).toEqual(['概览']);
    expect(await refused(id, [{ deleteSheet: { sheetId: 0 } }])).toBe(
      "Invalid requests[0].deleteSheet: You can't remove all the sheets in a document.",
    );
  });

  it('moves a sheet with Google’s "before the move" index', async () => {
    const id = fake.state.createSpreadsheet({ title: 'm', owner: SA, sheets: { S1: [], S2: [], S3: [] } });
    const s1 = fake.state.sheetProperties(id, 'S1').sheetId;
    await batch(id, [{ updateSheetProperties: { properties: { sheetId: s1, index: 2 }, fields: 'index' } }]);
    expect(fake.state.sheetTitles(id)).toEqual(['S2', 'S1', 'S3']);
    await batch(id, [{ updateSheetProperties: { properties: { sheetId: s1, index: 0 }, fields: 'index' } }]);
    expect(fake.state.sheetTitles(id)).toEqual(['S1', 'S2', 'S3']);
  });

  it('inserts and deletes rows, moving cells', async () => {
    const id = book();
    await batch(id, [{ insertDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 3 } } }]);
    expect(fake.state.grid(id, '概览')).toEqual([['a', 1], [], [], ['b', 2], ['c', 3]]);
    expect(fake.state.sheetProperties(id, '概览').gridProperties.rowCount).toBe(1002);
    await batch(id, [
      { deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 0, endIndex: 3 } } },
      { appendDimension: { sheetId: 0, dimension: 'COLUMNS', length: 4 } },
    ]);
    expect(fake.state.grid(id, '概览')).toEqual([
      ['b', 2],
      ['c', 3],
    ]);
    expect(fake.state.sheetProperties(id, '概览').gridProperties).toEqual({ rowCount: 999, columnCount: 30 });
  });

  it('returns the updated spreadsheet when asked', async () => {
    const id = book();
    const { data } = await me.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ addSheet: { properties: { title: 'new' } } }], includeSpreadsheetInResponse: true },
      fields: 'replies,updatedSpreadsheet(sheets(properties(title)))',
    });
    expect(data.updatedSpreadsheet?.sheets?.map((s) => s.properties?.title)).toEqual(['概览', '数据', 'new']);
  });
});

describe('values endpoints', () => {
  it('values.batchUpdate is atomic; append and clear work on the used rows', async () => {
    const id = book();
    const f = await httpFailure(
      me.sheets.spreadsheets.values.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          valueInputOption: 'RAW',
          data: [
            { range: '数据!A1', values: [['ok']] },
            { range: '数据!A20:B21', values: [[1], [2]] },
          ],
        },
      }),
    );
    expect(f.status).toBe(400);
    expect(fake.state.grid(id, '数据')).toEqual([]);
    const { data } = await me.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'USER_ENTERED',
        data: [{ range: '数据!A1', values: [['2024-03-01', '12.5%', 'TRUE']] }],
      },
    });
    expect(data).toMatchObject({ totalUpdatedCells: 3, totalUpdatedSheets: 1 });
    expect(fake.state.grid(id, '数据')).toEqual([[45352, 0.125, true]]);
    const shown = await me.sheets.spreadsheets.values.get({ spreadsheetId: id, range: '数据!A1:C1' });
    expect(shown.data.values).toEqual([['2024-03-01', '13%', 'TRUE']]);
    const appended = await me.sheets.spreadsheets.values.append({
      spreadsheetId: id,
      range: '概览!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['d', 4]] },
    });
    expect(appended.data.updates?.updatedRange).toBe("'概览'!A4:B4");
    await me.sheets.spreadsheets.values.clear({ spreadsheetId: id, range: '概览!A1:A2' });
    expect(fake.state.grid(id, '概览')).toEqual([
      [null, 1],
      [null, 2],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('needs valueInputOption, and keeps data inside a bounded range', async () => {
    const id = book();
    const missing = await httpFailure(
      me.sheets.spreadsheets.values.update({ spreadsheetId: id, range: '数据!A1', requestBody: { values: [[1]] } }),
    );
    expect(googleError(missing.data).message).toBe("'valueInputOption' is required but not specified");
    const tooWide = await httpFailure(
      me.sheets.spreadsheets.values.update({
        spreadsheetId: id,
        range: '数据!A1:B1',
        valueInputOption: 'RAW',
        requestBody: { values: [[1, 2, 3]] },
      }),
    );
    expect(googleError(tooWide.data).message).toBe(
      'Requested writing within range [数据!A1:B1], but tried writing to column [C]',
    );
  });

  it('includeGridData gives userEnteredValue, effectiveValue, formattedValue and formats', async () => {
    const id = fake.state.createSpreadsheet({
      title: 'g',
      owner: SA,
      sheets: { s: [[{ formula: '=1+1', value: 2 }, new Date(Date.UTC(2024, 0, 2))]] },
    });
    const { data } = await me.sheets.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['s!A1:B1'],
      includeGridData: true,
      fields: 'sheets(data(rowData(values(userEnteredValue,effectiveValue,formattedValue))))',
    });
    expect(data.sheets?.[0]?.data?.[0]?.rowData).toEqual([
      {
        values: [
          { userEnteredValue: { formulaValue: '=1+1' }, effectiveValue: { numberValue: 2 }, formattedValue: '2' },
          {
            userEnteredValue: { numberValue: 45293 },
            effectiveValue: { numberValue: 45293 },
            formattedValue: '2024-01-02',
          },
        ],
      },
    ]);
  });
});

describe('Drive metadata', () => {
  it('files.get answers Drive’s default fields; PATCH renames (the spreadsheet title follows) and trashes', async () => {
    const id = book();
    expect((await me.drive.files.get({ fileId: id })).data).toEqual({
      kind: 'drive#file',
      id,
      name: '汇总',
      mimeType: 'application/vnd.google-apps.spreadsheet',
    });
    const start = fake.state.startPageToken();
    await me.drive.files.update({ fileId: id, requestBody: { name: '改名', trashed: true } });
    expect(fake.state.spreadsheet(id).properties).toMatchObject({ title: '改名' });
    const { data } = await me.drive.changes.list({
      pageToken: start,
      fields: 'changes(fileId,removed,file(name,trashed))',
    });
    expect(data.changes).toEqual([{ fileId: id, removed: false, file: { name: '改名', trashed: true } }]);
    const f = await httpFailure(me.drive.files.get({ fileId: id, fields: 'id,bogus' }));
    expect(f.status).toBe(400);
  });

  it('a dropped connection reaches the client as a network error', async () => {
    const id = book();
    fake.faults.next(1, { status: 'reset', api: 'drive' });
    await expect(me.drive.files.get({ fileId: id })).rejects.toThrow();
    expect(fake.log.at(-1)).toMatchObject({ api: 'drive', status: 0 });
    expect((await me.drive.files.get({ fileId: id, fields: 'id' })).data.id).toBe(id);
  });
});

describe('spreadsheets that share their cells (copySpreadsheet)', () => {
  it('a write to one leaves the other as it was, and the written one keeps its untouched tabs', async () => {
    const source = book();
    const copy = fake.state.copySpreadsheet(source, { title: '第二支部', owner: SA });
    expect(fake.state.grid(copy, '概览')).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    // A feedback-like batch: a new tab filled, plus one cell of the shared tab 数据 (sheetId 5).
    await batch(copy, [
      { addSheet: { properties: { sheetId: 9, title: '反馈' } } },
      {
        updateCells: {
          start: { sheetId: 9, rowIndex: 0, columnIndex: 0 },
          rows: [{ values: [{ userEnteredValue: { stringValue: '得分' } }] }],
          fields: 'userEnteredValue',
        },
      },
      {
        updateCells: {
          start: { sheetId: 5, rowIndex: 0, columnIndex: 0 },
          rows: [{ values: [{ userEnteredValue: { numberValue: 7 } }] }],
          fields: 'userEnteredValue',
        },
      },
    ]);
    expect(fake.state.sheetTitles(source)).toEqual(['概览', '数据']);
    expect(fake.state.grid(source, '数据')).toEqual([]);
    expect(fake.state.grid(copy, '数据')).toEqual([[7]]);
    expect(fake.state.grid(copy, '反馈')).toEqual([['得分']]);
    // The test API's own edits copy a shared tab first: the copy's 概览 (never named by the batch) and the source's.
    fake.state.setCell(copy, '概览', 'B1', 10);
    fake.state.setCell(source, '概览', 'B2', 20);
    expect(fake.state.grid(copy, '概览')).toEqual([
      ['a', 10],
      ['b', 2],
      ['c', 3],
    ]);
    expect(fake.state.grid(source, '概览')).toEqual([
      ['a', 1],
      ['b', 20],
      ['c', 3],
    ]);
  });
});
