import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../clock.ts';
import type { RouteContext } from './context.ts';
import { FaultInjector, type FaultSettings, NO_FAULTS } from './faults.ts';
import { type PortalRuntime, SandboxOAuth } from './oauth.ts';
import { loadStore, saveStore } from './persist.ts';
import { mixSeed, mulberry32 } from './prng.ts';
import { RateLimiter, type RateLimitSettings } from './rate-limit.ts';
import { RequestLog, type RequestLogEntry } from './request-log.ts';
import { DEFAULT_SCOPES } from './scopes.ts';
import { SearchLag } from './search-lag.ts';
import { seedDealHistory } from './seed/deal-history.ts';
import { type DealSeedOptions, dealCount, seedDeals } from './seed/deals.ts';
import { generate, SEED_USER_ID } from './seed/generate.ts';
import { buildServer } from './server.ts';
import { SandboxStore } from './store.ts';
import { WebhookDispatcher, type WebhookSettings } from './webhooks.ts';

export { LABEL_LIMITS } from './deals/labels.ts';
export { DEFAULT_PIPELINES, type PipelineDef, type StageDef } from './deals/pipelines.ts';
export type { FaultSettings } from './faults.ts';
export { RATE_PRESETS, type RatePreset } from './rate-limit.ts';
export type { HistoryEntry, WriteSource } from './record.ts';
export type { RequestLogEntry } from './request-log.ts';
export { DEFAULT_SCOPES } from './scopes.ts';
export {
  addDeal,
  addEngagement,
  type DealSeedOptions,
  type NewDeal,
  type NewEngagement,
  seedDeals,
  TYPE_IDS,
} from './seed/deals.ts';
export { SEED_USER_ID } from './seed/generate.ts';
export { SandboxStore, type StoredObject } from './store.ts';
export {
  DEFAULT_SUBSCRIPTIONS,
  signV3,
  type WebhookDelivery,
  WebhookDispatcher,
  type WebhookSettings,
  type WebhookSubscription,
} from './webhooks.ts';

/** The sandbox portal's ids: history `sourceId` of API writes is the app id, as at HubSpot. */
export const SANDBOX_PORTAL_ID = 24681357;
export const SANDBOX_APP_ID = 5670736;
/** HubSpot's burst limit for a marketplace (OAuth) app: per installing account (hubspot-api.md §7). */
export const OAUTH_PER_TEN_SECONDS = 110;
export { SandboxOAuth } from './oauth.ts';

