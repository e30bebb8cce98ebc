import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import defaultData from '../../src/playbook/default-playbook.json' with { type: 'json' };
import type { RolecallServer } from '../../src/server/app.ts';
import { type Sandbox, signedFetch, signedPost, startPortal, startRolecall } from './harness.ts';

const PORTAL = 1;
const q = `portalId=${PORTAL}&userId=77&userEmail=pmm%40example.com`;
// biome-ignore lint/suspicious/noExplicitAny: tests edit arbitrary parts of the document
type Data = any;

describe('the portal playbook: edit, version, compare, restore; every surface uses the current one', () => {
  let sandbox: Sandbox;
  let server: RolecallServer;
  let url: string;

  beforeAll(async () => {
    sandbox = await startPortal({ contacts: 3 });
    ({ server, url } = await startRolecall(sandbox, {
      playbook: { playbook: defaultPlaybook, data: defaultData },
    }));
  });
  afterAll(async () => {
    await server?.close();
    await sandbox?.close();
  });

  it('serves the embedded default as version 0 until the portal saves one', async () => {
    const current = await signedFetch(url, 'GET', `/api/playbook?${q}`);
    expect(current.status).toBe(200);
    expect(current.body.version).toBe(0);
    expect((current.body.playbook as Data).version).toBe(defaultPlaybook.version);
  });

  it('refuses unsigned calls and calls without a portal', async () => {
    expect((await fetch(`${url}/api/playbook?${q}`)).status).toBe(401);
    expect((await signedFetch(url, 'GET', '/api/playbook')).status).toBe(400);
  });

  it('saves nothing invalid, and names the field', async () => {
    const data: Data = structuredClone(defaultData);
    data.personas[1].talkingPoints.economic_buyer[0] = 'short';
    const reply = await signedFetch(url, 'PUT', `/api/playbook?${q}`, { playbook: data });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual([
      {
        path: 'personas[1].talkingPoints.economic_buyer[0]',
        message: 'write a full sentence (10+ characters)',
      },
    ]);
    expect((await signedFetch(url, 'GET', `/api/playbook/versions?${q}`)).body.versions).toEqual([]);
  });

  it('a changed talking point is a new version the workflow action uses at once; list, diff and restore work', async () => {
    const data: Data = structuredClone(defaultData);
    const point = 'Ask which budget line forecasting tools come from today, and start there.';
    data.personas[1].talkingPoints.economic_buyer[0] = point;
    data.version = '2026.12.1-portal';
    const saved = await signedFetch(url, 'PUT', `/api/playbook?${q}`, { playbook: data });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);

    const current = await signedFetch(url, 'GET', `/api/playbook?${q}`);
    expect((current.body.playbook as Data).personas[1].talkingPoints.economic_buyer[0]).toBe(point);

    // The next workflow-action call classifies with version 1 and writes its version on the contact.
    sandbox.setByPerson('contacts', '1001', { jobtitle: 'CFO' });
    const action = await signedPost(url, '/hubspot/workflow-actions/classify', {
      callbackId: 'ap-playbook-1',
      origin: { portalId: PORTAL, actionDefinitionId: 10, actionDefinitionVersion: 1 },
      context: { source: 'WORKFLOWS', workflowId: 99 },
      inputFields: { write_mode: 'overwrite' },
      object: { objectId: 1001, objectType: 'CONTACT', properties: {} },
    });
    expect(action.status).toBe(200);
    expect(sandbox.store.getContact('1001')?.properties.rolecall_playbook_version).toBe('2026.12.1-portal');

    const versions = await signedFetch(url, 'GET', `/api/playbook/versions?${q}`);
    expect(versions.body.versions).toEqual([
      { version: 1, savedBy: 'pmm@example.com', savedAt: expect.any(Number) },
    ]);
    const diff = await signedFetch(url, 'GET', `/api/playbook/diff?${q}&from=0&to=1`);
    expect(diff.body.changes).toEqual([
      { path: 'version', kind: 'changed', before: defaultPlaybook.version, after: '2026.12.1-portal' },
      {
        path: 'personas[finance_leader].talkingPoints.economic_buyer[0]',
        kind: 'changed',
        before: defaultPlaybook.personas[1]?.talkingPoints.economic_buyer?.[0],
        after: point,
      },
    ]);

    const restored = await signedFetch(url, 'POST', `/api/playbook/restore?${q}`, { version: 0 });
    expect(restored.body.version).toBe(2);
    const back = await signedFetch(url, 'GET', `/api/playbook?${q}`);
    expect(back.body.version).toBe(2);
    expect((back.body.playbook as Data).personas[1].talkingPoints.economic_buyer[0]).not.toBe(point);
    // Another portal never sees this portal's versions.
    const other = await signedFetch(url, 'GET', '/api/playbook/versions?portalId=2&userId=5');
    expect(other.body.versions).toEqual([]);
  });

  it('imports YAML and exports the current version as YAML', async () => {
    const data: Data = structuredClone(defaultData);
    data.version = '2026.12.2-yaml';
    const { stringify } = await import('yaml');
    const imported = await signedFetch(url, 'PUT', `/api/playbook?${q}`, { yaml: stringify(data) });
    expect(imported.status).toBe(200);
    const exported = await signedFetch(url, 'GET', `/api/playbook/export?${q}`);
    expect(parse(exported.text).version).toBe('2026.12.2-yaml');
  });
});
