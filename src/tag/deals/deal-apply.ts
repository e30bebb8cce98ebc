import type { LabelPlan } from '../../deals/label-plan.ts';
import type { HubSpotError } from '../../hubspot/errors.ts';
import type { Gateway } from '../../hubspot/gateway.ts';
import type { DealAudit, DealWriteStatus, NewDealWrite } from './deal-audit.ts';

/** Where deal writes are logged: pending before they are sent, then settled (the CLI's SQLite audit, the server's memory). */
export interface DealWriteLog {
  addPending(runId: string, writes: readonly NewDealWrite[]): number[];
  settle(ids: readonly number[], status: DealWriteStatus, error?: string): void;
}

/** What applying deal plans counts (the run summary, or one server job's). */
export interface DealApplyCounts {
  labelsWritten: number;
  labelsRemoved: number;
  dealPropertiesWritten: number;
  failed: number;
  failures: Array<{ id: string; message: string }>;
}

/**
 * Sends planned deal writes: labels removed, then added (batches of 100), then deal properties; each
 * logged as pending first and settled with HubSpot's answer. Returns the error that stopped it, if any.
 */
export async function applyDealPlans(
  gateway: Gateway,
  audit: DealWriteLog,
  runId: string,
  plans: readonly LabelPlan[],
  summary: DealApplyCounts,
): Promise<HubSpotError | undefined> {
  const fail = (id: string, message: string) => {
    summary.failed += 1;
    if (summary.failures.length < 100) summary.failures.push({ id, message });
  };
  // Labels (removals, then additions) and deal properties are independent: both go out at once.
  const labels = async (): Promise<HubSpotError | undefined> => {
    for (const kind of ['remove', 'add'] as const) {
      const changes = plans.flatMap((p) => p[kind]);
      if (changes.length === 0) continue;
      const rows = audit.addPending(
        runId,
        changes.map(
          (c): NewDealWrite => ({
            kind: kind === 'add' ? 'label_add' : 'label_remove',
            dealId: c.dealId,
            contactId: c.contactId,
            typeId: c.typeId,
            after: c.label,
          }),
        ),
      );
      const inputs = changes.map((c) => ({
        fromId: c.contactId,
        toId: c.dealId,
        types: [{ category: 'USER_DEFINED', typeId: c.typeId }],
      }));
      const result =
        kind === 'add'
          ? await gateway.createAssociations('contacts', 'deals', inputs)
          : await gateway.removeAssociationLabels('contacts', 'deals', inputs);
      if (!result.ok) {
        audit.settle(rows, 'failed', result.error.message);
        return result.error;
      }
      audit.settle(
        result.value.succeeded.map((i) => rows[i] as number),
        'applied',
      );
      for (const f of result.value.failed) {
        audit.settle([rows[f.index] as number], 'failed', f.message);
        const c = changes[f.index];
        fail(`${c?.dealId}/${c?.contactId}`, f.message);
      }
      summary.labelsWritten += result.value.succeeded.length;
      if (kind === 'remove') summary.labelsRemoved += result.value.succeeded.length;
    }
    return undefined;
  };
  const properties = async (): Promise<HubSpotError | undefined> => {
    const withProps = plans.filter((p) => p.properties.length > 0);
    if (withProps.length > 0) {
      const rows = new Map<string, number[]>();
      for (const p of withProps) {
        rows.set(
          p.dealId,
          audit.addPending(
            runId,
            p.properties.map((c) => ({
              kind: 'property',
              dealId: p.dealId,
              property: c.property,
              before: c.before,
              after: c.after,
            })),
          ),
        );
      }
      const result = await gateway.updateDeals(
        withProps.map((p) => ({
          id: p.dealId,
          properties: Object.fromEntries(p.properties.map((c) => [c.property, c.after])),
        })),
      );
      if (!result.ok) {
        audit.settle([...rows.values()].flat(), 'failed', result.error.message);
        return result.error;
      }
      for (const id of result.value.succeeded) {
        const ids = rows.get(id) ?? [];
        audit.settle(ids, 'applied');
        summary.dealPropertiesWritten += ids.length;
      }
      for (const f of result.value.failed) {
        audit.settle(rows.get(f.id) ?? [], 'failed', f.message);
        fail(f.id, f.message);
      }
    }
    return undefined;
  };
  const [labelError, propertyError] = await Promise.all([labels(), properties()]);
  return labelError ?? propertyError;
}

/**
 * A resumed run first settles the label writes its killed session left pending, by reading the labels
 * back: an added label that is there was rolecall's (so it stays rolecall's to remove, never mistaken
 * for a person's), a removed one that is gone was removed. What did not land is planned again.
 */
export async function reconcileDealWrites(
  gateway: Gateway,
  audit: DealAudit,
  runId: string,
): Promise<{ ok: true; value: number } | { ok: false; error: HubSpotError }> {
  const pending = audit.pendingLabelWrites(runId);
  if (pending.length === 0) return { ok: true, value: 0 };
  const contacts = [...new Set(pending.map((row) => row.contact_id ?? ''))];
  const read = await gateway.readAssociations('contacts', 'deals', contacts);
  if (!read.ok) return read;
  const present = (contactId: string, dealId: string, typeId: number) =>
    (read.value.get(contactId) ?? []).some(
      (a) => a.toId === dealId && a.types.some((t) => t.typeId === typeId),
    );
  const landed: number[] = [];
  const lost: number[] = [];
  for (const row of pending) {
    const there = present(row.contact_id ?? '', row.deal_id, row.type_id ?? -1);
    (there === (row.kind === 'label_add') ? landed : lost).push(row.id);
  }
  audit.settle(landed, 'applied');
  audit.settle(lost, 'failed', 'not found when read back after an interrupted run');
  return { ok: true, value: pending.length };
}
