import type { HubSpotError } from '../hubspot/errors.ts';
import type { Gateway } from '../hubspot/gateway.ts';
import type { CrmRecord } from '../hubspot/records.ts';
import { sameStoredValue } from '../hubspot/values.ts';
import { applyChanges, type ContactChanges } from './apply.ts';
import type { AuditDb, WriteRow } from './audit-db.ts';
import { undoDealWrites } from './deals/deal-undo.ts';
import { PERSON_SOURCE_TYPES, type PropertyChange } from './plan.ts';
import { reconcilePending } from './reconcile.ts';

export interface UndoSummary {
  runId: string;
  undoOf: string;
  status: 'done' | 'failed';
  contactsRestored: number;
  propertiesRestored: number;
  /** Values someone changed after the run (left alone). */
  skippedChangedSince: number;
  /** Values whose newest edit came from a person (left alone). */
  skippedByPerson: number;
  failed: number;
  /** Contact↔deal labels taken off or put back, and deal properties restored. */
  labelsRestored?: number;
  dealPropertiesRestored?: number;
  /** `--dry-run`: exactly the contact values that would be restored (nothing is written). */
  wouldChange?: Array<{ contact: string; property: string; current: string | null; restore: string }>;
  error?: HubSpotError;
}

const CONTACTS_PER_STEP = 500;

/**
 * Restores the values a run replaced, as a new run that can itself be undone. A value is restored only
 * if it still holds what the run wrote and no person touched it since.
 */
export async function runUndo(
  gateway: Gateway,
  db: AuditDb,
  undoOf: string,
  runId: string,
  options: { dryRun?: boolean } = {},
): Promise<UndoSummary> {
  const summary: UndoSummary = {
    runId,
    undoOf,
    status: 'done',
    contactsRestored: 0,
    propertiesRestored: 0,
    skippedChangedSince: 0,
    skippedByPerson: 0,
    failed: 0,
    ...(options.dryRun ? { wouldChange: [] } : {}),
  };
  // Writes of an interrupted run may have landed without being confirmed: settle them first.
  const reconciled = await reconcilePending(gateway, db, undoOf);
  if (!reconciled.ok) return { ...summary, status: 'failed', error: reconciled.error };
  let after = '';
  for (;;) {
    const rows = db.appliedWritesPage(undoOf, after, CONTACTS_PER_STEP);
    if (rows.length === 0) {
      if (options.dryRun) return summary;
      const deals = await undoDealWrites(gateway, db, db.getRun(undoOf)?.target ?? '', undoOf, runId);
      summary.labelsRestored = deals.labelsRestored;
      summary.dealPropertiesRestored = deals.dealPropertiesRestored;
      summary.skippedChangedSince += deals.skippedChangedSince;
      summary.failed += deals.failed;
      return deals.error ? { ...summary, status: 'failed', error: deals.error } : summary;
    }
    after = rows.at(-1)!.contact_id;
    const error = await undoStep(gateway, db, runId, group(rows), summary);
    if (error) return { ...summary, status: 'failed', error };
  }
}

type Written = Map<string, Map<string, { before: string | null; after: string }>>;

function group(rows: readonly WriteRow[]): Written {
  const contacts: Written = new Map();
  for (const row of rows) {
    const writes = contacts.get(row.contact_id) ?? new Map();
    const earlier = writes.get(row.property);
    // Several writes to one property in a run: restore the first "before", expect the last "after".
    writes.set(row.property, { before: earlier ? earlier.before : row.before, after: row.after });
    contacts.set(row.contact_id, writes);
  }
  return contacts;
}

async function undoStep(
  gateway: Gateway,
  db: AuditDb,
  runId: string,
  contacts: Written,
  summary: UndoSummary,
): Promise<HubSpotError | undefined> {
  const properties = [...new Set([...contacts.values()].flatMap((writes) => [...writes.keys()]))];
  const read = await gateway.readContacts([...contacts.keys()], {
    properties,
    propertiesWithHistory: properties,
  });
  if (!read.ok) return read.error;
  const plans: ContactChanges[] = [];
  for (const record of read.value) {
    const changes = inverse(record, contacts.get(record.id) ?? new Map(), summary);
    if (changes.length > 0) plans.push({ id: record.id, changes });
  }
  if (summary.wouldChange) {
    for (const plan of plans) {
      for (const change of plan.changes) {
        summary.wouldChange.push({
          contact: plan.id,
          property: change.property,
          current: change.before ?? null,
          restore: change.after,
        });
      }
    }
    summary.contactsRestored += plans.length;
    summary.propertiesRestored += plans.reduce((n, plan) => n + plan.changes.length, 0);
    return undefined;
  }
  const outcome = await applyChanges(gateway, db, runId, plans);
  summary.contactsRestored += outcome.contactsWritten;
  summary.propertiesRestored += outcome.propertiesWritten;
  summary.failed += outcome.failed.length;
  return outcome.fatal;
}

function inverse(
  record: CrmRecord,
  writes: Map<string, { before: string | null; after: string }>,
  summary: UndoSummary,
): PropertyChange[] {
  const changes: PropertyChange[] = [];
  for (const [property, { before, after }] of writes) {
    const current = record.properties[property] ?? null;
    const newest = record.propertiesWithHistory?.[property]?.[0];
    if (!sameStoredValue(current, after)) {
      summary.skippedChangedSince += 1;
    } else if (newest && PERSON_SOURCE_TYPES.has(newest.sourceType)) {
      summary.skippedByPerson += 1;
    } else if (!sameStoredValue(current, before)) {
      changes.push({ property, before: current, after: before ?? '' });
    }
  }
  return changes;
}
