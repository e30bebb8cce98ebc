import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadPlaybookText } from './load.ts';
import { playbookJsonSchema } from './schema.ts';

/**
 * Regenerates `default-playbook.json` (for browsers, which cannot read the YAML) and
 * `playbook.schema.json` (editor completion). Run: `npx tsx src/playbook/build-default.ts`.
 */
export const DEFAULT_YAML_PATH = fileURLToPath(new URL('./default-playbook.yaml', import.meta.url));
export const DEFAULT_JSON_PATH = fileURLToPath(new URL('./default-playbook.json', import.meta.url));
export const SCHEMA_JSON_PATH = fileURLToPath(new URL('./playbook.schema.json', import.meta.url));

/** The default playbook's data as the JSON file should hold it (the `$schema` line is for YAML editors). */
export function defaultPlaybookData(): unknown {
  const data = parse(readFileSync(DEFAULT_YAML_PATH, 'utf8')) as Record<string, unknown>;
  return { $schema: './playbook.schema.json', ...data };
}

function main(): void {
  const loaded = loadPlaybookText(readFileSync(DEFAULT_YAML_PATH, 'utf8'), DEFAULT_YAML_PATH);
  for (const warning of loaded.warnings) process.stderr.write(`⚠ ${warning.text}\n`);
  if (loaded.errors.length > 0) {
    for (const error of loaded.errors) process.stderr.write(`✖ ${error.text}\n`);
    process.exitCode = 1;
    return;
  }
  writeFileSync(DEFAULT_JSON_PATH, `${JSON.stringify(defaultPlaybookData(), null, 2)}\n`);
  writeFileSync(SCHEMA_JSON_PATH, `${JSON.stringify(playbookJsonSchema(), null, 2)}\n`);
  // Keep the generated files in the repository's own format so "biome check" stays clean.
  execFileSync('npx', ['biome', 'format', '--write', DEFAULT_JSON_PATH, SCHEMA_JSON_PATH], {
    stdio: 'inherit',
  });
  process.stdout.write(`wrote ${DEFAULT_JSON_PATH} and ${SCHEMA_JSON_PATH}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
