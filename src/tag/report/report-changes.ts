import type { AuditDb } from '../audit-db.ts';

/** What a run changed (or, in a dry run, would change): per property, the values before → after. */

export interface Transition {
  before: string | null;
  after: string;
  count: number;
}

export interface PropertyChanges {
  property: string;
  /** Values changed (applied in a run, planned in a dry run). */
  count: number;
  /** The most common before → after pairs; empty for free-text and timestamp properties. */
  transitions: Transition[];
}

export interface RunChanges {
  /** `applied`: a run's writes; `planned`: a dry run's plan. */
  source: 'applied' | 'planned';
  properties: PropertyChanges[];
  /** Values whose write HubSpot rejected, and their contacts. */
  failedValues: number;
  failedContacts: number;
  /** Values a crash left unconfirmed and HubSpot did not have (see `tag --resume`). */
  notApplied: number;
}

/** Properties whose values are categories worth listing as before → after. */
const CATEGORICAL = new Set([
  'rolecall_persona',
  'rolecall_buying_role',
  'rolecall_seniority',
  'rolecall_function',
  'rolecall_source',
  'hs_buying_role',
  'hs_persona',
]);
const TRANSITIONS_SHOWN = 6;
/** The order a person reads the properties in: what the contact is first, bookkeeping last. */
const ORDER = [
  'rolecall_persona',
  'rolecall_buying_role',
  'hs_buying_role',
  'hs_persona',
  'rolecall_seniority',
  'rolecall_function',
  'rolecall_source',
  'rolecall_confidence',
  'rolecall_reasons',
  'rolecall_classified_at',
  'rolecall_playbook_version',
];
const rank = (property: string) => {
  const index = ORDER.indexOf(property);
  return index < 0 ? ORDER.length : index;
};

export function runChanges(db: AuditDb, runId: string, dryRun: boolean): RunChanges {
  const sql = db.db;
  const table = dryRun ? 'planned' : 'writes';
  const applied = dryRun ? '' : ` AND status = 'applied'`;
  const counts = sql
    .prepare(
      `SELECT property, COUNT(*) AS count FROM ${table} WHERE run_id = ?${applied} GROUP BY property ORDER BY count DESC, property`,
    )
    .all(runId) as Array<{ property: string; count: number }>;
  const pairs = sql.prepare(
    `SELECT before, after, COUNT(*) AS count FROM ${table} WHERE run_id = ? AND property = ?${applied}
     GROUP BY before, after ORDER BY count DESC, after, before LIMIT ?`,
  );
  counts.sort((a, b) => rank(a.property) - rank(b.property));
  const properties = counts.map(({ property, count }) => ({
    property,
    count,
    transitions: CATEGORICAL.has(property)
      ? (pairs.all(runId, property, TRANSITIONS_SHOWN) as Transition[])
      : [],
  }));
  const failed = dryRun
    ? { values: 0, contacts: 0 }
    : (sql
        .prepare(
          `SELECT COUNT(*) AS "values", COUNT(DISTINCT contact_id) AS contacts FROM writes WHERE run_id = ? AND status = 'failed'`,
        )
        .get(runId) as { values: number; contacts: number });
  const notApplied = dryRun ? 0 : db.countWrites(runId).not_applied;
  return {
    source: dryRun ? 'planned' : 'applied',
    properties,
    failedValues: failed.values,
    failedContacts: failed.contacts,
    notApplied,
  };
}
