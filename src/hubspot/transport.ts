import type { Client } from '@hubspot/api-client';
import { type Clock, sleep, systemClock } from '../clock.ts';
import { type HubSpotError, type HubSpotResult, networkError, translateHubSpotError } from './errors.ts';
import { RateLimiter } from './rate-limiter.ts';

export interface HubSpotRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  qs?: URLSearchParams;
  body?: unknown;
  /** Search has its own per-second limit and sends no rate headers. */
  search?: boolean;
  /** What rolecall is doing, for error messages ("reading contacts"). */
  what: string;
  /**
   * `return`: after a timeout, hand the error back instead of sending again. For writes whose answer may
   * be lost after HubSpot applied them: the caller re-reads before it writes again.
   */
  onTimeout?: 'retry' | 'return';
  /**
   * Asked right before each attempt leaves, after every budget wait: false keeps the request unsent and
   * fails it with `fenced` (e.g. a queue lease this write belongs to was lost to another process).
   */
  fence?: () => Promise<boolean>;
}

export interface TransportOptions {
  /** Burst ceiling assumed until HubSpot's headers say otherwise (private apps: 100 or 190 per 10 s). */
  maxPerInterval?: number;
  intervalMs?: number;
  concurrency?: number;
  headroom?: number;
  searchPerSecond?: number;
  /** Attempts for 5xx, 423 and network failures. */
  maxAttempts?: number;
  /** Attempts for 429s: each one waits as HubSpot asks, so a storm slows the run but loses nothing. */
  maxRateLimitAttempts?: number;
  baseBackoffMs?: number;
  /** Per-request wait for an answer (default 30 s). */
  timeoutMs?: number;
  /** Attempts when the server does not answer in time (default 3): a silent server fails in bounded time. */
  maxTimeoutAttempts?: number;
  /** Told before each retry after a failure (not for 429 waits), e.g. to print a line for people. */
  onRetry?: (message: string) => void;
  random?: () => number;
  /** Time for the rate windows and the back-off between retries (default: the system clock). */
  clock?: Clock;
  /**
   * A budget shared beyond this process (e.g. one portal's rate window in the server's database), taken
   * before every non-search request, retries included.
   */
  sharedBudget?: () => Promise<void>;
  /** The current access token (OAuth: refreshed before it expires); throw to fail the request as `auth`. */
  currentToken?: () => Promise<string>;
}

export interface TransportMetrics {
  requests: number;
  retries: number;
  rateLimited: number;
  rateLimitWaits: number;
  rateLimitWaitedMs: number;
  failures: number;
  /** Requests the server did not answer in time (their sockets may still be open). */
  timeouts: number;
  /** Batches read back after a write's answer was lost, so only what had not landed was sent again. */
  rereads: number;
}

export interface Transport {
  send<T>(request: HubSpotRequest): Promise<HubSpotResult<{ status: number; body: T }>>;
  metrics(): TransportMetrics;
  /** Counts one read-back of a batch whose write answer was lost. */
  noteReread(): void;
  readonly limiter: RateLimiter;
}

