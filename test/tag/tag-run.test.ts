import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROLECALL_PROPERTIES, SOURCE_MANUAL } from '../../src/hubspot/properties.ts';
import { PLAN_WRITE_PROPERTIES } from '../../src/tag/plan.ts';
import { PlanFile } from '../../src/tag/plan-file.ts';
import { snapshotContacts, startPortal, tagAll, updateRequests } from './helpers.ts';

let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

describe('rolecall tag against the sandbox', () => {
  it('tags every contact, then a rerun writes nothing', async () => {
    portal = await startPortal({ contacts: 300 });
    const first = await tagAll(portal);
    expect(first.status).toBe('done');
    expect(first.processed).toBe(300);
    expect(first.failed).toBe(0);
    expect(first.contactsWritten).toBe(first.contactsChanged);
    expect(first.contactsWritten).toBeGreaterThan(250);
    const tagged = snapshotContacts(portal.sandbox, [
      ROLECALL_PROPERTIES.persona,
      ROLECALL_PROPERTIES.source,
    ]);
    const untagged = [...tagged.values()].filter((p) => p[ROLECALL_PROPERTIES.persona] === undefined);
    expect(untagged.length).toBe(300 - first.contactsWritten);
    // The audit log holds exactly what was written.
    expect(portal.db.countWrites(first.runId).applied).toBe(first.propertiesWritten);
    expect(portal.db.countWrites(first.runId).pending).toBe(0);

    const updatesBefore = updateRequests(portal.sandbox);
    const second = await tagAll(portal);
    expect(second.status).toBe('done');
    expect(second.processed).toBe(300);
    expect(second.contactsChanged).toBe(0);
    expect(updateRequests(portal.sandbox)).toBe(updatesBefore);
  });

  it('never overwrites a value a person set, nor a contact marked manual', async () => {
    portal = await startPortal({ contacts: 120 });
    const ids = [...snapshotContacts(portal.sandbox, []).keys()];
    const [byHand, manual] = [ids[3]!, ids[5]!];
    portal.sandbox.setByPerson('contacts', byHand, {
      [ROLECALL_PROPERTIES.buyingRole]: 'champion',
      hs_buying_role: 'CHAMPION',
    });
    portal.sandbox.setByPerson('contacts', manual, {
      [ROLECALL_PROPERTIES.source]: SOURCE_MANUAL,
      [ROLECALL_PROPERTIES.persona]: 'unknown',
    });
    const seededByPerson = [...snapshotContacts(portal.sandbox, ['hs_buying_role']).entries()].filter(
      ([id]) => portal!.sandbox.store.history('contacts', id, 'hs_buying_role')[0]?.sourceType === 'CRM_UI',
    );
    const before = snapshotContacts(portal.sandbox, PLAN_WRITE_PROPERTIES);
    const summary = await tagAll(portal);
    expect(summary.status).toBe('done');
    const after = snapshotContacts(portal.sandbox, PLAN_WRITE_PROPERTIES);
    expect(after.get(byHand)?.[ROLECALL_PROPERTIES.buyingRole]).toBe('champion');
    expect(after.get(byHand)?.hs_buying_role).toBe('CHAMPION');
    expect(after.get(byHand)?.[ROLECALL_PROPERTIES.persona]).toBeDefined(); // the rest is still tagged
    expect(after.get(manual)).toEqual(before.get(manual));
    expect(summary.skipped.manual).toBeGreaterThanOrEqual(1);
    for (const [id, props] of seededByPerson)
      expect(after.get(id)?.hs_buying_role).toBe(props.hs_buying_role);
    expect(portal.sandbox.store.history('contacts', byHand, 'hs_buying_role')[0]?.sourceType).toBe('CRM_UI');
  });

  it('a dry run writes nothing, and the real run applies exactly its plan', async () => {
    portal = await startPortal({ contacts: 150 });
    const planFile = new PlanFile(join(portal.dir, 'plan'));
    const dry = await tagAll(portal, { planFile });
    await planFile.close();
    expect(dry.status).toBe('done');
    expect(updateRequests(portal.sandbox)).toBe(0);
    const plan = JSON.parse(readFileSync(planFile.jsonPath, 'utf8')) as Array<{
      contact: string;
      changes: Array<{ property: string; before: string | null; after: string }>;
    }>;
    expect(plan.length).toBe(dry.contactsChanged);
    const csvLines = readFileSync(planFile.csvPath, 'utf8').trim().split('\n');
    expect(csvLines[0]).toBe('contact,property,before,after,reasons,deal');
    expect(csvLines.length - 1).toBe(plan.reduce((n, entry) => n + entry.changes.length, 0));

    const real = await tagAll(portal);
    const applied = portal.db.db
      .prepare(
        `SELECT contact_id, property, after FROM writes WHERE run_id = ? AND status = 'applied' AND property != ?`,
      )
      .all(real.runId, ROLECALL_PROPERTIES.classifiedAt) as Array<{
      contact_id: string;
      property: string;
      after: string;
    }>;
    const key = (c: string, p: string, a: string) => `${c}|${p}|${a}`;
    const planned = plan.flatMap((entry) =>
      entry.changes
        .filter((c) => c.property !== ROLECALL_PROPERTIES.classifiedAt)
        .map((c) => key(entry.contact, c.property, c.after)),
    );
    expect(applied.map((w) => key(w.contact_id, w.property, w.after)).sort()).toEqual(planned.sort());
  });

  it('leaves out values the portal has no option for, instead of failing the contact', async () => {
    portal = await startPortal({ contacts: 200 });
    const before = snapshotContacts(portal.sandbox, ['hs_persona']);
    const allowedValues = new Map([['hs_persona', new Set(['persona_1'])]]);
    const first = await tagAll(portal, { allowedValues });
    expect(first.failed).toBe(0);
    const after = snapshotContacts(portal.sandbox, ['hs_persona', ROLECALL_PROPERTIES.persona]);
    for (const [id, values] of after) {
      if (values.hs_persona !== before.get(id)?.hs_persona) expect(values.hs_persona).toBe('persona_1');
    }
    expect([...after.values()].filter((v) => v[ROLECALL_PROPERTIES.persona]).length).toBeGreaterThan(150);
    const updates = updateRequests(portal.sandbox);
    const second = await tagAll(portal, { allowedValues });
    expect(second.contactsChanged).toBe(0);
    expect(updateRequests(portal.sandbox)).toBe(updates);
  });
});
