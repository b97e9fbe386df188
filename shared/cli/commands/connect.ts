// `npm run cli -- connect`: checks a Google deployment before its first night — reachability, sharing, tabs, headers.
import type { Command } from 'commander';
import { BranchboardError } from '../../domain/errors';
import { connectCheck, type WorkbookCheck } from '../../sources/google/connect';
import { googleMode, requireConfigId } from '../../runtime/google';
import type { Io } from '../io';
import { bi } from '../messages';

function line(c: WorkbookCheck): string {
  const who = c.orgId ? `${c.orgId} ${c.name}` : '配置表 configuration';
  switch (c.status) {
    case 'ok':
      return `  ok           ${who}${c.rowErrors > 0 ? ` (${c.rowErrors} 行有错，运行后见反馈表 / ${c.rowErrors} row errors, see the feedback after a run)` : ''}`;
    case 'no_workbook':
      return `  NO WORKBOOK  ${who}: ${bi('组织表的 表格 列为空', "the roster's 表格 column is empty")}`;
    case 'unreachable':
      return `  NOT SHARED   ${who} (${c.workbook ?? ''}): ${c.reason ?? ''}`;
    case 'structure':
      return [
        `  MISSING      ${who} (${c.workbook ?? ''}):`,
        ...c.problems.map((p) => `               ${p.tab}: ${p.messageZh} / ${p.messageEn}`),
      ].join('\n');
  }
}

export function connectCommand(program: Command, io: Io): void {
  program
    .command('connect')
    .description(
      'check Google access: list what the service accounts reach, which branch spreadsheets are not shared with them, which tabs or headers are missing',
    )
    .option('--config-id <id>', 'the configuration spreadsheet (or BRANCHBOARD_CONFIG_ID)')
    .action(async (opts: { configId?: string }) => {
      const google = await googleMode(opts);
      const configId = requireConfigId(google);
      io.out(`服务账号 / Service accounts: ${google.gate.accountNames.join(', ')}`);
      const report = await connectCheck(google.gate, google.source, configId, (c) => io.out(line(c)));
      io.out(`服务账号能看到的电子表格 / Spreadsheets visible to the service accounts: ${report.visibleSpreadsheets}`);
      io.out(line(report.config));
      const bad = [report.config, ...report.branches].filter((c) => c.status !== 'ok');
      if (bad.length > 0) {
        const n = report.branches.length + 1;
        throw new BranchboardError('workbook.needs_attention', {
          zh: `${n} 个工作簿中有 ${bad.length} 个需要处理（见上方列表）`,
          en: `${bad.length} of ${n} workbooks need attention (listed above)`,
        });
      }
      io.out(bi('全部可以访问，每个工作表都有表头。', 'Everything is reachable and every tab has its headers.'));
    });
}
