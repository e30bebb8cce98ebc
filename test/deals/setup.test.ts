import { afterEach, describe, expect, it } from 'vitest';
import { dealRoleLabels } from '../../src/deals/labels.ts';
import { createGateway } from '../../src/hubspot/gateway.ts';
import { setupPortal } from '../../src/hubspot/setup.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';

let sandbox: Sandbox | undefined;
afterEach(async () => sandbox?.close());

async function portal(labelLimit: number) {
  sandbox = await startSandbox({ contacts: 50, rateLimit: false, labelLimit });
  return createGateway({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl });
}

const wanted = dealRoleLabels(defaultPlaybook);

describe('rolecall setup: deals', () => {
  it('creates the deal properties and one contact→deal label per role, idempotently', async () => {
    const gateway = await portal(50);
    const first = await setupPortal(gateway, defaultPlaybook, false);
    expect(first.error).toBeUndefined();
    expect(first.steps.filter((s) => s.action === 'create-label')).toHaveLength(wanted.length);
    const labels = sandbox!.store.labels.list('contacts', 'deals').map((l) => l.label);
    for (const w of wanted) expect(labels).toContain(w.label);
    for (const name of [
      'rolecall_deal_completeness',
      'rolecall_deal_missing_roles',
      'rolecall_deal_engaged_roles',
      'rolecall_single_threaded',
    ]) {
      expect(sandbox!.store.registry.defs('deals').get(name)?.groupName).toBe('rolecall');
    }
    const again = await setupPortal(gateway, defaultPlaybook, false);
    expect(again.steps.filter((s) => s.action !== 'ok')).toEqual([]);
    expect(sandbox!.store.labels.usage('contacts', 'deals')).toHaveLength(wanted.length);
  });

  it('reads the limit, creates what fits and says clearly what it could not create', async () => {
    const gateway = await portal(4);
    // A person's own label already takes one of the four places.
    await gateway.createAssociationLabel('contacts', 'deals', { label: 'Billing contact', name: 'billing' });
    const dry = await setupPortal(gateway, defaultPlaybook, true);
    expect(dry.steps.filter((s) => s.action === 'create-label')).toHaveLength(3);
    const result = await setupPortal(gateway, defaultPlaybook, false);
    expect(result.error).toBeUndefined();
    expect(sandbox!.store.labels.usage('contacts', 'deals')).toHaveLength(4);
    const warnings = result.steps.flatMap((s) => (s.action === 'warn' ? [s.message] : []));
    const notCreated = wanted.slice(3);
    expect(warnings.filter((w) => w.includes('contact→deal label'))).toHaveLength(notCreated.length);
    expect(warnings.find((w) => w.includes(notCreated[0]!.label))).toMatch(
      /allows 4 custom contact→deal labels, 1 were already in use \(Billing contact\)/,
    );
    // Nothing left to do but the warnings: a tag run's preflight is satisfied.
    const again = await setupPortal(gateway, defaultPlaybook, true);
    expect(again.steps.filter((s) => s.action !== 'ok' && s.action !== 'warn')).toEqual([]);
  });
});
