// The first check of a new deployment: what the service accounts can reach, which branch spreadsheets are not
// shared with them, and which tabs or headers are missing.
import type { ValidationIssue } from '../../contract/issues';
import { readBranchWorkbook, readConfigWorkbook } from '../../contract/workbook';
import { WorkbookUnavailableError } from '../port';
import type { GoogleClients } from './clients';
import type { GoogleGate } from './gate';
import type { GoogleWorkbookSource } from './source';

export interface WorkbookCheck {
  orgId: string | null;
  name: string;
  workbook: string | null;
  status: 'ok' | 'no_workbook' | 'unreachable' | 'structure';
  /** Missing tabs and columns: what must be fixed before a nightly run can read the workbook. */
  problems: ValidationIssue[];
  rowErrors: number;
  reason?: string;
}

export interface ConnectReport {
  accounts: string[];
  visibleSpreadsheets: number;
  config: WorkbookCheck;
  branches: WorkbookCheck[];
}

const STRUCTURE = new Set(['missing_tab', 'missing_column', 'dependent_tab']);

function check(orgId: string | null, name: string, workbook: string, issues: ValidationIssue[]): WorkbookCheck {
  const problems = issues.filter((i) => STRUCTURE.has(i.code));
  return {
    orgId,
    name,
    workbook,
    status: problems.length > 0 ? 'structure' : 'ok',
    problems,
    rowErrors: issues.length - problems.length,
  };
}

function unreachable(orgId: string | null, name: string, workbook: string, err: unknown): WorkbookCheck {
  const reason =
    err instanceof WorkbookUnavailableError
      ? `${err.reasonZh} / ${err.reasonEn}`
      : err instanceof Error
        ? err.message
        : String(err);
  return { orgId, name, workbook, status: 'unreachable', problems: [], rowErrors: 0, reason };
}

export async function connectCheck(
  gate: GoogleGate<GoogleClients>,
  source: GoogleWorkbookSource,
  configId: string,
  onBranch: (c: WorkbookCheck) => void = () => {},
): Promise<ConnectReport> {
  const listed = await gate.call('drive', 'files.list', (c) =>
    c.drive.files.list({
      q: "mimeType = 'application/vnd.google-apps.spreadsheet' and trashed = false",
      fields: 'files(id)',
      pageSize: 1000,
      supportsAllDrives: true,
      includeItemsFromAllDrives: true,
    }),
  );
  const report: ConnectReport = {
    accounts: gate.accountNames,
    visibleSpreadsheets: listed.data.files?.length ?? 0,
    config: { orgId: null, name: 'config', workbook: configId, status: 'unreachable', problems: [], rowErrors: 0 },
    branches: [],
  };
  let config: ReturnType<typeof readConfigWorkbook>;
  try {
    config = readConfigWorkbook(await source.read(configId));
  } catch (err) {
    report.config = unreachable(null, 'config', configId, err);
    return report;
  }
  report.config = check(null, 'config', configId, config.issues);
  const today = new Date().toISOString().slice(0, 10);
  for (const org of config.data.orgs.filter((o) => o.level === 'branch')) {
    let result: WorkbookCheck;
    if (org.workbook === null) {
      result = { orgId: org.id, name: org.name, workbook: null, status: 'no_workbook', problems: [], rowErrors: 0 };
    } else {
      try {
        const read = readBranchWorkbook(await source.read(org.workbook), {
          orgId: org.id,
          asOf: today,
          criteria: config.data.criteria,
        });
        result = check(org.id, org.name, org.workbook, read.issues);
      } catch (err) {
        result = unreachable(org.id, org.name, org.workbook, err);
      }
    }
    report.branches.push(result);
    onBranch(result);
  }
  return report;
}
