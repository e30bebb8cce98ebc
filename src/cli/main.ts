import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { fileErrorMessage, InputError } from '../io/errors.ts';
import { CliError, EXIT } from './errors.ts';

type Register = (program: Command) => void;

/**
 * Every command, in the order `--help` lists them. Each module is loaded only when its command runs
 * (or for the full `--help`), so `rolecall --version` and `rolecall classify` start without loading the
 * HubSpot client, the server or the sandbox.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  demo: async () => (await import('./commands/demo.ts')).registerDemo,
  classify: async () => (await import('./commands/classify.ts')).registerClassify,
  card: async () => (await import('./commands/card.ts')).registerCard,
  playbook: async () => (await import('./commands/playbook.ts')).registerPlaybook,
  sandbox: async () => (await import('./commands/sandbox.ts')).registerSandbox,
  setup: async () => (await import('./commands/setup.ts')).registerSetup,
  tag: async () => (await import('./commands/tag.ts')).registerTag,
  runs: async () => (await import('./commands/runs.ts')).registerRuns,
  undo: async () => (await import('./commands/undo.ts')).registerUndo,
  deals: async () => (await import('./commands/deals.ts')).registerDeals,
  report: async () => (await import('./commands/report.ts')).registerReport,
  insights: async () => (await import('./commands/insights.ts')).registerInsights,
  serve: async () => (await import('./commands/serve.ts')).registerServe,
  migrate: async () => (await import('./commands/migrate.ts')).registerMigrate,
};

/** Builds the rolecall command tree: only the command `argv` names, or all of them (help, typos). */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('rolecall')
    .description('Buying-group roles and personas for HubSpot contacts.')
    .version(packageJson.version, '-v, --version')
    .showHelpAfterError('(run "rolecall --help" for usage)')
    .exitOverride();
  const first = argv[2];
  if (first === '-v' || first === '--version') return program;
  const names = first && Object.hasOwn(COMMANDS, first) ? [first] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((name) => (COMMANDS[name] as () => Promise<Register>)()));
  for (const register of registers) register(program);
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
  try {
    const program = await buildProgram(argv);
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
