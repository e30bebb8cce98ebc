import { batchUpdate } from './batch-update.ts';
import { allChunks } from './chunks.ts';
import type { HubSpotResult } from './errors.ts';
import {
  type BatchWriteOutcome,
  type ContactUpdate,
  type CrmRecord,
  type Page,
  toRecord,
} from './records.ts';
import type { Transport } from './transport.ts';

/**
 * Deals, pipelines, association labels and labelled associations, engagements and the label limit: the
 * HubSpot calls behind deal buying groups. Every path is spelled here (or in the gateway), nowhere else.
 */
export type CrmObjectType = 'contacts' | 'companies' | 'deals' | 'calls' | 'meetings' | 'emails';
export type EngagementObjectType = 'calls' | 'meetings' | 'emails';
export const ENGAGEMENT_OBJECT_TYPES: readonly EngagementObjectType[] = ['calls', 'meetings', 'emails'];

/** One association type in one direction (`{category, typeId, label}`); `label` null = unlabeled. */
export interface AssociationType {
  category: string;
  typeId: number;
  label: string | null;
}

export interface Association {
  toId: string;
  types: AssociationType[];
}

export interface LabelledAssociationInput {
  fromId: string;
  toId: string;
  types: ReadonlyArray<{ category: string; typeId: number }>;
}

export interface AssociationWriteOutcome {
  /** Inputs HubSpot confirmed, by index into the inputs. */
  succeeded: number[];
  failed: Array<{ index: number; message: string }>;
}

export interface LabelLimit {
  limit: number;
  usage: number;
  allLabels: string[];
}

export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  isClosed: boolean;
  /** 0–1; closed won is 1, closed lost 0. */
  probability: number;
}

export interface Pipeline {
  id: string;
  label: string;
  stages: PipelineStage[];
}

export interface DealApi {
  /** One page of deals (100), oldest first; pass `next` back as `after`. */
  listDeals(read: { properties: readonly string[]; after?: string }): Promise<HubSpotResult<Page<CrmRecord>>>;
  readDeals(ids: readonly string[], properties: readonly string[]): Promise<HubSpotResult<CrmRecord[]>>;
  /** Batch updates of deal properties (≤100 per call), per-id outcome. */
  updateDeals(updates: readonly ContactUpdate[]): Promise<HubSpotResult<BatchWriteOutcome>>;
  listDealPipelines(): Promise<HubSpotResult<Pipeline[]>>;
  listAssociationLabels(from: CrmObjectType, to: CrmObjectType): Promise<HubSpotResult<AssociationType[]>>;
  createAssociationLabel(
    from: CrmObjectType,
    to: CrmObjectType,
    label: { label: string; name: string; inverseLabel?: string },
  ): Promise<HubSpotResult<AssociationType[]>>;
  /** The portal's custom-label limit for a pair; undefined when the portal does not say (older API). */
  readLabelLimit(from: CrmObjectType, to: CrmObjectType): Promise<HubSpotResult<LabelLimit | undefined>>;
  /** Associations of many records (1,000 per call, per-input paging); records without any map to []. */
  readAssociations(
    from: CrmObjectType,
    to: CrmObjectType,
    ids: readonly string[],
  ): Promise<HubSpotResult<Map<string, Association[]>>>;
  /** Labelled associations, 100 per call (HubSpot takes more; smaller calls keep a failure small). */
  createAssociations(
    from: CrmObjectType,
    to: CrmObjectType,
    inputs: readonly LabelledAssociationInput[],
  ): Promise<HubSpotResult<AssociationWriteOutcome>>;
  /** Removes only the given labels of associations (the unlabeled association stays), 100 per call. */
  removeAssociationLabels(
    from: CrmObjectType,
    to: CrmObjectType,
    inputs: readonly LabelledAssociationInput[],
  ): Promise<HubSpotResult<AssociationWriteOutcome>>;
  /** Engagements (calls, meetings, emails) of records, each with its time (`hs_timestamp`, ms). */
  readEngagements(
    type: EngagementObjectType,
    ids: readonly string[],
  ): Promise<HubSpotResult<Map<string, number>>>;
}

/** Association calls carry at most this many inputs (the and HubSpot's object-batch size). */
export const ASSOCIATION_WRITE_BATCH = 100;
const ASSOCIATION_READ_BATCH = 1000;
const READ_BATCH = 100;

interface AssocBody {
  results?: Array<{
    from?: { id?: unknown };
    to?: Array<{ toObjectId?: unknown; associationTypes?: AssociationType[] }>;
    paging?: { next?: { after?: string } };
  }>;
}

