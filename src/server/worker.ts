import { randomUUID } from 'node:crypto';
import type { Playbook } from '../playbook/schema.ts';
import type { PortFailure } from './crm-port.ts';
import { enqueueDealsOf, runDealJobs } from './deal-jobs.ts';
import type { Counters } from './metrics.ts';
import type { PortalPorts } from './portal-ports.ts';
import type { AuditChange } from './store/audit.ts';
import type { Claim, JobKind, Store } from './store/index.ts';
import { type ClassifyFn, tagContacts } from './tagger.ts';

export interface WorkerOptions {
  store: Store;
  ports: PortalPorts;
  /** The classification for a portal (its own playbook, or the server's). */
  classifyFor: (portalId: number) => Promise<ClassifyFn>;
  /** The portal's playbook (which roles a deal requires); without it deal jobs are dropped. */
  playbookFor?: (portalId: number) => Promise<Playbook>;
  counters: Counters;
  now?: () => Date;
  /**
   * How long a claimed batch stays leased; renewed every third of it while it is worked on and right before
   * each write, so only a dead or stalled process loses it. Keep it above a write's answer timeout (30 s):
   * a write that passed the fence must land before the lease it extended can run out.
   */
  leaseMs?: number;
  maxAttempts?: number;
  /** First retry delay; doubles per attempt up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Idle poll interval; `wake()` starts work sooner. */
  idleMs?: number;
  /** After a wake-up, wait this long so events of one burst land in one batch of 100. */
  gatherMs?: number;
  /** Batches worked on at once by this process (each from the portal that waited longest). */
  concurrency?: number;
  log?: (message: string, detail?: Record<string, unknown>) => void;
}

const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** Exponential backoff with a little jitter, honouring a server's Retry-After when it is longer. */
export function backoff(attempt: number, base: number, max: number, retryAfterMs = 0): number {
  const exp = Math.min(max, base * 2 ** attempt);
  return Math.max(retryAfterMs, Math.round(exp * (0.8 + Math.random() * 0.4)));
}

type Resolved = Required<Omit<WorkerOptions, 'log' | 'playbookFor'>> &
  Pick<WorkerOptions, 'log' | 'playbookFor'>;

/**
 * The background loops: each claims up to 100 contacts of the portal that has waited longest, tags them
 * with that portal's connection, and records outcome and audit in one transaction.
 */
export class Worker {
  readonly #o: Resolved;
  /** This process's name; each claim's lease token is this name and a claim number. */
  readonly owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  #claims = 0;
  #running = false;
  #loops: Promise<void>[] = [];
  #sleepers = new Set<() => void>();
  #woken = false;

