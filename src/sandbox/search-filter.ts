import { type ApiError, validationError } from './errors.ts';
import type { ObjectType, PropertyDefinition } from './property-types.ts';
import type { CrmRecord } from './record.ts';
import { accessor, type Kind, timeOf } from './search-access.ts';
import { companyIdsOf } from './store.ts';

/** Compiles a search body's filterGroups into one predicate (groups ORed, filters ANDed); hubspot-api.md §3. */
export type Predicate = (record: CrmRecord, props: Record<string, string>) => boolean;

export const LIMITS = { groups: 5, filtersPerGroup: 6, filters: 18, query: 3000 } as const;

const OPERATORS = new Set([
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
]);

/** A filter value in the property's terms: numbers and epoch ms for numbers and dates, lowercase for text. */
function operand(kind: Kind, value: unknown): string | number {
  const s = String(value ?? '');
  if (kind === 'number') return Number(s);
  if (kind === 'time') return timeOf(s) ?? Number.NaN;
  return kind === 'text' ? s.toLowerCase() : s;
}

function tokenTest(pattern: string): (value: string) => boolean {
  const p = pattern.toLowerCase();
  if (p.includes('*')) {
    // A wildcard matches the whole value or one whitespace-separated word of it (e.g. `*@gmail.com` on emails).
    const inner = p.replace(/^\*|\*$/g, '');
    const whole: (v: string) => boolean = inner.includes('*')
      ? (
          (re) => (v: string) =>
            re.test(v)
        )(new RegExp(`^${p.split('*').map(escapeRegex).join('.*')}$`))
      : p.startsWith('*') && p.endsWith('*')
        ? (v) => v.includes(inner)
        : p.startsWith('*')
          ? (v) => v.endsWith(inner)
          : (v) => v.startsWith(inner);
    return (value) => {
      const lower = value.toLowerCase();
      return whole(lower) || (lower.includes(' ') && lower.split(/\s+/).some(whole));
    };
  }
  return (value) =>
    value
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .includes(p);
}

const escapeRegex = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

function compileFilter(
  type: ObjectType,
  filter: Record<string, unknown>,
  defs: ReadonlyMap<string, PropertyDefinition>,
  store: { contactsOfCompany(id: number): number[] },
): Predicate | ApiError {
  const name = String(filter.propertyName ?? '');
  const op = String(filter.operator ?? 'EQ');
  if (!OPERATORS.has(op))
    return validationError(`Unknown filter operator ${op}; use one of ${[...OPERATORS].join(', ')}.`);
  if (name.startsWith('associations.')) {
    const id = Number(filter.value);
    if (type === 'contacts') return (r) => companyIdsOf(r).includes(id) === (op !== 'NEQ');
    return (r) => store.contactsOfCompany(r.id).includes(id) === (op !== 'NEQ');
  }
  const access = accessor(type, name, defs);
  if (!access)
    return validationError(`There was a problem with the request: property ${name} does not exist.`);
  const { get, kind } = access;
  const v = operand(kind, filter.value);
  const values = Array.isArray(filter.values) ? filter.values.map((x) => operand(kind, x)) : [];
  const high = operand(kind, filter.highValue);
  const norm = (x: string | number) => (kind === 'text' && typeof x === 'string' ? x.toLowerCase() : x);
  // Text: compare lengths before lowercasing, so most of 1M values cost no allocation.
  const eq = (x: string | number): boolean =>
    kind === 'multi'
      ? String(x).split(';').includes(String(v))
      : kind === 'text'
        ? typeof x === 'string' && x.length === String(v).length && x.toLowerCase() === v
        : x === v;
  const inList = (x: string | number): boolean =>
    kind === 'multi'
      ? String(x)
          .split(';')
          .some((part) => values.includes(part))
      : values.includes(norm(x));
  const cmp = (x: string | number) => (norm(x) < v ? -1 : norm(x) > v ? 1 : 0);
  switch (op) {
    case 'HAS_PROPERTY':
      return (r, p) => get(r, p) !== undefined;
    case 'NOT_HAS_PROPERTY':
      return (r, p) => get(r, p) === undefined;
    case 'EQ':
      return (r, p) => {
        const x = get(r, p);
        return x !== undefined && eq(x);
      };
    case 'NEQ':
      return (r, p) => {
        const x = get(r, p);
        return x === undefined || !eq(x);
      };
    case 'IN':
      return (r, p) => {
        const x = get(r, p);
        return x !== undefined && inList(x);
      };
    case 'NOT_IN':
      return (r, p) => {
        const x = get(r, p);
        return x === undefined || !inList(x);
      };
    case 'LT':
      return (r, p) => {
        const x = get(r, p);
        return x !== undefined && cmp(x) < 0;
      };
    case 'LTE':
      return (r, p) => {
        const x = get(r, p);
        return x !== undefined && cmp(x) <= 0;
      };
    case 'GT':
      return (r, p) => {
        const x = get(r, p);
        return x !== undefined && cmp(x) > 0;
      };
    case 'GTE':
      return (r, p) => {
        const x = get(r, p);
        return x !== undefined && cmp(x) >= 0;
      };
    case 'BETWEEN':
      return (r, p) => {
        const x = get(r, p);
        return x !== undefined && cmp(x) >= 0 && norm(x) <= high;
      };
    default: {
      // Few wildcards keep the compiled pattern linear enough (no catastrophic backtracking on 1M values).
      if ((String(filter.value ?? '').match(/\*/g) ?? []).length > 2) {
        return validationError('CONTAINS_TOKEN takes at most two * wildcards, e.g. "*@example.com".');
      }
      const test = tokenTest(String(filter.value ?? ''));
      const want = op === 'CONTAINS_TOKEN';
      return (r, p) => {
        const x = get(r, p);
        return x !== undefined ? test(String(x)) === want : !want;
      };
    }
  }
}

/** All groups into one predicate, enforcing HubSpot's 5 groups / 6 filters each / 18 filters. */
export function compileFilterGroups(
  type: ObjectType,
  raw: unknown,
  defs: ReadonlyMap<string, PropertyDefinition>,
  store: { contactsOfCompany(id: number): number[] },
): Predicate | ApiError {
  if (raw === undefined) return () => true;
  if (!Array.isArray(raw)) return validationError('filterGroups must be an array.');
  if (raw.length > LIMITS.groups)
    return validationError(`Too many filter groups: at most ${LIMITS.groups} are allowed.`);
  const groups: Predicate[][] = [];
  let total = 0;
  for (const group of raw as { filters?: unknown }[]) {
    const filters = Array.isArray(group?.filters) ? (group.filters as Record<string, unknown>[]) : [];
    if (filters.length > LIMITS.filtersPerGroup) {
      return validationError(`Too many filters in a group: at most ${LIMITS.filtersPerGroup} are allowed.`);
    }
    total += filters.length;
    const compiled: Predicate[] = [];
    for (const filter of filters) {
      const predicate = compileFilter(type, filter ?? {}, defs, store);
      if (typeof predicate !== 'function') return predicate;
      compiled.push(predicate);
    }
    groups.push(compiled);
  }
  if (total > LIMITS.filters)
    return validationError(`Too many filters: at most ${LIMITS.filters} are allowed in total.`);
  if (groups.length === 0) return () => true;
  return (r, p) => groups.some((g) => g.every((f) => f(r, p)));
}
