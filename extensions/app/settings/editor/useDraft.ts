import { checkDocument, errorsUnder } from '@rolecall/core';
import { useCallback, useMemo, useState } from 'react';

export type Path = readonly (string | number)[];
// biome-ignore lint/suspicious/noExplicitAny: the editor walks the playbook document by path
export type Doc = any;

/** The document being edited, checked after every change exactly as `rolecall playbook check` checks a file. */
export interface Draft {
  doc: Doc;
  get(path: Path): unknown;
  set(path: Path, value: unknown): void;
  /** The messages for one field and everything under it. */
  errorsAt(path: Path): string[];
  /** The messages about this very object (a rule as a whole, a persona's match), not its fields. */
  errorsHere(path: Path): string[];
  /** Every error, `path: message`, so none is hidden when no field shows its path. */
  errors: { path: string; message: string }[];
  warnings: { path: string; message: string }[];
  /** Starts again from a saved version. */
  reset(doc: Doc): void;
  changed: boolean;
}

const isObject = (value: unknown): value is Record<string | number, unknown> =>
  value !== null && typeof value === 'object';

/** `personas[1].match`, as the checks name paths. */
export const pathKey = (path: Path): string =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${k}`)).join('');

export function valueAt(doc: Doc, path: Path): unknown {
  let node: unknown = doc;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** A copy with `value` at `path`; undefined removes the key (optional fields left empty). */
export function withValue(doc: Doc, path: Path, value: unknown): Doc {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof key === 'number') {
    const list = Array.isArray(doc) ? [...doc] : [];
    list[key] = withValue(list[key], rest, value);
    return list;
  }
  const object: Record<string, unknown> = isObject(doc) && !Array.isArray(doc) ? { ...doc } : {};
  if (value === undefined && rest.length === 0) delete object[key];
  else object[key] = withValue(object[key], rest, value);
  return object;
}

/** `today` (YYYY-MM-DD) fixes the review-date clock of the checks. */
export function useDraft(initial: Doc, today: string): Draft {
  const [state, setState] = useState<{ doc: Doc; changed: boolean }>({ doc: initial, changed: false });
  const { doc, changed } = state;
  const checked = useMemo(() => checkDocument(doc, 'playbook', today), [doc, today]);
  const set = useCallback(
    (path: Path, value: unknown) => setState((s) => ({ doc: withValue(s.doc, path, value), changed: true })),
    [],
  );
  const reset = useCallback((next: Doc) => setState({ doc: next, changed: false }), []);
  const plain = (list: readonly { path: string; message: string }[]) =>
    list.map((i) => ({ path: i.path, message: i.message }));
  return {
    doc,
    get: (path) => valueAt(doc, path),
    set,
    errorsAt: (path) => errorsUnder(checked.fieldErrors, path),
    errorsHere: (path) => checked.fieldErrors[pathKey(path)] ?? [],
    errors: plain(checked.errors),
    warnings: plain(checked.warnings),
    reset,
    changed,
  };
}
