import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROLECALL_PROPERTIES } from '../../src/hubspot/properties.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { applyPlanFile } from '../../src/tag/apply-plan.ts';
import { PlanFile } from '../../src/tag/plan-file.ts';
import { reportData } from '../../src/tag/report/report-data.ts';
import { snapshotContacts, startPortal, tagAll, updateRequests } from './helpers.ts';

let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

interface Entry {
  contact: string;
  changes: Array<{ property: string; before: string | null; after: string }>;
}

describe('rolecall tag --apply <plan.json>', () => {
  it('writes exactly the planned values, skips values changed since, and is safe to repeat', async () => {
    portal = await startPortal({ contacts: 150 });
    const planFile = new PlanFile(join(portal.dir, 'plan'));
    const dry = await tagAll(portal, { planFile });
    await planFile.close();
    const plan = JSON.parse(readFileSync(planFile.jsonPath, 'utf8')) as Entry[];
    expect(plan.length).toBeGreaterThan(100);
    const edited = plan[4]!;
    portal.sandbox.setByPerson('contacts', edited.contact, { [ROLECALL_PROPERTIES.seniority]: 'intern' });

    portal.db.createRun({ id: 'apply-1', kind: 'tag', target: 'test', options: {} });
    const applied = await applyPlanFile(portal.gateway, portal.db, planFile.jsonPath, 'apply-1', 'test');
    expect(applied.status).toBe('done');
    expect(applied.contacts).toBe(plan.length);
    expect(applied.skippedChangedSince).toBe(1);
    const after = snapshotContacts(portal.sandbox, [
      ...new Set(plan.flatMap((e) => e.changes.map((c) => c.property))),
    ]);
    for (const entry of plan) {
      for (const change of entry.changes) {
        const expected =
          entry === edited && change.property === ROLECALL_PROPERTIES.seniority ? 'intern' : change.after;
        expect(after.get(entry.contact)?.[change.property], `${entry.contact} ${change.property}`).toBe(
          expected,
        );
      }
    }
    // The apply run's report is of what it applied: the contacts it wrote, as the dry run classified them.
    expect(applied.dryRunId).toBe(dry.runId);
    const report = reportData(portal.db, 'apply-1', defaultPlaybook.requiredRoles)!;
    expect(applied.contactsWritten).toBeGreaterThan(100);
    expect(report.total).toBe(applied.contactsWritten);
    expect(report.outcomes).toEqual({ changed: applied.contactsWritten });
    const seen = (runId: string) =>
      portal!.db.db
        .prepare(
          'SELECT contact_id, persona, role, seniority, function, company_id FROM seen WHERE run_id = ? AND contact_id IN (SELECT contact_id FROM writes WHERE run_id = ? AND status = ?) ORDER BY contact_id',
        )
        .all(runId, 'apply-1', 'applied');
    expect(seen('apply-1')).toEqual(seen(dry.runId));
    const updates = updateRequests(portal.sandbox);
    portal.db.createRun({ id: 'apply-2', kind: 'tag', target: 'test', options: {} });
    const again = await applyPlanFile(portal.gateway, portal.db, planFile.jsonPath, 'apply-2', 'test');
    expect(again.propertiesWritten).toBe(0);
    expect(again.alreadyThere).toBe(applied.propertiesWritten);
    expect(updateRequests(portal.sandbox)).toBe(updates);
  });

  it('names the fix for a missing or edited plan file', async () => {
    portal = await startPortal({ contacts: 1 });
    const missing = await applyPlanFile(
      portal.gateway,
      portal.db,
      join(portal.dir, 'nope.json'),
      'x',
      'test',
    );
    expect(missing.problem).toContain('--dry-run');
  });
});
