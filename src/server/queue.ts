import Database from 'better-sqlite3';

/** What a queued job is about: one contact to tag, or a company whose contacts need re-tagging. */
export type JobKind = 'contact' | 'company';
export type JobState = 'pending' | 'in_flight' | 'done' | 'failed';

export interface Job {
  kind: JobKind;
  objectId: string;
  attempts: number;
}

export interface QueueCounts {
  pending: number;
  inFlight: number;
  done: number;
  failed: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS seen_events (event_id TEXT PRIMARY KEY, received_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS jobs (
  kind TEXT NOT NULL,
  object_id TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  available_at INTEGER NOT NULL,
  lease_until INTEGER,
  requeue INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (kind, object_id)
);
CREATE INDEX IF NOT EXISTS jobs_ready ON jobs (state, available_at);
`;

/**
 * The durable webhook queue in the embedded database: one row per object, so a burst of events about one
 * contact costs one classification. A job that gets a new event while in flight runs once more afterwards.
 */
export class JobQueue {
  readonly #db: Database.Database;
  readonly #now: () => number;

  constructor(path: string, now: () => number = Date.now) {
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    // FULL: an acknowledged webhook must survive a power cut, not only a process crash.
    this.#db.pragma('synchronous = FULL');
    this.#db.pragma('busy_timeout = 5000');
    this.#db.exec(SCHEMA);
    this.#now = now;
  }

  /** Records each event id once; returns false for a delivery already seen (HubSpot retries). */
  markSeen(eventId: string): boolean {
    const info = this.#db
      .prepare('INSERT OR IGNORE INTO seen_events (event_id, received_at) VALUES (?, ?)')
      .run(eventId, this.#now());
    return info.changes === 1;
  }

  /** Queues an object; a done or failed job becomes pending again, an in-flight one is flagged to rerun. */
  enqueue(kind: JobKind, objectId: string): void {
    const now = this.#now();
    this.#db
      .prepare(
        `INSERT INTO jobs (kind, object_id, state, attempts, available_at, updated_at)
         VALUES (?, ?, 'pending', 0, ?, ?)
         ON CONFLICT (kind, object_id) DO UPDATE SET
           requeue = CASE WHEN state = 'in_flight' THEN 1 ELSE requeue END,
           attempts = CASE WHEN state IN ('done', 'failed') THEN 0 ELSE attempts END,
           available_at = CASE WHEN state IN ('done', 'failed') THEN excluded.available_at ELSE available_at END,
           state = CASE WHEN state IN ('done', 'failed') THEN 'pending' ELSE state END,
           updated_at = excluded.updated_at`,
      )
      .run(kind, objectId, now, now);
  }

  /** Both steps of a webhook delivery in one transaction: dedupe, then queue. Returns how many were new. */
  accept(events: readonly { eventId: string; kind: JobKind; objectId: string }[]): number {
    return this.#db.transaction(() => {
      let fresh = 0;
      for (const event of events) {
        if (!this.markSeen(event.eventId)) continue;
        fresh += 1;
        this.enqueue(event.kind, event.objectId);
      }
      return fresh;
    })();
  }

  /** Leases up to `limit` due jobs of one kind (pending, or in flight with an expired lease). */
  claim(kind: JobKind, limit: number, leaseMs: number): Job[] {
    const now = this.#now();
    return this.#db.transaction(() => {
      const rows = this.#db
        .prepare(
          `SELECT object_id AS objectId, attempts FROM jobs
           WHERE kind = ? AND ((state = 'pending' AND available_at <= ?) OR (state = 'in_flight' AND lease_until < ?))
           ORDER BY available_at LIMIT ?`,
        )
        .all(kind, now, now, limit) as { objectId: string; attempts: number }[];
      const lease = this.#db.prepare(
        `UPDATE jobs SET state = 'in_flight', lease_until = ?, requeue = 0, updated_at = ? WHERE kind = ? AND object_id = ?`,
      );
      for (const row of rows) lease.run(now + leaseMs, now, kind, row.objectId);
      return rows.map((row) => ({ kind, objectId: row.objectId, attempts: row.attempts }));
    })();
  }

  /** Marks a job done, or pending again when an event arrived while it ran. */
  complete(kind: JobKind, objectId: string): void {
    this.#db
      .prepare(
        `UPDATE jobs SET state = CASE WHEN requeue = 1 THEN 'pending' ELSE 'done' END,
           attempts = 0, requeue = 0, lease_until = NULL, last_error = NULL, updated_at = ?
         WHERE kind = ? AND object_id = ?`,
      )
      .run(this.#now(), kind, objectId);
  }

  /** Schedules another attempt after `delayMs`, or gives up (`failed`) once `attempts` reaches `maxAttempts`. */
  retry(kind: JobKind, objectId: string, error: string, delayMs: number, maxAttempts: number): JobState {
    const now = this.#now();
    const row = this.#db
      .prepare(
        `UPDATE jobs SET attempts = attempts + 1,
           state = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'pending' END,
           available_at = ?, lease_until = NULL, last_error = ?, updated_at = ?
         WHERE kind = ? AND object_id = ? RETURNING state`,
      )
      .get(maxAttempts, now + delayMs, error.slice(0, 500), now, kind, objectId) as
      | { state: JobState }
      | undefined;
    return row?.state ?? 'failed';
  }

  /** Gives leases back after a restart: one server owns a database file. */
  releaseLeases(): number {
    return this.#db
      .prepare(`UPDATE jobs SET state = 'pending', lease_until = NULL WHERE state = 'in_flight'`)
      .run().changes;
  }

  /** Milliseconds until the next pending job is due, or null when nothing is pending. */
  nextDueInMs(): number | null {
    const row = this.#db
      .prepare(`SELECT MIN(available_at) AS at FROM jobs WHERE state = 'pending'`)
      .get() as { at: number | null };
    return row.at === null ? null : Math.max(0, row.at - this.#now());
  }

  counts(): QueueCounts {
    const rows = this.#db.prepare('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state').all() as {
      state: JobState;
      n: number;
    }[];
    const by = Object.fromEntries(rows.map((r) => [r.state, r.n])) as Partial<Record<JobState, number>>;
    return {
      pending: by.pending ?? 0,
      inFlight: by.in_flight ?? 0,
      done: by.done ?? 0,
      failed: by.failed ?? 0,
    };
  }

  /** Forgets event ids past HubSpot's retry horizon (24 h, with a margin) and long-finished jobs. */
  prune(olderThanMs = 3 * 24 * 60 * 60 * 1000): void {
    const cutoff = this.#now() - olderThanMs;
    this.#db.prepare('DELETE FROM seen_events WHERE received_at < ?').run(cutoff);
    this.#db.prepare(`DELETE FROM jobs WHERE state = 'done' AND updated_at < ?`).run(cutoff);
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}
