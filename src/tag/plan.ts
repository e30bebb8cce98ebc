import { whyLine } from '../card/why.ts';
import {
  CONTACT_INPUT_PROPERTIES,
  NATIVE_PROPERTIES,
  ROLECALL_PROPERTIES,
  SOURCE_AUTO,
  SOURCE_MANUAL,
} from '../hubspot/properties.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { Classification, CompanyFacts } from '../taxonomy.ts';

/** What rolecall knows about a contact before deciding what to write. */
export interface ContactSnapshot {
  id: string;
  properties: Readonly<Record<string, string | null | undefined>>;
  /** Properties whose newest value was set by a person (see `personSetProperties`). */
  setByPerson: readonly string[];
}

export interface PlanOptions {
  /** Only fill properties that are empty now. */
  onlyEmpty?: boolean;
  /** Write nothing for a contact whose classification confidence is below this (0..1). */
  minConfidence?: number;
  /** ISO timestamp written to `rolecall_classified_at` when anything changes (passed in: the planner has no clock). */
  classifiedAt: string;
  /** The playbook the classification came from: `rolecall_reasons` is written in its labels, never ids. */
  playbook: Playbook;
  /** The company facts the classification read (employees and industry appear in `rolecall_reasons`). */
  company: CompanyFacts | null | undefined;
}

export interface PropertyChange {
  property: string;
  before: string | null;
  after: string;
}

export type SkipReason = 'manual' | 'low_confidence' | 'unchanged';

export interface ContactPlan {
  id: string;
  changes: PropertyChange[];
  skipped: SkipReason | null;
  /** Properties left alone because a person set them (or a blocker was marked). */
  protectedProperties: string[];
  /** What `rolecall_reasons` says (the card's why line, labels only), for the plan file. */
  why: string;
}

/** HubSpot history source types that mean a person typed the value. */
export const PERSON_SOURCE_TYPES: ReadonlySet<string> = new Set([
  'CRM_UI',
  'MOBILE_IOS',
  'MOBILE_ANDROID',
  'SALES',
  'CRM_UI_BULK_ACTION',
  'BULK_EDIT',
]);

/** Properties whose values rolecall compares and may write. */
export const PLAN_WRITE_PROPERTIES: readonly string[] = [
  ...Object.values(ROLECALL_PROPERTIES),
  NATIVE_PROPERTIES.buyingRole,
  NATIVE_PROPERTIES.persona,
];

/** Properties to read (with values) to build a snapshot and to classify. */
export const PLAN_READ_PROPERTIES: readonly string[] = [
  ...CONTACT_INPUT_PROPERTIES,
  ...PLAN_WRITE_PROPERTIES,
];

/** Properties to read with history, to find values a person set. */
export const PLAN_HISTORY_PROPERTIES: readonly string[] = [
  ROLECALL_PROPERTIES.source,
  ROLECALL_PROPERTIES.persona,
  ROLECALL_PROPERTIES.buyingRole,
  ROLECALL_PROPERTIES.seniority,
  ROLECALL_PROPERTIES.function,
  NATIVE_PROPERTIES.buyingRole,
  NATIVE_PROPERTIES.persona,
];

const REASONS_MAX_CHARS = 2000;

interface HistoryEntry {
  sourceType?: string | null;
  value?: string | null;
  timestamp?: Date | string | number | null;
}

/** An import is a person's upload unless it is rolecall's own offline output (same import set `rolecall_source` = auto). */
const OWN_IMPORT_WINDOW_MS = 10 * 60 * 1000;

const timeOf = (entry: HistoryEntry | undefined): number => {
  const value = entry?.timestamp;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
};

/**
 * Names of the properties whose newest history entry (HubSpot lists newest first) came from a person: typed in
 * HubSpot, or imported from a file, except an import of rolecall's own offline output.
 */
export function personSetProperties(
  propertiesWithHistory: Readonly<Record<string, readonly HistoryEntry[] | undefined>> | null | undefined,
): string[] {
  if (!propertiesWithHistory) return [];
  const ownImport = propertiesWithHistory[ROLECALL_PROPERTIES.source]?.[0];
  const ownImportAt =
    ownImport?.sourceType === 'IMPORT' && ownImport.value === SOURCE_AUTO ? timeOf(ownImport) : Number.NaN;
  const byPerson = (entry: HistoryEntry | undefined): boolean => {
    const source = entry?.sourceType ?? '';
    if (PERSON_SOURCE_TYPES.has(source)) return true;
    if (source !== 'IMPORT') return false;
    return !(Math.abs(timeOf(entry) - ownImportAt) <= OWN_IMPORT_WINDOW_MS);
  };
  return Object.entries(propertiesWithHistory)
    .filter(([name, history]) => name !== ROLECALL_PROPERTIES.source && byPerson(history?.[0]))
    .map(([name]) => name);
}

