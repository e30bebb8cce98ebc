import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/hubspot/gateway.ts';
import { setupPortal } from '../../src/hubspot/setup.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A tiny HTTP server answering with `answer(method, path)` → [status, body]. */
async function fake(answer: (method: string, path: string) => [number, unknown]): Promise<string> {
  const listening = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const [status, body] = answer(request.method ?? 'GET', request.url ?? '/');
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

const gatewayAt = (baseUrl: string) => createGateway({ accessToken: 'pat-test', baseUrl, baseBackoffMs: 1 });

describe('setup reports only what happened', () => {
  it('a server answering 404 to everything is not a HubSpot API, and nothing is "created"', async () => {
    const url = await fake(() => [404, { message: 'Not found' }]);
    const result = await setupPortal(gatewayAt(url), defaultPlaybook, false, url);
    expect(result.steps).toEqual([]);
    expect(result.applied).toBe(false);
    expect(result.error?.message).toContain(`${url} does not look like a HubSpot API`);
    expect(result.error?.message).toContain('--base-url');
  });

  it('stops at the first failed step and lists only the steps done before it', async () => {
    const url = await fake((method, path) => {
      if (path.endsWith('/hs_buying_role'))
        return [200, { name: 'hs_buying_role', type: 'enumeration', options: [] }];
      if (method === 'GET') return [404, { message: 'Not found' }];
      if (path.endsWith('/groups')) return [201, { name: 'rolecall' }];
      return [400, { message: 'Property values were not valid', errors: [] }];
    });
    const result = await setupPortal(gatewayAt(url), defaultPlaybook, false, url);
    expect(result.steps.map((step) => step.action)).toEqual(['create-group']);
    expect(result.applied).toBe(false);
    expect(result.error?.kind).toBe('validation');
  });
});
