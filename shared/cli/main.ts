// The command line (npm run cli -- <command>): parses arguments, runs one command, returns the exit code (0 done, 1
// failed, 2 usage).
import { shownError } from '../domain/errors';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { connectCommand } from './commands/connect';
import { demoCommand } from './commands/demo';
import { keysCommand } from './commands/keys';
import { serveCommand } from './commands/serve';
import { pipelineCommands } from './commands/pipeline';
import { renderCommand } from './commands/render';
import { templatesCommand } from './commands/templates';
import { matchError } from '../domain/errors';
import { processIo, type Io } from './io';
import { bi, CLI, commanderErrorZh } from './messages';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * The exit code of what a command threw, mapped once: commander's own usage errors and every `usage.*` error 2 (help
 * or the version asked for 0), anything else 1.
 */
export function exitCodeOf(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT_OK;
    if (err.code === 'commander.help' && err.exitCode === 0) return EXIT_OK;
    return EXIT_USAGE;
  }
  return matchError(err, 'usage.') ? EXIT_USAGE : EXIT_FAILED;
}

export function buildProgram(io: Io): Command {
  // Named as the README names it, so usage lines read `npm run cli -- templates [options]`.
  const program = new Command(CLI)
    .description("Branchboard: reads the branches' workbooks, validates them and computes the figures")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
      // Commander's own errors (unknown option, missing argument, …) are English: a Chinese line goes first.
      outputError: (s, write) => write(`${commanderErrorZh(s)}\n${s}`),
    });
  templatesCommand(program, io);
  renderCommand(program, io);
  pipelineCommands(program, io);
  demoCommand(program, io);
  connectCommand(program, io);
  keysCommand(program, io);
  serveCommand(program, io);
  for (const c of program.commands) c.exitOverride().showHelpAfterError();
  return program;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  // Lambda runs Node 22; on a laptop with Node 20 the SDK's notice about 2027 would only clutter every run.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const program = buildProgram(io);
  if (argv.length <= 2) {
    program.outputHelp();
    io.err(
      bi(
        `请指定一个命令，例如：${CLI} templates --dir ./my-org`,
        `Name a command, e.g. ${CLI} templates --dir ./my-org`,
      ),
    );
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv);
    return EXIT_OK;
  } catch (err) {
    const exit = exitCodeOf(err);
    if (err instanceof CommanderError) {
      // Commander has printed its own message; help shown because something was missing, e.g. `keys` alone, gets a
      // line.
      if (err.code === 'commander.help' && exit !== EXIT_OK)
        io.err(bi('缺少子命令：见上面的用法。', 'a subcommand is missing: see the usage above.'));
      return exit;
    }
    const shown = shownError(err);
    const message = `${shown.text.zh} / ${shown.text.en}`;
    io.err(exit === EXIT_USAGE ? `错误 / error: ${message}` : `运行失败 / failed: ${message}`);
    // The person at this terminal runs the product: the unforeseen error itself goes on a line of its own for them.
    if (shown.internal) io.err(`详情（供运维人员） / details for the operator: ${errorDetail(err)}`);
    return exit;
  }
}

function errorDetail(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv);
}
