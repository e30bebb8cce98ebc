import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLECALL_PROPERTIES } from '../../src/hubspot/properties.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { findPersona, roleLabel } from '../../src/playbook/helpers.ts';
import type { RolecallServer } from '../../src/server/app.ts';
import { engineIdsIn } from '../card/engine-ids.ts';
import { type Sandbox, signedPost, startPortal, startRolecall } from './harness.ts';

describe('rolecall_reasons as the workflow action writes it (the tagger webhooks share)', () => {
  let sandbox: Sandbox;
  let server: RolecallServer;
  let url: string;

  beforeAll(async () => {
    sandbox = await startPortal({ contacts: 5 });
    ({ server, url } = await startRolecall(sandbox));
  });
  afterAll(async () => {
    await server?.close();
    await sandbox?.close();
  });

  it('is the card why line: labels of the portal playbook, never engine ids', async () => {
    sandbox.setByPerson('contacts', '1001', { jobtitle: 'Chief Financial Officer' });
    const reply = await signedPost(url, '/hubspot/workflow-actions/classify', {
      callbackId: 'ap-reasons-1',
      origin: { portalId: 1, actionDefinitionId: 10, actionDefinitionVersion: 1 },
      inputFields: { write_mode: 'overwrite' },
      object: { objectId: 1001, objectType: 'CONTACT', properties: {} },
    });
    expect(reply.status).toBe(200);
    const written = sandbox.store.getContact('1001')?.properties ?? {};
    const reasons = written[ROLECALL_PROPERTIES.reasons] ?? '';
    expect(reasons).toMatch(/^"Chief Financial Officer"/);
    const persona = findPersona(defaultPlaybook, 'finance_leader')?.name;
    expect(reasons).toContain(`→ ${persona}, ${roleLabel(defaultPlaybook, 'economic_buyer').toLowerCase()}.`);
    expect(engineIdsIn(reasons)).toEqual([]);
  });
});
