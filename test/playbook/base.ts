import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The shipped default as plain data, deep-copied per call so each test changes only its own copy. */
const text = readFileSync(new URL('../../src/playbook/default-playbook.yaml', import.meta.url), 'utf8');

export const DEFAULT_YAML = text;
/** The day the default playbook was last reviewed: staleness checks in tests use it, never the clock. */
export const REVIEW_DAY = '2026-11-25';

// biome-ignore lint/suspicious/noExplicitAny: tests reach into arbitrary parts of the playbook data
export type Data = any;

const parsed = parse(text);

export function baseData(): Data {
  return structuredClone(parsed);
}
