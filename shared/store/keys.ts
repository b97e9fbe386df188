// Pure key builders for the single table: every item is addressed by generic pk/sk (and gsi1pk/gsi1sk) strings.
// Every item kind, with these templates, its schema and what it holds, is declared once in entities.ts (and rendered
// into the README); a test checks each builder against its template.

export const CONFIG_PK = 'CONFIG';
export const GSI1 = 'gsi1';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const keys = {
  workbook: (workbook: string) => `WB#${workbook}`,
  syncState: () => 'STATE',
  org: (orgId: string) => `ORG#${orgId}`,
  /** A chunk of one tab's rows from its first sheet row; with null, the prefix of every chunk of that tab. */
  tabChunk: (tabKey: string, first: number | null) => `TAB#${tabKey}#${first === null ? '' : pad(first, 6)}`,
  tabPrefix: () => 'TAB#',
  period: (period: string) => `PERIOD#${period}`,
  parts: (period: string) => `PARTS#${period}`,
  part: (orgId: string) => `ORG#${orgId}`,
  partPrefix: () => 'ORG#',
  meta: (version: number) => `META#${pad(version, 6)}`,
  metaPrefix: () => 'META#',
  runOrg: (runId: string, orgId: string) => `RUN#${runId}#ORG#${orgId}`,
  runOrgPart: (runId: string, orgId: string, part: number) => `RUN#${runId}#ORG#${orgId}#PART#${pad(part, 4)}`,
  runOrgPartPrefix: (runId: string, orgId: string) => `RUN#${runId}#ORG#${orgId}#PART#`,
  /** A run of org figures, from its first org id in byte order (a version's figures are a few such items). */
  runOrgs: (runId: string, firstOrgId: string) => `RUN#${runId}#ORGS#${firstOrgId}`,
  runOrgsPrefix: (runId: string) => `RUN#${runId}#ORGS#`,
  /** A further piece of a run of org figures whose compressed text does not fit in one item. */
  runOrgsPiece: (runId: string, firstOrgId: string, piece: number) =>
    `RUN#${runId}#ORGP#${firstOrgId}#${pad(piece, 4)}`,
  runOrgsPiecePrefix: (runId: string, firstOrgId: string) => `RUN#${runId}#ORGP#${firstOrgId}#`,
  runList: (runId: string, name: string, chunk: number) => `RUN#${runId}#LIST#${name}#${pad(chunk, 4)}`,
  runListPrefix: (runId: string, name: string) => `RUN#${runId}#LIST#${name}#`,
  runPrefix: (runId: string) => `RUN#${runId}#`,
  nightly: (runId: string) => `NIGHTLY#${runId}`,
  published: () => 'PUBLISHED',
  changed: (month: string, tab: string, row: number) => `CHANGED#${month}#${tab}#${pad(row, 6)}`,
  nightlyRun: () => 'RUN',
  cursor: (source: string) => ({ pk: 'SOURCE', sk: `CURSOR#${source}` }),
  sinkState: (purpose: string, spreadsheetId: string) => ({ pk: 'SINK', sk: `${purpose}#${spreadsheetId}` }),
  dashboardId: () => ({ pk: 'SINK', sk: 'DASHBOARD' }),
  job: (jobId: string) => ({ pk: `JOB#${jobId}`, sk: 'JOB' }),
  apiKey: (hash: string) => ({ pk: `APIKEY#${hash}`, sk: 'KEY' }),
  apiKeyListing: (keyId: string) => ({ pk: 'APIKEYS', sk: keyId }),
  apiKeyListingPk: () => 'APIKEYS',
  hookSignature: (signature: string) => ({ pk: `HOOKSIG#${signature}`, sk: 'SIG' }),
  hookPending: (spreadsheetId: string) => ({ pk: `HOOK#${spreadsheetId}`, sk: 'PENDING' }),
};

export const gsi = {
  syncStates: () => 'SYNC',
  errors: () => 'ERR',
  errorSort: (workbook: string, tab: string, row: number) => `${workbook}#${tab}#${pad(row, 6)}`,
  periods: () => 'PERIODS',
  periodSort: (period: string, version: number) => `${period}#${pad(version, 6)}`,
  nightlyRuns: () => 'NIGHTLY',
  nightlySort: (startedAt: string, runId: string) => `${startedAt}#${runId}`,
  publications: () => 'PUBLISHED',
  changedRows: () => 'CHANGED',
  changedSort: (month: string, workbook: string, tab: string, row: number) =>
    `${month}#${workbook}#${tab}#${pad(row, 6)}`,
};
