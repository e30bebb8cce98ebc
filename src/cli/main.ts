import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { fileErrorMessage, InputError } from '../io/errors.ts';
import { registerCard } from './commands/card.ts';
import { registerClassify } from './commands/classify.ts';
import { registerDeals } from './commands/deals.ts';
import { registerDemo } from './commands/demo.ts';
import { registerInsights } from './commands/insights.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerPlaybook } from './commands/playbook.ts';
import { registerReport } from './commands/report.ts';
import { registerRuns } from './commands/runs.ts';
import { registerSandbox } from './commands/sandbox.ts';
import { registerServe } from './commands/serve.ts';
import { registerSetup } from './commands/setup.ts';
import { registerTag } from './commands/tag.ts';
import { registerUndo } from './commands/undo.ts';
import { CliError, EXIT } from './errors.ts';

/** Builds the rolecall command tree; each command module adds itself. */
export function buildProgram(): Command {
  const program = new Command('rolecall')
    .description('Buying-group roles and personas for HubSpot contacts.')
    .version(packageJson.version, '-v, --version')
    .showHelpAfterError('(run "rolecall --help" for usage)')
    .exitOverride();
  registerDemo(program);
  registerClassify(program);
  registerCard(program);
  registerPlaybook(program);
  registerSandbox(program);
  registerSetup(program);
  registerTag(program);
  registerRuns(program);
  registerUndo(program);
  registerDeals(program);
  registerReport(program);
  registerInsights(program);
  registerServe(program);
  registerMigrate(program);
  return program;
}

/** True for the error a write gets once the reader of a pipe has gone (`rolecall runs | head -1`). */
export function isBrokenPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

/**
 * When the reader of stdout goes away (`| head -1`), there is nobody left to answer: end at once, quietly,
 * with exit 0, and stop reading input. Installed once by the executable, so every command gets it.
 */
export function endQuietlyOnBrokenPipe(
  stream: NodeJS.EventEmitter = process.stdout,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  stream.on('error', (error: unknown) => {
    if (isBrokenPipe(error)) exit(EXIT.ok);
    else throw error;
  });
}

/** Runs the CLI and returns the exit code (see EXIT): 0 done, 1 run failed, 2 usage, 3 work remains. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (isBrokenPipe(error)) return EXIT.ok;
    // Commander has already printed what was wrong with the command line (unknown option, missing argument).
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      process.stderr.write(`✖ ${error.message}\n`);
      return error.exitCode;
    }
    // Input that cannot be read (a missing file, broken CSV quoting): one line naming the path, exit 1.
    const unreadable = error instanceof InputError ? error.message : fileErrorMessage(error);
    if (unreadable) {
      process.stderr.write(`✖ ${unreadable}\n`);
      return EXIT.error;
    }
    process.stderr.write(
      `✖ Unexpected error (a bug; please report it): ${(error as Error)?.stack ?? error}\n`,
    );
    return EXIT.error;
  }
}
