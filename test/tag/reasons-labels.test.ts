import { afterEach, describe, expect, it } from 'vitest';
import { ROLECALL_PROPERTIES } from '../../src/hubspot/properties.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { roleLabel } from '../../src/playbook/helpers.ts';
import { PLAN_WRITE_PROPERTIES } from '../../src/tag/plan.ts';
import { engineIdsIn } from '../card/engine-ids.ts';
import { snapshotContacts, startPortal, tagAll } from './helpers.ts';

let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

/** A contact with a primary company, given a title; the company gets a size and an industry. */
function plant(sandbox: NonNullable<typeof portal>['sandbox'], title: string) {
  const contact = sandbox.store.contacts.records.find((record) => record.company > 0 && !record.archivedAt);
  if (!contact) throw new Error('the seeded sandbox has no contact with a company');
  sandbox.store.setContactProperties(contact.id, { jobtitle: title }, { sourceType: 'INTEGRATION' });
  sandbox.store.setCompanyProperties(
    contact.company,
    { numberofemployees: '500', industry: 'COMPUTER_SOFTWARE' },
    { sourceType: 'INTEGRATION' },
  );
  return String(contact.id);
}

describe('rolecall_reasons as rolecall tag writes it to the portal', () => {
  it('says why in playbook labels: title, size, industry → outcome, and the role rule note', async () => {
    portal = await startPortal({ contacts: 80 });
    const id = plant(portal.sandbox, 'Senior Procurement Manager');
    const summary = await tagAll(portal);
    expect(summary.status).toBe('done');
    const reasons = portal.sandbox.store.getContact(id)?.properties[ROLECALL_PROPERTIES.reasons] ?? '';
    const rule = defaultPlaybook.roleRules.find((r) => r.id === 'procurement');
    const role = roleLabel(defaultPlaybook, rule?.assign.role ?? 'missing').toLowerCase();
    expect(reasons).toBe(
      `"Senior Procurement Manager" · 500 employees · Computer software → no persona fits, ${role}. ${rule?.note}`,
    );
    expect(engineIdsIn(reasons)).toEqual([]);
  });

  it('holds no engine id for any contact of a seeded portal', async () => {
    portal = await startPortal({ contacts: 300 });
    await tagAll(portal);
    const written = [...snapshotContacts(portal.sandbox, PLAN_WRITE_PROPERTIES).entries()]
      .map(([id, p]) => [id, p[ROLECALL_PROPERTIES.reasons] ?? ''] as const)
      .filter(([, reasons]) => reasons !== '');
    expect(written.length).toBeGreaterThan(250);
    const leaks = written.flatMap(([id, reasons]) => engineIdsIn(reasons).map((hit) => `${id}: ${hit}`));
    expect(leaks).toEqual([]);
  });
});
