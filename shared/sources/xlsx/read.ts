// Local .xlsx adapter of the workbook-source port: exceljs reads the file; formulas give their cached result, merged
// ranges their top-left value.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../contract/cells';
import {
  WorkbookUnavailableError,
  type RawRow,
  type RawTab,
  type RawWorkbook,
  type WorkbookMeta,
  type WorkbookSource,
} from '../port';

/** Converts one exceljs cell value into the port's CellValue. */
export function toCellValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      // The cached result is what the person saw; a formula never calculated has none and reads as blank.
      const result = (v as { result?: ExcelJS.CellValue }).result;
      return toCellValue(result);
    }
    if ('hyperlink' in v && 'text' in v) return toCellValue(v.text as ExcelJS.CellValue);
  }
  return String(v);
}

export function sheetRows(ws: ExcelJS.Worksheet): RawRow[] {
  const rows: RawRow[] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // A merged cell reads as its range's top-left value, which is what the person sees in every cell of it.
      cells.push(toCellValue(cell.isMerged ? cell.master.value : cell.value));
    }
    while (cells.length > 0 && (cells[cells.length - 1] === null || cells[cells.length - 1] === '')) cells.pop();
    rows.push({ rowNumber, cells });
  });
  return rows;
}

export async function readXlsxFile(file: string, id = path.basename(file)): Promise<RawWorkbook> {
  const wb = new ExcelJS.Workbook();
  let modifiedAt: string | null = null;
  try {
    modifiedAt = (await stat(file)).mtime.toISOString();
    await wb.xlsx.readFile(file);
  } catch (err) {
    throw unavailable(id, err);
  }
  const tabs: RawTab[] = wb.worksheets.map((ws) => ({ name: ws.name, rows: sheetRows(ws) }));
  return { id, title: path.basename(file), modifiedAt, tabs };
}

function unavailable(id: string, err: unknown): WorkbookUnavailableError {
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ENOENT')
    return new WorkbookUnavailableError(
      id,
      '找不到该文件，请检查“表格”列中的文件名',
      'file not found; check the file name in the workbook column',
      'workbook.not_found',
      { cause: err },
    );
  return new WorkbookUnavailableError(
    id,
    '文件无法作为 .xlsx 打开，请用 Excel 或 WPS 另存为 .xlsx',
    'the file cannot be opened as .xlsx; save it again as .xlsx',
    'workbook.corrupt',
    { cause: err },
  );
}

/** Workbooks as files in one folder; ids are file names relative to it (spaces around them trimmed). */
export class XlsxWorkbookSource implements WorkbookSource {
  constructor(private readonly dir: string) {}

  private file(id: string): string {
    return path.resolve(this.dir, id.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
  }

  async describe(id: string): Promise<WorkbookMeta> {
    try {
      const s = await stat(this.file(id));
      return { id, title: path.basename(id), modifiedAt: s.mtime.toISOString() };
    } catch (err) {
      throw unavailable(id, err);
    }
  }

  read(id: string): Promise<RawWorkbook> {
    return readXlsxFile(this.file(id), id);
  }
}