export interface SandboxOptions {
  /** Default 0 = a random free port; host 127.0.0.1. */
  port?: number;
  /** Default 1. */
  seed?: number;
  /** Seeded contacts, default 0 (companies scale with contacts unless `companies` is given). */
  contacts?: number;
  companies?: number;
  /** Seeded deals with buying groups and activity; default one per ten contacts. */
  deals?: number;
  /** Further deal-seeding settings (mean contacts per deal, open share, the portal's "today"). */
  dealOptions?: Partial<Omit<DealSeedOptions, 'seed' | 'deals'>>;
  /**
   * A closed-deal history with planted effects (README "Closed-deal history"), added after the seeded data;
   * `shuffleOutcomes` is its control with no effect.
   */
  dealHistory?: { deals: number; now?: string; shuffleOutcomes?: boolean };
  /** Custom association labels allowed per object pair; default 10 (Professional; LABEL_LIMITS has the tiers). */
  labelLimit?: number;
  /** Load a saved dataset instead of generating. */
  dataFile?: string;
  /** Default: one token with every scope rolecall uses. */
  tokens?: { token: string; scopes: string[] }[];
  /** Default { perTenSeconds: 190, daily: 1_000_000 }; false = no limits (search too, unless searchPerSecond is set). */
  rateLimit?: false | RateLimitSettings;
  /** Default 5; 0 = unlimited. */
  searchPerSecond?: number;
  /** Search lags behind writes by this much (HubSpot: a few seconds). Default 0 so tests stay fast. */
  searchLagMs?: number;
  /** Time for rate windows, search lag and the request log (default: the system clock; tests skip waits). */
  clock?: Clock;
  faults?: Partial<FaultSettings>;
  /**
   * Play this many portals (default 1). The first is the one static tokens reach; every portal can install
   * the marketplace app through `oauth`. Portal ids are SANDBOX_PORTAL_ID, +1, +2 …; each is a full portal
   * seeded like the first from its own seed (seed + index): contacts, companies, `deals`, `dealHistory`, and its
   * own webhook deliveries (`webhooks`, `portals[i].webhooks`) whose events carry its portal id.
   */
  portals?: number;
  /** HubSpot's OAuth endpoints for a marketplace app with these credentials. */
  oauth?: { clientId: string; clientSecret: string; accessTokenTtlSeconds?: number };
  /** Deliver webhook events for API and person writes (also settable later with sandbox.webhooks.configure). */
  webhooks?: WebhookSettings;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:54321 (no trailing slash). */
  baseUrl: string;
  /** A valid token with all default scopes (the first configured token). */
  token: string;
  /** Direct access for tests: getContact(id), setContactProperties(id, props, {sourceType}) … */
  store: SandboxStore;
  /** Mutable at run time. */
  faults: FaultSettings;
  /** Bounded: the last 100k requests. */
  requestLog: RequestLogEntry[];
  requestCount(): number;
  /** Simulates a person editing a record in HubSpot's UI: history entries get sourceType CRM_UI. */
  setByPerson(objectType: 'contacts' | 'companies', id: string, properties: Record<string, string>): void;
  /** Every portal the sandbox plays (the first is `store`), each with its own data and webhook deliveries. */
  portals: { portalId: number; store: SandboxStore; webhooks: WebhookDispatcher }[];
  /** The OAuth app state, when `oauth` was given: uninstall(portalId), expireAccessTokens(portalId), installs. */
  oauth?: SandboxOAuth;
  /** The first portal's webhook deliveries: configure(settings), flush(), deliveries[] (`portals[i].webhooks`: each portal's). */
  webhooks: WebhookDispatcher;
  save(file: string): Promise<void>;
  close(): Promise<void>;
}

