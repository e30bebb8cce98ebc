import type { DealFacts } from '../../deals/kind.ts';
import { DEAL_PROPERTIES } from '../../deals/label-plan.ts';
import { dealRoleLabels, type RoleLabel } from '../../deals/labels.ts';
import type { Pipeline } from '../../hubspot/deals-api.ts';
import type { HubSpotResult } from '../../hubspot/errors.ts';
import type { Gateway } from '../../hubspot/gateway.ts';
import type { CrmRecord } from '../../hubspot/records.ts';
import type { Playbook } from '../../playbook/schema.ts';
import type { BuyingRole } from '../../taxonomy.ts';

/** What every deal evaluation needs once per run: the role labels and their ids, the pipelines. */
export interface DealContext {
  roleLabels: RoleLabel[];
  /** Role → contact→deal type id of its label (roles whose label the portal lacks are absent). */
  labelIds: Map<BuyingRole, number>;
  /** deal→contact type id → contact→deal type id (labels are read from the deal side). */
  toContactSide: Map<number, number>;
  pipelines: Pipeline[];
}

export async function loadDealContext(
  gateway: Gateway,
  playbook: Playbook,
): Promise<HubSpotResult<DealContext>> {
  const roleLabels = dealRoleLabels(playbook);
  const forward = await gateway.listAssociationLabels('contacts', 'deals');
  if (!forward.ok) return forward;
  const backward = await gateway.listAssociationLabels('deals', 'contacts');
  if (!backward.ok) return backward;
  const pipelines = await gateway.listDealPipelines();
  if (!pipelines.ok) return pipelines;
  const idOfText = new Map(
    forward.value.filter((t) => t.label).map((t) => [(t.label as string).toLowerCase(), t.typeId]),
  );
  const labelIds = new Map<BuyingRole, number>();
  for (const l of roleLabels) {
    const id = idOfText.get(l.label.toLowerCase());
    if (id !== undefined) labelIds.set(l.role, id);
  }
  const toContactSide = new Map<number, number>();
  for (const t of backward.value) {
    const id = t.label ? idOfText.get(t.label.toLowerCase()) : undefined;
    if (id !== undefined) toContactSide.set(t.typeId, id);
  }
  return { ok: true, value: { roleLabels, labelIds, toContactSide, pipelines: pipelines.value } };
}

export const DEAL_READ_PROPERTIES = [
  'dealname',
  'amount',
  'dealstage',
  'pipeline',
  'dealtype',
  'closedate',
  'hs_is_closed',
  'hs_is_closed_won',
  ...Object.values(DEAL_PROPERTIES),
] as const;

/** Deal facts from a HubSpot deal record and the portal's pipelines. */
export function dealFactsOf(record: CrmRecord, pipelines: readonly Pipeline[]): DealFacts {
  const p = record.properties;
  const pipeline = pipelines.find((x) => x.id === p.pipeline);
  const stage = pipeline?.stages.find((s) => s.id === p.dealstage);
  const amount = p.amount === null || p.amount === undefined || p.amount === '' ? null : Number(p.amount);
  const closed = stage ? stage.isClosed : p.hs_is_closed === 'true';
  return {
    id: record.id,
    name: p.dealname ?? `Deal ${record.id}`,
    amount: amount !== null && Number.isFinite(amount) ? amount : null,
    pipelineId: p.pipeline ?? '',
    ...(pipeline ? { pipelineLabel: pipeline.label } : {}),
    stageId: p.dealstage ?? '',
    ...(stage ? { stageLabel: stage.label } : {}),
    dealType: p.dealtype ?? null,
    closed,
    won: stage ? stage.isClosed && stage.probability >= 1 : p.hs_is_closed_won === 'true',
    closeDate: p.closedate ?? null,
  };
}
