import type { Db, Queryable } from './db.ts';

/**
 * What a queued job is about: one contact to tag, a company whose contacts need re-tagging, or a deal
 * whose buying group (labels, deal properties) needs evaluating again.
 */
export type JobKind = 'contact' | 'company' | 'deal';
export type JobState = 'pending' | 'in_flight' | 'done' | 'failed';

export interface Job {
  kind: JobKind;
  objectId: string;
  attempts: number;
}

export interface QueuedEvent {
  eventId: string;
  kind: JobKind;
  objectId: string;
}

export interface QueueCounts {
  pending: number;
  inFlight: number;
  done: number;
  failed: number;
}

/** Jobs of one portal leased to one worker; `portalId` decides whose token and rate budget serve them. */
export interface Claim {
  portalId: number;
  companies: Job[];
  contacts: Job[];
  deals: Job[];
}

export interface JobQueue {
  /** Dedupe (event ids per portal) and queue in one transaction; returns how many events were new. */
  accept(portalId: number, events: readonly QueuedEvent[]): Promise<number>;
  enqueue(portalId: number, kind: JobKind, objectIds: readonly string[]): Promise<void>;
  /**
   * Leases due jobs of the connected portal that has waited longest (fair across portals), skipping rows
   * another instance holds. Null when no connected portal has work.
   */
  claim(
    owner: string,
    options: { contacts: number; companies: number; deals?: number; leaseMs: number },
  ): Promise<Claim | null>;
  /**
   * Keeps a lease alive while a batch is still being worked on; returns the jobs still held (0: all were
   * taken over after the lease ran out). `owner` is the claim's lease token, unique per claim.
   */
  extend(owner: string, portalId: number, leaseMs: number): Promise<number>;
  /**
   * The write fence: in one statement, checks that `owner` still holds every one of these jobs with an
   * unexpired lease and extends it by `leaseMs`. Returns how many it holds; fewer than asked means another
   * process may already be working on the rest, so the write must not be sent.
   */
  hold(
    owner: string,
    portalId: number,
    kind: JobKind,
    objectIds: readonly string[],
    leaseMs: number,
  ): Promise<number>;
  /** Done, or pending again when an event arrived while it ran. Only the lease holder may complete. */
  complete(
    owner: string,
    portalId: number,
    kind: JobKind,
    objectIds: readonly string[],
    q?: Queryable,
  ): Promise<number>;
  /** Another attempt after `delayMs`, or `failed` once attempts reach `maxAttempts`. */
  retry(
    owner: string,
    portalId: number,
    kind: JobKind,
    objectId: string,
    error: string,
    delayMs: number,
    maxAttempts: number,
  ): Promise<JobState | null>;
  /** Milliseconds until the next pending job is due (any portal), or null. */
  nextDueInMs(): Promise<number | null>;
  counts(portalId?: number): Promise<QueueCounts>;
  /** Forgets event ids past HubSpot's retry horizon (24 h, with a margin) and long-finished jobs. */
  prune(olderThanMs?: number): Promise<void>;
}

const READY = `((state = 'pending' AND available_at <= $2) OR (state = 'in_flight' AND lease_until < $2))`;

/** Rows per multi-row statement: one round trip for a whole webhook delivery (HubSpot sends ≤ 100 events). */
const ROWS = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS) out.push(items.slice(i, i + ROWS));
  return out;
}

/** Queues each (kind, object) once: a new row, a finished job made pending, or an in-flight one marked to run again. */
async function enqueueIn(
  q: Queryable,
  portalId: number,
  jobs: readonly { kind: JobKind; objectId: string }[],
  now: number,
) {
  const unique = [...new Map(jobs.map((j) => [`${j.kind}\u0000${j.objectId}`, j])).values()];
  for (const chunk of chunks(unique)) {
    const values = chunk.map((_, i) => `($1, $${i * 2 + 3}, $${i * 2 + 4}, 'pending', 0, $2, $2)`);
    await q.run(
      `INSERT INTO jobs (portal_id, kind, object_id, state, attempts, available_at, updated_at)
       VALUES ${values.join(', ')}
       ON CONFLICT (portal_id, kind, object_id) DO UPDATE SET
         requeue = CASE WHEN jobs.state = 'in_flight' THEN 1 ELSE jobs.requeue END,
         attempts = CASE WHEN jobs.state IN ('done', 'failed') THEN 0 ELSE jobs.attempts END,
         available_at = CASE WHEN jobs.state IN ('done', 'failed') THEN excluded.available_at ELSE jobs.available_at END,
         state = CASE WHEN jobs.state IN ('done', 'failed') THEN 'pending' ELSE jobs.state END,
         updated_at = excluded.updated_at`,
      [portalId, now, ...chunk.flatMap((j) => [j.kind, j.objectId])],
    );
  }
}

/**
 * The durable webhook queue: one row per portal and object, so a burst of events about one contact costs
 * one classification; a job that gets a new event while in flight runs once more afterwards.
 */
