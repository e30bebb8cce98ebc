import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/hubspot/gateway.ts';

let server: Server | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** Accepts connections and never answers. */
async function silentServer(): Promise<string> {
  const listening = createServer((socket) => {
    sockets.push(socket);
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

describe('a server that never answers', () => {
  it('times out each request, says it retries, and gives up in bounded time naming the URL', async () => {
    const url = await silentServer();
    const retries: string[] = [];
    const gateway = createGateway({
      accessToken: 'pat-test',
      baseUrl: url,
      timeoutMs: 150,
      baseBackoffMs: 10,
      onRetry: (message) => retries.push(message),
    });
    const started = Date.now();
    const result = await gateway.getProperty('contacts', 'hs_buying_role');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(`No answer from ${url}`);
    expect(result.error.message).toContain('Gave up after 3 tries');
    expect(result.error.message).toContain('--base-url');
    expect(retries).toHaveLength(2);
    expect(retries[0]).toContain('Retrying');
  });
});
