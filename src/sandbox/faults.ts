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
  /** 0..1 share of requests that start a burst: that request and the next BURST_LENGTH - 1 get 429. */
  burst429Rate: number;
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
  burst429Rate: 0,
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
/** Requests answered 429 in a row once a random burst starts (`burst429=` in `--faults`). */
export const BURST_LENGTH = 5;

/** The `--faults` spelling of each setting: a share 0..1, or (latency) milliseconds. */
const FAULT_NAMES = {
  '5xx': 'errorRate',
  reset: 'resetRate',
  burst429: 'burst429Rate',
  locked: 'lockedRate',
  badgateway: 'noContentTypeRate',
  latency: 'latencyMs',
} as const satisfies Record<string, keyof FaultSettings>;

export const FAULTS_HELP =
  'comma-separated name=value: 5xx=0.15 (share answered 500/502/503/504), reset=0.02 (connections dropped), ' +
  `burst429=0.01 (share starting ${BURST_LENGTH} × 429 in a row), locked=0.01 (423 on writes), ` +
  'badgateway=0.01 (502 without Content-Type), latency=30ms (added to every answer)';

/**
 * Reads `--faults 5xx=0.15,reset=0.02,latency=30ms,burst429=0.01`; the sandbox seed makes the sequence of
 * faults repeatable. Throws an Error naming the fix for anything else.
 */
export function parseFaults(text: string): Partial<FaultSettings> {
  const settings: Partial<FaultSettings> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name = '', raw = ''] = part.split('=').map((p) => p.trim());
    const key = FAULT_NAMES[name.toLowerCase() as keyof typeof FAULT_NAMES];
    if (!key) {
      throw new Error(`--faults: unknown fault "${name}"; use ${Object.keys(FAULT_NAMES).join(', ')}.`);
    }
    if (key === 'latencyMs') {
      const match = /^(\d+)(ms)?$/.exec(raw);
      if (!match) throw new Error(`--faults: latency=${raw} must be milliseconds, e.g. latency=30ms.`);
      settings.latencyMs = Number(match[1]);
      continue;
    }
    const share = Number(raw);
    if (raw === '' || !Number.isFinite(share) || share < 0 || share > 1) {
      throw new Error(`--faults: ${name}=${raw} must be a share from 0 to 1, e.g. ${name}=0.05.`);
    }
    settings[key] = share;
  }
  return settings;
}

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
    if (s.burst429Rate > 0 && this.rng() < s.burst429Rate) s.burst429 += BURST_LENGTH;
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
