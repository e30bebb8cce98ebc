import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, raw } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => h.sandbox.close());

describe('workflow action callbacks', () => {
  it('records completions from the SDK (single and batch) with 204', async () => {
    await h.client.automation.actions.callbacksApi.complete('cb-1', {
      outputFields: { buying_role: 'DECISION_MAKER', hs_execution_state: 'SUCCESS' },
    });
    await h.client.automation.actions.callbacksApi.completeBatch({
      inputs: [{ callbackId: 'cb-2', outputFields: { hs_execution_state: 'FAIL_CONTINUE' } }],
    });
    expect(
      h.sandbox.store.workflowCallbacks.map((c) => [c.callbackId, c.outputFields.hs_execution_state]),
    ).toEqual([
      ['cb-1', 'SUCCESS'],
      ['cb-2', 'FAIL_CONTINUE'],
    ]);
  });

  it('refuses a completion without outputFields, and needs a valid token', async () => {
    const bad = await raw(h.sandbox, 'POST', '/automation/v4/actions/callbacks/cb-3/complete', {});
    expect(bad.status).toBe(400);
    const anonymous = await raw(
      h.sandbox,
      'POST',
      '/automation/v4/actions/callbacks/cb-3/complete',
      { outputFields: {} },
      null,
    );
    expect(anonymous.status).toBe(401);
  });
});
