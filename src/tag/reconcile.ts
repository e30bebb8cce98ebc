import type { HubSpotResult } from '../hubspot/errors.ts';
import type { Gateway } from '../hubspot/gateway.ts';
import { sameStoredValue } from '../hubspot/values.ts';
import type { AuditDb } from './audit-db.ts';

/**
 * After a crash, writes logged as pending may or may not have reached HubSpot. Reads those contacts
 * back: a contact whose values all match what was sent is marked applied, any other not applied (the
 * resumed run re-plans it, so nothing is lost and nothing is written twice).
 */
export async function reconcilePending(
  gateway: Gateway,
  db: AuditDb,
  runId: string,
): Promise<HubSpotResult<{ applied: number; notApplied: number }>> {
  const pending = db.pendingWrites(runId);
  if (pending.length === 0) return { ok: true, value: { applied: 0, notApplied: 0 } };
  const properties = [...new Set(pending.map((write) => write.property))];
  const byContact = new Map<string, typeof pending>();
  for (const write of pending)
    byContact.set(write.contact_id, [...(byContact.get(write.contact_id) ?? []), write]);
  const contactIds = [...byContact.keys()];
  const read = await gateway.readContacts(contactIds, { properties });
  if (!read.ok) return read;
  const current = new Map(read.value.map((record) => [record.id, record.properties]));
  const landed: string[] = [];
  const lost: string[] = [];
  for (const id of contactIds) {
    const values = current.get(id);
    const writes = byContact.get(id) ?? [];
    const allThere =
      values !== undefined && writes.every((write) => sameStoredValue(values[write.property], write.after));
    (allThere ? landed : lost).push(id);
  }
  db.settleWrites(runId, landed, 'applied');
  db.settleWrites(runId, lost, 'not_applied', 'not found in HubSpot after an interrupted run');
  return { ok: true, value: { applied: landed.length, notApplied: lost.length } };
}
