/**
 * Webhook throughput benchmark: a sandbox portal at the Pro rate limit (190 calls / 10 s), N contacts, E creation
 * events in deliveries of 100 (10 in parallel, like HubSpot's maxConcurrentRequests), until every contact is done.
 * Run: npm run bench -- serve, or node --import tsx src/bench/serve.bench.ts [contacts=5000] [events=10000]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway } from '../hubspot/gateway.ts';
import { setupPortal } from '../hubspot/setup.ts';
import { defaultPlaybook } from '../playbook/default.ts';
import { startSandbox } from '../sandbox/index.ts';
import { buildServer } from '../server/app.ts';
import { gatewayPort } from '../server/gateway-port.ts';
import { signV3 } from '../server/signature.ts';
import { boundClassify } from '../server/tagger.ts';

const contacts = Number(process.argv[2] ?? 5000);
const total = Number(process.argv[3] ?? 10_000);
const secret = 'bench-client-secret';
const publicUrl = 'https://rolecall.bench';

const sandbox = await startSandbox({
  contacts,
  seed: 3,
  rateLimit: { perTenSeconds: 190, daily: 1_000_000 },
});
const setup = await setupPortal(
  createGateway({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl }),
  defaultPlaybook,
  false,
);
if (setup.error) throw new Error(setup.error.message);
const setupCalls = sandbox.requestCount();
const gateway = createGateway({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl });
const dbPath = join(mkdtempSync(join(tmpdir(), 'rolecall-bench-')), 'queue.db');
const server = await buildServer(
  { clientSecret: secret, publicUrl, dbPath, port: 0, host: '127.0.0.1' },
  { port: gatewayPort(gateway), classify: boundClassify(defaultPlaybook), logger: false },
);
const url = await server.listen();

const events = Array.from({ length: total }, (_, i) => ({
  eventId: i + 1,
  subscriptionType: 'object.creation',
  objectType: 'contact',
  objectId: 1001 + (i % contacts),
}));
const deliveries = Array.from({ length: Math.ceil(total / 100) }, (_, i) =>
  events.slice(i * 100, i * 100 + 100),
);
const acks: number[] = [];
const t0 = performance.now();
for (let i = 0; i < deliveries.length; i += 10) {
  await Promise.all(
    deliveries.slice(i, i + 10).map(async (delivery) => {
      const raw = JSON.stringify(delivery);
      const timestamp = Date.now();
      const start = performance.now();
      const response = await fetch(`${url}/hubspot/webhooks`, {
        method: 'POST',
        body: raw,
        headers: {
          'content-type': 'application/json',
          'x-hubspot-signature-v3': signV3(secret, 'POST', `${publicUrl}/hubspot/webhooks`, raw, timestamp),
          'x-hubspot-request-timestamp': String(timestamp),
        },
      });
      if (response.status !== 200) throw new Error(`delivery answered ${response.status}`);
      acks.push(performance.now() - start);
    }),
  );
}
const acceptedMs = performance.now() - t0;
while ((await server.store.queue.counts()).done < contacts)
  await new Promise((resolve) => setTimeout(resolve, 50));
const drainedMs = performance.now() - t0;
acks.sort((a, b) => a - b);
const calls = sandbox.requestLog.slice(setupCalls);
console.log(
  JSON.stringify({
    contacts,
    events: total,
    acceptAllMs: Math.round(acceptedMs),
    ackP50Ms: Math.round(acks[acks.length >> 1] ?? 0),
    ackMaxMs: Math.round(acks.at(-1) ?? 0),
    drainMs: Math.round(drainedMs),
    contactsPerSecond: Math.round(contacts / (drainedMs / 1000)),
    hubspotCalls: calls.length,
    http429: calls.filter((e) => e.status === 429).length,
    limiterWaits: gateway.metrics().rateLimitWaits,
  }),
);
await server.close();
await sandbox.close();
