import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.ts';
import { openDb } from '../../src/server/store/db.ts';
import { freePort, SECRET, signedPost, until } from '../server/harness.ts';
import { installThroughBrowser } from '../server/oauth-flow.ts';
import { freshPostgres, POSTGRES_URL } from '../server/store/engines.ts';

const CLI = join(import.meta.dirname, '../../src/cli/rolecall.mjs');
const PER_PORTAL = 1700;
const EVENTS = 5000;
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => {});
});

function serve(env: Record<string, string>): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    let out = '';
    const look = (chunk: Buffer) => {
      out += String(chunk);
      if (out.includes('Server listening')) resolve();
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out.slice(-500)}`)));
  });
  return { child, ready };
}

/** The most requests of one portal inside any 10-second window of the sandbox's request log. */
function busiestWindow(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while ((sorted[i] as number) - (sorted[j] as number) >= 10_000) j += 1;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

// Opt-in (ROLECALL_E2E=1, ~3 minutes on 2 cores). KNOWN FAILURE as of this commit: everything holds (5,000 events
// accepted once, every job done once, the queue drained through the kill -9) except exactly-once writes — ~34
// contacts of one portal were written twice when a batch's 3-second lease was taken over while its first holder
// was still writing. Fix: fence the write on the lease (re-check ownership right before updateContacts) and/or a
// longer lease; then turn this on in CI.
describe.skipIf(!POSTGRES_URL || !process.env.ROLECALL_E2E)(
  'three rolecall serve processes on one PostgreSQL',
  () => {
    it('installs three portals by OAuth, drains 5,000 events exactly once through a kill -9, within each portal’s limit', async () => {
      const clientId = 'rolecall-e2e-client';
      const sandbox = await startSandbox({
        port: 0,
        contacts: PER_PORTAL,
        seed: 11,
        portals: 3,
        oauth: { clientId, clientSecret: SECRET },
        searchPerSecond: 5,
      });
      cleanup.push(() => sandbox.close());
      const database = await freshPostgres();
      cleanup.push(() => database.drop());
      const ports = [await freePort(), await freePort(), await freePort()];
      const publicUrl = `http://127.0.0.1:${ports[0]}`;
      const processes = ports.map((port) =>
        serve({
          DATABASE_URL: database.url,
          HUBSPOT_CLIENT_ID: clientId,
          HUBSPOT_CLIENT_SECRET: SECRET,
          HUBSPOT_BASE_URL: sandbox.baseUrl,
          ROLECALL_PUBLIC_URL: publicUrl,
          ROLECALL_TOKEN_KEY: 'c'.repeat(64),
          ROLECALL_LEASE_SECONDS: '3',
          HUBSPOT_ACCESS_TOKEN: '',
          PORT: String(port),
          HOST: '127.0.0.1',
        }),
      );
      for (const p of processes) cleanup.push(async () => p.child.kill('SIGKILL'));
      await Promise.all(processes.map((p) => p.ready));

      for (let i = 0; i < 3; i += 1) expect((await installThroughBrowser(publicUrl)).status).toBe(200);
      const hubIds = sandbox.portals.map((p) => p.portalId);

      // 5,000 creation events over the three portals, delivered to all three processes, some twice (HubSpot retries).
      const events = Array.from({ length: EVENTS }, (_, i) => ({
        eventId: 10_000 + i,
        subscriptionType: 'object.creation',
        objectType: 'contact',
        objectId: 1001 + (Math.floor(i / 3) % PER_PORTAL),
        portalId: hubIds[i % 3],
      }));
      const urls = ports.map((port) => `http://127.0.0.1:${port}`);
      const deliveries = Array.from({ length: EVENTS / 100 }, (_, i) => events.slice(i * 100, i * 100 + 100));
      let killed = false;
      for (let i = 0; i < deliveries.length; i += 1) {
        const target = killed ? (urls[i % 2] as string) : (urls[i % 3] as string);
        const reply = await signedPost(target, '/hubspot/webhooks', deliveries[i], { signedBase: publicUrl });
        expect(reply.status).toBe(200);
        if (i % 10 === 0)
          await signedPost(target, '/hubspot/webhooks', deliveries[i], { signedBase: publicUrl });
        if (i === 30) {
          processes[2]?.child.kill('SIGKILL'); // while the queue drains
          killed = true;
        }
      }

      const db = await openDb({ databaseUrl: database.url, poolSize: 2 });
      cleanup.push(() => db.close());
      const counts = async () =>
        Object.fromEntries(
          (
            await db.query<{ state: string; n: number }>(
              'SELECT state, COUNT(*) AS n FROM jobs GROUP BY state',
            )
          ).map((r) => [r.state, Number(r.n)]),
        );
      await until(
        async () => {
          const c = await counts();
          return (c.pending ?? 0) === 0 && (c.in_flight ?? 0) === 0;
        },
        150_000,
        'the queue drained',
      );
      const unique = new Set(events.map((e) => `${e.portalId}:${e.objectId}`));
      expect(await counts()).toEqual({ done: unique.size });
      const [seen] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM seen_events');
      expect(Number(seen?.n)).toBe(EVENTS);

      // Exactly once: each contact written once in its own portal, never in another portal's copy of that id.
      for (const [index, portal] of sandbox.portals.entries()) {
        const ids = [...unique]
          .filter((k) => k.startsWith(`${portal.portalId}:`))
          .map((k) => Number(k.split(':')[1]));
        const writeCounts = ids.map(
          (id) =>
            portal.store
              .history('contacts', id, 'rolecall_classified_at')
              .filter((e) => e.sourceType === 'INTEGRATION').length,
        );
        expect(
          writeCounts.filter((n) => n !== 1),
          `portal ${index}`,
        ).toEqual([]);
      }
      // No portal above HubSpot's 110 requests in any 10-second window.
      for (const id of hubIds) {
        const times = sandbox.requestLog
          .filter((e) => e.portalId === id && !e.path.startsWith('/oauth/'))
          .map((e) => e.at);
        expect(busiestWindow(times), `portal ${id}`).toBeLessThanOrEqual(110);
      }
      expect(sandbox.requestLog.filter((e) => e.status === 429)).toEqual([]);

      // A request signed for one portal cannot be turned into another portal's.
      const forged = await signedPost(
        urls[0] as string,
        `/hubspot/bulk-classify?portalId=${hubIds[0]}`,
        { objectIds: [1001] },
        {
          signedBase: publicUrl,
          tamperUrl: (url) => url.replace(`portalId=${hubIds[0]}`, `portalId=${hubIds[1]}`),
        },
      );
      expect(forged.status).toBe(401);
    }, 240_000);
  },
);
