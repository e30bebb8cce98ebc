import type { PropertyDefinition } from './records.ts';

const NUMERIC = /^-?\d+(?:\.\d+)?(?:e\d+)?$/i;
const EUROPEAN = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/;
/** Currency symbols and codes an export may put around an amount ("$5,000,000", "EUR 2.5e6"). */
const CURRENCY = /^(?:[$€£¥₹]|usd|eur|gbp|chf|jpy|cad|aud)|(?:[$€£¥₹]|usd|eur|gbp|chf|jpy|cad|aud)$/gi;

/**
 * A number, or a number written as text by a person or an export: "1,500", "1 500", "$5,000,000",
 * "1.200" and "€5.000.000" (European grouping), "2e6", a range "51-200" (its middle). Anything else is
 * missing (null).
 */
export function parseCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const bare = value.replace(/[\s_\u00a0]/g, '').replace(CURRENCY, '');
  // European exports group thousands with dots and may use a decimal comma: "1.200", "€5.000.000", "1.200,50".
  const european = EUROPEAN.exec(bare);
  if (european) return Number(`${(european[1] as string).replaceAll('.', '')}.${european[2] ?? '0'}`);
  const compact = bare.replaceAll(',', '');
  const range = /^(\d+)-(\d+)$/.exec(compact);
  if (range) return Math.round((Number(range[1]) + Number(range[2])) / 2);
  return NUMERIC.test(compact) ? Number(compact) : null;
}

/** The option labels of HubSpot's `hs_buying_role` (contacts exports write labels, not values). */
export const BUYING_ROLE_OPTIONS: ReadonlyArray<[value: string, label: string]> = [
  ['BLOCKER', 'Blocker'],
  ['BUDGET_HOLDER', 'Budget Holder'],
  ['CHAMPION', 'Champion'],
  ['DECISION_MAKER', 'Decision Maker'],
  ['END_USER', 'End User'],
  ['EXECUTIVE_SPONSOR', 'Executive Sponsor'],
  ['INFLUENCER', 'Influencer'],
  ['LEGAL_AND_COMPLIANCE', 'Legal and Compliance'],
  ['OTHER', 'Other'],
];

const normal = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Per property, option label (or value, any case) → internal value. */
export type OptionLookup = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Builds the label → value lookup from property definitions (their options) plus extra options. */
export function optionLookup(
  definitions: readonly PropertyDefinition[],
  extra: Readonly<Record<string, ReadonlyArray<[value: string, label: string]>>> = {},
): OptionLookup {
  const lookup = new Map<string, Map<string, string>>();
  const add = (property: string, value: string, label: string) => {
    const map = lookup.get(property) ?? new Map<string, string>();
    lookup.set(property, map);
    if (!map.has(normal(value))) map.set(normal(value), value);
    if (!map.has(normal(label))) map.set(normal(label), value);
  };
  for (const definition of definitions) {
    for (const option of definition.options ?? []) add(definition.name, option.value, option.label);
  }
  for (const [property, options] of Object.entries(extra)) {
    for (const [value, label] of options) add(property, value, label);
  }
  return lookup;
}

/**
 * An exported cell as the property's internal value: labels become values (each part of a
 * multi-select "Blocker;Champion" alike); text that is no known label is kept as written.
 */
export function toInternalValue(lookup: OptionLookup, property: string, cell: string): string {
  const options = lookup.get(property);
  if (!options) return cell;
  const one = (part: string) => options.get(normal(part)) ?? part.trim();
  return cell.includes(';')
    ? cell
        .split(';')
        .filter((part) => part.trim() !== '')
        .map(one)
        .join(';')
    : one(cell);
}

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T/;

/** A number, an ISO datetime or epoch milliseconds, as one comparable number. */
function asNumber(value: string): number {
  return ISO_DATETIME.test(value) ? Date.parse(value) : Number(value);
}

/** Values compare by meaning: multi-checkbox order, number spelling and datetime format do not matter. */
export function sameStoredValue(
  current: string | null | undefined,
  wanted: string | null | undefined,
): boolean {
  const norm = (value: string | null | undefined) =>
    (value ?? '').split(';').filter(Boolean).sort().join(';');
  if (norm(current) === norm(wanted)) return true;
  if (!current?.trim() || !wanted?.trim()) return false;
  const a = asNumber(current.trim());
  return Number.isFinite(a) && a === asNumber(wanted.trim());
}
