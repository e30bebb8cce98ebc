import type { Db } from './db.ts';

/** Advisory-lock namespace: one lock per portal's budget. */
const BUDGET_LOCK = 7_104_000_000_000;

export interface RateBudget {
  /**
   * Takes one request from the portal's rolling window, shared by every instance on the database.
   * Returns 0 when granted, else how many ms to wait before asking again.
   */
  tryTake(portalId: number): Promise<number>;
  /** Waits until a request is granted. */
  take(portalId: number): Promise<void>;
}

export interface RateBudgetOptions {
  /** Requests per window (HubSpot: 110 per 10 s for OAuth apps per portal, 100/190 for private apps). */
  limit: number;
  windowMs?: number;
  /** Added to the window: a granted request reaches HubSpot a little later than it was granted. */
  marginMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A per-portal rolling window in the database: three instances together send no more than one portal's
 * limit. Times come from the database clock, so instances with skewed clocks still agree.
 */
export function rateBudget(db: Db, options: RateBudgetOptions): RateBudget {
  const window = (options.windowMs ?? 10_000) + (options.marginMs ?? 1_000);
  const budget: RateBudget = {
    tryTake: (portalId) =>
      db.tx(async (q) => {
        const [clock] = await q.query<{ now: number }>(`SELECT ${db.dialect.nowMs} AS now`);
        const now = Number(clock?.now);
        await q.run('DELETE FROM rate_grants WHERE portal_id = $1 AND at <= $2', [portalId, now - window]);
        const [used] = await q.query<{ n: number; oldest: number | null }>(
          'SELECT COUNT(*) AS n, MIN(at) AS oldest FROM rate_grants WHERE portal_id = $1',
          [portalId],
        );
        if (Number(used?.n ?? 0) < options.limit) {
          await q.run('INSERT INTO rate_grants (portal_id, at) VALUES ($1, $2)', [portalId, now]);
          return 0;
        }
        return Math.max(1, Number(used?.oldest ?? now) + window - now + 1);
      }, BUDGET_LOCK + portalId),
    async take(portalId) {
      for (;;) {
        const wait = await budget.tryTake(portalId);
        if (wait === 0) return;
        await sleep(wait + Math.random() * 50);
      }
    },
  };
  return budget;
}
