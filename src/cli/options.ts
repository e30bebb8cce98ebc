import { Option } from 'commander';
import { loadPlaybookOrDefault } from '../playbook/load-file.ts';
import type { Playbook } from '../playbook/schema.ts';
import { DEFAULT_DB_PATH } from '../tag/db-path.ts';
import { CliError } from './errors.ts';

/** The options several commands share, declared once so they read and behave the same everywhere. */

/** `--db <path>`: the audit log (runs, checkpoints, what was written); a `--sandbox` is kept beside it. */
export const dbOption = (description = 'audit log of runs (a --sandbox is kept beside it)'): Option =>
  new Option('--db <path>', description).default(DEFAULT_DB_PATH);

/** `--json`: machine-readable output on stdout and nothing else there. */
export const jsonOption = (description = 'print one JSON object on stdout and nothing else'): Option =>
  new Option('--json', description);

/** `--playbook <file>`: a playbook YAML or JSON file instead of the built-in one. */
export const playbookOption = (description = 'playbook YAML or JSON (default: the built-in one)'): Option =>
  new Option('--playbook <file>', description);

/**
 * Loads `--playbook <file>` (or the built-in playbook) for any command: its warnings always go to stderr,
 * and a broken file stops the command with every problem and the fix. `named`: the setting that named the file
 * when it is not the flag (`serve` reads ROLECALL_PLAYBOOK), so every message says where to fix it.
 */
export async function loadPlaybookForCli(path: string | undefined, named?: string): Promise<Playbook> {
  const choice = await loadPlaybookOrDefault(path);
  const from = named ? `${named} ` : '';
  if (choice.warnings.length > 0)
    process.stderr.write(`${choice.warnings.map((w) => `  ⚠ ${from}${w}`).join('\n')}\n`);
  if (choice.ok) return choice.playbook;
  if (!named) throw new CliError(choice.message);
  throw new CliError(
    `${named} ${path} cannot be used: ${choice.message}\nFix it, or unset ${named} for the default.`,
  );
}
