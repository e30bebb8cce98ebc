import { type StalePersona, stalePersonas } from '../../playbook/review.ts';
import type { Playbook } from '../../playbook/schema.ts';
import type { AuditDb, RunPortal } from '../audit-db.ts';
import { type RunChanges, runChanges } from './report-changes.ts';

export interface Count {
  key: string;
  count: number;
}

export interface CompanyCoverage {
  companyId: string;
  name: string | null;
  contacts: number;
  present: string[];
  missing: string[];
}

export interface ReportData {
  runId: string;
  kind: string;
  status: string;
  startedAt: string;
  target: string;
  total: number;
  /** Contacts whose title gave neither seniority nor function (taxonomy §3). */
  unclassified: number;
  /** Contacts whose title gave one of seniority and function but not the other. */
  partlyRead: number;
  noPersona: number;
  byPersona: Count[];
  byRole: Count[];
  bySeniority: Count[];
  byFunction: Count[];
  topUnclassifiedTitles: Count[];
  requiredRoles: string[];
  companies: { total: number; complete: number; missingByRole: Count[]; top: CompanyCoverage[] };
  lowConfidence: Array<{
    contactId: string;
    title: string | null;
    persona: string;
    role: string;
    confidence: number;
  }>;
  summary: Record<string, unknown>;
  /** The playbook's review state when the report was written: stale personas and the example marker. */
  playbook?: {
    version: string;
    example: boolean;
    reviewIntervalDays: number;
    stale: StalePersona[];
    /** Where the run's playbook came from, e.g. "portal 42's playbook version 3 (…) from https://…". */
    source?: string;
  };
  /** The HubSpot account, for links to records; null when the run did not record it. */
  portal: RunPortal | null;
  /** Open deals of the run's deal phase (absent when the run had none). */
  deals?: DealReport;
  /** Contacts by what the plan did with them: changed, unchanged, manual (a person's value), low_confidence. */
  outcomes: Record<string, number>;
  changes: RunChanges;
  /** The same headline numbers for the previous run against the same portal, to compare. */
  previous: RunHeadline | null;
}

/** The review part of the report, from the playbook the run used; `today` is YYYY-MM-DD or a Date. */
export function playbookReview(
  playbook: Playbook,
  today: Date | string,
): NonNullable<ReportData['playbook']> {
  return {
    version: playbook.version,
    example: playbook.example,
    reviewIntervalDays: playbook.reviewIntervalDays,
    stale: stalePersonas(playbook, today),
  };
}

/** The numbers two runs are compared on. */
export interface RunHeadline {
  runId: string;
  startedAt: string;
  total: number;
  noPersona: number;
  unclassified: number;
  companies: number;
  complete: number;
}

const TOP_COMPANIES = 50;
/** Unclassified means both readings unknown (taxonomy §3); one known is only partly read. */
const UNCLASSIFIED = `seniority = 'unknown' AND function = 'unknown'`;
const PARTLY_READ = `(seniority = 'unknown') <> (function = 'unknown')`;
const LOW_CONFIDENCE = 0.5;

/** Everything the report shows, aggregated in SQL so a million contacts never sit in memory. */
export interface DealRow {
  dealId: string;
  name: string;
  amount: number | null;
  stage: string;
  contacts: number;
  missing: string[];
  completeness: number;
}

export interface DealReport {
  total: number;
  withoutEconomicBuyer: number;
  singleThreaded: number;
  /** The largest open deals without an economic buyer, and the largest single-threaded ones. */
  topWithoutEconomicBuyer: DealRow[];
  topSingleThreaded: DealRow[];
}