  constructor(options: WorkerOptions) {
    this.#o = {
      now: () => new Date(),
      leaseMs: 60_000,
      maxAttempts: 8,
      backoffMs: 1000,
      maxBackoffMs: 5 * 60_000,
      idleMs: 1000,
      gatherMs: 200,
      concurrency: 2,
      ...options,
    };
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loops = Array.from({ length: Math.max(1, this.#o.concurrency) }, (_, i) => this.#run(i === 0));
  }

  /** Work is waiting: skip the rest of the idle sleep. */
  wake(): void {
    this.#woken = true;
    for (const wake of [...this.#sleepers]) wake();
  }

  /** Stops claiming and waits for the batches in hand to finish, so nothing is left half-written. */
  async stop(): Promise<void> {
    this.#running = false;
    this.wake();
    await Promise.all(this.#loops);
  }

  async #run(prunes: boolean): Promise<void> {
    let prunedAt = 0;
    while (this.#running) {
      const now = this.#o.now().getTime();
      if (prunes && now - prunedAt > PRUNE_EVERY_MS) {
        prunedAt = now;
        await this.#o.store.queue.prune().catch(() => {});
        await this.#o.store.requests.prune().catch(() => {});
        await this.#o.store.portals.forgetUninstalled().catch(() => []);
      }
      let didWork = false;
      try {
        didWork = (await this.runOnce()) > 0;
      } catch (error) {
        this.#o.log?.('worker batch failed unexpectedly', { error: String(error) });
      }
      if (!didWork && this.#running) await this.#sleep();
      if (this.#woken && this.#running && this.#o.gatherMs > 0) {
        this.#woken = false;
        await new Promise((resolve) => setTimeout(resolve, this.#o.gatherMs));
      }
    }
  }

  async #sleep(): Promise<void> {
    const due = await this.#o.store.queue.nextDueInMs().catch(() => null);
    const ms = due === null ? this.#o.idleMs : Math.min(this.#o.idleMs, Math.max(10, due));
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#sleepers.add(done);
    });
    this.#sleepers.clear();
  }

  /** One round: claim one portal's batch, expand companies into contacts, tag contacts. Returns jobs handled. */
  async runOnce(): Promise<number> {
    const { queue } = this.#o.store;
    // A lease token per claim, so two loops of one process never share a lease either.
    this.#claims += 1;
    const lease = `${this.owner}.${this.#claims}`;
    const leaseMs = this.#o.leaseMs;
    const claim = await queue.claim(lease, { contacts: 100, companies: 10, deals: 20, leaseMs });
    if (!claim) return 0;
    const heartbeat = setInterval(
      () =>
        void queue
          .extend(lease, claim.portalId, leaseMs)
          .then((held) => {
            if (held === 0) clearInterval(heartbeat);
          })
          .catch(() => {}),
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    try {
      return await this.#work(claim, lease);
    } finally {
      clearInterval(heartbeat);
    }
  }

  async #work(claim: Claim, lease: string): Promise<number> {
    const { store, counters } = this.#o;
    const { portalId } = claim;
    const handled = claim.companies.length + claim.contacts.length + claim.deals.length;
    const port = await this.#o.ports.portFor(portalId);
    if (!port) {
      // Disconnected between claim and work: keep the jobs for when the portal is installed again.
      const wait: PortFailure = {
        message: 'portal not connected',
        retryable: true,
        defer: true,
        retryAfterMs: 60_000,
      };
      for (const job of [...claim.companies, ...claim.contacts, ...claim.deals])
        await this.#retry(lease, portalId, job.kind, job.objectId, job.attempts, wait);
      return handled;
    }
    if (claim.deals.length > 0) {
      await runDealJobs({ ...this.#o, lease, portalId, jobs: claim.deals }, (kind, id, n, error) =>
        this.#retry(lease, portalId, kind, id, n, error),
      );
    }
    for (const job of claim.companies) {
      if (!port.contactIdsOfCompany) {
        await store.queue.complete(lease, portalId, 'company', [job.objectId]);
        continue;
      }
      const ids = await port.contactIdsOfCompany(job.objectId);
      if (ids.ok) {
        await store.queue.enqueue(portalId, 'contact', ids.value);
        await store.queue.complete(lease, portalId, 'company', [job.objectId]);
      } else await this.#retry(lease, portalId, 'company', job.objectId, job.attempts, ids.error);
    }
    if (claim.contacts.length === 0) return handled;
    const startedAt = this.#o.now().getTime();
    const attempts = new Map(claim.contacts.map((j) => [j.objectId, j.attempts]));
    const outcomes = await tagContacts(
      claim.contacts.map((j) => j.objectId),
      {
        port,
        classify: await this.#o.classifyFor(portalId),
        mode: 'overwrite',
        now: this.#o.now,
        // The fence: a write leaves only while this claim still holds every contact in it.
        fence: async (ids) =>
          (await store.queue.hold(lease, portalId, 'contact', ids, this.#o.leaseMs)) === ids.length,
      },
    );
    const finished: string[] = [];
    const changes: AuditChange[] = [];
    let failed = 0;
    // A portal that got disconnected meanwhile (uninstalled, refresh refused) keeps its jobs for a re-install.
    const gone = outcomes.some((o) => o.status === 'failed') && !(await this.#o.ports.portFor(portalId));
    for (const outcome of outcomes) {
      if (outcome.status === 'failed') {
        failed += 1;
        const error: PortFailure = gone
          ? { message: 'portal disconnected', retryable: true, defer: true, retryAfterMs: 60_000 }
          : outcome.error;
        await this.#retry(lease, portalId, 'contact', outcome.id, attempts.get(outcome.id) ?? 0, error);
        continue;
      }
      finished.push(outcome.id);
      if (outcome.status === 'written') {
        counters.contactsWritten += 1;
        for (const c of outcome.plan.changes) {
          changes.push({
            contactId: outcome.id,
            property: c.property,
            before: c.before ?? null,
            after: c.after,
          });
        }
      } else if (outcome.status === 'unchanged') counters.contactsUnchanged += 1;
      else if (outcome.status === 'skipped') counters.contactsSkipped += 1;
      else counters.contactsNotFound += 1;
    }
    // A contact whose role changed may play another part on its deals: those deals are evaluated again.
    await enqueueDealsOf(
      this.#o,
      portalId,
      outcomes.filter((o) => o.status === 'written').map((o) => o.id),
    );
    await store.db.tx(async (q) => {
      await store.queue.complete(lease, portalId, 'contact', finished, q);
      await store.audit.record(
        { portalId, source: 'webhook', startedAt, contacts: outcomes.length, failed, changes },
        q,
      );
    });
    return handled;
  }

  async #retry(
    lease: string,
    portalId: number,
    kind: JobKind,
    id: string,
    attempts: number,
    error: PortFailure,
  ): Promise<void> {
    const { store, counters } = this.#o;
    const max = error.defer ? Number.MAX_SAFE_INTEGER : error.retryable ? this.#o.maxAttempts : attempts + 1;
    const delay = backoff(attempts, this.#o.backoffMs, this.#o.maxBackoffMs, error.retryAfterMs);
    const state = await store.queue.retry(lease, portalId, kind, id, error.message, delay, max);
    if (state === null) return; // the lease was lost: the job belongs to whoever took it over
    if (state === 'failed') {
      counters.jobsFailed += 1;
      this.#o.log?.('job failed for good', { portalId, kind, id, error: error.message });
    } else counters.jobsRetried += 1;
  }
}
