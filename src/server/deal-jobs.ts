import { classify } from '../classify/classify.ts';
import type { HubSpotError } from '../hubspot/errors.ts';
import type { Gateway } from '../hubspot/gateway.ts';
import type { Playbook } from '../playbook/schema.ts';
import { applyDealPlans, type DealApplyCounts, type DealWriteLog } from '../tag/deals/deal-apply.ts';
import type { DealWriteStatus, NewDealWrite } from '../tag/deals/deal-audit.ts';
import { hasDealProperties, loadDealContext } from '../tag/deals/deal-phase.ts';
import { planScannedDeals, scanDeals } from '../tag/deals/deal-scan.ts';
import type { PortFailure } from './crm-port.ts';
import type { Counters } from './metrics.ts';
import type { PortalPorts } from './portal-ports.ts';
import type { DealAuditWrite } from './store/deal-labels.ts';
import type { Job, JobKind, Store } from './store/index.ts';

/** What became of one deal job. */
export type DealOutcome =
  | { id: string; status: 'written' | 'unchanged' | 'closed' | 'not_found' }
  | { id: string; status: 'failed'; error: PortFailure };

export interface DealJobResult {
  outcomes: DealOutcome[];
  /** The writes HubSpot accepted, for the audit trail and the labels rolecall now owns. */
  applied: DealAuditWrite[];
  labelsWritten: number;
  dealPropertiesWritten: number;
}

export interface DealJobOptions {
  gateway: Gateway;
  playbook: Playbook;
  /** Labels rolecall owns on these deals (`deal:contact:typeId`); every other label is a person's. */
  owned: Set<string>;
  now: number;
  /** Checked right before the writes leave: false when this worker no longer holds the jobs (send nothing). */
  fence?: () => Promise<boolean>;
}

const failureOf = (error: HubSpotError): PortFailure =>
  error.kind === 'daily_limit'
    ? { message: error.message, retryable: true, defer: true, retryAfterMs: 60 * 60 * 1000 }
    : {
        message: error.message,
        retryable: error.retryable,
        ...(error.retryAfterSeconds ? { retryAfterMs: error.retryAfterSeconds * 1000 } : {}),
      };

/** The write log of one job: in memory; what HubSpot accepted is recorded in the store afterwards. */
class MemoryDealLog implements DealWriteLog {
  readonly rows: (NewDealWrite & { status: DealWriteStatus; error?: string })[] = [];
  addPending(_runId: string, writes: readonly NewDealWrite[]): number[] {
    return writes.map((w) => this.rows.push({ ...w, status: 'pending' }) - 1);
  }
  settle(ids: readonly number[], status: DealWriteStatus, error?: string): void {
    for (const id of ids) {
      const row = this.rows[id];
      if (row) Object.assign(row, { status }, error ? { error } : {});
    }
  }
}

/**
 * Re-evaluates deals a webhook named: reads each deal, its contacts and their labels, classifies them
 * with the portal's playbook, and writes the labels and deal properties that differ (the same plan and
 * writes as `rolecall tag`). Closed deals are left as they are. A rerun over unchanged deals writes nothing,
 * so the events our own writes cause end there.
 */
