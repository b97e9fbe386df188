// `branchboard connect`: checks a Google deployment before its first night — reachability, sharing, tabs, headers.
import type { Command } from 'commander';
import { connectCheck, type WorkbookCheck } from '../../sources/google/connect';
import { googleMode, requireConfigId } from '../google';
import type { Io } from '../io';

function line(c: WorkbookCheck): string {
  const who = c.orgId ? `${c.orgId} ${c.name}` : 'configuration';
  switch (c.status) {
    case 'ok':
      return `  ok           ${who}${c.rowErrors > 0 ? ` (${c.rowErrors} row errors, see the feedback after a run)` : ''}`;
    case 'no_workbook':
      return `  NO WORKBOOK  ${who}: the roster's 表格 column is empty`;
    case 'unreachable':
      return `  NOT SHARED   ${who} (${c.workbook ?? ''}): ${c.reason ?? ''}`;
    case 'structure':
      return [`  MISSING      ${who} (${c.workbook ?? ''}):`, ...c.problems.map((p) => `               ${p.tab}: ${p.messageZh} / ${p.messageEn}`)].join('\n');
  }
}

export function connectCommand(program: Command, io: Io): void {
  program
    .command('connect')
    .description('check Google access: list what the service accounts reach, which branch spreadsheets are not shared with them, which tabs or headers are missing')
    .option('--config-id <id>', 'the configuration spreadsheet (or BRANCHBOARD_CONFIG_ID)')
    .action(async (opts: { configId?: string }) => {
      const google = await googleMode(opts);
      const configId = requireConfigId(google);
      io.out(`Service accounts: ${google.gate.accountNames.join(', ')}`);
      const report = await connectCheck(google.gate, google.source, configId, (c) => io.out(line(c)));
      io.out(`Spreadsheets visible to the service accounts: ${report.visibleSpreadsheets}`);
      io.out(line(report.config));
      const bad = [report.config, ...report.branches].filter((c) => c.status !== 'ok');
      if (bad.length > 0) throw new Error(`${bad.length} of ${report.branches.length + 1} workbooks need attention (listed above)`);
      io.out('Everything is reachable and every tab has its headers.');
    });
}
