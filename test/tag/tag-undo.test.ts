import { afterEach, describe, expect, it } from 'vitest';
import { ROLECALL_PROPERTIES } from '../../src/hubspot/properties.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { PLAN_WRITE_PROPERTIES } from '../../src/tag/plan.ts';
import { runUndo } from '../../src/tag/undo.ts';
import { snapshotContacts, startPortal, tagAll } from './helpers.ts';

let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

describe('rolecall undo', () => {
  it('restores every value, skips what a person changed since, and can itself be undone', async () => {
    portal = await startPortal({ contacts: 200 });
    const before = snapshotContacts(portal.sandbox, PLAN_WRITE_PROPERTIES);
    const tag = await tagAll(portal);
    expect(tag.contactsWritten).toBeGreaterThan(150);
    const tagged = snapshotContacts(portal.sandbox, PLAN_WRITE_PROPERTIES);
    const ids = [...tagged.keys()].filter(
      (id) => tagged.get(id)?.[ROLECALL_PROPERTIES.persona] !== undefined,
    );
    const edited = ids[10]!;
    const personaByHand =
      tagged.get(edited)?.[ROLECALL_PROPERTIES.persona] === 'unknown'
        ? defaultPlaybook.personas[0]!.id
        : 'unknown';
    portal.sandbox.setByPerson('contacts', edited, { [ROLECALL_PROPERTIES.persona]: personaByHand });

    portal.db.createRun({ id: 'undo-1', kind: 'undo', target: 'test', options: {}, undoOf: tag.runId });
    const undo = await runUndo(portal.gateway, portal.db, tag.runId, 'undo-1');
    expect(undo.status).toBe('done');
    expect(undo.failed).toBe(0);
    expect(undo.skippedChangedSince + undo.skippedByPerson).toBeGreaterThanOrEqual(1);
    const restored = snapshotContacts(portal.sandbox, PLAN_WRITE_PROPERTIES);
    for (const [id, values] of before) {
      if (id === edited) continue;
      expect(restored.get(id), `contact ${id}`).toEqual(values);
    }
    // The person's value stays; the other values of that contact go back.
    expect(restored.get(edited)?.[ROLECALL_PROPERTIES.persona]).toBe(personaByHand);
    expect(restored.get(edited)?.[ROLECALL_PROPERTIES.buyingRole]).toEqual(
      before.get(edited)?.[ROLECALL_PROPERTIES.buyingRole],
    );

    portal.db.createRun({ id: 'undo-2', kind: 'undo', target: 'test', options: {}, undoOf: 'undo-1' });
    const redo = await runUndo(portal.gateway, portal.db, 'undo-1', 'undo-2');
    expect(redo.status).toBe('done');
    const again = snapshotContacts(portal.sandbox, PLAN_WRITE_PROPERTIES);
    for (const [id, values] of tagged) {
      if (id === edited) continue;
      expect(again.get(id), `contact ${id}`).toEqual(values);
    }
  });
});
