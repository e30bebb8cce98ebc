import { parse as parseYaml, YAMLParseError } from 'yaml';
import { renameDeprecated } from './aliases.ts';
import { checkReferences } from './check-references.ts';
import { checkRules } from './check-rules.ts';
import { issue, type PathKey, type PlaybookIssue, pathText } from './issues.ts';
import { type Playbook, PlaybookSchema } from './schema.ts';
import { industryId } from './text.ts';
import { fromZodIssues } from './zod-issues.ts';

export type { PlaybookIssue } from './issues.ts';

/** The outcome of loading a playbook: a value only when there are no errors. */
export interface PlaybookLoadResult {
  value: Playbook | null;
  warnings: PlaybookIssue[];
  errors: PlaybookIssue[];
}

export interface LoadOptions {
  /** YYYY-MM-DD used for the staleness check; defaults to today (UTC). */
  today?: string;
}

function parseText(raw: string, source: string): { data?: unknown; error?: PlaybookIssue } {
  const text = raw.replace(/^\uFEFF/, ''); // editors on Windows like to add a byte-order mark
  const trimmed = text.trimStart();
  if (trimmed.length === 0)
    return {
      error: issue(source, [], 'the file is empty; run "rolecall playbook init" for a starting point'),
    };
  if (trimmed.startsWith('{') || source.endsWith('.json')) {
    try {
      return { data: JSON.parse(text) };
    } catch (error) {
      return { error: issue(source, [], `not valid JSON: ${(error as Error).message}`) };
    }
  }
  try {
    return { data: parseYaml(text, { maxAliasCount: 100, uniqueKeys: true }) };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      const where = at ? ` at line ${at.line}, column ${at.col}` : '';
      // yaml ends its first line with the same " at line L, column C:"; say it once.
      const what = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      return { error: issue(source, [], `not valid YAML${where}: ${what}.`) };
    }
    return { error: issue(source, [], `could not read the YAML: ${String(error)}`) };
  }
}

const normaliseIds = (values: readonly string[]) => values.map((value) => industryId(value) ?? value);

/** Industries become ids so "Computer Software" in a file matches HubSpot's COMPUTER_SOFTWARE. */
function normalise(playbook: Playbook): Playbook {
  const match = <M extends Playbook['roleRules'][number]['match']>(m: M): M => ({
    ...m,
    ...(m.industries ? { industries: normaliseIds(m.industries) } : {}),
    ...(m.industriesOut ? { industriesOut: normaliseIds(m.industriesOut) } : {}),
  });
  const { icp } = playbook.product;
  return {
    ...playbook,
    product: {
      ...playbook.product,
      icp: {
        ...icp,
        industriesIn: normaliseIds(icp.industriesIn),
        industriesOut: normaliseIds(icp.industriesOut),
      },
    },
    roleRules: playbook.roleRules.map((rule) => ({ ...rule, match: match(rule.match) })),
    personas: playbook.personas.map((p) => ({ ...p, match: match(p.match) })),
    negativePersonas: playbook.negativePersonas.map((p) => ({ ...p, match: match(p.match) })),
  };
}

/**
 * Duplicate ids in data the schema rejected, so one run reports them together with the schema errors
 * (the full cross-checks need valid data and run once the shape is right).
 */
function duplicateIds(data: unknown, source: string): PlaybookIssue[] {
  const found: PlaybookIssue[] = [];
  const record = (value: unknown) =>
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const groups: [string, string[]][] = [
    ['rule id', ['roleRules']],
    ['persona id', ['personas', 'negativePersonas']],
  ];
  for (const [what, keys] of groups) {
    const seen = new Map<string, PathKey[]>();
    for (const key of keys) {
      const list = record(data)[key];
      if (!Array.isArray(list)) continue;
      list.forEach((item, index) => {
        const id = record(item).id;
        if (typeof id !== 'string') return;
        const first = seen.get(id);
        if (first)
          found.push(
            issue(
              source,
              [key, index, 'id'],
              `duplicate ${what} "${id}" (first used at ${pathText(first)}); rename one`,
            ),
          );
        else seen.set(id, [key, index, 'id']);
      });
    }
  }
  return found;
}

/** Validates already-parsed playbook data (e.g. an imported JSON module). Never throws. */
export function loadPlaybookData(
  raw: unknown,
  source: string,
  options: LoadOptions = {},
): PlaybookLoadResult {
  try {
    const renamed = renameDeprecated(raw, source);
    const data = renamed.data;
    const parsed = PlaybookSchema.safeParse(data);
    if (!parsed.success) {
      const errors = [...fromZodIssues(source, data, parsed.error.issues), ...duplicateIds(data, source)];
      return { value: null, warnings: renamed.warnings, errors };
    }
    const value = normalise(parsed.data);
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const references = checkReferences(value, source);
    const rules = checkRules(value, source, today);
    const errors = [...references, ...rules.errors];
    return {
      value: errors.length === 0 ? value : null,
      warnings: [...renamed.warnings, ...rules.warnings],
      errors,
    };
  } catch (error) {
    // A throw here is a bug in rolecall, but the caller still gets a result rather than a crash.
    return {
      value: null,
      warnings: [],
      errors: [issue(source, [], `internal error while checking: ${String(error)}`)],
    };
  }
}

/** Parses YAML or JSON text, validates and cross-checks it. Browser-safe; never throws. */
export function loadPlaybookText(
  text: string,
  source = 'playbook',
  options: LoadOptions = {},
): PlaybookLoadResult {
  const { data, error } = parseText(typeof text === 'string' ? text : '', source);
  if (error) return { value: null, warnings: [], errors: [error] };
  return loadPlaybookData(data, source, options);
}
