/** Exit codes that mean something to CI: 0 done, 1 error, 2 work remains. */
export const EXIT = { ok: 0, error: 1, workRemains: 2 } as const;

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
