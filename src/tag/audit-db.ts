import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

import { DEFAULT_DB_PATH } from './db-path.ts';

export { DEFAULT_DB_PATH };

export type RunKind = 'tag' | 'dry-run' | 'undo';
export type RunStatus = 'running' | 'done' | 'stopped' | 'failed';
/** What people see: a `running` run whose process is gone (SIGKILL, second Ctrl-C, crash) is interrupted. */
export type ShownStatus = RunStatus | 'interrupted';
export type WriteStatus = 'pending' | 'applied' | 'failed' | 'not_applied';

export interface RunRow {
  id: string;
  kind: RunKind;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  target: string;
  options: string;
  cursor: string | null;
  undo_of: string | null;
  stats: string | null;
  /** The process running it (this machine), to tell a live run from a dead one. */
  pid: number | null;
  /** JSON `{ portalId, uiDomain }` of the HubSpot account the run worked on, for links; null when unknown. */
  portal: string | null;
}

/** The HubSpot account a run worked on (from `GET /account-info/v3/details`). */
export interface RunPortal {
  portalId: number;
  uiDomain: string;
}

export interface WriteRow {
  id: number;
  run_id: string;
  contact_id: string;
  property: string;
  before: string | null;
  after: string;
  status: WriteStatus;
  at: string;
  error: string | null;
}

/** One classified contact of a run, for the report. */
export interface SeenRow {
  contact_id: string;
  company_id: string | null;
  company_name: string | null;
  title: string | null;
  persona: string;
  persona_kind: string;
  role: string;
  seniority: string;
  function: string;
  confidence: number;
  abstained: number;
  outcome: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
  target TEXT NOT NULL, options TEXT NOT NULL, cursor TEXT, undo_of TEXT, stats TEXT);
CREATE TABLE IF NOT EXISTS writes (
  id INTEGER PRIMARY KEY, run_id TEXT NOT NULL, contact_id TEXT NOT NULL, property TEXT NOT NULL,
  before TEXT, after TEXT NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL, error TEXT);
CREATE INDEX IF NOT EXISTS writes_by_run ON writes (run_id, status, contact_id);
CREATE TABLE IF NOT EXISTS seen (
  run_id TEXT NOT NULL, contact_id TEXT NOT NULL, company_id TEXT, company_name TEXT, title TEXT,
  persona TEXT NOT NULL, persona_kind TEXT NOT NULL, role TEXT NOT NULL, seniority TEXT NOT NULL,
  function TEXT NOT NULL, confidence REAL NOT NULL, abstained INTEGER NOT NULL, outcome TEXT NOT NULL,
  PRIMARY KEY (run_id, contact_id));
CREATE TABLE IF NOT EXISTS planned (
  run_id TEXT NOT NULL, contact_id TEXT NOT NULL, property TEXT NOT NULL, before TEXT, after TEXT NOT NULL,
  PRIMARY KEY (run_id, contact_id, property));