export function jobQueue(db: Db, clock: () => number = Date.now): JobQueue {
  const { skipLocked } = db.dialect;
  return {
    accept: (portalId, events) =>
      db.tx(async (q) => {
        const now = clock();
        const fresh: QueuedEvent[] = [];
        for (const chunk of chunks([...new Map(events.map((e) => [e.eventId, e])).values()])) {
          const values = chunk.map((_, i) => `($1, $${i + 3}, $2)`);
          const inserted = await q.query<{ event_id: string }>(
            `INSERT INTO seen_events (portal_id, event_id, received_at) VALUES ${values.join(', ')}
             ON CONFLICT (portal_id, event_id) DO NOTHING RETURNING event_id`,
            [portalId, now, ...chunk.map((e) => e.eventId)],
          );
          const isNew = new Set(inserted.map((r) => String(r.event_id)));
          fresh.push(...chunk.filter((e) => isNew.has(String(e.eventId))));
        }
        await enqueueIn(q, portalId, fresh, now);
        return fresh.length;
      }),

    enqueue: (portalId, kind, objectIds) =>
      db.tx(async (q) => {
        await enqueueIn(
          q,
          portalId,
          objectIds.map((objectId) => ({ kind, objectId })),
          clock(),
        );
      }),

    claim: (owner, options) =>
      db.tx(async (q) => {
        const now = clock();
        const [portal] = await q.query<{ portal_id: number }>(
          `SELECT portal_id FROM portals p WHERE p.status = 'connected'
             AND EXISTS (SELECT 1 FROM jobs WHERE jobs.portal_id = p.portal_id AND ${READY.replaceAll('$2', '$1')})
           ORDER BY p.last_served_at, p.portal_id LIMIT 1 ${skipLocked}`,
          [now],
        );
        if (!portal) return null;
        const portalId = Number(portal.portal_id);
        await q.run('UPDATE portals SET last_served_at = $2 WHERE portal_id = $1', [portalId, now]);
        const take = async (kind: JobKind, limit: number): Promise<Job[]> => {
          if (limit <= 0) return [];
          const rows = await q.query<{ object_id: string; attempts: number }>(
            `SELECT object_id, attempts FROM jobs WHERE portal_id = $1 AND kind = $3 AND ${READY}
             ORDER BY available_at LIMIT $4 ${skipLocked}`,
            [portalId, now, kind, limit],
          );
          for (const row of rows) {
            await q.run(
              `UPDATE jobs SET state = 'in_flight', lease_until = $4, lease_owner = $5, requeue = 0, updated_at = $2
               WHERE portal_id = $1 AND kind = $3 AND object_id = $6`,
              [portalId, now, kind, now + options.leaseMs, owner, row.object_id],
            );
          }
          return rows.map((r) => ({ kind, objectId: r.object_id, attempts: Number(r.attempts) }));
        };
        const companies = await take('company', options.companies);
        const contacts = await take('contact', options.contacts);
        const deals = await take('deal', options.deals ?? 0);
        return { portalId, companies, contacts, deals };
      }),

    extend(owner, portalId, leaseMs) {
      const now = clock();
      return db.run(
        `UPDATE jobs SET lease_until = $3 WHERE portal_id = $1 AND lease_owner = $2 AND state = 'in_flight'`,
        [portalId, owner, now + leaseMs],
      );
    },

    async hold(owner, portalId, kind, objectIds, leaseMs) {
      if (objectIds.length === 0) return 0;
      const now = clock();
      const ids = objectIds.map((_, i) => `$${i + 6}`).join(', ');
      return db.run(
        `UPDATE jobs SET lease_until = $4 WHERE portal_id = $1 AND kind = $2 AND lease_owner = $3
           AND state = 'in_flight' AND lease_until > $5 AND object_id IN (${ids})`,
        [portalId, kind, owner, now + leaseMs, now, ...objectIds],
      );
    },

    async complete(owner, portalId, kind, objectIds, q = db) {
      let changed = 0;
      const now = clock();
      for (const id of objectIds) {
        changed += await q.run(
          `UPDATE jobs SET state = CASE WHEN requeue = 1 THEN 'pending' ELSE 'done' END,
             attempts = 0, requeue = 0, lease_until = NULL, lease_owner = NULL, last_error = NULL, updated_at = $5
           WHERE portal_id = $1 AND kind = $2 AND object_id = $3 AND lease_owner = $4 AND state = 'in_flight'`,
          [portalId, kind, id, owner, now],
        );
      }
      return changed;
    },

    async retry(owner, portalId, kind, objectId, error, delayMs, maxAttempts) {
      const now = clock();
      const rows = await db.query<{ state: JobState }>(
        `UPDATE jobs SET attempts = attempts + 1,
           state = CASE WHEN attempts + 1 >= $5 THEN 'failed' ELSE 'pending' END,
           available_at = $6, lease_until = NULL, lease_owner = NULL, last_error = $7, updated_at = $8
         WHERE portal_id = $1 AND kind = $2 AND object_id = $3 AND lease_owner = $4 RETURNING state`,
        [
          portalId,
          kind,
          objectId,
          owner,
          Math.min(maxAttempts, 2_000_000_000),
          now + delayMs,
          error.slice(0, 500),
          now,
        ],
      );
      return rows[0]?.state ?? null;
    },

    async nextDueInMs() {
      const [row] = await db.query<{ at: number | null }>(
        `SELECT MIN(available_at) AS at FROM jobs WHERE state = 'pending'`,
      );
      return row?.at === null || row?.at === undefined ? null : Math.max(0, Number(row.at) - clock());
    },

    async counts(portalId) {
      const rows = await db.query<{ state: JobState; n: number }>(
        portalId === undefined
          ? 'SELECT state, COUNT(*) AS n FROM jobs GROUP BY state'
          : 'SELECT state, COUNT(*) AS n FROM jobs WHERE portal_id = $1 GROUP BY state',
        portalId === undefined ? [] : [portalId],
      );
      const by = Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])) as Partial<
        Record<JobState, number>
      >;
      return {
        pending: by.pending ?? 0,
        inFlight: by.in_flight ?? 0,
        done: by.done ?? 0,
        failed: by.failed ?? 0,
      };
    },

    async prune(olderThanMs = 3 * 24 * 60 * 60 * 1000) {
      const cutoff = clock() - olderThanMs;
      await db.run('DELETE FROM seen_events WHERE received_at < $1', [cutoff]);
      await db.run(`DELETE FROM jobs WHERE state = 'done' AND updated_at < $1`, [cutoff]);
    },
  };
}