/** The deal phase's rows of a run (deal_seen), largest deals first; undefined when there are none. */
export function dealReport(db: AuditDb, runId: string, top = 25): DealReport | undefined {
  const exists = db.db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'deal_seen'`)
    .get();
  if (!exists) return undefined;
  const count = (where: string) =>
    (
      db.db.prepare(`SELECT COUNT(*) AS n FROM deal_seen WHERE run_id = ? ${where}`).get(runId) as {
        n: number;
      }
    ).n;
  const total = count('');
  if (total === 0) return undefined;
  const noEb = `AND (';' || missing || ';') LIKE '%;economic_buyer;%'`;
  const rows = (where: string): DealRow[] =>
    (
      db.db
        .prepare(
          `SELECT deal_id, name, amount, stage, contacts, missing, completeness FROM deal_seen WHERE run_id = ? ${where} ORDER BY amount DESC NULLS LAST, deal_id LIMIT ?`,
        )
        .all(runId, top) as Array<{
        deal_id: string;
        name: string;
        amount: number | null;
        stage: string;
        contacts: number;
        missing: string;
        completeness: number;
      }>
    ).map((r) => ({
      dealId: r.deal_id,
      name: r.name,
      amount: r.amount,
      stage: r.stage,
      contacts: r.contacts,
      missing: r.missing ? r.missing.split(';') : [],
      completeness: r.completeness,
    }));
  return {
    total,
    withoutEconomicBuyer: count(noEb),
    singleThreaded: count('AND single_threaded = 1'),
    topWithoutEconomicBuyer: rows(noEb),
    topSingleThreaded: rows('AND single_threaded = 1'),
  };
}

export function reportData(
  db: AuditDb,
  runId: string,
  requiredRoles: readonly string[],
): ReportData | undefined {
  const run = db.getRun(runId);
  if (!run) return undefined;
  const sql = db.db;
  const counts = (column: string): Count[] =>
    sql
      .prepare(
        `SELECT ${column} AS key, COUNT(*) AS count FROM seen WHERE run_id = ? GROUP BY ${column} ORDER BY count DESC, key`,
      )
      .all(runId) as Count[];
  const scalar = (query: string, ...args: unknown[]): number =>
    (sql.prepare(query).get(runId, ...args) as { n: number }).n;
  const total = scalar('SELECT COUNT(*) AS n FROM seen WHERE run_id = ?');
  const { companies: companyTotal, complete } = coverage(db, runId, requiredRoles);
  const missingByRole = requiredRoles.map((role) => ({
    key: role,
    count:
      companyTotal -
      scalar(
        'SELECT COUNT(DISTINCT company_id) AS n FROM seen WHERE run_id = ? AND company_id IS NOT NULL AND role = ?',
        role,
      ),
  }));
  const top = (
    sql
      .prepare(
        `SELECT company_id AS companyId, MAX(company_name) AS name, COUNT(*) AS contacts, GROUP_CONCAT(DISTINCT role) AS roles
         FROM seen WHERE run_id = ? AND company_id IS NOT NULL GROUP BY company_id ORDER BY contacts DESC, company_id LIMIT ?`,
      )
      .all(runId, TOP_COMPANIES) as Array<{
      companyId: string;
      name: string | null;
      contacts: number;
      roles: string;
    }>
  ).map((row) => {
    const present = [...new Set(row.roles.split(','))].sort();
    return { ...row, present, missing: requiredRoles.filter((role) => !present.includes(role)) };
  });
  // What is missing leads: the companies with the most gaps first, then the largest.
  top.sort((a, b) => b.missing.length - a.missing.length || b.contacts - a.contacts);
  const outcomes = Object.fromEntries(
    (
      sql
        .prepare('SELECT outcome, COUNT(*) AS n FROM seen WHERE run_id = ? GROUP BY outcome')
        .all(runId) as Array<{ outcome: string; n: number }>
    ).map((row) => [row.outcome, row.n]),
  );
  const before = db.previousRun(run);
  const deals = dealReport(db, runId);
  return {
    ...(deals ? { deals } : {}),
    runId,
    kind: run.kind,
    status: run.status,
    startedAt: run.started_at,
    target: run.target,
    total,
    unclassified: scalar(`SELECT COUNT(*) AS n FROM seen WHERE run_id = ? AND ${UNCLASSIFIED}`),
    partlyRead: scalar(`SELECT COUNT(*) AS n FROM seen WHERE run_id = ? AND ${PARTLY_READ}`),
    noPersona: scalar(`SELECT COUNT(*) AS n FROM seen WHERE run_id = ? AND persona_kind = 'unknown'`),
    byPersona: counts('persona'),
    byRole: counts('role'),
    bySeniority: counts('seniority'),
    byFunction: counts('function'),
    topUnclassifiedTitles: sql
      .prepare(
        `SELECT COALESCE(NULLIF(TRIM(title), ''), '(empty)') AS key, COUNT(*) AS count FROM seen
         WHERE run_id = ? AND ${UNCLASSIFIED} GROUP BY key ORDER BY count DESC, key LIMIT 25`,
      )
      .all(runId) as Count[],
    requiredRoles: [...requiredRoles],
    companies: { total: companyTotal, complete, missingByRole, top },
    lowConfidence: sql
      .prepare(
        `SELECT contact_id AS contactId, title, persona, role, confidence FROM seen
         WHERE run_id = ? AND confidence < ? AND abstained = 0 ORDER BY confidence, contact_id LIMIT 50`,
      )
      .all(runId, LOW_CONFIDENCE) as ReportData['lowConfidence'],
    summary: run.stats ? (JSON.parse(run.stats) as Record<string, unknown>) : {},
    portal: db.runPortal(run),
    outcomes,
    changes: runChanges(db, runId, run.kind === 'dry-run'),
    previous: before ? headline(db, before.id, before.started_at, requiredRoles) : null,
  };
}

/** Companies with contacts, and those whose contacts hold every required role. */
function coverage(db: AuditDb, runId: string, requiredRoles: readonly string[]) {
  const n = (query: string, ...args: unknown[]) =>
    (db.db.prepare(query).get(runId, ...args) as { n: number }).n;
  const companies = n(
    'SELECT COUNT(DISTINCT company_id) AS n FROM seen WHERE run_id = ? AND company_id IS NOT NULL',
  );
  const complete =
    requiredRoles.length === 0
      ? companies
      : n(
          `SELECT COUNT(*) AS n FROM (SELECT company_id FROM seen WHERE run_id = ? AND company_id IS NOT NULL
       AND role IN (${requiredRoles.map(() => '?').join(',')}) GROUP BY company_id HAVING COUNT(DISTINCT role) = ?)`,
          ...requiredRoles,
          requiredRoles.length,
        );
  return { companies, complete };
}

function headline(
  db: AuditDb,
  runId: string,
  startedAt: string,
  requiredRoles: readonly string[],
): RunHeadline {
  const n = (query: string) => (db.db.prepare(query).get(runId) as { n: number }).n;
  return {
    runId,
    startedAt,
    total: n('SELECT COUNT(*) AS n FROM seen WHERE run_id = ?'),
    noPersona: n(`SELECT COUNT(*) AS n FROM seen WHERE run_id = ? AND persona_kind = 'unknown'`),
    unclassified: n(`SELECT COUNT(*) AS n FROM seen WHERE run_id = ? AND ${UNCLASSIFIED}`),
    ...coverage(db, runId, requiredRoles),
  };
}
