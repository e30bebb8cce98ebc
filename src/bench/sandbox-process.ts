import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AuditDb } from '../tag/audit-db.ts';

/** What the tag and deals benches share: a sandbox in its own process, a worker process per size, one portal. */

/** HubSpot Professional: 190 requests per rolling 10 s. */
export const PRO_RATE = { perTenSeconds: 190, perSecond: 19 };

const root = join(import.meta.dirname, '../..');

/** Starts `rolecall sandbox --port 0 --rate pro --json` plus `flags` in a child process; resolves on its URL line. */
export async function startSandboxProcess(
  flags: readonly string[],
): Promise<{ child: ChildProcess; baseUrl: string; token: string }> {
  const child = spawn(
    process.execPath,
    [join(root, 'src/cli/rolecall.mjs'), 'sandbox', ...flags, '--port', '0', '--rate', 'pro', '--json'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (!line.trim().startsWith('{')) continue;
    const { baseUrl, token } = JSON.parse(line) as { baseUrl: string; token: string };
    return { child, baseUrl, token };
  }
  throw new Error('the sandbox process exited before printing its address');
}

/**
 * Runs `benchFile --worker <url> <token>` (with --expose-gc) against a fresh sandbox process started with
 * `sandboxFlags`, and returns the JSON line the worker printed last. Each size gets its own processes, so peak
 * RSS is the worker's alone.
 */
export async function measureInWorker<T>(benchFile: string, sandboxFlags: readonly string[]): Promise<T> {
  const sandbox = await startSandboxProcess(sandboxFlags);
  try {
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', benchFile, '--worker', sandbox.baseUrl, sandbox.token],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
    );
    const line = run.stdout.trim().split('\n').at(-1) ?? '';
    if (run.status !== 0 || !line.startsWith('{'))
      throw new Error(`${benchFile} worker failed (exit ${run.status})`);
    return JSON.parse(line) as T;
  } finally {
    sandbox.child.kill('SIGTERM');
  }
}

/**
 * In a worker: a gateway at the Professional limit, the portal set up, and a fresh audit DB with run `bench`.
 * Waits until setup's requests leave the rolling window, so the timed run starts with a fresh job's budget.
 */
export async function openBenchPortal(baseUrl: string, token: string) {
  const { createGateway } = await import('../hubspot/gateway.ts');
  const { setupPortal } = await import('../hubspot/setup.ts');
  const { defaultPlaybook } = await import('../playbook/default.ts');
  const { AuditDb } = await import('../tag/audit-db.ts');
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-bench-'));
  const db = new AuditDb(join(dir, 'rolecall.db'));
  const gateway = createGateway({ accessToken: token, baseUrl, maxPerInterval: PRO_RATE.perTenSeconds });
  const setup = await setupPortal(gateway, defaultPlaybook, false);
  if (setup.error) throw new Error(setup.error.message);
  await new Promise((resolve) => setTimeout(resolve, 10_500));
  db.createRun({ id: 'bench', kind: 'tag', target: baseUrl, options: {} });
  const close = () => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { gateway, db, playbook: defaultPlaybook, close };
}

export type BenchPortal = Awaited<ReturnType<typeof openBenchPortal>>;

/** In a worker: one timed `runTag` over every contact of the bench portal (run `bench`), and what it cost. */
export async function timedTagRun({ gateway, db, playbook }: BenchPortal) {
  const { classify } = await import('../classify/classify.ts');
  const { runTag } = await import('../tag/run-tag.ts');
  const { allContacts } = await import('../tag/source.ts');
  const before = gateway.metrics();
  const started = performance.now();
  const summary = await runTag({
    gateway,
    db,
    playbook,
    classify,
    source: allContacts(gateway),
    runId: 'bench',
  });
  const seconds = (performance.now() - started) / 1000;
  if (summary.status !== 'done')
    throw new Error(`tagging ended ${summary.status}: ${summary.error?.message}`);
  const after = gateway.metrics();
  const companies = companiesSeen(db);
  return {
    summary,
    seconds,
    companies,
    requests: after.requests - before.requests,
    retries: after.retries - before.retries,
    rateLimited: after.rateLimited - before.rateLimited,
    minimumRequests: tagMinimumRequests(summary.processed, companies, summary.contactsWritten),
  };
}

/** Live heap after a full GC (the worker runs with --expose-gc): what the run still holds. */
export function liveHeapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/**
 * The least requests any tagger needs: list pages of 100 (with history), association reads of 1,000, company
 * reads of 100 distinct companies, and update batches of 100 changed contacts.
 */
export function tagMinimumRequests(contacts: number, companies: number, written: number): number {
  return (
    Math.ceil(contacts / 100) +
    Math.ceil(contacts / 1000) +
    Math.ceil(companies / 100) +
    Math.ceil(written / 100)
  );
}

/** Distinct companies the run `bench` saw. */
export function companiesSeen(db: AuditDb): number {
  const row = db.db.prepare(`SELECT COUNT(DISTINCT company_id) AS n FROM seen WHERE run_id = 'bench'`).get();
  return (row as { n: number }).n;
}
