import type { CrmPort, PortFailure } from './crm-port.ts';
import type { Counters } from './metrics.ts';
import type { JobQueue } from './queue.ts';
import { type ClassifyFn, tagContacts } from './tagger.ts';

export interface WorkerOptions {
  queue: JobQueue;
  port: CrmPort;
  classify: ClassifyFn;
  counters: Counters;
  now?: () => Date;
  /** How long a claimed batch stays leased before another worker may take it. */
  leaseMs?: number;
  maxAttempts?: number;
  /** First retry delay; doubles per attempt up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Idle poll interval; `wake()` starts work sooner. */
  idleMs?: number;
  /** After a wake-up, wait this long so events of one burst land in one batch of 100. */
  gatherMs?: number;
  log?: (message: string, detail?: Record<string, unknown>) => void;
}

const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** Exponential backoff with a little jitter, honouring a server's Retry-After when it is longer. */
export function backoff(attempt: number, base: number, max: number, retryAfterMs = 0): number {
  const exp = Math.min(max, base * 2 ** attempt);
  return Math.max(retryAfterMs, Math.round(exp * (0.8 + Math.random() * 0.4)));
}

/** The background loop: claims up to 100 contacts, tags them, and records each outcome in the queue. */
export class Worker {
  readonly #o: Required<Omit<WorkerOptions, 'log'>> & Pick<WorkerOptions, 'log'>;
  #running = false;
  #loop: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #wakeUp: (() => void) | undefined;
  #woken = false;

  constructor(options: WorkerOptions) {
    this.#o = {
      now: () => new Date(),
      leaseMs: 120_000,
      maxAttempts: 8,
      backoffMs: 1000,
      maxBackoffMs: 5 * 60_000,
      idleMs: 1000,
      gatherMs: 200,
      ...options,
    };
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  /** Work is waiting: skip the rest of the idle sleep. */
  wake(): void {
    this.#wakeUp?.();
  }

  /** Stops claiming and waits for the batch in hand to finish, so nothing is left half-written. */
  async stop(): Promise<void> {
    this.#running = false;
    this.wake();
    await this.#loop;
  }

  async #run(): Promise<void> {
    let prunedAt = 0;
    while (this.#running) {
      const now = this.#o.now().getTime();
      if (now - prunedAt > PRUNE_EVERY_MS) {
        prunedAt = now;
        this.#o.queue.prune();
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

  #sleep(): Promise<void> {
    const due = this.#o.queue.nextDueInMs();
    const ms = due === null ? this.#o.idleMs : Math.min(this.#o.idleMs, Math.max(10, due));
    return new Promise<void>((resolve) => {
      this.#wakeUp = () => {
        this.#woken = true;
        clearTimeout(this.#timer);
        resolve();
      };
      this.#timer = setTimeout(resolve, ms);
    }).then(() => {
      this.#wakeUp = undefined;
    });
  }

  /** One round: expand company jobs into contact jobs, then tag one batch of contacts. Returns jobs handled. */
  async runOnce(): Promise<number> {
    const { queue, port, counters } = this.#o;
    const companies = queue.claim('company', 10, this.#o.leaseMs);
    for (const job of companies) {
      if (!port.contactIdsOfCompany) {
        queue.complete('company', job.objectId);
        continue;
      }
      const ids = await port.contactIdsOfCompany(job.objectId);
      if (ids.ok) {
        for (const id of ids.value) queue.enqueue('contact', id);
        queue.complete('company', job.objectId);
      } else this.#retry('company', job.objectId, job.attempts, ids.error);
    }
    const jobs = queue.claim('contact', 100, this.#o.leaseMs);
    if (jobs.length === 0) return companies.length;
    const attempts = new Map(jobs.map((j) => [j.objectId, j.attempts]));
    const outcomes = await tagContacts(
      jobs.map((j) => j.objectId),
      { port, classify: this.#o.classify, mode: 'overwrite', now: this.#o.now },
    );
    for (const outcome of outcomes) {
      if (outcome.status === 'failed') {
        this.#retry('contact', outcome.id, attempts.get(outcome.id) ?? 0, outcome.error);
        continue;
      }
      queue.complete('contact', outcome.id);
      if (outcome.status === 'written') counters.contactsWritten += 1;
      else if (outcome.status === 'unchanged') counters.contactsUnchanged += 1;
      else if (outcome.status === 'skipped') counters.contactsSkipped += 1;
      else counters.contactsNotFound += 1;
    }
    return jobs.length + companies.length;
  }

  #retry(kind: 'contact' | 'company', id: string, attempts: number, error: PortFailure): void {
    const { queue, counters } = this.#o;
    const max = error.defer ? Number.MAX_SAFE_INTEGER : error.retryable ? this.#o.maxAttempts : attempts + 1;
    const delay = backoff(attempts, this.#o.backoffMs, this.#o.maxBackoffMs, error.retryAfterMs);
    const state = queue.retry(kind, id, error.message, delay, max);
    if (state === 'failed') {
      counters.jobsFailed += 1;
      this.#o.log?.('job failed for good', { kind, id, error: error.message });
    } else counters.jobsRetried += 1;
  }
}
