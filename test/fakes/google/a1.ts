// A1 notation: column letters, parsing "'It''s'!A1:C5" / "Sheet1" / "A:C" / "1:5" into 0-based windows, and formatting
// ranges the way Google echoes them.

/** A parsed cell part of a range: 0-based, end exclusive, null end = to the edge of the grid. */
export interface CellWindow {
  startRow: number;
  endRow: number | null;
  startCol: number;
  endCol: number | null;
}

/** A window resolved against a sheet: every bound known. */
export interface Bounds {
  startRow: number;
  endRow: number;
  startCol: number;
  endCol: number;
}

export interface ParsedRange {
  /**
   * The sheet named before '!', or the whole text when there is no '!' (it may name a sheet or be A1 on the first
   * sheet).
   */
  sheetName: string | null;
  /** null = the whole sheet. */
  cells: CellWindow | null;
  /** No '!': the text as an A1 window on the first sheet, if it parses as one. */
  bareA1: CellWindow | null;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Google quotes a sheet name unless it is a plain identifier that cannot be read as a cell or R1C1 reference. */
export function quoteSheetName(title: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(title) && !/^[A-Za-z]{1,3}\d+$/.test(title) && !/^[Rr]\d*[Cc]\d*$/.test(title);
  return plain ? title : `'${title.replace(/'/g, "''")}'`;
}

export function cellName(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function formatBounds(title: string, b: Bounds): string {
  const start = cellName(b.startRow, b.startCol);
  const single = b.endRow - b.startRow === 1 && b.endCol - b.startCol === 1;
  return `${quoteSheetName(title)}!${single ? start : `${start}:${cellName(b.endRow - 1, b.endCol - 1)}`}`;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/;

interface Part {
  col: number | null;
  row: number | null;
}

function parsePart(s: string): Part | null {
  const m = PART.exec(s);
  if (!m) return null;
  const letters = m[1] ?? '';
  const digits = m[2] ?? '';
  if (letters === '' && digits === '') return null;
  if (digits !== '' && Number(digits) < 1) return null;
  return { col: letters === '' ? null : columnIndex(letters), row: digits === '' ? null : Number(digits) - 1 };
}

/** "A1", "A1:C5", "A:C", "1:5", "A2:C" (rows 2..end), "A:C5" (rows 1..5). Null when it is not A1 notation. */
export function parseCells(a1: string): CellWindow | null {
  const pieces = a1.split(':');
  if (pieces.length === 1) {
    const p = parsePart(pieces[0] ?? '');
    if (!p || p.col === null || p.row === null) return null;
    return { startRow: p.row, endRow: p.row + 1, startCol: p.col, endCol: p.col + 1 };
  }
  if (pieces.length !== 2) return null;
  const a = parsePart(pieces[0] ?? '');
  const b = parsePart(pieces[1] ?? '');
  if (!a || !b) return null;
  // Columns: both or neither side names one ("1:5" has none; "A1:5" is not A1).
  if ((a.col === null) !== (b.col === null)) return null;
  if (a.col === null && (a.row === null || b.row === null)) return null;
  let startCol = a.col ?? 0;
  let endCol = b.col === null ? null : b.col + 1;
  if (endCol !== null && endCol - 1 < startCol) [startCol, endCol] = [endCol - 1, startCol + 1];
  let startRow = a.row ?? 0;
  let endRow = b.row === null ? null : b.row + 1;
  if (endRow !== null && endRow - 1 < startRow) [startRow, endRow] = [endRow - 1, startRow + 1];
  return { startRow, endRow, startCol, endCol };
}

/**
 * Splits "'Sheet'!A1:B2" into sheet and cells; throws on malformed text (the caller answers "Unable to parse range").
 */
export function parseRange(text: string): ParsedRange {
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    for (;;) {
      if (i >= text.length) throw new Error('unterminated quote');
      const ch = text[i];
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        i += 1;
        break;
      }
      name += ch;
      i += 1;
    }
    if (i === text.length) return { sheetName: name, cells: null, bareA1: null };
    if (text[i] !== '!') throw new Error('text after quoted name');
    const cells = parseCells(text.slice(i + 1));
    if (!cells) throw new Error('bad cells');
    return { sheetName: name, cells, bareA1: null };
  }
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    const cells = parseCells(text.slice(bang + 1));
    if (!cells || bang === 0) throw new Error('bad cells');
    return { sheetName: text.slice(0, bang), cells, bareA1: null };
  }
  if (text === '') throw new Error('empty');
  return { sheetName: text, cells: null, bareA1: parseCells(text) };
}
