import { type AuditLog, auditLog } from './audit.ts';
import { type Db, openDb } from './db.ts';
import { type DealLabelStore, dealLabelStore } from './deal-labels.ts';
import { migrate } from './migrate.ts';
import { type PlaybookStore, playbookStore } from './playbooks.ts';
import { type PortalStore, portalStore } from './portals.ts';
import { type JobQueue, jobQueue } from './queue.ts';
import { type RateBudget, rateBudget } from './rate-budget.ts';
import { type RequestLedger, requestLedger } from './requests.ts';
import { type TokenCipher, tokenCipher } from './token-crypto.ts';

/** Everything `rolecall serve` keeps, on one database. */
export interface Store {
  db: Db;
  portals: PortalStore;
  queue: JobQueue;
  audit: AuditLog;
  /** Deal labels rolecall owns and its deal writes (webhook re-evaluations). */
  dealLabels: DealLabelStore;
  playbooks: PlaybookStore;
  /** Per-portal request budget shared by every instance on this database. */
  budget: RateBudget;
  /** Answered workflow-action requests (replays are answered from here). */
  requests: RequestLedger;
  close(): Promise<void>;
}

export interface StoreOptions {
  databaseUrl?: string;
  dbPath?: string;
  /** ROLECALL_TOKEN_KEY; without it OAuth tokens cannot be stored (private mode stores none). */
  tokenKey?: string;
  /** Requests per 10 s per portal across all instances. */
  ratePerTenSeconds?: number;
  clock?: () => number;
}

const noKey: TokenCipher = {
  seal: () => {
    throw new Error('ROLECALL_TOKEN_KEY is not set: OAuth tokens cannot be stored encrypted.');
  },
  open: () => {
    throw new Error('ROLECALL_TOKEN_KEY is not set: stored OAuth tokens cannot be read.');
  },
};

/** Opens the database (Postgres at `databaseUrl`, else the embedded file) and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const db = await openDb(
    options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dbPath: options.dbPath ?? 'rolecall.db' },
  );
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    db,
    portals: portalStore(db, options.tokenKey ? tokenCipher(options.tokenKey) : noKey),
    queue: jobQueue(db, options.clock),
    audit: auditLog(db),
    dealLabels: dealLabelStore(db, options.clock),
    playbooks: playbookStore(db),
    budget: rateBudget(db, { limit: options.ratePerTenSeconds ?? 110 }),
    requests: requestLedger(db, options.clock),
    close: () => db.close(),
  };
}

export type { Db } from './db.ts';
export type { DealAuditWrite, DealLabelStore } from './deal-labels.ts';
export type { PlaybookStore, PlaybookVersion } from './playbooks.ts';
export type { Portal, PortalStore } from './portals.ts';
export type { Claim, Job, JobKind, JobQueue, QueueCounts, QueuedEvent } from './queue.ts';
