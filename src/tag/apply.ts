import type { HubSpotError } from '../hubspot/errors.ts';
import type { Gateway } from '../hubspot/gateway.ts';
import type { AuditDb } from './audit-db.ts';
import type { PropertyChange } from './plan.ts';

export interface ContactChanges {
  id: string;
  changes: readonly PropertyChange[];
}

export interface ApplyOutcome {
  contactsWritten: number;
  propertiesWritten: number;
  failed: Array<{ id: string; message: string }>;
  /** Set when HubSpot stopped answering usefully (auth, daily limit, retries exhausted). */
  fatal?: HubSpotError;
}

const BATCH = 100;

/**
 * Applies changes in batches of 100, each write logged as pending before it is sent and settled after,
 * so a crash leaves an exact record of what may have landed (reconciled on `--resume`).
 */
export async function applyChanges(
  gateway: Gateway,
  db: AuditDb,
  runId: string,
  contacts: readonly ContactChanges[],
): Promise<ApplyOutcome> {
  const outcome: ApplyOutcome = { contactsWritten: 0, propertiesWritten: 0, failed: [] };
  const batches: ContactChanges[][] = [];
  for (let start = 0; start < contacts.length; start += BATCH)
    batches.push(contacts.slice(start, start + BATCH));
  await Promise.all(
    batches.map(async (batch) => {
      db.addPendingWrites(
        runId,
        batch.flatMap((contact) => contact.changes.map((change) => ({ contactId: contact.id, ...change }))),
      );
      const result = await gateway.updateContacts(
        batch.map((contact) => ({
          id: contact.id,
          properties: Object.fromEntries(contact.changes.map((change) => [change.property, change.after])),
        })),
      );
      if (!result.ok) {
        // Network and server failures may have landed: leave them pending for --resume to check.
        const unknown = result.error.kind === 'network' || result.error.kind === 'server';
        if (!unknown)
          db.settleWrites(
            runId,
            batch.map((contact) => contact.id),
            'not_applied',
            result.error.message,
          );
        outcome.fatal ??= result.error;
        return;
      }
      const changed = new Map(batch.map((contact) => [contact.id, contact.changes.length]));
      db.settleWrites(runId, result.value.succeeded, 'applied');
      for (const id of result.value.succeeded) {
        outcome.contactsWritten += 1;
        outcome.propertiesWritten += changed.get(id) ?? 0;
      }
      for (const failure of result.value.failed) {
        db.settleWrites(runId, [failure.id], 'failed', failure.message);
        outcome.failed.push(failure);
      }
    }),
  );
  return outcome;
}