export function createDealApi(transport: Transport): DealApi {
  async function readObjects(type: CrmObjectType, ids: readonly string[], properties: readonly string[]) {
    const read = await allChunks([...new Set(ids)], READ_BATCH, (chunk) =>
      transport.send<{ results?: unknown[] }>({
        method: 'POST',
        path: `/crm/v3/objects/${type}/batch/read`,
        body: { inputs: chunk.map((id) => ({ id })), properties },
        what: `reading ${chunk.length} ${type}`,
      }),
    );
    if (!read.ok) return read;
    const records: CrmRecord[] = [];
    for (const answer of read.value) {
      for (const raw of answer.body?.results ?? []) {
        const record = toRecord(raw);
        if (record) records.push(record);
      }
    }
    return { ok: true as const, value: records };
  }

  async function writeAssociations(
    from: CrmObjectType,
    to: CrmObjectType,
    inputs: readonly LabelledAssociationInput[],
    action: 'create' | 'labels/archive',
  ): Promise<HubSpotResult<AssociationWriteOutcome>> {
    const written = await allChunks(inputs, ASSOCIATION_WRITE_BATCH, async (chunk, start) => {
      const outcome: AssociationWriteOutcome = { succeeded: [], failed: [] };
      const result = await transport.send<{
        results?: Array<{ fromObjectId?: unknown; toObjectId?: unknown }>;
        errors?: Array<{ message?: string; context?: Record<string, unknown[]> }>;
      }>({
        method: 'POST',
        path: `/crm/v4/associations/${from}/${to}/batch/${action}`,
        body: {
          inputs: chunk.map((input) => ({
            from: { id: input.fromId },
            to: { id: input.toId },
            types: input.types.map((t) => ({ associationCategory: t.category, associationTypeId: t.typeId })),
          })),
        },
        what: `${action === 'create' ? 'labelling' : 'removing labels of'} ${chunk.length} ${from}→${to} associations`,
      });
      if (!result.ok) {
        if (result.error.kind !== 'validation') return result;
        for (let i = 0; i < chunk.length; i++) {
          outcome.failed.push({ index: start + i, message: result.error.message });
        }
        return { ok: true as const, value: outcome };
      }
      const body = result.value.body;
      if (action === 'labels/archive' || !body?.errors?.length) {
        for (let i = 0; i < chunk.length; i++) outcome.succeeded.push(start + i);
        return { ok: true as const, value: outcome };
      }
      const done = new Set((body.results ?? []).map((r) => `${r.fromObjectId}>${r.toObjectId}`));
      chunk.forEach((input, i) => {
        if (done.has(`${input.fromId}>${input.toId}`)) outcome.succeeded.push(start + i);
        else
          outcome.failed.push({
            index: start + i,
            message: String(body.errors?.[0]?.message ?? 'HubSpot did not confirm this association.'),
          });
      });
      return { ok: true as const, value: outcome };
    });
    if (!written.ok) return written;
    return {
      ok: true,
      value: {
        succeeded: written.value.flatMap((o) => o.succeeded),
        failed: written.value.flatMap((o) => o.failed),
      },
    };
  }

  return {
    async listDeals(read) {
      const qs = new URLSearchParams({ limit: '100', archived: 'false' });
      for (const name of read.properties) qs.append('properties', name);
      if (read.after) qs.set('after', read.after);
      const result = await transport.send<{ results?: unknown[]; paging?: { next?: { after?: string } } }>({
        method: 'GET',
        path: '/crm/v3/objects/deals',
        qs,
        what: 'listing deals',
      });
      if (!result.ok) return result;
      const body = result.value.body ?? {};
      const results = (body.results ?? []).map(toRecord).filter((r) => r !== undefined);
      const next = body.paging?.next?.after;
      return { ok: true, value: next ? { results, next } : { results } };
    },

    readDeals: (ids, properties) => readObjects('deals', ids, properties),
    updateDeals: (updates) => batchUpdate(transport, 'deals', updates),

    async listDealPipelines() {
      const result = await transport.send<{
        results?: Array<{
          id: string;
          label: string;
          stages?: Array<{
            id: string;
            label: string;
            displayOrder?: number;
            metadata?: Record<string, string>;
          }>;
        }>;
      }>({ method: 'GET', path: '/crm/v3/pipelines/deals', what: 'reading deal pipelines' });
      if (!result.ok) return result;
      return {
        ok: true,
        value: (result.value.body?.results ?? []).map((p) => ({
          id: String(p.id),
          label: String(p.label),
          stages: (p.stages ?? []).map((s) => ({
            id: String(s.id),
            label: String(s.label),
            displayOrder: Number(s.displayOrder ?? 0),
            isClosed: String(s.metadata?.isClosed) === 'true',
            probability: Number(s.metadata?.probability ?? 0),
          })),
        })),
      };
    },

    async listAssociationLabels(from, to) {
      const result = await transport.send<{ results?: AssociationType[] }>({
        method: 'GET',
        path: `/crm/v4/associations/${from}/${to}/labels`,
        what: `reading ${from}→${to} association labels`,
      });
      if (!result.ok) return result;
      return { ok: true, value: result.value.body?.results ?? [] };
    },

    async createAssociationLabel(from, to, label) {
      const result = await transport.send<{ results?: AssociationType[] }>({
        method: 'POST',
        path: `/crm/v4/associations/${from}/${to}/labels`,
        body: label,
        what: `creating the ${from}→${to} association label "${label.label}"`,
      });
      if (!result.ok) return result;
      return { ok: true, value: result.value.body?.results ?? [] };
    },

    async readLabelLimit(from, to) {
      const qs = new URLSearchParams({ fromObjectTypeId: TYPE_IDS[from], toObjectTypeId: TYPE_IDS[to] });
      // The v3 path first; portals that retired it answer on the date-versioned successor.
      for (const path of ['/crm/v3/limits/associations/labels', '/crm/limits/2026-03/associations/labels']) {
        const result = await transport.send<{
          results?: Array<{
            fromObjectType?: { objectTypeId?: string };
            toObjectType?: { objectTypeId?: string };
            limit?: number;
            usage?: number;
            allLabels?: string[];
          }>;
        }>({ method: 'GET', path, qs, what: 'reading the association label limit' });
        if (!result.ok) {
          if (result.error.kind === 'not_found') continue;
          return result;
        }
        const row =
          result.value.body?.results?.find(
            (r) =>
              r.fromObjectType?.objectTypeId === TYPE_IDS[from] &&
              r.toObjectType?.objectTypeId === TYPE_IDS[to],
          ) ?? result.value.body?.results?.[0];
        if (!row || typeof row.limit !== 'number') return { ok: true, value: undefined };
        return {
          ok: true,
          value: { limit: row.limit, usage: Number(row.usage ?? 0), allLabels: row.allLabels ?? [] },
        };
      }
      return { ok: true, value: undefined };
    },

    async readAssociations(from, to, ids) {
      const found = new Map<string, Association[]>();
      let inputs = [...new Set(ids)].map((id): { id: string; after?: string } => ({ id }));
      for (const { id } of inputs) found.set(id, []);
      while (inputs.length > 0) {
        const next: Array<{ id: string; after: string }> = [];
        const pages = await allChunks(inputs, ASSOCIATION_READ_BATCH, (chunk) =>
          transport.send<AssocBody>({
            method: 'POST',
            path: `/crm/v4/associations/${from}/${to}/batch/read`,
            body: { inputs: chunk },
            what: `reading ${to} of ${chunk.length} ${from}`,
          }),
        );
        if (!pages.ok) return pages;
        // A 207's NO_ASSOCIATIONS_FOUND errors are records without associations: already [].
        for (const item of pages.value.flatMap((page) => page.body?.results ?? [])) {
          const fromId = String(item.from?.id ?? '');
          const list = found.get(fromId) ?? [];
          for (const target of item.to ?? []) {
            list.push({ toId: String(target.toObjectId), types: target.associationTypes ?? [] });
          }
          found.set(fromId, list);
          const after = item.paging?.next?.after;
          if (after && fromId) next.push({ id: fromId, after });
        }
        inputs = next;
      }
      return { ok: true, value: found };
    },

    createAssociations: (from, to, inputs) => writeAssociations(from, to, inputs, 'create'),
    removeAssociationLabels: (from, to, inputs) => writeAssociations(from, to, inputs, 'labels/archive'),

    async readEngagements(type, ids) {
      const read = await readObjects(type, ids, ['hs_timestamp']);
      if (!read.ok) return read;
      const times = new Map<string, number>();
      for (const record of read.value) {
        const at = Date.parse(record.properties.hs_timestamp ?? '');
        if (Number.isFinite(at)) times.set(record.id, at);
      }
      return { ok: true, value: times };
    },
  };
}

const TYPE_IDS: Record<CrmObjectType, string> = {
  contacts: '0-1',
  companies: '0-2',
  deals: '0-3',
  calls: '0-48',
  meetings: '0-47',
  emails: '0-49',
};
