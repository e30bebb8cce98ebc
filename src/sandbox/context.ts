import type { ObjectType } from './property-types.ts';
import type { CrmRecord, WriteSource } from './record.ts';
import type { SandboxStore } from './store.ts';

/** What every route handler gets besides the request. */
export interface RouteContext {
  store: SandboxStore;
  baseUrl: () => string;
  now: () => number;
  /** How API writes are recorded in history: INTEGRATION with the app id. */
  apiSource: WriteSource;
  /** Called after each API write, so search can lag behind like HubSpot's index. */
  onWrite: (type: ObjectType, id: number, before: Record<string, string> | undefined) => void;
  /** The values search sees for a record (undefined while not yet indexed). */
  searchView: (type: ObjectType, record: CrmRecord) => Record<string, string> | undefined;
}

export interface RouteRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

export const OBJECT_LABEL: Record<ObjectType, string> = {
  contacts: 'CONTACT',
  companies: 'COMPANY',
  deals: 'DEAL',
  calls: 'CALL',
  meetings: 'MEETING',
  emails: 'EMAIL',
};
export const SINGULAR: Record<ObjectType, string> = {
  contacts: 'Contact',
  companies: 'Company',
  deals: 'Deal',
  calls: 'Call',
  meetings: 'Meeting',
  emails: 'Email',
};
