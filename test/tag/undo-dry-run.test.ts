import { afterEach, describe, expect, it } from 'vitest';
import { UNDO_RULE } from '../../src/cli/commands/undo.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { ROLECALL_PROPERTIES } from '../../src/hubspot/properties.ts';
import { PLAN_WRITE_PROPERTIES } from '../../src/tag/plan.ts';
import { runUndo } from '../../src/tag/undo.ts';
import { snapshotContacts, startPortal, tagAll } from './helpers.ts';

let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

describe('rolecall undo --dry-run (issue 12.8)', () => {
  it('lists exactly the values the real undo then restores, and writes nothing', async () => {
    portal = await startPortal({ contacts: 120 });
    const tag = await tagAll(portal);
    const tagged = snapshotContacts(portal.sandbox, PLAN_WRITE_PROPERTIES);
    const ids = [...tagged.keys()].filter(
      (id) => tagged.get(id)?.[ROLECALL_PROPERTIES.persona] !== undefined,
    );
    portal.sandbox.setByPerson('contacts', ids[3]!, { [ROLECALL_PROPERTIES.persona]: 'unknown' });

    const writesBefore = portal.sandbox.requestLog.filter(
      (e) => e.method !== 'GET' && /update/.test(e.path),
    ).length;
    const preview = await runUndo(portal.gateway, portal.db, tag.runId, 'preview', { dryRun: true });
    expect(preview.status).toBe('done');
    expect(portal.sandbox.requestLog.filter((e) => e.method !== 'GET' && /update/.test(e.path)).length).toBe(
      writesBefore,
    );
    expect(snapshotContacts(portal.sandbox, PLAN_WRITE_PROPERTIES)).toEqual(
      snapshotContacts(portal.sandbox, PLAN_WRITE_PROPERTIES),
    );
    const listed = (preview.wouldChange ?? []).map((c) => `${c.contact} ${c.property} ${c.restore}`).sort();
    expect(listed.length).toBeGreaterThan(100);
    expect(listed.some((line) => line.startsWith(`${ids[3]} ${ROLECALL_PROPERTIES.persona} `))).toBe(false);

    portal.db.createRun({ id: 'undo-real', kind: 'undo', target: 'test', options: {}, undoOf: tag.runId });
    const undo = await runUndo(portal.gateway, portal.db, tag.runId, 'undo-real');
    const restored = (
      portal.db.db
        .prepare(`SELECT contact_id, property, after FROM writes WHERE run_id = ? AND status = 'applied'`)
        .all('undo-real') as { contact_id: string; property: string; after: string }[]
    )
      .map((row) => `${row.contact_id} ${row.property} ${row.after}`)
      .sort();
    expect(restored).toEqual(listed);
    expect(undo.propertiesRestored).toBe(listed.length);
  });

  it('undo --help says what undo cannot see: a same-value re-save leaves no history', async () => {
    const program = await buildProgram(['node', 'rolecall', 'undo']);
    const undo = program.commands.find((command) => command.name() === 'undo');
    let text = '';
    undo?.configureOutput({ writeOut: (chunk) => (text += chunk) });
    undo?.outputHelp();
    expect(text).toContain('restores previous values except where the history shows a later change');
    expect(text).toContain('HubSpot records no history entry');
    expect(text).toContain('--dry-run');
    expect(UNDO_RULE).toMatch(/re-typed unchanged/);
  });
});
