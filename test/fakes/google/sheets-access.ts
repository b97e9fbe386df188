// Who may use a spreadsheet through the Sheets API: 404 for an id that does not exist, 403 "The caller does not have
// permission" for one the caller cannot see (or may only read, on writes).
import { sheetsForbidden, sheetsNotFound } from './errors';
import type { FakeState } from './state';
import { SPREADSHEET_MIME, type SpreadsheetModel } from './types';

export function bookFor(state: FakeState, id: string, account: string, write: boolean): SpreadsheetModel {
  const file = state.file(id);
  const book = state.book(id);
  if (!file || file.mimeType !== SPREADSHEET_MIME || !book) throw sheetsNotFound();
  if (!state.canSee(file, account)) throw sheetsForbidden();
  if (write && !state.canWrite(file, account)) throw sheetsForbidden();
  return book;
}