export async function reevaluateDeals(
  ids: readonly string[],
  options: DealJobOptions,
): Promise<DealJobResult> {
  const unique = [...new Set(ids)];
  const result: DealJobResult = { outcomes: [], applied: [], labelsWritten: 0, dealPropertiesWritten: 0 };
  const failAll = (error: HubSpotError): DealJobResult => ({
    ...result,
    outcomes: unique.map((id) => ({ id, status: 'failed', error: failureOf(error) })),
  });
  const { gateway, playbook } = options;
  const context = await loadDealContext(gateway, playbook);
  if (!context.ok) return failAll(context.error);
  const withProperties = await hasDealProperties(gateway);
  if (!withProperties.ok) return failAll(withProperties.error);
  const scanned = [];
  for await (const step of scanDeals({
    gateway,
    playbook,
    classify,
    context: context.value,
    now: options.now,
    includeClosed: true,
    dealIds: unique,
    owned: () => options.owned,
  })) {
    if (!step.ok) return failAll(step.error);
    scanned.push(...step.value);
  }
  const open = scanned.filter((d) => d.evaluation.open);
  const plans = planScannedDeals(open, context.value, withProperties.value);
  const changed = plans.filter((p) => p.add.length + p.remove.length + p.properties.length > 0);
  if (changed.length > 0 && options.fence && !(await options.fence())) {
    const lost: PortFailure = {
      message: 'the lease on these deals was lost; another worker has them',
      retryable: true,
    };
    return { ...result, outcomes: unique.map((id) => ({ id, status: 'failed', error: lost })) };
  }
  const log = new MemoryDealLog();
  const counts: DealApplyCounts = {
    labelsWritten: 0,
    labelsRemoved: 0,
    dealPropertiesWritten: 0,
    failed: 0,
    failures: [],
  };
  const stopped = changed.length > 0 ? await applyDealPlans(gateway, log, '', changed, counts) : undefined;
  const failedDeals = new Map<string, PortFailure>();
  // Stopped part-way: every changed deal is tried again (what did land is recorded and not planned again).
  if (stopped) for (const p of changed) failedDeals.set(p.dealId, failureOf(stopped));
  for (const row of log.rows) {
    if (row.status === 'applied') {
      result.applied.push({
        kind: row.kind,
        dealId: row.dealId,
        contactId: row.contactId ?? null,
        typeId: row.typeId ?? null,
        property: row.property ?? null,
        before: row.before ?? null,
        after: row.after ?? null,
      });
    } else if (!failedDeals.has(row.dealId)) {
      // A write that did not land: the deal is tried again (a rerun plans only what is still missing).
      // HubSpot refused this one write (the rest of the batch landed): trying again would not help.
      failedDeals.set(row.dealId, { message: row.error ?? 'HubSpot refused a deal write', retryable: false });
    }
  }
  const found = new Set(scanned.map((d) => d.evaluation.id));
  const isOpen = new Set(open.map((d) => d.evaluation.id));
  const written = new Set(changed.map((p) => p.dealId));
  for (const id of unique) {
    const failure = failedDeals.get(id);
    if (failure) result.outcomes.push({ id, status: 'failed', error: failure });
    else if (!found.has(id)) result.outcomes.push({ id, status: 'not_found' });
    else if (!isOpen.has(id)) result.outcomes.push({ id, status: 'closed' });
    else result.outcomes.push({ id, status: written.has(id) ? 'written' : 'unchanged' });
  }
  result.labelsWritten = counts.labelsWritten;
  result.dealPropertiesWritten = counts.dealPropertiesWritten;
  return result;
}

export interface DealJobsContext {
  store: Store;
  ports: PortalPorts;
  counters: Counters;
  playbookFor?: (portalId: number) => Promise<Playbook>;
  now: () => Date;
  leaseMs: number;
  /** This claim's lease token and portal. */
  lease: string;
  portalId: number;
  jobs: readonly Job[];
}

/**
 * One claim's deal jobs: re-evaluated with the portal's gateway and playbook; what was written is audited
 * with the labels rolecall now owns, in one transaction with the jobs' completion. Failures go to `retry`.
 */
export async function runDealJobs(
  c: DealJobsContext,
  retry: (kind: JobKind, id: string, attempts: number, error: PortFailure) => Promise<void>,
): Promise<void> {
  const { store, counters, lease, portalId } = c;
  const ids = c.jobs.map((j) => j.objectId);
  const gateway = await c.ports.gatewayFor?.(portalId);
  const playbook = await c.playbookFor?.(portalId);
  if (!gateway || !playbook) {
    await store.queue.complete(lease, portalId, 'deal', ids);
    return;
  }
  const startedAt = c.now().getTime();
  const owned = await store.dealLabels.owned(portalId, ids);
  const result = await reevaluateDeals(ids, {
    gateway,
    playbook,
    owned,
    now: startedAt,
    // The fence: deal writes leave only while this claim still holds every deal in it.
    fence: async () => (await store.queue.hold(lease, portalId, 'deal', ids, c.leaseMs)) === ids.length,
  });
  const attempts = new Map(c.jobs.map((j) => [j.objectId, j.attempts]));
  const finished: string[] = [];
  let failed = 0;
  for (const outcome of result.outcomes) {
    if (outcome.status === 'failed') {
      failed += 1;
      await retry('deal', outcome.id, attempts.get(outcome.id) ?? 0, outcome.error);
    } else finished.push(outcome.id);
  }
  counters.dealsEvaluated += finished.length;
  counters.dealLabelsWritten += result.labelsWritten;
  await store.db.tx(async (q) => {
    await store.queue.complete(lease, portalId, 'deal', finished, q);
    if (result.applied.length === 0) return;
    const runId = await store.audit.record(
      { portalId, source: 'webhook', startedAt, contacts: 0, failed, changes: [] },
      q,
    );
    await store.dealLabels.record(portalId, runId, result.applied, q);
  });
}

/**
 * Queues the deals of contacts whose classification was just written (best effort: a failed read only
 * leaves the deals as they were until their next event). One association read per 1,000 contacts.
 */
export async function enqueueDealsOf(
  c: Pick<DealJobsContext, 'store' | 'ports'>,
  portalId: number,
  contactIds: readonly string[],
): Promise<void> {
  if (contactIds.length === 0) return;
  const gateway = await c.ports.gatewayFor?.(portalId);
  if (!gateway) return;
  const links = await gateway.readAssociations('contacts', 'deals', contactIds);
  if (!links.ok) return;
  const deals = [...new Set([...links.value.values()].flat().map((a) => a.toId))];
  if (deals.length > 0) await c.store.queue.enqueue(portalId, 'deal', deals);
}
