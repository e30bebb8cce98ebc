/**
 * Scaling benchmark of `rolecall serve` on PostgreSQL: 1 vs 3 processes, on 1 vs 3 OAuth-installed sandbox
 * portals (HubSpot's 110 requests / 10 s per installing portal), all in one run so the ratios compare like with
 * like on the same machine. Each case: fresh database, N serve processes, P portals installed through the OAuth
 * flow, EVENTS creation events per portal delivered round-robin to the processes; timed until every job is done.
 * Fairness: the first portal to finish over the last (1.0 = every portal done at the same moment).
 * Needs PostgreSQL: TEST_DATABASE_URL or DATABASE_URL (an admin URL; a throwaway database is made per case).
 * Run: npm run bench -- serve, or node --import tsx src/bench/serve-scale.bench.ts [contactsPerPortal=3000]
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import pg from 'pg';
import { startSandbox } from '../sandbox/index.ts';
import { signV3 } from '../server/signature.ts';
import { busiestWindow, startServeProcess } from './serve-process.ts';

const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';
if (!adminUrl) {
  console.log(
    'serve-scale skipped: set TEST_DATABASE_URL=postgres://… (several serve processes share one PostgreSQL).',
  );
  process.exit(0);
}
const perPortal = Number(process.argv[2] ?? 3000);
const CLIENT = { clientId: 'rolecall-bench-client', clientSecret: 'bench-client-secret-000001' };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The browser's part of an install: /oauth/install → the sandbox's authorize page → /oauth/callback. */
async function install(serverUrl: string): Promise<void> {
  const start = await fetch(`${serverUrl}/oauth/install`, { redirect: 'manual' });
  const approved = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
  const callback = await fetch(approved.headers.get('location') ?? '', { redirect: 'manual' });
  if (callback.status !== 200) throw new Error(`install answered ${callback.status}`);
}

interface Result {
  instances: number;
  portals: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  requests: number;
  requestsPerPortal: number[];
  busiestTenSeconds: number;
  fairness: number;
}

