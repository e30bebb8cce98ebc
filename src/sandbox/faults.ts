import { mixSeed, mulberry32, type Rng } from './prng.ts';

/** Injected failures, mutable while the sandbox runs. */
export interface FaultSettings {
  /** Added to every response. */
  latencyMs: number;
  /** 0..1 share of requests answered 5xx (deterministic PRNG from the seed). */
  errorRate: number;
  /** 0..1 share of connections destroyed without a response. */
  resetRate: number;
  /** The next N requests get 429 (with Retry-After) regardless of budget. */
  burst429: number;
  /** 0..1 share of write requests answered 423 Locked (HubSpot under heavy upserts: wait ≥ 2 s). */
  lockedRate: number;
  /** The next N requests get 429 with policy DAILY (the SDK never retries these). */
  burstDaily: number;
  /** 0..1 share of requests answered 502 with a body but no Content-Type (the SDK cannot parse those). */
  noContentTypeRate: number;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  resetRate: 0,
  burst429: 0,
  lockedRate: 0,
  burstDaily: 0,
  noContentTypeRate: 0,
};

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'reset' }
  | { kind: 'error'; status: number }
  | { kind: 'burst' }
  | { kind: 'daily' }
  | { kind: 'locked' }
  | { kind: 'noContentType' };

const SERVER_ERRORS = [500, 502, 503, 504];

/** Decides per request which fault (if any) applies; draws from its own seeded stream. */
export class FaultInjector {
  private readonly rng: Rng;

  constructor(
    readonly settings: FaultSettings,
    seed: number,
  ) {
    this.rng = mulberry32(mixSeed(seed, 0xfa17));
  }

  next(write: boolean): FaultAction {
    const s = this.settings;
    if (s.resetRate > 0 && this.rng() < s.resetRate) return { kind: 'reset' };
    if (s.burst429 > 0) {
      s.burst429 -= 1;
      return { kind: 'burst' };
    }
    if (s.burstDaily > 0) {
      s.burstDaily -= 1;
      return { kind: 'daily' };
    }
    if (write && s.lockedRate > 0 && this.rng() < s.lockedRate) return { kind: 'locked' };
    if (s.noContentTypeRate > 0 && this.rng() < s.noContentTypeRate) return { kind: 'noContentType' };
    if (s.errorRate > 0 && this.rng() < s.errorRate) {
      return {
        kind: 'error',
        status: SERVER_ERRORS[Math.floor(this.rng() * SERVER_ERRORS.length)] as number,
      };
    }
    return { kind: 'none' };
  }
}
