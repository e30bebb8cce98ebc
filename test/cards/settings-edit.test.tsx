import { Alert, Button, Flex, hubspot, List, Select, Tabs, Text, TextArea } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PortalPersonaCard } from '../../extensions/app/cards/PersonaCard.tsx';
import { BACKEND_URL } from '../../extensions/app/settings/playbookClient.ts';
import { SettingsPage } from '../../extensions/app/settings/SettingsPage.tsx';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import defaultData from '../../src/playbook/default-playbook.json' with { type: 'json' };
import type { RolecallServer } from '../../src/server/app.ts';
import { type Sandbox, signedFetch, signedPost, startPortal, startRolecall } from '../server/harness.ts';
import { crmSearchStub } from './crm-search-stub.ts';
import { ACME, associations, contact, crm, deepText, search } from './fixtures.ts';

const POINT = 'Ask which budget line pays for forecasting tools today, and start from it.';

/** hubspot.fetch as HubSpot does it: signed v3, with the portal and the user added to the query. */
function routeFetchTo(url: string) {
  return vi.spyOn(hubspot, 'fetch').mockImplementation(async (target, options) => {
    const path = String(target).slice(BACKEND_URL.length);
    const query = 'portalId=1&userId=77&userEmail=pmm%40example.com';
    const full = `${path}${path.includes('?') ? '&' : '?'}${query}`;
    const method = (options?.method ?? 'GET') as 'GET' | 'PUT' | 'POST';
    const reply = await signedFetch(url, method, full, options?.body);
    return new Response(reply.text, {
      status: reply.status,
      headers: { 'content-type': 'application/json' },
    });
  });
}

describe('a marketer edits a talking point in settings; the next card and workflow action use it', () => {
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
    vi.restoreAllMocks();
    await server?.close();
    await sandbox?.close();
  });

  it('refuses an invalid edit on the field, saves a valid one as a version, and the card shows it', async () => {
    routeFetchTo(url);
    const settings = createRenderer('settings');
    settings.render(<SettingsPage />);
    await settings.waitFor(() => expect(settings.maybeFind(Button, { testId: 'edit-save' })).not.toBeNull());
    expect(settings.findByTestId(Text, 'editing-version').text).toContain('built-in playbook');
    settings.findByTestId(Tabs, 'sections').trigger('onSelectedChange', 'personas' as never);
    settings.findByTestId(Select, 'pick-personas').trigger('onChange', '1' as never); // Finance Leader
    settings.findByTestId(Select, 'talking-points-role').trigger('onChange', 'economic_buyer' as never);
    const field = () => settings.findByTestId(TextArea, 'field-personas[1].talkingPoints.economic_buyer');

    // Too short: the same check as `rolecall playbook check`, shown on the field, nothing sent.
    field().trigger('onChange', 'short' as never);
    await settings.waitFor(() => expect(field().props.validationMessage).toContain('write a full sentence'));
    settings.findByTestId(Button, 'edit-save').trigger('onClick');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await signedFetch(url, 'GET', '/api/playbook/versions?portalId=1')).body.versions).toEqual([]);

    field().trigger('onChange', POINT as never);
    settings.findByTestId(Button, 'edit-save').trigger('onClick');
    await settings.waitFor(() => expect(settings.maybeFind(Alert, { testId: 'edit-saved' })).not.toBeNull());
    await settings.waitFor(() => expect(settings.maybeFind(Button, { testId: 'restore-1' })).not.toBeNull());

    // The next card render reads the portal's current version: no build, no upload.
    const card = createRenderer('crm.record.tab');
    card.mocks.useCrmProperties.willCall(() => crm(contact({ jobtitle: 'CFO' })));
    card.mocks.useAssociations.willCall(() => associations([ACME]));
    crmSearchStub.reset();
    crmSearchStub.result = search([]);
    card.render(<PortalPersonaCard />);
    await card.waitFor(() => expect(card.maybeFind(List, { testId: 'talking-points' })).not.toBeNull());
    const points = card
      .findByTestId(List, 'talking-points')
      .findAll(Text)
      .map((t) => t.text);
    expect(points).toEqual([POINT]);

    // Compare and restore from the versions table.
    settings.findByTestId(Button, 'compare-1').trigger('onClick');
    await settings.waitFor(() => expect(settings.maybeFind(Flex, { testId: 'diff' })).not.toBeNull());
    expect(deepText(settings.findByTestId(Flex, 'diff'))).toContain('No differences.');
    settings.findByTestId(Button, 'restore-1').trigger('onClick');
    await settings.waitFor(() =>
      expect(settings.findByTestId(Text, 'editing-version').text).toBe(
        'Version 2, saved by pmm@example.com.',
      ),
    );
  });

  it('the workflow action classifies with the saved version at once', async () => {
    sandbox.setByPerson('contacts', '1002', { jobtitle: 'CFO' });
    const current = await signedFetch(url, 'GET', '/api/playbook?portalId=1');
    const data = current.body.playbook as { version: string };
    data.version = '2026.12.9-edited';
    await signedFetch(url, 'PUT', '/api/playbook?portalId=1', { playbook: data });
    const action = await signedPost(url, '/hubspot/workflow-actions/classify', {
      callbackId: 'ap-settings-1',
      origin: { portalId: 1, actionDefinitionId: 10, actionDefinitionVersion: 1 },
      context: { source: 'WORKFLOWS', workflowId: 99 },
      inputFields: { write_mode: 'overwrite' },
      object: { objectId: 1002, objectType: 'CONTACT', properties: {} },
    });
    expect(action.status).toBe(200);
    expect(sandbox.store.getContact('1002')?.properties.rolecall_playbook_version).toBe('2026.12.9-edited');
  });
});
