import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { buildServer, type RolecallServer } from '../../src/server/app.ts';
import type { CrmPort, PortFailure } from '../../src/server/crm-port.ts';
import { signV3 } from '../../src/server/signature.ts';
import type { Classification } from '../../src/taxonomy.ts';

const SECRET = 'edge-secret-value-42';
const PUBLIC = 'https://rolecall.example.com';

/** A HubSpot that is down: every read fails the way the gateway reports it. */
const downPort = (error: PortFailure): CrmPort => ({
  readContacts: async () => ({ ok: false, error }),
  readPrimaryCompanies: async () => ({ ok: false, error }),
  updateContacts: async () => ({ ok: false, error }),
});

const neverClassify = Object.assign(
  (): Classification => {
    throw new Error('classify must not run when HubSpot cannot be read');
  },
  { playbook: defaultPlaybook },
);

function start(port: CrmPort, lines: string[]): Promise<RolecallServer> {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return buildServer(
    { clientSecret: SECRET, publicUrl: PUBLIC, dbPath: ':memory:', port: 0, host: '127.0.0.1' },
    { port, classify: neverClassify, logger: { level: 'trace', stream }, worker: false },
  );
}

async function post(
  server: RolecallServer,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const raw = JSON.stringify(body);
  const timestamp = Date.now();
  return server.app.inject({
    method: 'POST',
    url: path,
    payload: raw,
    headers: {
      'content-type': 'application/json',
      authorization: 'Bearer pat-na1-should-never-be-logged',
      'x-hubspot-signature-v3': signV3(SECRET, 'POST', `${PUBLIC}${path}`, raw, timestamp),
      'x-hubspot-request-timestamp': String(timestamp),
      ...headers,
    },
  });
}

const action = {
  callbackId: 'c1',
  inputFields: { write_mode: 'overwrite' },
  object: { objectId: 77, objectType: 'CONTACT' },
};

describe('rolecall serve at its edges', () => {
  let server: RolecallServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('asks HubSpot to retry the workflow action (503 + Retry-After) while HubSpot is down', async () => {
    const lines: string[] = [];
    server = await start(
      downPort({ message: 'HubSpot answered 503', retryable: true, retryAfterMs: 4_000 }),
      lines,
    );
    const reply = await post(server, '/hubspot/workflow-actions/classify', action);
    expect(reply.statusCode).toBe(503);
    expect(reply.headers['retry-after']).toBe('4');
  });

  it('lets the workflow continue (FAIL_CONTINUE) when the failure will not heal', async () => {
    server = await start(downPort({ message: 'missing scope', retryable: false }), []);
    const reply = await post(server, '/hubspot/workflow-actions/classify', action);
    expect(reply.json()).toEqual({ outputFields: { hs_execution_state: 'FAIL_CONTINUE' } });
  });

  it('never writes the token, the client secret or a signature to the log', async () => {
    const lines: string[] = [];
    server = await start(downPort({ message: 'HubSpot answered 503', retryable: true }), lines);
    await post(server, '/hubspot/workflow-actions/classify', action);
    await post(server, '/hubspot/webhooks', [], { 'x-hubspot-signature-v3': 'forged' });
    const log = lines.join('');
    expect(log).toContain('rejected a request with a bad HubSpot signature');
    expect(log).not.toContain('pat-na1-should-never-be-logged');
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain('forged');
  });

  it('refuses bodies that are not JSON and methods it does not serve', async () => {
    server = await start(downPort({ message: 'x', retryable: true }), []);
    const text = await server.app.inject({
      method: 'POST',
      url: '/hubspot/webhooks',
      payload: 'hi',
      headers: { 'content-type': 'text/csv' },
    });
    expect(text.statusCode).toBe(415);
    const get = await server.app.inject({ method: 'GET', url: '/hubspot/webhooks' });
    expect(get.statusCode).toBe(404);
  });
});