/** All of rolecall's HTTP to HubSpot: throttled, retried with backoff and jitter, errors translated once. */
export function createTransport(client: Client, baseUrl: string, options: TransportOptions = {}): Transport {
  const clock = options.clock ?? systemClock;
  const limiter = new RateLimiter({
    max: options.maxPerInterval ?? 100,
    intervalMs: options.intervalMs ?? 10_000,
    concurrency: options.concurrency ?? 8,
    headroom: options.headroom ?? 1,
    clock,
  });
  const searchLimiter = new RateLimiter({
    max: options.searchPerSecond ?? 4,
    intervalMs: 1000,
    concurrency: 3,
    clock,
  });
  const maxAttempts = options.maxAttempts ?? 6;
  const maxRateLimitAttempts = options.maxRateLimitAttempts ?? 40;
  const baseBackoffMs = options.baseBackoffMs ?? 250;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxTimeoutAttempts = options.maxTimeoutAttempts ?? 3;
  const random = options.random ?? Math.random;
  const counts = { requests: 0, retries: 0, rateLimited: 0, failures: 0, timeouts: 0, rereads: 0 };

  async function attempt<T>(
    request: HubSpotRequest,
  ): Promise<{ ok: true; status: number; body: T } | { ok: false; error: HubSpotError; timedOut?: boolean }> {
    // Search has its own per-second budget and does not count toward the ten-second window.
    const release = await (request.search ? searchLimiter : limiter).acquire();
    if (options.currentToken) {
      try {
        client.setAccessToken(await options.currentToken());
      } catch (cause) {
        release();
        const message = `No usable access token while ${request.what}: ${(cause as Error).message}`;
        return { ok: false, error: { kind: 'auth', status: 401, retryable: false, message } };
      }
    }
    if (options.sharedBudget && !request.search) {
      try {
        await options.sharedBudget();
      } catch (cause) {
        release();
        return { ok: false, error: networkError(cause, request.what, baseUrl) };
      }
    }
    if (request.fence) {
      let allowed = false;
      try {
        allowed = await request.fence();
      } catch {
        allowed = false;
      }
      if (!allowed) {
        release();
        return { ok: false, error: fencedError(request.what) };
      }
    }
    counts.requests += 1;
    try {
      const response = await withTimeout(
        client.apiRequest({
          method: request.method,
          path: request.path,
          ...(request.qs ? { qs: request.qs } : {}),
          ...(request.body === undefined ? {} : { body: request.body }),
        }),
        timeoutMs,
      );
      const max = Number(response.headers.get('x-hubspot-ratelimit-max'));
      const interval = Number(response.headers.get('x-hubspot-ratelimit-interval-milliseconds'));
      limiter.observe(max, interval);
      const text = await response.text();
      const body = parseBody(text);
      if (response.status >= 200 && response.status < 300) {
        if (body === undefined && text.length > 0) {
          return {
            ok: false,
            error: {
              kind: 'server',
              status: response.status,
              retryable: true,
              message: `HubSpot sent an unreadable body while ${request.what}.`,
            },
          };
        }
        return { ok: true, status: response.status, body: body as T };
      }
      const error = translateHubSpotError(
        response.status,
        body,
        request.what,
        response.headers.get('retry-after'),
      );
      return { ok: false, error };
    } catch (cause) {
      if (cause instanceof TimeoutError) {
        counts.timeouts += 1;
        return {
          ok: false,
          timedOut: true,
          error: {
            kind: 'network',
            status: 0,
            retryable: true,
            message: `No answer from ${baseUrl} within ${seconds(timeoutMs)} while ${request.what}. Check the network and --base-url (is it a HubSpot API?).`,
          },
        };
      }
      return { ok: false, error: networkError(cause, request.what, baseUrl) };
    } finally {
      release();
    }
  }

  async function send<T>(request: HubSpotRequest): Promise<HubSpotResult<{ status: number; body: T }>> {
    let failures = 0;
    let timeouts = 0;
    let throttles = 0;
    for (;;) {
      const result = await attempt<T>(request);
      if (result.ok) return { ok: true, value: { status: result.status, body: result.body } };
      const { error } = result;
      if (error.kind === 'rate_limit') {
        counts.rateLimited += 1;
        throttles += 1;
        if (throttles >= maxRateLimitAttempts) return fail(error);
        const window = request.search ? 1000 : limiter.ceiling.intervalMs;
        const waitMs = error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : window;
        (request.search ? searchLimiter : limiter).pause(waitMs + random() * 250);
      } else if (result.timedOut && request.onTimeout === 'return') {
        return fail({ ...error, timedOut: true });
      } else if (error.retryable) {
        failures += 1;
        timeouts += result.timedOut ? 1 : 0;
        if (failures >= maxAttempts) return fail(error);
        if (timeouts >= maxTimeoutAttempts) {
          return fail({
            ...error,
            message: `${error.message.replace(/ Check the network.*$/, '')} Gave up after ${timeouts} tries. Check the network and --base-url (is it a HubSpot API?).`,
          });
        }
        const cap = Math.min(10_000, baseBackoffMs * 2 ** (failures - 1));
        const floor = error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : 0;
        const waitMs = Math.max(floor, cap / 2 + (random() * cap) / 2);
        if (error.kind === 'network')
          options.onRetry?.(
            `${error.message.replace(/ Check the network.*$/, '')} Retrying in ${seconds(waitMs)} (try ${failures + 1} of ${result.timedOut ? maxTimeoutAttempts : maxAttempts})…`,
          );
        await sleep(clock, waitMs);
      } else {
        return fail(error);
      }
      counts.retries += 1;
    }
  }

  function fail(error: HubSpotError): { ok: false; error: HubSpotError } {
    counts.failures += 1;
    return { ok: false, error };
  }

  return {
    send,
    limiter,
    noteReread: () => {
      counts.rereads += 1;
    },
    metrics: () => ({
      ...counts,
      rateLimitWaits: limiter.stats.waits + searchLimiter.stats.waits,
      rateLimitWaitedMs: limiter.stats.waitedMs + searchLimiter.stats.waitedMs,
    }),
  };
}

function fencedError(what: string): HubSpotError {
  return {
    kind: 'conflict',
    status: 0,
    retryable: false,
    fenced: true,
    message: `Not sent: the work ${what} belongs to was handed to another process before it could be sent.`,
  };
}

function parseBody(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

class TimeoutError extends Error {}

const seconds = (ms: number) => `${ms >= 1000 ? Math.round(ms / 1000) : (ms / 1000).toFixed(1)} s`;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
