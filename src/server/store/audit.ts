import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from './db.ts';

export type RunSource = 'webhook' | 'workflow_action' | 'card' | 'bulk_action';

export interface AuditChange {
  contactId: string;
  property: string;
  before: string | null;
  after: string | null;
}

export interface RunRecord {
  runId: string;
  portalId: number;
  source: RunSource;
  startedAt: number;
  finishedAt: number | null;
  contacts: number;
  written: number;
  failed: number;
  userId: string | null;
}

export interface RunInput {
  portalId: number;
  source: RunSource;
  startedAt: number;
  contacts: number;
  failed: number;
  userId?: string | null;
  changes: readonly AuditChange[];
}

export interface AuditLog {
  /** Records one piece of server work and every property it changed, in one transaction (or in `q`'s). */
  record(input: RunInput, q?: Queryable): Promise<string>;
  runs(portalId: number, limit?: number): Promise<RunRecord[]>;
  changes(portalId: number, contactId: string): Promise<(AuditChange & { runId: string; at: number })[]>;
}

async function recordIn(q: Queryable, input: RunInput): Promise<string> {
  const runId = randomUUID();
  const now = Date.now();
  const written = new Set(input.changes.map((c) => c.contactId)).size;
  await q.run(
    `INSERT INTO runs (run_id, portal_id, source, started_at, finished_at, contacts, written, failed, user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      runId,
      input.portalId,
      input.source,
      input.startedAt,
      now,
      input.contacts,
      written,
      input.failed,
      input.userId ?? null,
    ],
  );
  for (const c of input.changes) {
    await q.run(
      `INSERT INTO audit (run_id, portal_id, contact_id, property, before_value, after_value, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [runId, input.portalId, c.contactId, c.property, c.before, c.after, now],
    );
  }
  return runId;
}

/** Runs and the audit trail of server-side work; every read names the portal. */
export function auditLog(db: Db): AuditLog {
  return {
    record: (input, outer) => (outer ? recordIn(outer, input) : db.tx((q) => recordIn(q, input))),

    async runs(portalId, limit = 50) {
      const rows = await db.query<Record<string, unknown>>(
        `SELECT run_id, portal_id, source, started_at, finished_at, contacts, written, failed, user_id FROM runs
         WHERE portal_id = $1 ORDER BY started_at DESC LIMIT $2`,
        [portalId, limit],
      );
      return rows.map((r) => ({
        runId: String(r.run_id),
        portalId: Number(r.portal_id),
        source: r.source as RunSource,
        startedAt: Number(r.started_at),
        finishedAt: r.finished_at === null ? null : Number(r.finished_at),
        contacts: Number(r.contacts),
        written: Number(r.written),
        failed: Number(r.failed),
        userId: (r.user_id as string | null) ?? null,
      }));
    },
    async changes(portalId, contactId) {
      const rows = await db.query<Record<string, unknown>>(
        `SELECT run_id, contact_id, property, before_value, after_value, at FROM audit
         WHERE portal_id = $1 AND contact_id = $2 ORDER BY at, property`,
        [portalId, contactId],
      );
      return rows.map((r) => ({
        runId: String(r.run_id),
        contactId: String(r.contact_id),
        property: String(r.property),
        before: (r.before_value as string | null) ?? null,
        after: (r.after_value as string | null) ?? null,
        at: Number(r.at),
      }));
    },
  };
}
