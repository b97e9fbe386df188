// The fake Google server's pure parts: A1 notation, field masks, Drive queries and date serials.
import { describe, expect, it } from 'vitest';
import {
  columnIndex,
  columnLetters,
  formatBounds,
  parseCells,
  parseRange,
  quoteSheetName,
} from '../../fakes/google/a1';
import { dateToSerial, parseUserEntered, serialToDate } from '../../fakes/google/cells';
import { compileQuery } from '../../fakes/google/drive-query';
import { FieldMaskError, parseFieldMask, prune, validateMask } from '../../fakes/google/field-mask';
import { SPREADSHEET_SCHEMA } from '../../fakes/google/spreadsheet-view';
import type { DriveFile } from '../../fakes/google/types';

describe('A1 notation', () => {
  it('converts column letters both ways', () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(['A', 'z', 'AA', 'ZZ', 'AAA'].map(columnIndex)).toEqual([0, 25, 26, 701, 702]);
  });

  it('parses quoted names, bare names, cells, columns and rows', () => {
    expect(parseRange("'It''s'!A1:C5")).toEqual({
      sheetName: "It's",
      cells: { startRow: 0, endRow: 5, startCol: 0, endCol: 3 },
      bareA1: null,
    });
    expect(parseRange('党员')).toEqual({ sheetName: '党员', cells: null, bareA1: null });
    expect(parseRange('A1:B2').bareA1).toEqual({ startRow: 0, endRow: 2, startCol: 0, endCol: 2 });
    expect(parseCells('A:C')).toEqual({ startRow: 0, endRow: null, startCol: 0, endCol: 3 });
    expect(parseCells('2:5')).toEqual({ startRow: 1, endRow: 5, startCol: 0, endCol: null });
    expect(parseCells('B3:A1')).toEqual({ startRow: 0, endRow: 3, startCol: 0, endCol: 2 });
    expect(parseCells('A2:C')).toEqual({ startRow: 1, endRow: null, startCol: 0, endCol: 3 });
    expect(parseCells('A1:5')).toBeNull();
    expect(() => parseRange("'open!A1")).toThrow();
    expect(() => parseRange('Sheet1!A0')).toThrow();
  });

  it('quotes sheet names the way Google echoes them', () => {
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
    expect(quoteSheetName('A1')).toBe("'A1'");
    expect(quoteSheetName('My Sheet')).toBe("'My Sheet'");
    expect(quoteSheetName('党员')).toBe("'党员'");
    expect(formatBounds("It's", { startRow: 0, endRow: 1, startCol: 1, endCol: 2 })).toBe("'It''s'!B1");
  });
});

describe('field masks', () => {
  it('parses nested parentheses and slash/dot paths, and prunes arrays element-wise', () => {
    const tree = parseFieldMask('spreadsheetId,sheets(properties(sheetId,title),charts(chartId)),properties/title');
    const body = {
      spreadsheetId: 's',
      properties: { title: 't', timeZone: 'z' },
      sheets: [{ properties: { sheetId: 1, title: 'a', index: 0 }, charts: [{ chartId: 3, spec: {} }], merges: [] }],
    };
    expect(prune(body, tree)).toEqual({
      spreadsheetId: 's',
      properties: { title: 't' },
      sheets: [{ properties: { sheetId: 1, title: 'a' }, charts: [{ chartId: 3 }] }],
    });
  });

  it('validates against the Spreadsheet schema; Sheets does not trim spaces, Drive does', () => {
    expect(() => validateMask(parseFieldMask('sheets(properties(sheetId))'), SPREADSHEET_SCHEMA)).not.toThrow();
    expect(() => validateMask(parseFieldMask('properties, sheets.properties'), SPREADSHEET_SCHEMA)).toThrow(
      FieldMaskError,
    );
    expect([...parseFieldMask('id, name, files(id, modifiedTime)', true).keys()]).toEqual(['id', 'name', 'files']);
  });
});

describe('Drive q', () => {
  const file = (over: Partial<DriveFile>): DriveFile => ({
    id: 'f',
    name: '支部 A',
    mimeType: 'application/vnd.google-apps.spreadsheet',
    parents: ['folder'],
    owner: 'o@x',
    shares: new Map(),
    createdTime: '2024-01-01T00:00:00.000Z',
    modifiedTime: '2024-06-01T12:00:00.000Z',
    trashed: false,
    version: 1,
    lastModifyingUser: null,
    lastChangeId: 1,
    changeTime: '',
    ...over,
  });
  it('evaluates the product’s queries', () => {
    const q = compileQuery(
      "mimeType = 'application/vnd.google-apps.spreadsheet' and trashed = false and modifiedTime > '2024-06-01T00:00:00Z'",
      'me@x',
    );
    expect(q(file({}))).toBe(true);
    expect(q(file({ trashed: true }))).toBe(false);
    expect(q(file({ modifiedTime: '2024-05-31T23:59:59.999Z' }))).toBe(false);
    expect(
      compileQuery("'folder' in parents and (name contains '支部' or not starred = false)", 'me@x')(file({})),
    ).toBe(true);
    expect(compileQuery("name = 'it\\'s'", 'me@x')(file({ name: "it's" }))).toBe(true);
    expect(() => compileQuery('size > 3', 'me@x')).toThrow();
    expect(() => compileQuery("modifiedTime > 'yesterday'", 'me@x')).toThrow();
  });
});

describe('values', () => {
  it('dates are serial numbers from UTC components', () => {
    expect(dateToSerial(new Date(Date.UTC(1899, 11, 31)))).toBe(1);
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 1, 12)))).toBe(45292.5);
    expect(serialToDate(45292.5).toISOString()).toBe('2024-01-01T12:00:00.000Z');
  });

  it('USER_ENTERED parses like typing into the UI', () => {
    expect(parseUserEntered('=A1')).toEqual({ value: null, formula: '=A1' });
    expect(parseUserEntered("'=A1")).toEqual({ value: '=A1' });
    expect(parseUserEntered('1,234.5')).toMatchObject({ value: 1234.5 });
    expect(parseUserEntered('false')).toEqual({ value: false });
    expect(parseUserEntered('2024-02-30')).toEqual({ value: '2024-02-30' });
    expect(parseUserEntered('')).toEqual({ value: null });
  });
});