async function measure(instances: number, portals: number): Promise<Result> {
  const name = `rolecall_bench_${randomBytes(5).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const sandbox = await startSandbox({ contacts: perPortal, deals: 0, seed: 21, portals, oauth: CLIENT });
  const ports = await Promise.all(Array.from({ length: instances }, () => freePort()));
  const publicUrl = `http://127.0.0.1:${ports[0]}`;
  const processes = ports.map((port) =>
    startServeProcess({
      DATABASE_URL: url.toString(),
      HUBSPOT_CLIENT_ID: CLIENT.clientId,
      HUBSPOT_CLIENT_SECRET: CLIENT.clientSecret,
      HUBSPOT_BASE_URL: sandbox.baseUrl,
      ROLECALL_PUBLIC_URL: publicUrl,
      ROLECALL_TOKEN_KEY: 'b'.repeat(64),
      HUBSPOT_ACCESS_TOKEN: '',
      PORT: String(port),
      HOST: '127.0.0.1',
    }),
  );
  const db = new pg.Client({ connectionString: url.toString() });
  try {
    await Promise.all(processes.map((p) => p.ready));
    for (let i = 0; i < portals; i += 1) await install(publicUrl);
    await db.connect();
    const hubIds = sandbox.portals.map((p) => p.portalId);
    const firstSeq = sandbox.requestCount();
    const urls = ports.map((port) => `http://127.0.0.1:${port}`);
    const deliveries: Record<string, unknown>[][] = [];
    for (const [p, portalId] of hubIds.entries()) {
      for (let start = 0; start < perPortal; start += 100) {
        deliveries.push(
          Array.from({ length: Math.min(100, perPortal - start) }, (_, i) => ({
            eventId: p * 1_000_000 + start + i + 1,
            subscriptionType: 'object.creation',
            objectType: 'contact',
            objectId: 1001 + start + i,
            portalId,
          })),
        );
      }
    }
    // Interleave the portals' deliveries, as HubSpot would send them.
    deliveries.sort((a, b) => (Number(a[0]?.eventId) % 1_000_000) - (Number(b[0]?.eventId) % 1_000_000));
    const t0 = performance.now();
    for (let i = 0; i < deliveries.length; i += 6) {
      await Promise.all(
        deliveries.slice(i, i + 6).map(async (delivery, k) => {
          const target = urls[(i + k) % urls.length] as string;
          const raw = JSON.stringify(delivery);
          const timestamp = Date.now();
          const signature = signV3(
            CLIENT.clientSecret,
            'POST',
            `${publicUrl}/hubspot/webhooks`,
            raw,
            timestamp,
          );
          const res = await fetch(`${target}/hubspot/webhooks`, {
            method: 'POST',
            body: raw,
            headers: {
              'content-type': 'application/json',
              'x-hubspot-signature-v3': signature,
              'x-hubspot-request-timestamp': String(timestamp),
            },
          });
          if (res.status !== 200) throw new Error(`delivery answered ${res.status}`);
        }),
      );
    }
    const finished = new Map<number, number>();
    const deadline = Date.now() + 15 * 60_000;
    while (finished.size < portals) {
      if (Date.now() > deadline) throw new Error('the queue did not drain within 15 minutes');
      const rows = await db.query<{ portal_id: string; n: string }>(
        `SELECT portal_id, COUNT(*) AS n FROM jobs WHERE state <> 'done' GROUP BY portal_id`,
      );
      const busy = new Set(rows.rows.map((r) => Number(r.portal_id)));
      for (const id of hubIds)
        if (!busy.has(id) && !finished.has(id)) finished.set(id, performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = Math.max(...finished.values()) / 1000;
    const log = sandbox.requestLog.filter((e) => e.seq > firstSeq && !e.path.startsWith('/oauth/'));
    const perPortalRequests = hubIds.map((id) => log.filter((e) => e.portalId === id).length);
    return {
      instances,
      portals,
      events: perPortal * portals,
      seconds: Math.round(seconds * 10) / 10,
      eventsPerSecond: Math.round((perPortal * portals) / seconds),
      requests: log.length,
      requestsPerPortal: perPortalRequests,
      busiestTenSeconds: Math.max(
        ...hubIds.map((id) => busiestWindow(log.filter((e) => e.portalId === id).map((e) => e.at))),
      ),
      fairness: Math.round((Math.min(...finished.values()) / Math.max(...finished.values())) * 100) / 100,
    };
  } finally {
    await db.end().catch(() => {});
    for (const p of processes) p.child.kill('SIGTERM');
    await Promise.all(
      processes.map(
        (p) =>
          new Promise((resolve) => (p.child.exitCode !== null ? resolve(0) : p.child.once('exit', resolve))),
      ),
    );
    await sandbox.close();
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => {});
  }
}

const results: Result[] = [];
for (const [instances, portals] of [
  [1, 1],
  [3, 1],
  [1, 3],
  [3, 3],
] as const) {
  const result = await measure(instances, portals);
  results.push(result);
  console.log(JSON.stringify(result));
}
const find = (i: number, p: number) => results.find((r) => r.instances === i && r.portals === p) as Result;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
console.log(
  JSON.stringify({
    contactsPerPortal: perPortal,
    threeInstancesOverOne_onePortal: ratio(find(3, 1).eventsPerSecond, find(1, 1).eventsPerSecond),
    threeInstancesOverOne_threePortals: ratio(find(3, 3).eventsPerSecond, find(1, 3).eventsPerSecond),
    threePortalsOverOne_oneInstance: ratio(find(1, 3).eventsPerSecond, find(1, 1).eventsPerSecond),
    threePortalsOverOne_threeInstances: ratio(find(3, 3).eventsPerSecond, find(3, 1).eventsPerSecond),
    busiestTenSecondsAnyPortal: Math.max(...results.map((r) => r.busiestTenSeconds)),
    portalLimit: 110,
  }),
);
