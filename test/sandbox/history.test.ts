import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, keys } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness({ contacts: 400 });
});
afterAll(async () => h.sandbox.close());

describe('property history', () => {
  it('records API writes as INTEGRATION with the app id, people as CRM_UI, newest first', async () => {
    h.sandbox.setByPerson('contacts', '1010', { hs_buying_role: 'CHAMPION' });
    await new Promise((resolve) => setTimeout(resolve, 5)); // distinct timestamps
    await h.client.crm.contacts.batchApi.update({
      inputs: [{ id: '1010', properties: { hs_buying_role: 'END_USER' } }],
    });
    const contact = await h.client.crm.contacts.basicApi.getById(
      '1010',
      ['hs_buying_role'],
      ['hs_buying_role'],
    );
    const history = contact.propertiesWithHistory?.hs_buying_role ?? [];
    expect(history.slice(0, 2).map((e) => [e.value, e.sourceType])).toEqual([
      ['END_USER', 'INTEGRATION'],
      ['CHAMPION', 'CRM_UI'],
    ]);
    expect(history[0]?.sourceId).toBe('5670736');
    expect(history[1]).toMatchObject({ sourceId: 'userId:882761034', updatedByUserId: 882761034 });
    expect(history[0]?.timestamp).toBeInstanceOf(Date);
    const [newest, older] = history.map((e) => new Date(e.timestamp).getTime());
    expect(newest).toBeGreaterThan(older ?? Number.POSITIVE_INFINITY);
  });

  it('shows seeded values as IMPORT, and some seeded buying roles as set by a person', async () => {
    const page = await h.client.crm.contacts.basicApi.getPage(
      100,
      undefined,
      ['hs_buying_role'],
      ['hs_buying_role', 'jobtitle'],
    );
    const withJobTitle = page.results.find((c) => (c.propertiesWithHistory?.jobtitle ?? []).length > 0);
    expect(withJobTitle?.propertiesWithHistory?.jobtitle?.[0]?.sourceType).toBe('IMPORT');
    const sources = new Set<string>();
    for (const id of h.sandbox.store.contacts.records.map((r) => r.id)) {
      for (const entry of h.sandbox.store.history('contacts', id, 'hs_buying_role'))
        sources.add(entry.sourceType);
    }
    expect([...sources]).toEqual(expect.arrayContaining(['CRM_UI', 'IMPORT']));
  });

  it('returns history in batch read with the documented entry keys', async () => {
    const result = await h.client.crm.contacts.batchApi.read({
      inputs: [{ id: '1010' }],
      properties: [],
      propertiesWithHistory: ['hs_buying_role'],
    });
    const entry = result.results[0]?.propertiesWithHistory?.hs_buying_role?.[0];
    expect(keys(entry)).toEqual(['sourceId', 'sourceType', 'timestamp', 'value']);
  });

  it('keeps the value before the first API write as an IMPORT entry', async () => {
    const before = h.sandbox.store.getContact('1020')?.properties.jobtitle;
    h.sandbox.store.setContactProperties(
      '1020',
      { jobtitle: 'Chief Executive Officer' },
      { sourceType: 'INTEGRATION' },
    );
    const history = h.sandbox.store.history('contacts', '1020', 'jobtitle');
    if (before) expect(history.map((e) => e.sourceType)).toEqual(['INTEGRATION', 'IMPORT']);
    else expect(history.map((e) => e.sourceType)).toEqual(['INTEGRATION']);
  });
});
