import { afterAll, describe, expect, it } from 'vitest';
import { busiestWindow, startServeProcess } from '../../src/bench/serve-process.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { openDb } from '../../src/server/store/db.ts';
import { freePort, SECRET, signedPost, until } from '../server/harness.ts';
import { installThroughBrowser } from '../server/oauth-flow.ts';
import { freshPostgres, POSTGRES_URL } from '../server/store/engines.ts';

const PER_PORTAL = 1700;
const EVENTS = 5000;
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.splice(0).reverse()) await step().catch(() => {});
});

interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  status: number;
  at: number;
  ids: string[];
  portalId?: number;
}

/** The sandbox's whole request log, read from outside over HTTP (`GET /_sandbox/requests`), page by page. */
async function requestLog(baseUrl: string): Promise<LoggedRequest[]> {
  const all: LoggedRequest[] = [];
  for (let since = 0; ; ) {
    const page = (await (await fetch(`${baseUrl}/_sandbox/requests?since=${since}&limit=100000`)).json()) as {
      results: LoggedRequest[];
      next: number;
    };
    all.push(...page.results);
    if (page.results.length === 0) return all;
    since = page.next;
  }
}

// Runs wherever PostgreSQL is (bash .ci/run exports TEST_DATABASE_URL). About 30 s alone on 2 cores; every wait
// is on a condition with a generous bound, so a loaded machine slows it down without failing it.
describe.skipIf(!POSTGRES_URL)('three rolecall serve processes on one PostgreSQL', () => {
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
      startServeProcess({
        DATABASE_URL: database.url,
        HUBSPOT_CLIENT_ID: clientId,
        HUBSPOT_CLIENT_SECRET: SECRET,
        HUBSPOT_BASE_URL: sandbox.baseUrl,
        ROLECALL_PUBLIC_URL: publicUrl,
        ROLECALL_TOKEN_KEY: 'c'.repeat(64),
        // Short enough that the killed process's batches come back within the test, long enough that a live
        // process under load keeps its leases (renewed every third of it, and right before each write).
        ROLECALL_LEASE_SECONDS: '8',
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
    // Three deliveries at a time, as HubSpot sends concurrently; each tenth one is delivered again.
    let killed = false;
    const deliver = async (i: number) => {
      const target = killed ? (urls[i % 2] as string) : (urls[i % 3] as string);
      const reply = await signedPost(target, '/hubspot/webhooks', deliveries[i], { signedBase: publicUrl });
      expect(reply.status).toBe(200);
      if (i % 10 === 0)
        await signedPost(target, '/hubspot/webhooks', deliveries[i], { signedBase: publicUrl });
    };
    for (let i = 0; i < deliveries.length; i += 3) {
      await Promise.all([i, i + 1, i + 2].filter((n) => n < deliveries.length).map(deliver));
      if (i === 30) {
        processes[2]?.child.kill('SIGKILL'); // while the queue drains
        killed = true;
      }
    }

    const db = await openDb({ databaseUrl: database.url, poolSize: 2 });
    cleanup.push(() => db.close());
    // Contact jobs are the events' own; the deals of contacts that were written are queued as deal jobs too.
    const counts = async (kind?: 'contact') =>
      Object.fromEntries(
        (
          await db.query<{ state: string; n: number }>(
            `SELECT state, COUNT(*) AS n FROM jobs ${kind ? 'WHERE kind = $1' : ''} GROUP BY state`,
            kind ? [kind] : [],
          )
        ).map((r) => [r.state, Number(r.n)]),
      );
    await until(
      async () => {
        const c = await counts();
        return (c.pending ?? 0) === 0 && (c.in_flight ?? 0) === 0;
      },
      180_000,
      'the queue drained',
    );
    const unique = new Set(events.map((e) => `${e.portalId}:${e.objectId}`));
    expect(await counts('contact')).toEqual({ done: unique.size });
    expect(Object.keys(await counts())).toEqual(['done']);
    const [seen] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM seen_events');
    expect(Number(seen?.n)).toBe(EVENTS);

    // Exactly-once effect, counted from the sandbox's request log over HTTP: every contact is in exactly one
    // accepted batch update of its own portal (a write that lost its lease is never sent), whatever process
    // sent it and whatever the kill -9 interrupted.
    const log = await requestLog(sandbox.baseUrl);
    for (const portal of sandbox.portals) {
      const ids = [...unique]
        .filter((k) => k.startsWith(`${portal.portalId}:`))
        .map((k) => k.split(':')[1] as string);
      const writes = new Map<string, number>();
      for (const entry of log) {
        if (entry.portalId !== portal.portalId || entry.method !== 'POST') continue;
        if (!entry.path.startsWith('/crm/v3/objects/contacts/batch/update')) continue;
        for (const id of entry.ids) writes.set(id, (writes.get(id) ?? 0) + 1);
      }
      expect(
        ids.filter((id) => writes.get(id) !== 1),
        `portal ${portal.portalId}: contacts not written exactly once`,
      ).toEqual([]);
      expect([...writes.keys()].filter((id) => !ids.includes(id))).toEqual([]);
    }
    // No portal above HubSpot's 110 requests in any 10-second window.
    for (const id of hubIds) {
      const times = log.filter((e) => e.portalId === id && !e.path.startsWith('/oauth/')).map((e) => e.at);
      expect(busiestWindow(times), `portal ${id}`).toBeLessThanOrEqual(110);
    }
    expect(log.filter((e) => e.status === 429)).toEqual([]);

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
  }, 300_000);
});
