import { sameValue } from '../../deals/label-plan.ts';
import type { HubSpotError } from '../../hubspot/errors.ts';
import type { Gateway } from '../../hubspot/gateway.ts';
import type { AuditDb } from '../audit-db.ts';
import { DealAudit, type DealWriteRow } from './deal-audit.ts';

export interface DealUndoSummary {
  labelsRestored: number;
  dealPropertiesRestored: number;
  /** Values changed since the run, or labels someone else took over: left alone. */
  skippedChangedSince: number;
  failed: number;
  error?: HubSpotError;
}

const PAGE = 1000;

/**
 * Undoes the deal side of a run as part of the undo run `runId`: labels the run added come off (if
 * rolecall still owns them), labels it removed go back, deal properties return to their earlier value
 * when they still hold what the run wrote.
 */
export async function undoDealWrites(
  gateway: Gateway,
  db: AuditDb,
  target: string,
  undoOf: string,
  runId: string,
): Promise<DealUndoSummary> {
  const summary: DealUndoSummary = {
    labelsRestored: 0,
    dealPropertiesRestored: 0,
    skippedChangedSince: 0,
    failed: 0,
  };
  const audit = new DealAudit(db.db, target);
  let after = 0;
  for (;;) {
    const rows = audit.appliedPage(undoOf, after, PAGE);
    if (rows.length === 0) return summary;
    after = rows.at(-1)?.id ?? after;
    const error = await undoPage(gateway, audit, runId, rows.reverse(), summary);
    if (error) return { ...summary, error };
  }
}

async function undoPage(
  gateway: Gateway,
  audit: DealAudit,
  runId: string,
  rows: DealWriteRow[],
  summary: DealUndoSummary,
): Promise<HubSpotError | undefined> {
  const owned = audit.ownedLabels([...new Set(rows.map((r) => r.deal_id))]);
  const key = (r: DealWriteRow) => `${r.deal_id}:${r.contact_id}:${r.type_id}`;
  const takeOff = rows.filter((r) => r.kind === 'label_add');
  const putBack = rows.filter((r) => r.kind === 'label_remove');
  const stillOurs = takeOff.filter((r) => owned.has(key(r)));
  summary.skippedChangedSince += takeOff.length - stillOurs.length;
  for (const [kind, list] of [
    ['label_remove', stillOurs],
    ['label_add', putBack],
  ] as const) {
    if (list.length === 0) continue;
    const ids = audit.addPending(
      runId,
      list.map((r) => ({
        kind,
        dealId: r.deal_id,
        contactId: r.contact_id ?? '',
        typeId: r.type_id ?? 0,
        after: r.after,
      })),
    );
    const inputs = list.map((r) => ({
      fromId: r.contact_id ?? '',
      toId: r.deal_id,
      types: [{ category: 'USER_DEFINED', typeId: r.type_id ?? 0 }],
    }));
    const result =
      kind === 'label_remove'
        ? await gateway.removeAssociationLabels('contacts', 'deals', inputs)
        : await gateway.createAssociations('contacts', 'deals', inputs);
    if (!result.ok) {
      audit.settle(ids, 'failed', result.error.message);
      return result.error;
    }
    audit.settle(
      result.value.succeeded.map((i) => ids[i] as number),
      'applied',
    );
    for (const f of result.value.failed) audit.settle([ids[f.index] as number], 'failed', f.message);
    summary.labelsRestored += result.value.succeeded.length;
    summary.failed += result.value.failed.length;
  }
  const props = rows.filter((r) => r.kind === 'property');
  if (props.length === 0) return undefined;
  const names = [...new Set(props.map((r) => r.property ?? ''))];
  const read = await gateway.readDeals([...new Set(props.map((r) => r.deal_id))], names);
  if (!read.ok) return read.error;
  const now = new Map(read.value.map((d) => [d.id, d.properties]));
  const updates = new Map<string, Record<string, string>>();
  const logged: Parameters<DealAudit['addPending']>[1][number][] = [];
  for (const r of props) {
    const current = now.get(r.deal_id)?.[r.property ?? ''];
    if (!sameValue(current, r.after)) {
      summary.skippedChangedSince += 1;
      continue;
    }
    const values = updates.get(r.deal_id) ?? {};
    values[r.property ?? ''] = r.before ?? '';
    updates.set(r.deal_id, values);
    logged.push({
      kind: 'property',
      dealId: r.deal_id,
      property: r.property ?? '',
      before: r.after,
      after: r.before ?? '',
    });
  }
  if (updates.size === 0) return undefined;
  const ids = audit.addPending(runId, logged);
  const result = await gateway.updateDeals([...updates].map(([id, properties]) => ({ id, properties })));
  if (!result.ok) {
    audit.settle(ids, 'failed', result.error.message);
    return result.error;
  }
  const done = new Set(result.value.succeeded);
  logged.forEach((w, i) => {
    if (done.has(w.dealId)) {
      audit.settle([ids[i] as number], 'applied');
      summary.dealPropertiesRestored += 1;
    } else audit.settle([ids[i] as number], 'failed', 'HubSpot did not confirm this update.');
  });
  return undefined;
}
