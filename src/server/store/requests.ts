import type { Db } from './db.ts';

/** How long an answered request is remembered: far past the v3 window (5 min) and HubSpot's retries (days). */
export const REQUEST_MEMORY_MS = 30 * 24 * 60 * 60 * 1000;

export interface StoredAnswer {
  status: number;
  body: string;
}

/** Answered workflow-action requests, so a replay is answered from here instead of being done again. */
export interface RequestLedger {
  /** The stored answer of the first of `keys` seen before, or null. */
  find(keys: readonly string[]): Promise<StoredAnswer | null>;
  /** Remembers the answer under every key (the first answer under a key stays). */
  remember(keys: readonly string[], answer: StoredAnswer): Promise<void>;
  /** Answered requests still remembered (a counter that survives restarts until pruned). */
  count(): Promise<number>;
  prune(olderThanMs?: number): Promise<void>;
}

export function requestLedger(db: Db, clock: () => number = Date.now): RequestLedger {
  return {
    async find(keys) {
      for (const key of keys) {
        const [row] = await db.query<{ status: number; body: string }>(
          'SELECT status, body FROM accepted_requests WHERE request_key = $1',
          [key],
        );
        if (row) return { status: Number(row.status), body: row.body };
      }
      return null;
    },
    async remember(keys, answer) {
      for (const key of keys) {
        await db.run(
          `INSERT INTO accepted_requests (request_key, received_at, status, body) VALUES ($1, $2, $3, $4)
           ON CONFLICT (request_key) DO NOTHING`,
          [key, clock(), answer.status, answer.body],
        );
      }
    },
    async count() {
      const [row] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM accepted_requests');
      return Number(row?.n ?? 0);
    },
    async prune(olderThanMs = REQUEST_MEMORY_MS) {
      await db.run('DELETE FROM accepted_requests WHERE received_at < $1', [clock() - olderThanMs]);
    },
  };
}
