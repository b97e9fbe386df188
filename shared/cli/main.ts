// The branchboard command line: parses arguments, runs one command, returns the exit code (0 done, 1 failed, 2 usage).
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { templatesCommand } from './commands/templates';
import { processIo, type Io } from './io';
import { WorkbookUnavailableError } from '../sources/port';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export function buildProgram(io: Io): Command {
  const program = new Command('branchboard')
    .description('Branchboard: reads the branches\' workbooks, validates them and computes the figures')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  templatesCommand(program, io);
  for (const c of program.commands) c.exitOverride().showHelpAfterError();
  return program;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  if (argv.length <= 2) {
    program.outputHelp();
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.help' || err.code === 'commander.version') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (err instanceof WorkbookUnavailableError) {
      io.err(`${err.workbookId}: ${err.reasonZh} / ${err.reasonEn}`);
      return EXIT_FAILED;
    }
    io.err(`failed: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT_FAILED;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv);
}
