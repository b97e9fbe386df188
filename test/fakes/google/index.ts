// Entry point of the fake Google server for tests and the benchmark: the server, its state and fault types, and the
// token-URL redirect for google-auth-library clients.
export { startFakeGoogle, type FakeGoogle, type FakeGoogleOptions } from './server';
export { redirectTokenUrl } from './auth';
export { FakeState, type CellSnapshot, type CreateSpreadsheetOptions, type SheetOptions } from './state';
export { FaultQueue, type FaultSpec, type QuotaConfig } from './faults';
export type { RequestCounts, RequestLogEntry } from './accounting';
export { TokenStore, GOOGLE_TOKEN_URL } from './tokens';
export { dateToSerial, serialToDate } from './cells';
export { SPREADSHEET_MIME, FOLDER_MIME, type CellInput, type CellValue, type Role } from './types';
