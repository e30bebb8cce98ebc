import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { HubSpotError } from '../hubspot/errors.ts';
import type { Gateway } from '../hubspot/gateway.ts';
import { ROLECALL_PROPERTIES } from '../hubspot/properties.ts';
import { sameStoredValue } from '../hubspot/values.ts';
import { applyChanges, type ContactChanges } from './apply.ts';
import type { AuditDb } from './audit-db.ts';
import { DealAudit } from './deals/deal-audit.ts';
import {
  applyPlannedDeals,
  type DealPlanApplyCounts,
  emptyDealPlanCounts,
  isPlannedDeal,
} from './deals/deal-plan-apply.ts';
import { PERSON_SOURCE_TYPES, type PropertyChange } from './plan.ts';
import type { PlannedDeal } from './plan-file.ts';

export interface ApplyPlanSummary {
  runId: string;
  status: 'done' | 'failed';
  contacts: number;
  contactsWritten: number;
  propertiesWritten: number;
  /** Planned values whose "before" no longer matches HubSpot (someone changed them since the dry run). */
  skippedChangedSince: number;
  skippedByPerson: number;
  /** Planned values HubSpot already holds (e.g. the plan was applied before). */
  alreadyThere: number;
  failed: number;
  /** The dry run the plan came from, when this audit log has it (its classifications go into the report). */
  dryRunId?: string;
  /** The plan's deal entries: labels and deal properties applied, skipped and already in place. */
  deals: DealPlanApplyCounts;
  error?: HubSpotError;
  /** Set when the plan file cannot be read; names the fix. */
  problem?: string;
}

interface PlanEntry {
  contact: string;
  changes: PropertyChange[];
}

const CONTACTS_PER_STEP = 500;
const DEALS_PER_STEP = 100;

/**
 * Applies a dry run's plan file exactly: each planned value is written only if HubSpot still holds the
 * value the plan saw ("before") and no person edited it since; everything else is reported, not written.
 */
export async function applyPlanFile(
  gateway: Gateway,
  db: AuditDb,
  path: string,
  runId: string,
  /** The portal (labels rolecall owns are remembered per portal): the run's target. */
  target: string,
): Promise<ApplyPlanSummary> {
  const summary: ApplyPlanSummary = {
    runId,
    status: 'done',
    contacts: 0,
    contactsWritten: 0,
    propertiesWritten: 0,
    skippedChangedSince: 0,
    skippedByPerson: 0,
    alreadyThere: 0,
    failed: 0,
    deals: emptyDealPlanCounts(),
  };
  const audit = new DealAudit(db.db, target);
  // A planned classification timestamp names the dry run that made the plan.
  let planStamp: { contact: string; after: string } | undefined;
  const finish = (error: HubSpotError | undefined): ApplyPlanSummary => {
    summary.failed += summary.deals.failed;
    const dryRunId =
      planStamp && db.plannedBy(planStamp.contact, ROLECALL_PROPERTIES.classifiedAt, planStamp.after);
    if (dryRunId) {
      summary.dryRunId = dryRunId;
      db.recordAppliedSeen(dryRunId, runId);
    }
    return error ? { ...summary, status: 'failed', error } : summary;
  };
  try {
    await access(path);
  } catch {
    return {
      ...summary,
      status: 'failed',
      problem: `No plan file ${path}. Write one with "rolecall tag --dry-run".`,
    };
  }
  let batch: PlanEntry[] = [];
  let dealBatch: PlannedDeal[] = [];
  let line = 0;
  // The plan file holds one contact per line (as --dry-run writes it), so it streams in constant memory.
  for await (const text of createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    line += 1;
    const trimmed = text.trim().replace(/,$/, '');
    if (trimmed === '' || trimmed === '[' || trimmed === ']') continue;
    const value = parseJson(trimmed);
    if (isPlannedDeal(value)) {
      // Deal entries follow the contacts: the contacts of the plan are written by now.
      if (batch.length > 0) {
        const error = await step(gateway, db, runId, batch, summary);
        if (error) return finish(error);
        batch = [];
      }
      dealBatch.push(value);
      if (dealBatch.length >= DEALS_PER_STEP) {
        const error = await applyPlannedDeals(gateway, audit, runId, dealBatch, summary.deals);
        if (error) return finish(error);
        dealBatch = [];
      }
      continue;
    }
    const entry = parseEntry(value);
    if (!entry) {
      return {
        ...summary,
        status: 'failed',
        problem: `${path}:${line} is not a plan entry. Regenerate the plan with "rolecall tag --dry-run".`,
      };
    }
    const stamp = entry.changes.find((c) => c.property === ROLECALL_PROPERTIES.classifiedAt);
    if (stamp && !planStamp) planStamp = { contact: entry.contact, after: stamp.after };
    batch.push(entry);
    if (batch.length >= CONTACTS_PER_STEP) {
      const error = await step(gateway, db, runId, batch, summary);
      if (error) return finish(error);
      batch = [];
    }
  }
  const error = await step(gateway, db, runId, batch, summary);
  if (error) return finish(error);
  return finish(await applyPlannedDeals(gateway, audit, runId, dealBatch, summary.deals));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseEntry(parsed: unknown): PlanEntry | undefined {
  const value = parsed as Partial<PlanEntry> | undefined;
  if (typeof value?.contact !== 'string' || !Array.isArray(value.changes)) return undefined;
  const valid = value.changes.every((c) => typeof c?.property === 'string' && typeof c.after === 'string');
  return valid ? { contact: value.contact, changes: value.changes } : undefined;
}

async function step(
  gateway: Gateway,
  db: AuditDb,
  runId: string,
  entries: readonly PlanEntry[],
  summary: ApplyPlanSummary,
): Promise<HubSpotError | undefined> {
  if (entries.length === 0) return undefined;
  summary.contacts += entries.length;
  const properties = [...new Set(entries.flatMap((entry) => entry.changes.map((change) => change.property)))];
  const read = await gateway.readContacts(
    entries.map((entry) => entry.contact),
    { properties, propertiesWithHistory: properties },
  );
  if (!read.ok) return read.error;
  const current = new Map(read.value.map((record) => [record.id, record]));
  const writes: ContactChanges[] = [];
  for (const entry of entries) {
    const record = current.get(entry.contact);
    const changes = entry.changes.filter((change) => {
      const now = record?.properties[change.property] ?? null;
      if (record && sameStoredValue(now, change.after)) {
        summary.alreadyThere += 1;
        return false;
      }
      if (!record || !sameStoredValue(now, change.before)) {
        summary.skippedChangedSince += 1;
        return false;
      }
      const newest = record.propertiesWithHistory?.[change.property]?.[0];
      if (newest && PERSON_SOURCE_TYPES.has(newest.sourceType)) {
        summary.skippedByPerson += 1;
        return false;
      }
      return true;
    });
    if (changes.length > 0) writes.push({ id: entry.contact, changes });
  }
  const outcome = await applyChanges(gateway, db, runId, writes);
  summary.contactsWritten += outcome.contactsWritten;
  summary.propertiesWritten += outcome.propertiesWritten;
  summary.failed += outcome.failed.length;
  return outcome.fatal;
}
