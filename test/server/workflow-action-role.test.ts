import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLECALL_PROPERTIES } from '../../src/hubspot/properties.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { findPersona, ROLE_LABELS, roleLabel } from '../../src/playbook/helpers.ts';
import type { RolecallServer } from '../../src/server/app.ts';
import { BUYING_ROLES } from '../../src/taxonomy.ts';
import { engineIdsIn } from '../card/engine-ids.ts';
import { type Sandbox, signedPost, startPortal, startRolecall } from './harness.ts';

interface OutputField {
  typeDefinition: { name: string; options?: { value: string; label: string }[] };
}
const hsmeta = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../extensions/app/workflow-actions/classify-persona-hsmeta.json'),
    'utf8',
  ),
) as {
  config: { outputFields: OutputField[]; labels: { en: { outputFieldLabels: Record<string, string> } } };
};
const declared = hsmeta.config.outputFields.map((field) => field.typeDefinition);

/** Each workflow execution has its own callback id (a repeated one is a replay, answered from memory). */
let executions = 0;
const actionBody = (id: number) => ({
  callbackId: `ap-1-2-3-${id}-${++executions}`,
  origin: { portalId: 1, actionDefinitionId: 10, actionDefinitionVersion: 1 },
  context: { source: 'WORKFLOWS', workflowId: 99 },
  inputFields: { write_mode: 'none' },
  object: { objectId: id, objectType: 'CONTACT', properties: {} },
});

describe('the workflow action: rolecall_role beside HubSpot buying_role', () => {
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

  it('declares rolecall_role as an enumeration of every rolecall buying role, with labels', () => {
    const role = declared.find((field) => field.name === 'rolecall_role');
    expect(role?.options).toEqual(BUYING_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })));
    const labels = hsmeta.config.labels.en.outputFieldLabels;
    expect(Object.keys(labels).sort()).toEqual(declared.map((field) => field.name).sort());
  });

  it('answers a technical evaluator with rolecall_role technical_evaluator and buying_role INFLUENCER', async () => {
    sandbox.setByPerson('contacts', '1001', { jobtitle: 'IT Manager' });
    const reply = await signedPost(url, '/hubspot/workflow-actions/classify', actionBody(1001));
    expect(reply.status).toBe(200);
    const out = reply.body.outputFields as Record<string, unknown>;
    expect(out).toMatchObject({
      buying_role: 'INFLUENCER',
      rolecall_role: 'technical_evaluator',
      hs_execution_state: 'SUCCESS',
    });
    const { hs_execution_state: _, ...fields } = out;
    expect(Object.keys(fields).sort()).toEqual(declared.map((field) => field.name).sort());
    for (const field of declared) {
      if (field.options) expect(field.options.map((o) => o.value)).toContain(out[field.name]);
    }
  });

  it('writes rolecall_reasons as the card why line: the playbook labels, never engine ids', async () => {
    sandbox.setByPerson('contacts', '1002', { jobtitle: 'Chief Financial Officer' });
    const body = { ...actionBody(1002), inputFields: { write_mode: 'overwrite' } };
    expect((await signedPost(url, '/hubspot/workflow-actions/classify', body)).status).toBe(200);
    const reasons = sandbox.store.getContact('1002')?.properties[ROLECALL_PROPERTIES.reasons] ?? '';
    const persona = findPersona(defaultPlaybook, 'finance_leader')?.name;
    expect(reasons).toMatch(/^"Chief Financial Officer"/);
    expect(reasons).toContain(`→ ${persona}, ${roleLabel(defaultPlaybook, 'economic_buyer').toLowerCase()}.`);
    expect(engineIdsIn(reasons)).toEqual([]);
  });
});
