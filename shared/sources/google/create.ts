// Creates a spreadsheet laid out from a layout (templates in Google mode): one Drive create, one batchUpdate.
import type { LayoutWorkbook } from '../../dashboards/layout';
import { BranchboardError } from '../../domain/errors';
import type { GoogleClients } from './clients';
import type { GoogleGate } from './gate';
import { writeWorkbookRequests } from './requests/workbook';

const SPREADSHEET = 'application/vnd.google-apps.spreadsheet';

export interface CreateOptions {
  name: string;
  folderId?: string;
  /** Protect the header rows: everyone is warned before changing a header the import matches columns by. */
  protectHeaders?: boolean;
}

export async function createSpreadsheet(
  gate: GoogleGate<GoogleClients>,
  layout: LayoutWorkbook,
  opts: CreateOptions,
): Promise<string> {
  const res = await gate.call('drive', `files.create ${opts.name}`, (c) =>
    c.drive.files.create({
      requestBody: { name: opts.name, mimeType: SPREADSHEET, ...(opts.folderId ? { parents: [opts.folderId] } : {}) },
      fields: 'id',
      supportsAllDrives: true,
    }),
  );
  const id = res.data.id;
  if (!id) throw new BranchboardError('google.bad_response', `Drive created ${opts.name} but returned no id`);
  const plans = layout.sheets.map((_s, index) => ({
    sheetId: 100 + index,
    index,
    exists: false,
    previousChartIds: [],
    chartIdBase: 1000 + index * 10,
    ...(opts.protectHeaders ? { protectHeader: { warningOnly: true } } : {}),
  }));
  // A new spreadsheet has one empty tab (sheet id 0): the template's tabs replace it in the same request.
  const requests = writeWorkbookRequests(layout, plans, { deleteSheetIds: [0] });
  await gate.call('write', `batchUpdate ${id}`, (c) =>
    c.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests } }),
  );
  return id;
}

/** Gives a person edit rights (a branch secretary, the Party-building department). */
export async function shareWith(gate: GoogleGate<GoogleClients>, fileId: string, email: string): Promise<void> {
  await gate.call('drive', `permissions.create ${fileId}`, (c) =>
    c.drive.permissions.create({
      fileId,
      requestBody: { type: 'user', role: 'writer', emailAddress: email },
      sendNotificationEmail: false,
      supportsAllDrives: true,
    }),
  );
}
