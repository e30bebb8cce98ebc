import { afterEach, describe, expect, it } from 'vitest';
import { BURST_LENGTH, parseFaults } from '../../src/sandbox/faults.ts';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';

let sandboxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
  sandboxes = [];
});
async function start(options: Parameters<typeof startSandbox>[0]) {
  const sandbox = await startSandbox({ rateLimit: false, ...options });
  sandboxes.push(sandbox);
  return sandbox;
}

async function update(sandbox: Sandbox, ids: number[], properties: Record<string, string>, source?: string) {
  const response = await fetch(`${sandbox.baseUrl}/crm/v3/objects/contacts/batch/update`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${sandbox.token}`,
      'content-type': 'application/json',
      ...(source ? { 'x-sandbox-source': source } : {}),
    },
    body: JSON.stringify({ inputs: ids.map((id) => ({ id: String(id), properties })) }),
  });
  return { status: response.status, body: (await response.json()) as { message?: string } };
}

async function requestsSince(sandbox: Sandbox, since: number) {
  const response = await fetch(`${sandbox.baseUrl}/_sandbox/requests?since=${since}`);
  return (await response.json()) as {
    results: { seq: number; method: string; path: string; status: number; ids: string[] }[];
    next: number;
  };
}

describe('--faults (the sandbox driven from outside)', () => {
  it('reads the documented spelling and names the fix for anything else', () => {
    expect(parseFaults('5xx=0.15,reset=0.02,latency=30ms,burst429=0.01,locked=0.05')).toEqual({
      errorRate: 0.15,
      resetRate: 0.02,
      latencyMs: 30,
      burst429Rate: 0.01,
      lockedRate: 0.05,
    });
    expect(() => parseFaults('5xx=15%')).toThrow(/5xx=15% must be a share from 0 to 1/);
    expect(() => parseFaults('boom=1')).toThrow(/unknown fault "boom"; use 5xx, reset/);
    expect(() => parseFaults('latency=fast')).toThrow(/latency=30ms/);
  });

  it('the same seed gives the same fault sequence; 429 bursts come in runs', async () => {
    const statuses = async (seed: number) => {
      const sandbox = await start({ seed, contacts: 5, faults: parseFaults('5xx=0.2,burst429=0.05') });
      const seen: number[] = [];
      for (let i = 0; i < 120; i += 1) {
        const response = await fetch(`${sandbox.baseUrl}/crm/v3/objects/contacts?limit=1`, {
          headers: { authorization: `Bearer ${sandbox.token}` },
        });
        seen.push(response.status);
      }
      return seen;
    };
    const first = await statuses(7);
    expect(await statuses(7)).toEqual(first);
    expect(await statuses(8)).not.toEqual(first);
    expect(first.filter((s) => s >= 500).length).toBeGreaterThan(5);
    const run = first.join(',').match(/(429,){4}429/);
    expect(run, `a run of ${BURST_LENGTH} × 429`).not.toBeNull();
  });
});

describe('X-Sandbox-Source: writing as a person over HTTP', () => {
  it('history entries carry the source type of the header; INTEGRATION without it', async () => {
    const sandbox = await start({ contacts: 5 });
    expect((await update(sandbox, [1001], { jobtitle: 'CFO' }, 'CRM_UI')).status).toBe(200);
    expect((await update(sandbox, [1002], { jobtitle: 'CTO' }, 'IMPORT')).status).toBe(200);
    expect((await update(sandbox, [1003], { jobtitle: 'CEO' })).status).toBe(200);
    const newest = (id: number) => sandbox.store.history('contacts', id, 'jobtitle')[0]?.sourceType;
    expect([newest(1001), newest(1002), newest(1003)]).toEqual(['CRM_UI', 'IMPORT', 'INTEGRATION']);
  });

  it('an unknown source is a 400 naming the choices, and writes nothing', async () => {
    const sandbox = await start({ contacts: 5 });
    const reply = await update(sandbox, [1001], { jobtitle: 'CFO' }, 'ROBOT');
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/X-Sandbox-Source must be one of CRM_UI, IMPORT, INTEGRATION/);
    expect(sandbox.store.getContact(1001)?.properties.jobtitle).not.toBe('CFO');
  });
});

describe('GET /_sandbox/requests?since=…', () => {
  it('lists method, path, status and the ids written, after a sequence number', async () => {
    const sandbox = await start({ contacts: 5 });
    await update(sandbox, [1001, 1002], { jobtitle: 'CFO' });
    const first = await requestsSince(sandbox, 0);
    expect(first.results).toEqual([
      {
        seq: 1,
        method: 'POST',
        path: '/crm/v3/objects/contacts/batch/update',
        status: 200,
        at: expect.any(Number),
        ids: ['1001', '1002'],
        portalId: sandbox.store.portalId,
      },
    ]);
    await update(sandbox, [1003], { jobtitle: 'CTO' });
    const next = await requestsSince(sandbox, first.next);
    expect(next.results.map((r) => [r.seq, r.ids])).toEqual([[2, ['1003']]]);
  });

  it('is never faulted, needs no token and is not logged itself', async () => {
    const sandbox = await start({ contacts: 5, faults: parseFaults('5xx=1') });
    expect((await update(sandbox, [1001], { jobtitle: 'CFO' })).status).toBeGreaterThanOrEqual(500);
    const log = await requestsSince(sandbox, 0);
    expect(log.results.map((r) => r.status)).toEqual([expect.any(Number)]);
    expect(log.results[0]?.ids).toEqual([]);
    expect((await requestsSince(sandbox, 0)).results).toHaveLength(1);
  });
});