`;

/** The embedded audit log and checkpoint store: one SQLite file, no server. */
export class AuditDb {
  readonly db: Database.Database;

  constructor(path: string = DEFAULT_DB_PATH) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    const columns = this.db.prepare('PRAGMA table_info(runs)').all() as Array<{ name: string }>;
    if (!columns.some((column) => column.name === 'pid'))
      this.db.exec('ALTER TABLE runs ADD COLUMN pid INTEGER');
    if (!columns.some((column) => column.name === 'portal'))
      this.db.exec('ALTER TABLE runs ADD COLUMN portal TEXT');
  }

  close(): void {
    this.db.close();
  }

  createRun(run: {
    id: string;
    kind: RunKind;
    target: string;
    options: unknown;
    undoOf?: string;
    portal?: RunPortal | null;
  }): void {
    this.db
      .prepare(
        `INSERT INTO runs (id, kind, status, started_at, target, options, undo_of, pid, portal) VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.id,
        run.kind,
        new Date().toISOString(),
        run.target,
        JSON.stringify(run.options),
        run.undoOf ?? null,
        process.pid,
        run.portal ? JSON.stringify(run.portal) : null,
      );
  }

  /** The HubSpot account a run worked on, when it was recorded. */
  runPortal(run: RunRow): RunPortal | null {
    if (!run.portal) return null;
    const parsed = JSON.parse(run.portal) as Partial<RunPortal>;
    return typeof parsed.portalId === 'number' && typeof parsed.uiDomain === 'string'
      ? { portalId: parsed.portalId, uiDomain: parsed.uiDomain }
      : null;
  }

  /** The newest tag or dry run against the same target that started before this one and classified contacts. */
  previousRun(run: RunRow): RunRow | undefined {
    return this.db
      .prepare(
        `SELECT * FROM runs r WHERE kind IN ('tag', 'dry-run') AND target = ? AND id <> ? AND started_at <= ?
         AND EXISTS (SELECT 1 FROM seen s WHERE s.run_id = r.id)
         ORDER BY started_at DESC, rowid DESC LIMIT 1`,
      )
      .get(run.target, run.id, run.started_at) as RunRow | undefined;
  }

  /** A dry run's planned changes, for the report's before → after (a real run's are in `writes`). */
  recordPlanned(
    runId: string,
    plans: ReadonlyArray<{
      id: string;
      changes: ReadonlyArray<{ property: string; before: string | null; after: string }>;
    }>,
  ): void {
    const insert = this.db.prepare(
      'INSERT OR REPLACE INTO planned (run_id, contact_id, property, before, after) VALUES (?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const plan of plans)
        for (const c of plan.changes) insert.run(runId, plan.id, c.property, c.before, c.after);
    })();
  }

  /** A run's status for people: `running` only while its process lives. */
  shownStatus(run: RunRow): ShownStatus {
    if (run.status !== 'running') return run.status;
    return run.pid !== null && processAlive(run.pid) ? 'running' : 'interrupted';
  }

  getRun(id: string): RunRow | undefined {
    return this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
  }

  listRuns(limit = 50): RunRow[] {
    return this.db
      .prepare('SELECT * FROM runs ORDER BY started_at DESC, rowid DESC LIMIT ?')
      .all(limit) as RunRow[];
  }

  /** The newest tag run that did not finish, for `--resume`. */
  latestUnfinished(): RunRow | undefined {
    return this.db
      .prepare(
        `SELECT * FROM runs WHERE kind = 'tag' AND status IN ('running', 'stopped', 'failed') ORDER BY started_at DESC, rowid DESC LIMIT 1`,
      )
      .get() as RunRow | undefined;
  }

  /** Saves where to resume and, when given, the totals so far (so a killed run's counts survive). */
  checkpoint(runId: string, cursor: string | null, stats?: unknown): void {
    if (stats === undefined) {
      this.db.prepare('UPDATE runs SET cursor = ? WHERE id = ?').run(cursor, runId);
      return;
    }
    this.db
      .prepare('UPDATE runs SET cursor = ?, stats = ? WHERE id = ?')
      .run(cursor, JSON.stringify(stats), runId);
  }

  /**
   * A run's totals from its own records, whatever number of sessions (resumes) it took: contacts classified
   * by outcome, and contacts and values the audit log holds as written.
   */
  runTotals(runId: string): {
    seen: number;
    outcomes: Record<string, number>;
    contactsWritten: number;
    propertiesWritten: number;
  } {
    const outcomes: Record<string, number> = {};
    const rows = this.db
      .prepare('SELECT outcome, COUNT(*) AS n FROM seen WHERE run_id = ? GROUP BY outcome')
      .all(runId) as Array<{ outcome: string; n: number }>;
    let seen = 0;
    for (const row of rows) {
      outcomes[row.outcome] = row.n;
      seen += row.n;
    }
    const written = this.db
      .prepare(
        `SELECT COUNT(DISTINCT contact_id) AS contacts, COUNT(*) AS n FROM writes WHERE run_id = ? AND status = 'applied'`,
      )
      .get(runId) as { contacts: number; n: number };
    return { seen, outcomes, contactsWritten: written.contacts, propertiesWritten: written.n };
  }

  finishRun(runId: string, status: RunStatus, stats: unknown): void {
    this.db
      .prepare('UPDATE runs SET status = ?, finished_at = ?, stats = ? WHERE id = ?')
      .run(status, status === 'running' ? null : new Date().toISOString(), JSON.stringify(stats), runId);
  }

  reopenRun(runId: string): void {
    this.db
      .prepare(`UPDATE runs SET status = 'running', finished_at = NULL, pid = ? WHERE id = ?`)
      .run(process.pid, runId);
  }

  /** Records writes as pending before they are sent; returns their row ids. */
  addPendingWrites(
    runId: string,
    writes: ReadonlyArray<{ contactId: string; property: string; before: string | null; after: string }>,
  ): number[] {
    const insert = this.db.prepare(
      `INSERT INTO writes (run_id, contact_id, property, before, after, status, at) VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
    );
    const at = new Date().toISOString();
    return this.db.transaction(() =>
      writes.map((w) =>
        Number(insert.run(runId, w.contactId, w.property, w.before, w.after, at).lastInsertRowid),
      ),
    )();
  }

  /** Marks the pending writes of the given contacts in a run. */
  settleWrites(runId: string, contactIds: readonly string[], status: WriteStatus, error?: string): void {
    const update = this.db.prepare(
      `UPDATE writes SET status = ?, error = ?, at = ? WHERE run_id = ? AND contact_id = ? AND status = 'pending'`,
    );
    const at = new Date().toISOString();
    this.db.transaction(() => {
      for (const id of contactIds) update.run(status, error ?? null, at, runId, id);
    })();
  }

  pendingWrites(runId: string): WriteRow[] {
    return this.db
      .prepare(`SELECT * FROM writes WHERE run_id = ? AND status = 'pending'`)
      .all(runId) as WriteRow[];
  }

  /** Applied writes of the next `contacts` contacts after `afterContact` (paged: the DB stays free for writes). */
  appliedWritesPage(runId: string, afterContact: string, contacts: number): WriteRow[] {
    return this.db
      .prepare(
        `SELECT * FROM writes WHERE run_id = ? AND status = 'applied' AND contact_id IN (
           SELECT DISTINCT contact_id FROM writes WHERE run_id = ? AND status = 'applied' AND contact_id > ?
           ORDER BY contact_id LIMIT ?)
         ORDER BY contact_id, id`,
      )
      .all(runId, runId, afterContact, contacts) as WriteRow[];
  }

  countWrites(runId: string): Record<WriteStatus, number> {
    const rows = this.db
      .prepare('SELECT status, COUNT(*) AS n FROM writes WHERE run_id = ? GROUP BY status')
      .all(runId) as Array<{ status: WriteStatus; n: number }>;
    const counts: Record<WriteStatus, number> = { pending: 0, applied: 0, failed: 0, not_applied: 0 };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  /** Of `ids`, the contacts this run has already written (an earlier, killed session of it included). */
  writtenBy(runId: string, ids: readonly string[]): Set<string> {
    if (ids.length === 0) return new Set();
    const rows = this.db
      .prepare(
        `SELECT DISTINCT contact_id AS id FROM writes WHERE run_id = ? AND status = 'applied'
         AND contact_id IN (SELECT value FROM json_each(?))`,
      )
      .all(runId, JSON.stringify(ids)) as Array<{ id: string }>;
    return new Set(rows.map((row) => row.id));
  }

  /** The dry run that planned this value for this contact (its `planned` rows), newest first. */
  plannedBy(contactId: string, property: string, after: string): string | undefined {
    const row = this.db
      .prepare(
        'SELECT run_id FROM planned WHERE contact_id = ? AND property = ? AND after = ? ORDER BY rowid DESC LIMIT 1',
      )
      .get(contactId, property, after) as { run_id: string } | undefined;
    return row?.run_id;
  }

  /**
   * A plan's apply run records the contacts it wrote as its dry run classified them (outcome `changed`), so
   * its report covers what it applied. Returns how many.
   */
  recordAppliedSeen(dryRunId: string, runId: string): number {
    return this.db
      .prepare(
        `INSERT OR REPLACE INTO seen (run_id, contact_id, company_id, company_name, title, persona, persona_kind, role,
         seniority, function, confidence, abstained, outcome)
         SELECT ?, contact_id, company_id, company_name, title, persona, persona_kind, role, seniority, function,
         confidence, abstained, 'changed' FROM seen WHERE run_id = ? AND contact_id IN
         (SELECT contact_id FROM writes WHERE run_id = ? AND status = 'applied')`,
      )
      .run(runId, dryRunId, runId).changes;
  }

  recordSeen(runId: string, rows: readonly SeenRow[]): void {
    const insert = this.db.prepare(
      `INSERT OR REPLACE INTO seen (run_id, contact_id, company_id, company_name, title, persona, persona_kind, role,
       seniority, function, confidence, abstained, outcome)
       VALUES (@run_id, @contact_id, @company_id, @company_name, @title, @persona, @persona_kind, @role,
       @seniority, @function, @confidence, @abstained, @outcome)`,
    );
    this.db.transaction(() => {
      for (const row of rows) insert.run({ run_id: runId, ...row });
    })();
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
