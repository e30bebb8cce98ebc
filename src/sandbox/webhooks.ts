import { createHash } from 'node:crypto';
import type { StoreChange } from './store.ts';
import {
  buildEvents,
  DEFAULT_SUBSCRIPTIONS,
  matches,
  signV3,
  type WebhookSubscription,
} from './webhook-events.ts';

export { DEFAULT_SUBSCRIPTIONS, signV3, type WebhookSubscription };

/** Where and how the sandbox delivers webhook events (hubspot-api.md §9, hubspot-platform.md §3 and §7). */
export interface WebhookSettings {
  targetUrl: string;
  clientSecret: string;
  /** Default: contact creation, `jobtitle` and `lifecyclestage` changes, as in rolecall's webhooks-hsmeta.json. */
  subscriptions?: WebhookSubscription[];
  /** Events gathered this long go out in one request of at most 100 events. Default 50 ms. */
  batchWindowMs?: number;
  /** Default 10 parallel requests. */
  maxConcurrentRequests?: number;
  /** HubSpot retries 10 times over 24 h; the sandbox defaults to 10 retries after 1 s × 2^(n-1). */
  maxRetries?: number;
  retryDelayMs?: (retry: number) => number;
  /** A delivery that takes longer counts as failed. Default 5,000 ms. */
  timeoutMs?: number;
}

export interface WebhookDelivery {
  at: number;
  attemptNumber: number;
  events: number;
  /** HTTP status, or 0 for a network error or timeout. */
  status: number;
}

/** Turns store changes into signed, batched, retried webhook deliveries. */
export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = [];
  private settings: WebhookSettings | undefined;
  private queue: Record<string, unknown>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pending = new Set<Promise<void>>();
  private inFlight = 0;
  private nextEventId: number;
  private sleepers = new Set<() => void>();

  constructor(
    private readonly portalId: number,
    private readonly appId: number,
    seed: number,
    /** HUBSPOT_DEFINED or USER_DEFINED, for association events. */
    private readonly categoryOf: (typeId: number) => string = () => 'HUBSPOT_DEFINED',
  ) {
    this.nextEventId = 1_000_000 + seed * 1000;
  }

  /** Starts (or, with undefined, stops) deliveries; events before this are not sent. */
  configure(settings: WebhookSettings | undefined): void {
    this.settings = settings;
  }

  /**
   * The app's own lifecycle in this portal (an admin uninstalled or installed it): one `APP_LIFECYCLE_EVENT`
   * with its action, delivered like any event to the configured target.
   */
  appLifecycle(action: 'APP_INSTALL' | 'APP_UNINSTALL'): void {
    const settings = this.settings;
    if (!settings) return;
    this.queue.push({
      eventId: this.nextEventId++,
      portalId: this.portalId,
      appId: this.appId,
      occurredAt: Date.now(),
      subscriptionType: 'APP_LIFECYCLE_EVENT',
      action,
      attemptNumber: 0,
    });
    if (!this.timer) this.timer = setTimeout(() => this.drain(), settings.batchWindowMs ?? 50);
  }

  onChange(change: StoreChange): void {
    const settings = this.settings;
    if (!settings) return;
    const subscriptions = settings.subscriptions ?? DEFAULT_SUBSCRIPTIONS;
    for (const [index, sub] of subscriptions.entries()) {
      if (sub.active === false || !matches(sub, change)) continue;
      const events = buildEvents(
        sub,
        index,
        change,
        { portalId: this.portalId, appId: this.appId, nextEventId: () => this.nextEventId++ },
        this.categoryOf,
      );
      this.queue.push(...events);
    }
    if (this.queue.length > 0 && !this.timer) {
      this.timer = setTimeout(() => this.drain(), settings.batchWindowMs ?? 50);
    }
  }

  private drain(): void {
    this.timer = undefined;
    const settings = this.settings;
    while (settings && this.queue.length > 0 && this.inFlight < (settings.maxConcurrentRequests ?? 10)) {
      this.track(this.send(settings, this.queue.splice(0, 100), 0));
    }
    if (this.queue.length > 0 && !this.timer) this.timer = setTimeout(() => this.drain(), 10);
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private async send(
    settings: WebhookSettings,
    events: Record<string, unknown>[],
    attempt: number,
  ): Promise<void> {
    this.inFlight += 1;
    const body = JSON.stringify(events.map((e) => ({ ...e, attemptNumber: attempt })));
    const timestamp = Date.now();
    let status = 0;
    try {
      const response = await fetch(settings.targetUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-HubSpot-Signature-v3': signV3(
            settings.clientSecret,
            'POST',
            settings.targetUrl,
            body,
            timestamp,
          ),
          'X-HubSpot-Request-Timestamp': String(timestamp),
          'X-HubSpot-Signature': createHash('sha256').update(`${settings.clientSecret}${body}`).digest('hex'),
          'X-HubSpot-Signature-Version': 'v1',
        },
        body,
        signal: AbortSignal.timeout(settings.timeoutMs ?? 5000),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      status = 0; // refused, reset or timed out
    } finally {
      this.inFlight -= 1;
    }
    this.deliveries.push({ at: timestamp, attemptNumber: attempt, events: events.length, status });
    const ok = status >= 200 && status < 300;
    if (!ok && attempt < (settings.maxRetries ?? 10) && this.settings) {
      const delay = settings.retryDelayMs?.(attempt + 1) ?? 1000 * 2 ** attempt;
      await this.sleep(delay);
      if (this.settings) await this.send(settings, events, attempt + 1);
    }
    if (this.queue.length > 0 && !this.timer) this.drain();
  }

  /** A wait that close() can cut short. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  /** Sends what is queued now and waits for every delivery, retries included. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.drain();
    while (this.pending.size > 0 || this.queue.length > 0) {
      await Promise.all([...this.pending]);
      if (this.queue.length > 0) this.drain();
    }
  }

  /** Stops new deliveries (pending retries give up) and waits for requests on the wire. */
  async close(): Promise<void> {
    this.settings = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.queue = [];
    for (const wake of [...this.sleepers]) wake();
    await Promise.allSettled([...this.pending]);
  }
}
