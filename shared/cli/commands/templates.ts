// `npm run cli -- templates`: the blank configuration and branch workbooks, as .xlsx files or as Google spreadsheets.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { branchTemplate, configTemplate, groupTemplate } from '../../dashboards/templates';
import { GROUP_FILE } from '../../demo/group';
import { createSpreadsheet, shareWith } from '../../sources/google/create';
import { spreadsheetUrl } from '../../sources/google/sink';
import { writeXlsx } from '../../sources/xlsx/write';
import { UsageError } from '../../runtime/dates';
import { googleMode } from '../../runtime/google';
import type { Io } from '../io';
import { bi, CLI, NIGHTLY, shellArg } from '../messages';
import { refuseToReplace } from '../overwrite';

export const CONFIG_FILE = 'config.xlsx';
export const BRANCH_TEMPLATE_FILE = '第一党支部.xlsx';
/** With --group the configuration workbook is one committee's among several, named after it. */
export const GROUP_CONFIG_FILE = 'W01-config.xlsx';

/**
 * Writes the templates into `dir` (with `group`, a group workbook too, and the configuration workbook named as one
 * committee's); refuses (usage error, nothing written) when any file exists, unless `force`.
 */
export async function writeTemplates(dir: string, opts: { force?: boolean; group?: boolean } = {}): Promise<string[]> {
  const config = path.join(dir, opts.group ? GROUP_CONFIG_FILE : CONFIG_FILE);
  const branch = path.join(dir, BRANCH_TEMPLATE_FILE);
  const group = opts.group ? [path.join(dir, GROUP_FILE)] : [];
  refuseToReplace([...group, config, branch], opts.force, `${CLI} templates --dir ${shellArg(dir)}`);
  for (const file of group) await writeXlsx(groupTemplate(GROUP_CONFIG_FILE), file);
  await writeXlsx(configTemplate(BRANCH_TEMPLATE_FILE), config);
  await writeXlsx(branchTemplate(), branch);
  return [...group, config, branch];
}

interface TemplateOptions {
  dir?: string;
  source: 'xlsx' | 'google';
  folder?: string;
  shareWith?: string[];
  force?: boolean;
  group?: boolean;
}

/** Google: a branch spreadsheet first, then the configuration whose roster names it in the 表格 column. */
export async function createGoogleTemplates(opts: TemplateOptions): Promise<{ config: string; branch: string }> {
  const google = await googleMode({});
  const common = { ...(opts.folder ? { folderId: opts.folder } : {}), protectHeaders: true };
  const branch = await createSpreadsheet(google.gate, branchTemplate(), { name: '第一党支部', ...common });
  const config = await createSpreadsheet(google.gate, configTemplate(branch), { name: 'Branchboard 配置', ...common });
  for (const email of opts.shareWith ?? []) {
    await shareWith(google.gate, config, email);
    await shareWith(google.gate, branch, email);
  }
  return { config, branch };
}

export function templatesCommand(program: Command, io: Io): void {
  program
    .command('templates')
    .description(
      'write a blank configuration workbook and a blank branch workbook, with dropdowns and one example row per tab',
    )
    .addOption(
      new Option('--source <source>', 'write .xlsx files or create Google spreadsheets')
        .choices(['xlsx', 'google'])
        .default('xlsx'),
    )
    .option('--dir <dir>', 'xlsx: folder to write config.xlsx and the branch workbook into (created if missing)')
    .option('--folder <id>', 'google: the shared-drive folder to create the spreadsheets in')
    .option('--share-with <emails...>', 'google: people to give edit rights (e.g. the Party-building department)')
    .option(
      '--group',
      `xlsx: also a group workbook (集团, ${GROUP_FILE}, tab 下属党委) naming the committees; the configuration workbook is then ${GROUP_CONFIG_FILE}, the first committee's`,
    )
    .option(
      '--force',
      'xlsx: replace config.xlsx and the branch workbook if they exist (without it, an existing file is never touched)',
    )
    .action(async (opts: TemplateOptions) => {
      if (opts.source === 'google') {
        const made = await createGoogleTemplates(opts);
        io.out(
          bi(
            '已创建两个电子表格（表头受保护并有提示，每个枚举列都有下拉框）：',
            'Created two spreadsheets (headers protected with a warning, dropdowns on every enumerated column):',
          ),
        );
        io.out(
          `  配置 configuration: ${spreadsheetUrl(made.config)}  (id ${made.config}; 用作 / use it as --config-id)`,
        );
        io.out(
          `  支部 branch:        ${spreadsheetUrl(made.branch)}  (其 id 已填在组织表的 表格 列 / its id is already in the roster's 表格 column)`,
        );
        return;
      }
      if (opts.dir === undefined) {
        throw new UsageError(
          bi(
            `生成 .xlsx 模板需要 --dir，例如：${CLI} templates --dir ./my-org`,
            `--dir is required for .xlsx templates, e.g. ${CLI} templates --dir ./my-org`,
          ),
        );
      }
      const files = await writeTemplates(opts.dir, { force: opts.force, group: opts.group });
      io.out(bi(`已写入 ${files.length} 个工作簿：`, `Wrote ${files.length} workbooks:`));
      for (const f of files) io.out(`  ${f}`);
      io.out(
        bi(
          `填好它们（每个支部一个工作簿，文件名写在组织表的 表格 列）后运行：${NIGHTLY} --dir ${shellArg(opts.dir)}`,
          `Fill them in (one workbook per branch, named in the roster's 表格 column), then run: ${NIGHTLY} --dir ${shellArg(opts.dir)}`,
        ),
      );
      if (opts.group)
        io.out(
          bi(
            `集团：每个党委一个配置表，写在 ${GROUP_FILE} 的 配置表 列；文件夹里有 ${GROUP_FILE} 而没有 config.xlsx 时，nightly 按集团运行`,
            `Group: one configuration workbook per committee, named in ${GROUP_FILE}'s 配置表 column; with ${GROUP_FILE} and no config.xlsx in the folder, nightly runs the group`,
          ),
        );
    });
}
