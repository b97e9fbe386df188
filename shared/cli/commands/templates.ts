// `branchboard templates`: writes the blank configuration and branch workbooks.
import path from 'node:path';
import type { Command } from 'commander';
import { branchTemplate, configTemplate } from '../../contract/templates';
import { writeXlsx } from '../../sources/xlsx/write';
import type { Io } from '../io';

export const CONFIG_FILE = 'config.xlsx';
export const BRANCH_TEMPLATE_FILE = '第一党支部.xlsx';

export async function writeTemplates(dir: string): Promise<string[]> {
  const config = path.join(dir, CONFIG_FILE);
  const branch = path.join(dir, BRANCH_TEMPLATE_FILE);
  await writeXlsx(configTemplate(BRANCH_TEMPLATE_FILE), config);
  await writeXlsx(branchTemplate(), branch);
  return [config, branch];
}

export function templatesCommand(program: Command, io: Io): void {
  program
    .command('templates')
    .description('write a blank configuration workbook and a blank branch workbook, with dropdowns and one example row per tab')
    .requiredOption('--dir <dir>', 'folder to write config.xlsx and the branch workbook into (created if missing)')
    .action(async (opts: { dir: string }) => {
      const files = await writeTemplates(opts.dir);
      io.out(`Wrote ${files.length} workbooks:`);
      for (const f of files) io.out(`  ${f}`);
    });
}
