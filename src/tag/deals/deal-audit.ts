import type Database from 'better-sqlite3';

/**
 * The deal side of the audit log, in the same SQLite file as contact writes: every label rolecall added
 * or removed and every deal property it wrote (per run, for undo), and the labels rolecall owns now (so
 * a label a person set is never mistaken for rolecall's).
 */
export type DealWriteKind = 'label_add' | 'label_remove' | 'property';
export type DealWriteStatus = 'pending' | 'applied' | 'failed';

export interface DealWriteRow {
  id: number;
  run_id: string;
  kind: DealWriteKind;
  deal_id: string;
  contact_id: string | null;
  type_id: number | null;
  property: string | null;
  before: string | null;
  after: string | null;
  status: DealWriteStatus;
  error: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS deal_writes (
  id INTEGER PRIMARY KEY, run_id TEXT NOT NULL, kind TEXT NOT NULL, deal_id TEXT NOT NULL, contact_id TEXT,
  type_id INTEGER, property TEXT, before TEXT, after TEXT, status TEXT NOT NULL, at TEXT NOT NULL, error TEXT);
CREATE INDEX IF NOT EXISTS deal_writes_by_run ON deal_writes (run_id, status);
CREATE TABLE IF NOT EXISTS deal_seen (
  run_id TEXT NOT NULL, deal_id TEXT NOT NULL, name TEXT NOT NULL, amount REAL, stage TEXT NOT NULL,
  kind TEXT NOT NULL, contacts INTEGER NOT NULL, missing TEXT NOT NULL, completeness INTEGER NOT NULL,
  single_threaded INTEGER NOT NULL, PRIMARY KEY (run_id, deal_id));
CREATE TABLE IF NOT EXISTS rolecall_labels (
  target TEXT NOT NULL, deal_id TEXT NOT NULL, contact_id TEXT NOT NULL, type_id INTEGER NOT NULL,
  PRIMARY KEY (target, deal_id, contact_id, type_id));
`;

export interface NewDealWrite {
  kind: DealWriteKind;
  dealId: string;
  contactId?: string;
  typeId?: number;
  property?: string;
  before?: string | null;
  after?: string | null;
}

export class DealAudit {
  constructor(
    private readonly db: Database.Database,
    /** Which portal (labels are per portal). */
    private readonly target: string,
  ) {
    db.exec(SCHEMA);
  }

  /** Labels rolecall owns on these deals: `${deal}:${contact}:${type}`. */
  ownedLabels(dealIds: readonly string[]): Set<string> {
    const owned = new Set<string>();
    const select = this.db.prepare(
      'SELECT deal_id, contact_id, type_id FROM rolecall_labels WHERE target = ? AND deal_id = ?',
    );
    for (const id of dealIds) {
      for (const row of select.all(this.target, id) as Array<{
        deal_id: string;
        contact_id: string;
        type_id: number;
      }>)
        owned.add(`${row.deal_id}:${row.contact_id}:${row.type_id}`);
    }
    return owned;
  }

  /** Each evaluated deal of a run, for the report. */
  recordDeals(
    runId: string,
    deals: ReadonlyArray<{
      id: string;
      name: string;
      amount: number | null;
      stage: string;
      kind: string;
      contacts: number;
      missing: readonly string[];
      completeness: number;
      singleThreaded: boolean;
    }>,
  ): void {
    const insert = this.db.prepare(
      `INSERT OR REPLACE INTO deal_seen (run_id, deal_id, name, amount, stage, kind, contacts, missing, completeness, single_threaded)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const d of deals)
        insert.run(
          runId,
          d.id,
          d.name,
          d.amount,
          d.stage,
          d.kind,
          d.contacts,
          d.missing.join(';'),
          d.completeness,
          d.singleThreaded ? 1 : 0,
        );
    })();
  }

  addPending(runId: string, writes: readonly NewDealWrite[]): number[] {
    const insert = this.db.prepare(
      `INSERT INTO deal_writes (run_id, kind, deal_id, contact_id, type_id, property, before, after, status, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
    );
    const at = new Date().toISOString();
    return this.db.transaction(() =>
      writes.map((w) =>
        Number(
          insert.run(
            runId,
            w.kind,
            w.dealId,
            w.contactId ?? null,
            w.typeId ?? null,
            w.property ?? null,
            w.before ?? null,
            w.after ?? null,
            at,
          ).lastInsertRowid,
        ),
      ),
    )();
  }

  /** Settles writes; applied label writes update which labels rolecall owns. */
  settle(ids: readonly number[], status: DealWriteStatus, error?: string): void {
    const update = this.db.prepare('UPDATE deal_writes SET status = ?, error = ? WHERE id = ?');
    const get = this.db.prepare('SELECT * FROM deal_writes WHERE id = ?');
    const own = this.db.prepare(
      'INSERT OR IGNORE INTO rolecall_labels (target, deal_id, contact_id, type_id) VALUES (?, ?, ?, ?)',
    );
    const disown = this.db.prepare(
      'DELETE FROM rolecall_labels WHERE target = ? AND deal_id = ? AND contact_id = ? AND type_id = ?',
    );
    this.db.transaction(() => {
      for (const id of ids) {
        update.run(status, error ?? null, id);
        if (status !== 'applied') continue;
        const row = get.get(id) as DealWriteRow;
        if (row.kind === 'label_add') own.run(this.target, row.deal_id, row.contact_id, row.type_id);
        if (row.kind === 'label_remove') disown.run(this.target, row.deal_id, row.contact_id, row.type_id);
      }
    })();
  }

  /** Label writes of a run still pending: sent (or about to be) when the run was killed. */
  pendingLabelWrites(runId: string): DealWriteRow[] {
    return this.db
      .prepare(
        `SELECT * FROM deal_writes WHERE run_id = ? AND status = 'pending' AND kind IN ('label_add', 'label_remove') ORDER BY id`,
      )
      .all(runId) as DealWriteRow[];
  }

  /** Applied writes of a run, oldest first, in pages (for undo). */
  appliedPage(runId: string, afterId: number, limit: number): DealWriteRow[] {
    return this.db
      .prepare(
        `SELECT * FROM deal_writes WHERE run_id = ? AND status = 'applied' AND id > ? ORDER BY id LIMIT ?`,
      )
      .all(runId, afterId, limit) as DealWriteRow[];
  }

  counts(runId: string): Record<DealWriteKind, number> {
    const rows = this.db
      .prepare(
        `SELECT kind, COUNT(*) AS n FROM deal_writes WHERE run_id = ? AND status = 'applied' GROUP BY kind`,
      )
      .all(runId) as Array<{ kind: DealWriteKind; n: number }>;
    const out: Record<DealWriteKind, number> = { label_add: 0, label_remove: 0, property: 0 };
    for (const row of rows) out[row.kind] = row.n;
    return out;
  }
}
