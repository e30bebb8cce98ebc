import { AssociationGraph } from './deals/graph.ts';
import { LABEL_LIMITS, LabelRegistry } from './deals/labels.ts';
import { DEFAULT_PIPELINES, type PipelineDef, stageFacts } from './deals/pipelines.ts';
import { PropertyRegistry } from './property-registry.ts';
import type { ObjectType } from './property-types.ts';
import {
  type CrmRecord,
  type HistoryEntry,
  readHistory,
  readProp,
  type WriteSource,
  writeProps,
} from './record.ts';
import type { WorkflowCallback } from './routes/callbacks.ts';
import { ObjectTable } from './table.ts';
import { checkWrite } from './validate-values.ts';

export const CONTACT_ID_BASE = 1001;
export const COMPANY_ID_BASE = 2_000_000_001;
export const DEAL_ID_BASE = 9_000_000_001;
export const ENGAGEMENT_ID_BASE: Record<'calls' | 'meetings' | 'emails', number> = {
  calls: 40_000_000_001,
  meetings: 50_000_000_001,
  emails: 60_000_000_001,
};

/** One change to a record, as webhooks report it. */
export interface StoreChange {
  kind: 'creation' | 'propertyChange' | 'deletion' | 'associationChange';
  type: ObjectType;
  id: number;
  property?: string;
  value?: string;
  /** associationChange: the other record, and whether the association (or a label of it) was removed. */
  toType?: ObjectType;
  toId?: number;
  removed?: boolean;
  typeIds?: number[];
  source: WriteSource;
  at: number;
}

/** A record as tests see it: a copy, with string values like the API sends. */
export interface StoredObject {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  /** Contacts: primary company first, then other associated companies. */
  companyIds: string[];
}

/** All data of one sandbox portal: records, property definitions, associations. Pure memory, no I/O. */
export class SandboxStore {
  readonly contacts = new ObjectTable('contacts', CONTACT_ID_BASE);
  readonly companies = new ObjectTable('companies', COMPANY_ID_BASE);
  readonly deals = new ObjectTable('deals', DEAL_ID_BASE);
  readonly calls = new ObjectTable('calls', ENGAGEMENT_ID_BASE.calls);
  readonly meetings = new ObjectTable('meetings', ENGAGEMENT_ID_BASE.meetings);
  readonly emails = new ObjectTable('emails', ENGAGEMENT_ID_BASE.emails);
  readonly registry = new PropertyRegistry();
  /** Association labels and their per-pair limit (default: the Professional tier's). */
  readonly labels = new LabelRegistry(LABEL_LIMITS.pro);
  /** Deal ↔ contact/company/engagement and company ↔ company associations (contact ↔ company live on contacts). */
  readonly graph = new AssociationGraph(this.labels.inverseOf);
  readonly pipelines: PipelineDef[] = DEFAULT_PIPELINES;
  private companyContacts: Map<number, number[]> | undefined;
  /** Workflow-action completions received through the callbacks API. */
  readonly workflowCallbacks: WorkflowCallback[] = [];
  /** Told about every change after seeding (the webhook dispatcher listens here). */
  onChange: ((change: StoreChange) => void) | undefined;

  constructor(
    readonly portalId: number,
    readonly appId: number,
  ) {}

  table(type: ObjectType): ObjectTable {
    return this[type];
  }

  /** Applies validated values, keeps indexes right, and returns whether anything changed. */
  write(
    type: ObjectType,
    record: CrmRecord,
    values: Record<string, string>,
    source: WriteSource,
    at: number,
  ): boolean {
    const before: Record<string, string | undefined> = {};
    for (const name of Object.keys(values)) before[name] = record.props[name];
    const changed = writeProps(record, values, source, at);
    if (changed && type === 'deals' && 'dealstage' in values) {
      Object.assign(record.props, stageFacts(this.pipelines, record.props.dealstage ?? ''));
    }
    if (changed) {
      this.table(type).reindex(record, before);
      if (this.onChange) {
        for (const [name, value] of Object.entries(values)) {
          if ((before[name] ?? '') !== value) {
            this.onChange({ kind: 'propertyChange', type, id: record.id, property: name, value, source, at });
          }
        }
      }
    }
    return changed;
  }

  /** Reports a creation or deletion to the change listener (webhooks). */
  emit(change: StoreChange): void {
    this.onChange?.(change);
  }

  /** Contact ids associated with a company (primary or not), from a lazily built reverse index. */
  contactsOfCompany(companyId: number): number[] {
    if (!this.companyContacts) {
      const index = new Map<number, number[]>();
      for (const contact of this.contacts.records) {
        if (contact.archivedAt) continue;
        for (const companyId2 of companyIdsOf(contact)) {
          const list = index.get(companyId2);
          if (list) list.push(contact.id);
          else index.set(companyId2, [contact.id]);
        }
      }
      this.companyContacts = index;
    }
    return this.companyContacts.get(companyId) ?? [];
  }

