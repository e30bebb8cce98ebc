import { stringify } from 'yaml';
import { pathText } from './issues.ts';
import { loadPlaybookData, type PlaybookLoadResult } from './load.ts';

/**
 * Editing and versioning a playbook, without I/O: set a value at a path, check the result with the same
 * schema and cross-checks as `rolecall playbook check`, list what changed between two versions, and write
 * YAML for export. The backend stores the versions; the settings page and the CLI call these.
 */

export type Path = readonly (string | number)[];

export interface PlaybookChange {
  /** e.g. `personas[finance_leader].talkingPoints.economic_buyer[0]`: list items with an id are named by it. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const idOf = (value: unknown): string | null =>
  isObject(value) && typeof value.id === 'string' ? value.id : null;

/** Every difference between two playbook documents; lists of items with ids are matched by id. */
export function diffPlaybooks(before: unknown, after: unknown): PlaybookChange[] {
  const changes: PlaybookChange[] = [];
  const walk = (a: unknown, b: unknown, at: string) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    if (a === undefined) return void changes.push({ path: at, kind: 'added', after: b });
    if (b === undefined) return void changes.push({ path: at, kind: 'removed', before: a });
    if (Array.isArray(a) && Array.isArray(b)) {
      const keyed = [...a, ...b].every((item) => idOf(item) !== null);
      if (keyed) {
        const ids = [...new Set([...a, ...b].map((item) => idOf(item) as string))];
        for (const id of ids)
          walk(
            a.find((item) => idOf(item) === id),
            b.find((item) => idOf(item) === id),
            `${at}[${id}]`,
          );
        return;
      }
      for (let i = 0; i < Math.max(a.length, b.length); i += 1) walk(a[i], b[i], `${at}[${i}]`);
      return;
    }
    if (isObject(a) && isObject(b)) {
      for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])])
        walk(a[key], b[key], at ? `${at}.${key}` : key);
      return;
    }
    changes.push({ path: at, kind: 'changed', before: a, after: b });
  };
  walk(before, after, '');
  return changes;
}

/** A copy of `data` with `value` at `path` (objects and lists on the way are copied, never changed). */
export function setAt(data: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (typeof key === 'number') {
    const list = Array.isArray(data) ? [...data] : [];
    list[key] = setAt(list[key], rest, value);
    return list;
  }
  const object = isObject(data) ? { ...data } : {};
  if (value === undefined && rest.length === 0) delete object[key as string];
  else object[key as string] = setAt(object[key as string], rest, value);
  return object;
}

export interface EditResult extends PlaybookLoadResult {
  /** The edited document (saved only when `errors` is empty). */
  data: unknown;
  /** Errors by path, so a form shows each on the field it concerns. */
  fieldErrors: Record<string, string[]>;
}

/** Errors grouped by their path (`personas[1].talkingPoints.economic_buyer[0]`). */
export function byPath(issues: PlaybookLoadResult['errors']): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const i of issues) grouped[i.path] = [...(grouped[i.path] ?? []), i.message];
  return grouped;
}

/** The messages for one field and everything under it. */
export function errorsUnder(fieldErrors: Record<string, string[]>, path: Path): string[] {
  const at = pathText(path);
  return Object.entries(fieldErrors)
    .filter(([p]) => p === at || p.startsWith(`${at}.`) || p.startsWith(`${at}[`))
    .flatMap(([, messages]) => messages);
}

/** Checks a whole document as `rolecall playbook check` does; `today` fixes the staleness clock. */
export function checkDocument(data: unknown, source = 'playbook', today?: string): EditResult {
  const loaded = loadPlaybookData(data, source, today ? { today } : {});
  return { ...loaded, data, fieldErrors: byPath(loaded.errors) };
}

/** Applies one edit and checks the result; nothing is valid unless `errors` is empty. */
export function applyEdit(data: unknown, path: Path, value: unknown, today?: string): EditResult {
  return checkDocument(setAt(data, path, value), 'playbook', today);
}

/** The document as YAML for a repository (`$schema` first when present, comments are not kept). */
export function toYaml(data: unknown): string {
  return stringify(data, { lineWidth: 110 });
}
