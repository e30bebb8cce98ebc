import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/hubspot/gateway.ts';

type Values = Record<string, string>;
let server: Server | undefined;
const hanging: ServerResponse[] = [];
afterEach(async () => {
  for (const response of hanging.splice(0)) response.destroy();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

const bodyOf = async (req: IncomingMessage) => {
  let text = '';
  for await (const chunk of req) text += chunk;
  return JSON.parse(text) as { inputs: Array<{ id: string; properties?: Values }>; properties?: string[] };
};

/** A CRM that never answers the first `lost` batch writes (applying them or not); reads and later writes answer. */
async function lossyCrm(lost: number, applyLost = true) {
  const stored = new Map<string, Values>();
  const calls = { updates: 0, reads: 0, written: [] as string[] };
  const listening = createServer(async (req, res) => {
    const body = await bodyOf(req);
    res.setHeader('content-type', 'application/json');
    if (req.url?.includes('/batch/update')) {
      calls.updates += 1;
      const dropped = calls.updates <= lost && !applyLost;
      for (const input of dropped ? [] : body.inputs) {
        stored.set(input.id, { ...stored.get(input.id), ...input.properties });
        calls.written.push(input.id);
      }
      if (calls.updates <= lost) {
        hanging.push(res);
        return;
      }
      res.end(
        JSON.stringify({
          status: 'COMPLETE',
          results: body.inputs.map(({ id }) => ({ id, properties: stored.get(id) })),
        }),
      );
      return;
    }
    calls.reads += 1;
    const results = body.inputs
      .filter(({ id }) => stored.has(id))
      .map(({ id }) => ({ id, properties: stored.get(id) }));
    res.end(JSON.stringify({ status: 'COMPLETE', results }));
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(listening.address() as AddressInfo).port}`, calls };
}

describe('a batch write whose answer is lost', () => {
  it('reads the batch back and does not send again what already landed', async () => {
    const crm = await lossyCrm(1);
    const gateway = createGateway({
      accessToken: 'pat-test',
      baseUrl: crm.url,
      timeoutMs: 150,
      baseBackoffMs: 10,
    });
    const updates = ['1', '2', '3'].map((id) => ({ id, properties: { rolecall_persona: `p${id}` } }));
    const result = await gateway.updateContacts(updates);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.value.succeeded].sort()).toEqual(['1', '2', '3']);
    expect(crm.calls.updates).toBe(1); // before: the transport sent the same batch a second time
    expect(crm.calls.reads).toBe(1);
    expect(gateway.metrics().rereads).toBe(1);
  });

  it('sends again only the updates that did not land', async () => {
    const crm = await lossyCrm(1, false);
    const gateway = createGateway({
      accessToken: 'pat-test',
      baseUrl: crm.url,
      timeoutMs: 150,
      baseBackoffMs: 10,
    });
    const result = await gateway.updateContacts([{ id: '9', properties: { rolecall_persona: 'x' } }]);
    expect(result.ok).toBe(true);
    expect(crm.calls.updates).toBe(2);
    expect(crm.calls.written).toEqual(['9']);
    expect(gateway.metrics().rereads).toBe(1);
  });
});
