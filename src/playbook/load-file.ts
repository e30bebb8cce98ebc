import { readFile } from 'node:fs/promises';
import { shippedFile } from '../package-root.ts';
import { defaultPlaybook } from './default.ts';
import { issue } from './issues.ts';
import type { LoadOptions, PlaybookLoadResult } from './load.ts';
import type { Playbook } from './schema.ts';

/**
 * Reads a playbook file (YAML or JSON) and loads it; a missing file is an error in the result, not a throw,
 * and `unreadable` holds the one line a command prints for it.
 */
export async function loadPlaybookFile(
  path: string,
  options: LoadOptions = {},
): Promise<PlaybookLoadResult & { unreadable?: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file; check the path or run "rolecall playbook init"'
        : `cannot read it (${code ?? String(error)})`;
    return {
      value: null,
      warnings: [],
      errors: [issue(path, [], why)],
      unreadable: `Cannot read the playbook ${path}: ${why}.`,
    };
  }
  // Imported here: the YAML parser and the checks load only when a file is read, not for the default.
  const { loadPlaybookText } = await import('./load.ts');
  return loadPlaybookText(text, path, options);
}

/** The commented YAML of the shipped default playbook (what "rolecall playbook init" copies). */
export const DEFAULT_PLAYBOOK_YAML = shippedFile('src/playbook/default-playbook.yaml');

/** The generated JSON Schema of playbook files, for editor completion. */
export const PLAYBOOK_SCHEMA_JSON = shippedFile('src/playbook/playbook.schema.json');

/** A playbook to run with, or why there is none; warnings either way (every caller shows them). */
export type PlaybookChoice =
  | { ok: true; playbook: Playbook; warnings: string[] }
  | { ok: false; message: string; warnings: string[] };

/**
 * The one loader behind every `--playbook <file>` (and ROLECALL_PLAYBOOK): the shipped default without a
 * path, else the file, with its warnings, or one message listing every error and naming the fix.
 */
export async function loadPlaybookOrDefault(path: string | undefined): Promise<PlaybookChoice> {
  if (!path) return { ok: true, playbook: defaultPlaybook, warnings: [] };
  const loaded = await loadPlaybookFile(path);
  const warnings = loaded.warnings.map((warning) => warning.text);
  if (loaded.unreadable) return { ok: false, message: loaded.unreadable, warnings };
  if (!loaded.value) {
    const errors = loaded.errors.map((error) => `  ✖ ${error.text}`).join('\n');
    return {
      ok: false,
      message: `${path} is not a valid playbook (${loaded.errors.length} problem(s)):\n${errors}\nFix them, then run "rolecall playbook check ${path}".`,
      warnings,
    };
  }
  return { ok: true, playbook: loaded.value, warnings };
}
