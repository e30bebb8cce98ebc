import { type LabelChange, type LabelPlan, sameValue } from '../../deals/label-plan.ts';
import type { HubSpotError } from '../../hubspot/errors.ts';
import type { Gateway } from '../../hubspot/gateway.ts';
import type { BuyingRole } from '../../taxonomy.ts';
import type { PlannedDeal } from '../plan-file.ts';
import { applyDealPlans, type DealApplyCounts } from './deal-apply.ts';
import type { DealAudit } from './deal-audit.ts';

/** What applying a plan file's deal entries counts. */
export interface DealPlanApplyCounts extends DealApplyCounts {
  /** Deal entries read from the plan. */
  deals: number;
  /** Planned labels skipped because a person labelled that contact on that deal since the dry run. */
  labelsSkippedByPerson: number;
  /** Planned changes whose "before" no longer holds (association gone, label not rolecall's, value edited). */
  dealSkippedChangedSince: number;
  /** Planned changes HubSpot already holds. */
  dealAlreadyThere: number;
}

export const emptyDealPlanCounts = (): DealPlanApplyCounts => ({
  deals: 0,
  labelsWritten: 0,
  labelsRemoved: 0,
  dealPropertiesWritten: 0,
  failed: 0,
  failures: [],
  labelsSkippedByPerson: 0,
  dealSkippedChangedSince: 0,
  dealAlreadyThere: 0,
});

/** Whether a parsed plan line is a deal entry. */
export function isPlannedDeal(value: unknown): value is PlannedDeal {
  const v = value as Partial<PlannedDeal> | null;
  return (
    typeof v?.deal === 'string' &&
    Array.isArray(v.labels) &&
    Array.isArray(v.properties) &&
    v.labels.every(
      (l) =>
        typeof l?.contact === 'string' &&
        typeof l.typeId === 'number' &&
        (l.action === 'add' || l.action === 'remove') &&
        Array.isArray(l.seen),
    ) &&
    v.properties.every((p) => typeof p?.property === 'string' && typeof p.after === 'string')
  );
}

/**
 * Applies planned deal changes exactly, re-checked against HubSpot now: a label is added only if the
 * association is still there and no label appeared on it since the dry run that rolecall did not add (a
 * person's: kept, the planned one skipped); a label is removed only while rolecall still owns it; a deal
 * property is written only if it still holds the planned "before". Logged in the run's audit for undo.
 */
export async function applyPlannedDeals(
  gateway: Gateway,
  audit: DealAudit,
  runId: string,
  entries: readonly PlannedDeal[],
  counts: DealPlanApplyCounts,
): Promise<HubSpotError | undefined> {
  if (entries.length === 0) return undefined;
  counts.deals += entries.length;
  const contactIds = [...new Set(entries.flatMap((e) => e.labels.map((l) => l.contact)))];
  const links = await gateway.readAssociations('contacts', 'deals', contactIds);
  if (!links.ok) return links.error;
  const withProps = entries.filter((e) => e.properties.length > 0);
  const propertyNames = [...new Set(withProps.flatMap((e) => e.properties.map((p) => p.property)))];
  const deals = new Map<string, Record<string, string | null>>();
  if (withProps.length > 0) {
    const read = await gateway.readDeals(
      withProps.map((e) => e.deal),
      propertyNames,
    );
    if (!read.ok) return read.error;
    for (const record of read.value) deals.set(record.id, record.properties);
  }
  const owned = audit.ownedLabels(entries.map((e) => e.deal));
  const plans: LabelPlan[] = [];
  for (const entry of entries) {
    const plan: LabelPlan = { dealId: entry.deal, add: [], remove: [], properties: [] };
    for (const l of entry.labels) {
      const link = (links.value.get(l.contact) ?? []).find((a) => a.toId === entry.deal);
      const labels = (link?.types ?? []).filter((t) => t.category !== 'HUBSPOT_DEFINED').map((t) => t.typeId);
      const ours = (typeId: number) => owned.has(`${entry.deal}:${l.contact}:${typeId}`);
      const change: LabelChange = {
        dealId: entry.deal,
        contactId: l.contact,
        typeId: l.typeId,
        label: l.label,
        role: l.label as BuyingRole,
      };
      if (l.action === 'remove') {
        if (!labels.includes(l.typeId)) counts.dealAlreadyThere += 1;
        else if (!ours(l.typeId)) counts.dealSkippedChangedSince += 1;
        else plan.remove.push(change);
        continue;
      }
      if (!link) counts.dealSkippedChangedSince += 1;
      else if (labels.includes(l.typeId)) counts.dealAlreadyThere += 1;
      else if (labels.some((t) => !ours(t) && !l.seen.includes(t))) counts.labelsSkippedByPerson += 1;
      else plan.add.push(change);
    }
    const now = deals.get(entry.deal);
    for (const p of entry.properties) {
      if (now && sameValue(now[p.property], p.after)) counts.dealAlreadyThere += 1;
      else if (!now || !sameValue(now[p.property], p.before)) counts.dealSkippedChangedSince += 1;
      else plan.properties.push(p);
    }
    if (plan.add.length + plan.remove.length + plan.properties.length > 0) plans.push(plan);
  }
  return applyDealPlans(gateway, audit, runId, plans, counts);
}