/** A deterministic private-app-looking token for a seed (never a real one). */
export function defaultToken(seed: number): string {
  const rng = mulberry32(mixSeed(seed, 0x70c));
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rng() * 16).toString(16)).join('');
  return `pat-na1-${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
}

/** One portal's generated data: contacts and companies, deals with their activity, the closed-deal history. */
function seedPortal(store: SandboxStore, seed: number, options: SandboxOptions): void {
  const contacts = options.contacts ?? 0;
  generate(store, { seed, contacts, companies: options.companies });
  seedDeals(store, { ...options.dealOptions, seed, deals: dealCount(contacts, options.deals) });
  if (options.dealHistory) {
    const now =
      options.dealHistory.now ?? new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000).toISOString();
    seedDealHistory(store, { ...options.dealHistory, now, seed });
  }
  if (options.labelLimit !== undefined) store.labels.limit = options.labelLimit;
}

/** Starts a HubSpot-compatible CRM API on 127.0.0.1 (hubspot-api.md §10). */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? 1;
  const store = options.dataFile
    ? await loadStore(options.dataFile)
    : new SandboxStore(SANDBOX_PORTAL_ID, SANDBOX_APP_ID);
  if (!options.dataFile) seedPortal(store, seed, options);
  else if (options.labelLimit !== undefined) store.labels.limit = options.labelLimit;
  const tokens = options.tokens ?? [{ token: defaultToken(seed), scopes: [...DEFAULT_SCOPES] }];
  if (tokens.length === 0)
    throw new Error('startSandbox: give at least one token, or leave `tokens` out for the default.');
  const rate = options.rateLimit === undefined ? { perTenSeconds: 190, daily: 1_000_000 } : options.rateLimit;
  const searchPerSecond = options.searchPerSecond ?? (rate === false ? 0 : 5);
  const faults: FaultSettings = { ...NO_FAULTS, ...options.faults };
  const log = new RequestLog();
  const webhooks = new WebhookDispatcher(store.portalId, store.appId, seed, store.labels.category);
  webhooks.configure(options.webhooks);
  store.onChange = (change) => webhooks.onChange(change);
  const now = (options.clock ?? systemClock).now;
  const lag = new SearchLag(options.searchLagMs ?? 0, now);
  let baseUrl = '';
  let closing: Promise<void> | undefined;
  const ctx: RouteContext = {
    store,
    baseUrl: () => baseUrl,
    now,
    apiSource: { sourceType: 'INTEGRATION', sourceId: String(store.appId) },
    onWrite: (type, id, before) => lag.onWrite(type, id, before),
    searchView: (type, record) => lag.view(type, record, now()),
  };
  const portalCount = Math.max(1, options.portals ?? 1);
  const oauthRate = rate === false ? false : { perTenSeconds: OAUTH_PER_TEN_SECONDS, daily: rate.daily };
  const runtimes: PortalRuntime[] = [
    { portalId: store.portalId, ctx, limiter: new RateLimiter(oauthRate, searchPerSecond) },
  ];
  const dispatchers = [webhooks];
  for (let i = 1; i < portalCount; i += 1) {
    // A full portal of its own: its own seed's contacts, companies, deals and history, and its own webhooks.
    const extra = new SandboxStore(SANDBOX_PORTAL_ID + i, store.appId);
    seedPortal(extra, seed + i, options);
    const extraHooks = new WebhookDispatcher(extra.portalId, extra.appId, seed + i, extra.labels.category);
    extraHooks.configure(options.webhooks);
    extra.onChange = (change) => extraHooks.onChange(change);
    dispatchers.push(extraHooks);
    const extraLag = new SearchLag(options.searchLagMs ?? 0, now);
    runtimes.push({
      portalId: extra.portalId,
      ctx: {
        ...ctx,
        store: extra,
        onWrite: (type, id, before) => extraLag.onWrite(type, id, before),
        searchView: (type, record) => extraLag.view(type, record, now()),
      },
      limiter: new RateLimiter(oauthRate, searchPerSecond),
    });
  }
  const oauth = options.oauth
    ? new SandboxOAuth({ ...options.oauth, appId: store.appId }, runtimes)
    : undefined;
  if (oauth) {
    oauth.onUninstall = (portalId) =>
      dispatchers[runtimes.findIndex((r) => r.portalId === portalId)]?.appLifecycle('APP_UNINSTALL');
  }
  const app = buildServer({
    ...(oauth ? { oauth } : {}),
    ctx,
    tokens: new Map(tokens.map((t) => [t.token, new Set(t.scopes)])),
    limiter: new RateLimiter(rate, searchPerSecond),
    faults: new FaultInjector(faults, seed),
    log,
    appId: store.appId,
  });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    baseUrl,
    token: (tokens[0] as { token: string }).token,
    store,
    faults,
    portals: runtimes.map((r, i) => ({
      portalId: r.portalId,
      store: r.ctx.store,
      webhooks: dispatchers[i] as WebhookDispatcher,
    })),
    ...(oauth ? { oauth } : {}),
    requestLog: log.entries,
    requestCount: () => log.total,
    setByPerson: (objectType, id, properties) =>
      store.setProperties(objectType, id, properties, {
        sourceType: 'CRM_UI',
        sourceId: `userId:${SEED_USER_ID}`,
        updatedByUserId: SEED_USER_ID,
      }),
    webhooks,
    save: (file) => saveStore(store, file),
    // Idempotent: tests may close in afterEach and afterAll.
    close: () => {
      closing ??= Promise.all(dispatchers.map((d) => d.close())).then(() => app.close());
      return closing;
    },
  };
}
