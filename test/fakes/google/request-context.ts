// What a batchUpdate request handler gets: the working copy of the spreadsheet, the state (for ids) and the caller.
import type { FakeState } from './state';
import type { JsonObject, SpreadsheetModel } from './types';

export interface RequestContext {
  /** The copy being edited; swapped in only when every request succeeded. */
  book: SpreadsheetModel;
  state: FakeState;
  account: string;
}

/** Applies one request; returns the reply body (placed under the request's kind) or undefined for an empty reply. */
export type RequestHandler = (ctx: RequestContext, args: JsonObject) => JsonObject | undefined;