  /**
   * Adds association types (from → to direction) between two records and tells the listener: one change
   * per side, as HubSpot sends `deal.associationChange` and `contact.associationChange` for one link.
   */
  link(
    from: ObjectType,
    fromId: number,
    to: ObjectType,
    toId: number,
    typeIds: number[],
    at = Date.now(),
    source: WriteSource = { sourceType: 'INTEGRATION' },
  ): boolean {
    const before = this.graph.types(from, fromId, to, toId);
    const changed = this.graph.link(from, fromId, to, toId, typeIds);
    const added = typeIds.filter((t) => !before?.includes(t));
    if (changed) this.emitAssociation(from, fromId, to, toId, added, false, source, at);
    return changed;
  }

  /** Removes some association types (labels), or the whole association when typeIds is left out. */
  unlink(
    from: ObjectType,
    fromId: number,
    to: ObjectType,
    toId: number,
    typeIds?: number[],
    at = Date.now(),
    source: WriteSource = { sourceType: 'INTEGRATION' },
  ): boolean {
    const before = this.graph.types(from, fromId, to, toId) ?? [];
    const changed = this.graph.unlink(from, fromId, to, toId, typeIds);
    const after = this.graph.types(from, fromId, to, toId) ?? [];
    const removed = before.filter((t) => !after.includes(t));
    if (changed) this.emitAssociation(from, fromId, to, toId, removed, true, source, at);
    return changed;
  }

  private emitAssociation(
    from: ObjectType,
    fromId: number,
    to: ObjectType,
    toId: number,
    typeIds: number[],
    removed: boolean,
    source: WriteSource,
    at: number,
  ): void {
    if (!this.onChange) return;
    const inverse = typeIds.map((t) => this.labels.inverseOf(t)).filter((t): t is number => t !== undefined);
    const sides: [ObjectType, number, ObjectType, number, number[]][] = [
      [from, fromId, to, toId, typeIds],
      [to, toId, from, fromId, inverse],
    ];
    for (const [type, id, otherType, otherId, types] of sides) {
      this.emit({
        kind: 'associationChange',
        type,
        id,
        toType: otherType,
        toId: otherId,
        removed,
        typeIds: types,
        source,
        at,
      });
    }
  }

  /** Call after any association change or contact archive. */
  associationsChanged(): void {
    this.companyContacts = undefined;
  }

  associate(contact: CrmRecord, companyId: number, primary: boolean): void {
    const others = (contact.links ?? []).filter((id) => id !== companyId);
    if (primary) {
      if (contact.company > 0 && contact.company !== companyId) others.push(contact.company);
      contact.company = companyId;
    } else if (contact.company !== companyId) {
      others.push(companyId);
    }
    contact.links = others.length > 0 ? others : undefined;
    this.associationsChanged();
  }

  dissociate(contact: CrmRecord, companyId: number): void {
    if (contact.company === companyId) contact.company = 0;
    const others = (contact.links ?? []).filter((id) => id !== companyId);
    contact.links = others.length > 0 ? others : undefined;
    this.associationsChanged();
  }

  view(type: ObjectType, id: string | number): StoredObject | undefined {
    const record = this.table(type).get(id);
    if (!record) return undefined;
    const properties: Record<string, string> = {};
    for (const name of this.registry.defs(type).keys()) {
      const value = readProp(type, record, name);
      if (value !== undefined) properties[name] = value;
    }
    for (const [name, value] of Object.entries(record.props)) if (value !== '') properties[name] = value;
    return {
      id: String(record.id),
      properties,
      createdAt: new Date(record.createdAt).toISOString(),
      updatedAt: new Date(record.updatedAt).toISOString(),
      archived: record.archivedAt > 0,
      companyIds: companyIdsOf(record).map(String),
    };
  }

  getContact(id: string | number): StoredObject | undefined {
    return this.view('contacts', id);
  }

  getCompany(id: string | number): StoredObject | undefined {
    return this.view('companies', id);
  }

  history(type: ObjectType, id: string | number, property: string): HistoryEntry[] {
    const record = this.table(type).get(id);
    return record ? readHistory(type, record, property).map((e) => ({ ...e })) : [];
  }

  /** Test helper: validated write with an explicit source; throws on a bad id or value (a test bug). */
  setProperties(
    type: ObjectType,
    id: string | number,
    properties: Record<string, string>,
    source: WriteSource,
  ): void {
    const record = this.table(type).get(id);
    if (!record) throw new Error(`No ${type} record with id ${id} in the sandbox.`);
    const check = checkWrite(this.registry.defs(type), properties, record.props);
    if (!check.ok) throw new Error(`Invalid values: ${check.problems.map((p) => p.message).join('; ')}`);
    this.write(type, record, check.values, source, Date.now());
  }

  setContactProperties(id: string | number, properties: Record<string, string>, source: WriteSource): void {
    this.setProperties('contacts', id, properties, source);
  }

  setCompanyProperties(id: string | number, properties: Record<string, string>, source: WriteSource): void {
    this.setProperties('companies', id, properties, source);
  }

  count(type: ObjectType): number {
    return this.table(type).size;
  }
}

export function companyIdsOf(contact: CrmRecord): number[] {
  const ids = contact.company > 0 ? [contact.company] : [];
  return contact.links ? ids.concat(contact.links) : ids;
}
