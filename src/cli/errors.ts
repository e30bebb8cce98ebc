import { type Delimiter, parseDelimiter } from '../io/csv-delimiter.ts';

/**
 * Exit codes that mean something to CI: 0 done, 1 the run failed, 2 the command was wrong (nothing was
 * done; the message names the fix), 3 a run stopped early and work remains (`rolecall tag --resume`).
 */
export const EXIT = { ok: 0, error: 1, usage: 2, workRemains: 3 } as const;

/** A foreseeable failure the CLI reports in one sentence that names the fix. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.error,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A command line that cannot run as written (a bad flag value, a missing token): exit 2, nothing done. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

/** `--delimiter <char>`: a value that is not a CSV separator is a usage error. */
export function delimiterFlag(raw: string | undefined): Delimiter | undefined {
  try {
    return parseDelimiter(raw);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
