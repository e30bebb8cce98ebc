import { afterEach, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { buildServer, type RolecallServer } from '../../src/server/app.ts';
import { loadServerConfig } from '../../src/server/config.ts';
import type { CrmPort } from '../../src/server/crm-port.ts';
import { boundClassify } from '../../src/server/tagger.ts';
import { tempDb } from './harness.ts';

const idlePort: CrmPort = {
  readContacts: async () => ({ ok: true, value: [] }) as never,
  readPrimaryCompanies: async () => ({ ok: true, value: new Map() }) as never,
  updateContacts: async () => ({ ok: true, value: [] }) as never,
};
const TOKEN = 'metrics-token-0123456789abcdef';

function start(dbPath: string, metricsToken?: string): Promise<RolecallServer> {
  return buildServer(
    {
      clientSecret: 'health-secret-1',
      publicUrl: 'https://rolecall.example.com',
      dbPath,
      port: 0,
      host: '127.0.0.1',
      ...(metricsToken ? { metricsToken } : {}),
    },
    { port: idlePort, classify: boundClassify(defaultPlaybook), logger: false, worker: false },
  );
}

describe('/healthz and /metrics (issue 12.10)', () => {
  let server: RolecallServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('/healthz says only that the service and its database answer', async () => {
    server = await start(':memory:');
    await server.queue.accept(0, [{ eventId: 'e1', kind: 'contact', objectId: '5' }]);
    const health = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
  });

  it('/metrics needs the bearer token when ROLECALL_METRICS_TOKEN is set', async () => {
    server = await start(':memory:', TOKEN);
    const open = await server.app.inject({ method: 'GET', url: '/metrics' });
    expect(open.statusCode).toBe(401);
    expect(open.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(open.body).not.toMatch(/pending/);
    const wrong = await server.app.inject({
      method: 'GET',
      url: '/metrics?format=prometheus',
      headers: { authorization: 'Bearer not-the-token-at-all-000' },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await server.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(right.statusCode).toBe(200);
    expect(right.json()).toMatchObject({ queue: { pending: 0 }, countersSince: expect.any(String) });
  });

  it('the token is read from the environment and a short one is refused', () => {
    const base = {
      HUBSPOT_ACCESS_TOKEN: 'pat-na1-0000000000',
      HUBSPOT_CLIENT_SECRET: 'secret-1234',
      ROLECALL_PUBLIC_URL: 'https://rolecall.example.com',
    };
    const ok = loadServerConfig({ ...base, ROLECALL_METRICS_TOKEN: TOKEN });
    expect(ok.ok && ok.config.metricsToken).toBe(TOKEN);
    const short = loadServerConfig({ ...base, ROLECALL_METRICS_TOKEN: 'abc' });
    expect(short.ok).toBe(false);
    expect(short.ok ? '' : short.errors.join('\n')).toMatch(/ROLECALL_METRICS_TOKEN is too short/);
  });

  it('queue depth survives a restart (it is read from the database); counters say since when they count', async () => {
    const dbPath = tempDb();
    server = await start(dbPath);
    await server.queue.accept(0, [{ eventId: 'e1', kind: 'contact', objectId: '5' }]);
    const before = (await server.app.inject({ method: 'GET', url: '/metrics' })).json();
    await server.close();
    server = await start(dbPath);
    const after = (await server.app.inject({ method: 'GET', url: '/metrics' })).json();
    expect(after.queue.pending).toBe(1);
    expect(after.queue).toEqual(before.queue);
    expect(Date.parse(after.countersSince)).toBeGreaterThanOrEqual(Date.parse(before.countersSince));
  });
});
