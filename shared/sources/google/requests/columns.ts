// Column widths, hidden columns, title row heights and dropdowns of a layout sheet as Google Sheets requests (pure).
import type { sheets_v4 } from '@googleapis/sheets';
import type { LayoutSheet } from '../../../dashboards/layout';
import {
  columnPixels,
  gridRange,
  DEFAULT_COLUMN_PX,
  DEFAULT_ROW_PX,
  headerRowCount,
  sheetRow,
  TITLE_ROW_PX,
  VALIDATION_ROWS,
} from './geometry';

type Request = sheets_v4.Schema$Request;

/** Runs of consecutive indices that share a key: [start, end) and the key. */
function runs<K>(
  count: number,
  keyOf: (i: number) => K | null,
  same: (a: K, b: K) => boolean,
): { start: number; end: number; key: K }[] {
  const out: { start: number; end: number; key: K }[] = [];
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    if (key === null) continue;
    const last = out[out.length - 1];
    if (last !== undefined && last.end === i && same(last.key, key)) last.end = i + 1;
    else out.push({ start: i, end: i + 1, key });
  }
  return out;
}

function dimension(
  sheetId: number,
  dim: 'ROWS' | 'COLUMNS',
  start: number,
  end: number,
  properties: sheets_v4.Schema$DimensionProperties,
): Request {
  return {
    updateDimensionProperties: {
      range: { sheetId, dimension: dim, startIndex: start, endIndex: end },
      properties,
      fields: Object.keys(properties).join(','),
    },
  };
}

/**
 * Puts every row and column of a reused tab back to the default size, shown (what the tab's last layout set is undone).
 */
export function resetDimensionRequests(sheetId: number, grid: { rowCount: number; columnCount: number }): Request[] {
  return [
    dimension(sheetId, 'COLUMNS', 0, grid.columnCount, { pixelSize: DEFAULT_COLUMN_PX, hiddenByUser: false }),
    dimension(sheetId, 'ROWS', 0, grid.rowCount, { pixelSize: DEFAULT_ROW_PX }),
  ];
}

/**
 * Widths and hidden flags of the layout's columns (consecutive alike columns in one request), and taller title rows.
 */
export function dimensionRequests(sheet: LayoutSheet, sheetId: number): Request[] {
  const columns = runs(
    sheet.columns.length,
    (i) => ({ pixelSize: columnPixels(sheet, i), hiddenByUser: sheet.columns[i]?.hidden === true }),
    (a, b) => a.pixelSize === b.pixelSize && a.hiddenByUser === b.hiddenByUser,
  ).map((r) => dimension(sheetId, 'COLUMNS', r.start, r.end, r.key));
  const titles = runs(
    sheet.rows.length,
    (i) => (sheet.rowKinds?.[i] === 'title' ? true : null),
    () => true,
  ).map((r) =>
    dimension(sheetId, 'ROWS', sheetRow(sheet, r.start), sheetRow(sheet, r.end - 1) + 1, { pixelSize: TITLE_ROW_PX }),
  );
  const heights = Object.entries(sheet.rowHeights ?? {}).map(([row, points]) =>
    dimension(sheetId, 'ROWS', sheetRow(sheet, Number(row)), sheetRow(sheet, Number(row)) + 1, {
      pixelSize: Math.round((points * 4) / 3),
    }),
  );
  const header =
    sheet.headerHeight !== undefined && headerRowCount(sheet) > 0
      ? [dimension(sheetId, 'ROWS', 0, 1, { pixelSize: Math.round((sheet.headerHeight * 4) / 3) })]
      : [];
  return [...columns, ...header, ...titles, ...heights];
}

const SCALE = {
  low: { red: 0.973, green: 0.412, blue: 0.42 },
  mid: { red: 1, green: 0.922, blue: 0.518 },
  high: { red: 0.388, green: 0.745, blue: 0.482 },
};

/** The layout's colour scales as gradient rules, first to last at index 0, 1, … (the next write deletes them). */
export function colorScaleRequests(sheet: LayoutSheet, sheetId: number): Request[] {
  return (sheet.colorScales ?? []).map((scale, index) => {
    const [low, high] = scale.lowIsGood ? [SCALE.high, SCALE.low] : [SCALE.low, SCALE.high];
    const p = scale.points;
    return {
      addConditionalFormatRule: {
        index,
        rule: {
          ranges: [gridRange(sheet, sheetId, scale.range)],
          gradientRule: {
            minpoint:
              p === undefined ? { type: 'MIN', color: low } : { type: 'NUMBER', value: String(p.min), color: low },
            midpoint:
              p === undefined
                ? { type: 'PERCENTILE', value: '50', color: SCALE.mid }
                : { type: 'NUMBER', value: String(p.mid), color: SCALE.mid },
            maxpoint:
              p === undefined ? { type: 'MAX', color: high } : { type: 'NUMBER', value: String(p.max), color: high },
          },
        },
      },
    };
  });
}

/**
 * A dropdown for each column with `choices` (consecutive columns with the same choices share one request), from the
 * first data row down to VALIDATION_ROWS. Not strict: the English keys are accepted too, so other values only warn.
 */
export function validationRequests(sheet: LayoutSheet, sheetId: number): Request[] {
  const first = headerRowCount(sheet);
  return runs(
    sheet.columns.length,
    (i) => {
      const choices = sheet.columns[i]?.choices ?? [];
      return choices.length > 0 ? choices : null;
    },
    (a, b) => a.length === b.length && a.every((c, k) => c === b[k]),
  ).map((r) => ({
    setDataValidation: {
      range: {
        sheetId,
        startRowIndex: first,
        endRowIndex: VALIDATION_ROWS,
        startColumnIndex: r.start,
        endColumnIndex: r.end,
      },
      rule: {
        condition: { type: 'ONE_OF_LIST', values: r.key.map((c) => ({ userEnteredValue: c })) },
        showCustomUi: true,
        strict: false,
      },
    },
  }));
}