/** The property values a classification stands for (without the timestamp); `why` is what a person reads. */
export function desiredProperties(next: Classification, why: string): Record<string, string> {
  const values: Record<string, string> = {
    [ROLECALL_PROPERTIES.persona]: next.persona,
    [ROLECALL_PROPERTIES.buyingRole]: next.buyingRole,
    [ROLECALL_PROPERTIES.seniority]: next.seniority,
    [ROLECALL_PROPERTIES.function]: next.function,
    [ROLECALL_PROPERTIES.confidence]: next.confidence.toFixed(2),
    [ROLECALL_PROPERTIES.reasons]:
      why.length > REASONS_MAX_CHARS ? `${why.slice(0, REASONS_MAX_CHARS - 1)}…` : why,
    [ROLECALL_PROPERTIES.source]: SOURCE_AUTO,
    [ROLECALL_PROPERTIES.playbookVersion]: next.playbookVersion,
    [NATIVE_PROPERTIES.buyingRole]: next.hubspotBuyingRole,
  };
  if (next.hubspotPersona) values[NATIVE_PROPERTIES.persona] = next.hubspotPersona;
  return values;
}

const isEmpty = (value: string | null | undefined): boolean =>
  value === null || value === undefined || value === '';

/** Multi-checkbox and number values compare by meaning, not by spelling. */
function sameValue(property: string, current: string | null | undefined, wanted: string): boolean {
  if (isEmpty(current)) return wanted === '';
  if (property === NATIVE_PROPERTIES.buyingRole) {
    const split = (v: string) => [...new Set(v.split(';').filter(Boolean))].sort().join(';');
    return split(current as string) === split(wanted);
  }
  if (property === ROLECALL_PROPERTIES.confidence) return Number(current) === Number(wanted);
  return current === wanted;
}

/**
 * Decides what to write for one contact; pure. A person's value outranks any rule: a contact marked `manual`
 * is skipped whole, a property a person set is left alone, and a blocker is never cleared.
 */
export function planContact(
  snapshot: ContactSnapshot,
  next: Classification,
  options: PlanOptions,
): ContactPlan {
  const why = whyLine(next, options.playbook, options.company);
  const plan = (
    skipped: SkipReason | null,
    changes: PropertyChange[],
    protectedProperties: string[],
  ): ContactPlan => ({
    id: snapshot.id,
    changes,
    skipped,
    protectedProperties,
    why,
  });
  const current = snapshot.properties;
  if (current[ROLECALL_PROPERTIES.source] === SOURCE_MANUAL) return plan('manual', [], []);
  if (options.minConfidence !== undefined && next.confidence < options.minConfidence) {
    return plan('low_confidence', [], []);
  }
  const guarded = new Set(snapshot.setByPerson);
  if ((current[NATIVE_PROPERTIES.buyingRole] ?? '').split(';').includes('BLOCKER')) {
    guarded.add(NATIVE_PROPERTIES.buyingRole);
  }
  const changes: PropertyChange[] = [];
  const protectedProperties: string[] = [];
  for (const [property, after] of Object.entries(desiredProperties(next, why))) {
    const before = current[property] ?? null;
    if (sameValue(property, before, after)) continue;
    if (guarded.has(property)) {
      protectedProperties.push(property);
      continue;
    }
    if (options.onlyEmpty && !isEmpty(before)) continue;
    changes.push({ property, before: isEmpty(before) ? null : before, after });
  }
  const meaningful = changes.some((change) => change.property !== ROLECALL_PROPERTIES.source);
  if (!meaningful) return plan('unchanged', [], protectedProperties);
  const classifiedAt = ROLECALL_PROPERTIES.classifiedAt;
  changes.push({
    property: classifiedAt,
    before: current[classifiedAt] ?? null,
    after: options.classifiedAt,
  });
  return plan(null, changes, protectedProperties);
}
