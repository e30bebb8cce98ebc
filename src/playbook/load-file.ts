import { readFile } from 'node:fs/promises';
import { shippedFile } from '../package-root.ts';
import { issue } from './issues.ts';
import { type LoadOptions, loadPlaybookText, type PlaybookLoadResult } from './load.ts';

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
  return loadPlaybookText(text, path, options);
}

/** The commented YAML of the shipped default playbook (what "rolecall playbook init" copies). */
export const DEFAULT_PLAYBOOK_YAML = shippedFile('src/playbook/default-playbook.yaml');

/** The generated JSON Schema of playbook files, for editor completion. */
export const PLAYBOOK_SCHEMA_JSON = shippedFile('src/playbook/playbook.schema.json');
