import type { CrmRecord } from '../hubspot/records.ts';

/** The HubSpot calls the server needs, as a small interface the bulk-tagging gateway plugs into. */

/** A failure HubSpot (or the network) gave; `retryable` says whether trying later can help. */
export interface PortFailure {
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
  /** Waiting is certain to help (HubSpot's daily limit): retry later without using up an attempt. */
  defer?: boolean;
}

export type PortResult<T> = { ok: true; value: T } | { ok: false; error: PortFailure };

export interface ContactUpdate {
  id: string;
  properties: Record<string, string>;
}

export interface CrmPort {
  /** Contacts by id with the given properties (and history of `historyProperties`); missing ids are absent. */
  readContacts(
    ids: readonly string[],
    properties: readonly string[],
    historyProperties: readonly string[],
  ): Promise<PortResult<Map<string, CrmRecord>>>;
  /** The primary company of each contact that has one. */
  readPrimaryCompanies(
    contactIds: readonly string[],
    properties: readonly string[],
  ): Promise<PortResult<Map<string, CrmRecord>>>;
  /**
   * Writes up to 100 contacts; returns a failure per id that was not written. `fence` is asked right before
   * each request leaves: false keeps the write unsent (every id fails, deferred).
   */
  updateContacts(
    updates: readonly ContactUpdate[],
    options?: { fence?: () => Promise<boolean> },
  ): Promise<PortResult<Map<string, PortFailure>>>;
  /** Contacts associated with a company (for company size changes); optional. */
  contactIdsOfCompany?(companyId: string): Promise<PortResult<string[]>>;
  /** Times the client-side limiter or a 429 made a call wait. */
  rateLimitWaits?(): number;
}
