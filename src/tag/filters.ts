import type { PropertyFilter } from '../hubspot/records.ts';

const PROPERTY = /^[a-z][a-z0-9_]*$/;
/** Longest operators first, so `>=` is not read as `>`. */
const OPERATORS: ReadonlyArray<[string, PropertyFilter['operator']]> = [
  ['!=', 'NEQ'],
  ['>=', 'GTE'],
  ['<=', 'LTE'],
  ['~', 'CONTAINS_TOKEN'],
  ['=', 'EQ'],
  ['>', 'GT'],
  ['<', 'LT'],
];
const MAX_FILTERS = 5;

export type FilterParse = { ok: true; filters: PropertyFilter[] } | { ok: false; message: string };

/**
 * Reads `--filter` expressions: `prop=value`, `prop!=value`, `prop>value` (also `>=`, `<`, `<=`),
 * `prop~token` (contains token, `*` wildcards), `prop?` (has a value), `!prop` (is empty). All must hold.
 */
export function parseFilters(expressions: readonly string[]): FilterParse {
  const filters: PropertyFilter[] = [];
  for (const raw of expressions) {
    const text = raw.trim();
    const parsed = parseOne(text);
    if (!parsed && PROPERTY.test(text)) {
      return {
        ok: false,
        message: `--filter "${text}" has no operator: write ${text}=<value> (like --filter lifecyclestage=lead), ${text}!=<value>, ${text}? (has a value) or !${text} (is empty).`,
      };
    }
    if (!parsed) {
      return {
        ok: false,
        message: `--filter "${raw}" is not understood. Use prop=value, prop!=value, prop>value, prop~token, prop? or !prop with a HubSpot internal property name (lowercase, e.g. jobtitle).`,
      };
    }
    filters.push(parsed);
  }
  if (filters.length > MAX_FILTERS) {
    return {
      ok: false,
      message: `At most ${MAX_FILTERS} --filter expressions fit one HubSpot search; drop ${filters.length - MAX_FILTERS}.`,
    };
  }
  return { ok: true, filters };
}

function parseOne(text: string): PropertyFilter | undefined {
  if (text.startsWith('!') && PROPERTY.test(text.slice(1))) {
    return { propertyName: text.slice(1), operator: 'NOT_HAS_PROPERTY' };
  }
  if (text.endsWith('?') && PROPERTY.test(text.slice(0, -1))) {
    return { propertyName: text.slice(0, -1), operator: 'HAS_PROPERTY' };
  }
  let best: { at: number; symbol: string; operator: PropertyFilter['operator'] } | undefined;
  for (const [symbol, operator] of OPERATORS) {
    const at = text.indexOf(symbol);
    if (at > 0 && (!best || at < best.at)) best = { at, symbol, operator };
  }
  if (!best) return undefined;
  const propertyName = text.slice(0, best.at).trim();
  const value = text.slice(best.at + best.symbol.length).trim();
  if (!PROPERTY.test(propertyName) || value.length === 0) return undefined;
  return { propertyName, operator: best.operator, value };
}
