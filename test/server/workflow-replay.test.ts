import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RolecallServer } from '../../src/server/app.ts';
import { type Sandbox, signedPost, startPortal, startRolecall, tempDb } from './harness.ts';

const PATH = '/hubspot/workflow-actions/classify';
const body = (id: number, callbackId: string) => ({
  callbackId,
  origin: { portalId: 1, actionDefinitionId: 10, actionDefinitionVersion: 1 },
  inputFields: { write_mode: 'overwrite' },
  object: { objectId: id, objectType: 'CONTACT' },
});

describe('replayed workflow-action requests (issue 12.7)', () => {
  let sandbox: Sandbox;
  let server: RolecallServer;
  let url: string;
  const dbPath = tempDb();

  beforeAll(async () => {
    sandbox = await startPortal({ contacts: 20 });
    ({ server, url } = await startRolecall(sandbox, { dbPath }));
  });
  afterAll(async () => {
    await server?.close();
    await sandbox?.close();
  });

  it('a v3 request sent again within its window is answered from its first answer, without any HubSpot call', async () => {
    const timestamp = Date.now();
    const first = await signedPost(url, PATH, body(1001, 'cb-v3'), { timestamp });
    expect(first.status).toBe(200);
    expect((first.body.outputFields as Record<string, unknown>).hs_execution_state).toBe('SUCCESS');
    const calls = sandbox.requestCount();
    const actions = server.counters.workflowActions;
    const again = await signedPost(url, PATH, body(1001, 'cb-v3'), { timestamp });
    expect(again).toEqual(first);
    expect(sandbox.requestCount()).toBe(calls);
    expect(server.counters.workflowActions).toBe(actions);
    expect(server.counters.workflowReplays).toBe(1);
  });

  it('a v2 request (no timestamp) replayed later is answered the same way', async () => {
    const first = await signedPost(url, PATH, body(1002, 'cb-v2'), { version: 'v2' });
    expect(first.status).toBe(200);
    const calls = sandbox.requestCount();
    const again = await signedPost(url, PATH, body(1002, 'cb-v2'), { version: 'v2' });
    expect(again).toEqual(first);
    expect(sandbox.requestCount()).toBe(calls);
  });

  it("HubSpot's retry of an answered execution (new signature, same callback id) is not done twice", async () => {
    const first = await signedPost(url, PATH, body(1003, 'cb-retry'), { timestamp: Date.now() - 1000 });
    const calls = sandbox.requestCount();
    const retry = await signedPost(url, PATH, body(1003, 'cb-retry'), { timestamp: Date.now() });
    expect(retry).toEqual(first);
    expect(sandbox.requestCount()).toBe(calls);
    // A new execution for the same contact is work again.
    const next = await signedPost(url, PATH, body(1003, 'cb-next'));
    expect(next.status).toBe(200);
    expect(sandbox.requestCount()).toBeGreaterThan(calls);
  });

  it('remembers answered requests across a restart (they live in the database)', async () => {
    const first = await signedPost(url, PATH, body(1004, 'cb-restart'), { version: 'v2' });
    await server.close();
    ({ server, url } = await startRolecall(sandbox, { dbPath }));
    const calls = sandbox.requestCount();
    const again = await signedPost(url, PATH, body(1004, 'cb-restart'), { version: 'v2' });
    expect(again).toEqual(first);
    expect(sandbox.requestCount()).toBe(calls);
  });
});
