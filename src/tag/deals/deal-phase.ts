import type { LabelPlan } from '../../deals/label-plan.ts';
import type { HubSpotError } from '../../hubspot/errors.ts';
import type { Gateway } from '../../hubspot/gateway.ts';
import type { Playbook } from '../../playbook/schema.ts';
import type { AuditDb } from '../audit-db.ts';
import type { PlanFile, PlannedDeal } from '../plan-file.ts';
import type { Classifier } from '../run-tag.ts';
import { applyDealPlans, reconcileDealWrites } from './deal-apply.ts';
import { DealAudit } from './deal-audit.ts';
import {
  type DealContext,
  loadDealContext,
  planScannedDeals,
  type ScannedDeal,
  scanDeals,
} from './deal-scan.ts';

export interface DealPhaseSummary {
  dealsEvaluated: number;
  /** Contact↔deal associations looked at (a contact on two deals counts twice). */
  contactsOnDeals: number;
  /** Deals the plan changes (labels or properties). */
  dealsChanged: number;
  /** Labels added plus labels removed (in a dry run: planned). */
  labelsWritten: number;
  labelsRemoved: number;
  dealPropertiesWritten: number;
  /** Roles whose label the portal lacks (setup could not create it): contacts in them get no label. */
  rolesWithoutLabel: string[];
  /** Label writes a killed session left pending, read back and settled before this one planned. */
  labelsReadBack: number;
  failed: number;
  failures: Array<{ id: string; message: string }>;
  error?: HubSpotError;
}

export interface DealPhaseInput {
  gateway: Gateway;
  db: AuditDb;
  /** The portal (labels rolecall owns are remembered per portal). */
  target: string;
  runId: string;
  playbook: Playbook;
  classify: Classifier;
  now: number;
  dryRun: boolean;
  /** A dry run's plan file: each changed deal is written to it (labels with why, deal properties). */
  planFile?: PlanFile;
  includeClosed?: boolean;
  chunkSize?: number;
  onProgress?: (summary: DealPhaseSummary) => void;
}

/**
 * Labels every contact on every open deal with its role on that deal and writes the deal's buying-group
 * properties, in the same run (and audit log) as contact tagging. Writes are logged as pending before
 * they are sent; labels go in batches of 100. A rerun over an unchanged portal writes nothing.
 */
export async function runDealPhase(input: DealPhaseInput): Promise<DealPhaseSummary> {
  const summary: DealPhaseSummary = {
    dealsEvaluated: 0,
    contactsOnDeals: 0,
    dealsChanged: 0,
    labelsWritten: 0,
    labelsRemoved: 0,
    dealPropertiesWritten: 0,
    rolesWithoutLabel: [],
    labelsReadBack: 0,
    failed: 0,
    failures: [],
  };
  const context = await loadDealContext(input.gateway, input.playbook);
  if (!context.ok) return { ...summary, error: context.error };
  summary.rolesWithoutLabel = context.value.roleLabels
    .filter((l) => !context.value.labelIds.has(l.role))
    .map((l) => l.role);
  const withProperties = await hasDealProperties(input.gateway);
  if (!withProperties.ok) return { ...summary, error: withProperties.error };
  const audit = new DealAudit(input.db.db, input.target);
  if (!input.dryRun) {
    const settled = await reconcileDealWrites(input.gateway, audit, input.runId);
    if (!settled.ok) return { ...summary, error: settled.error };
    summary.labelsReadBack = settled.value;
  }
  // One step's writes go out while the next step is read: the limiter keeps both under the rate ceiling.
  let writing: Promise<void> = Promise.resolve();
  let failure: HubSpotError | undefined;
  const stop = async (error?: HubSpotError): Promise<DealPhaseSummary> => {
    await writing;
    const first = failure ?? error;
    return first ? { ...summary, error: first } : summary;
  };
  for await (const step of scanDeals({
    gateway: input.gateway,
    playbook: input.playbook,
    classify: input.classify,
    context: context.value,
    now: input.now,
    ...(input.includeClosed ? { includeClosed: true } : {}),
    ...(input.chunkSize ? { chunkSize: input.chunkSize } : {}),
    owned: (ids) => audit.ownedLabels(ids),
  })) {
    if (!step.ok) return stop(step.error);
    const plans = planScannedDeals(step.value, context.value, withProperties.value);
    summary.dealsEvaluated += step.value.length;
    for (const deal of step.value) summary.contactsOnDeals += deal.evaluation.contacts.length;
    audit.recordDeals(
      input.runId,
      step.value.map(({ evaluation: e }) => ({
        id: e.id,
        name: e.name,
        amount: e.amount,
        stage: e.stageLabel ?? e.stage,
        kind: e.kind,
        contacts: e.contacts.length,
        missing: e.missing,
        completeness: e.completeness,
        singleThreaded: e.singleThreaded,
      })),
    );
    const changed = plans.filter((p) => p.add.length + p.remove.length + p.properties.length > 0);
    summary.dealsChanged += changed.length;
    if (input.dryRun) {
      for (const p of changed) {
        summary.labelsWritten += p.add.length + p.remove.length;
        summary.labelsRemoved += p.remove.length;
        summary.dealPropertiesWritten += p.properties.length;
      }
      if (input.planFile) {
        const byId = new Map(step.value.map((deal) => [deal.evaluation.id, deal]));
        for (const p of changed) {
          const deal = byId.get(p.dealId);
          if (deal) await input.planFile.addDeal(plannedDeal(p, deal));
        }
      }
      input.onProgress?.(summary);
    } else {
      // At most one step's writes in flight (flat memory); they overlap the next step's reads.
      await writing;
      // A failed write stops the run before another step is written.
      if (failure) return stop();
      writing = (async () => {
        failure = await applyDealPlans(input.gateway, audit, input.runId, changed, summary);
        input.onProgress?.(summary);
      })();
    }
  }
  return stop();
}

/** A deal's plan as a plan file holds it: each label with why, and what the association held then. */
export function plannedDeal(plan: LabelPlan, deal: ScannedDeal): PlannedDeal {
  const contact = (id: string) => deal.evaluation.contacts.find((c) => c.id === id);
  const seen = (id: string) => (deal.current.get(id) ?? []).map((l) => l.typeId);
  return {
    deal: plan.dealId,
    labels: [
      ...plan.remove.map((c) => ({
        contact: c.contactId,
        typeId: c.typeId,
        label: c.label,
        action: 'remove' as const,
        seen: seen(c.contactId),
        why: `rolecall's earlier label; role on this deal now: ${contact(c.contactId)?.role ?? 'none'}`,
      })),
      ...plan.add.map((c) => ({
        contact: c.contactId,
        typeId: c.typeId,
        label: c.label,
        action: 'add' as const,
        seen: seen(c.contactId),
        why: contact(c.contactId)?.why ?? '',
      })),
    ],
    properties: plan.properties,
  };
}

/** Whether setup created rolecall's deal properties (without them only labels are written). */
export async function hasDealProperties(gateway: Gateway) {
  const probe = await gateway.getProperty('deals', 'rolecall_deal_completeness');
  if (!probe.ok) return probe.error.kind === 'scope' ? { ok: true as const, value: false } : probe;
  return { ok: true as const, value: probe.value !== undefined };
}

export { type DealContext, loadDealContext };
