import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPE_IDS } from '../../src/sandbox/index.ts';
import { type Harness, harness, raw, sdkError } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness({ contacts: 1500, deals: 150, labelLimit: 3 });
});
afterAll(async () => h.sandbox.close());

const store = () => h.sandbox.store;
const dealContacts = (dealId: number) => store().graph.ids('deals', dealId, 'contacts');

describe('sandbox deals', () => {
  it('seeds deals with buying groups of 1–12 contacts from the deal company, some single-threaded', () => {
    expect(store().count('deals')).toBe(150);
    const sizes = store().deals.records.map((d) => dealContacts(d.id).length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(12);
    expect(sizes.filter((n) => n === 1).length).toBeGreaterThan(5);
    expect(sizes.filter((n) => n >= 4).length).toBeGreaterThan(5);
    for (const deal of store().deals.records.slice(0, 30)) {
      const [companyId] = store().graph.ids('deals', deal.id, 'companies');
      for (const contactId of dealContacts(deal.id)) {
        expect(store().getContact(contactId)?.companyIds).toContain(String(companyId));
      }
    }
  });

  it('serves deals through the SDK with stage facts derived from the pipeline', async () => {
    const page = await h.client.crm.deals.basicApi.getPage(100, undefined, [
      'dealname',
      'amount',
      'dealstage',
      'pipeline',
      'dealtype',
      'hs_is_closed_won',
      'hs_is_closed',
    ]);
    expect(page.results).toHaveLength(100);
    const won = page.results.filter((d) => d.properties.hs_is_closed_won === 'true');
    expect(won.length).toBeGreaterThan(0);
    for (const d of won) expect(['closedwon', '75412400']).toContain(d.properties.dealstage);
    for (const d of page.results)
      expect(['newbusiness', 'existingbusiness']).toContain(d.properties.dealtype);
    const pipelines = await h.client.crm.pipelines.pipelinesApi.getAll('deals');
    expect(pipelines.results.map((p) => p.id)).toEqual(['default', '75412396']);
    const closedWon = pipelines.results[0]?.stages.find((s) => s.id === 'closedwon');
    expect(closedWon?.metadata).toEqual({ isClosed: 'true', probability: '1.0' });
  });

  it('moves hs_is_closed_won when the stage changes, and rejects writing it', async () => {
    const deal = store().deals.records.find((d) => d.props.hs_is_closed === 'false');
    const id = String(deal?.id);
    await h.client.crm.deals.basicApi.update(id, {
      properties: { dealstage: 'closedwon', pipeline: 'default' },
    });
    expect(store().view('deals', id)?.properties.hs_is_closed_won).toBe('true');
    const error = await sdkError(
      h.client.crm.deals.basicApi.update(id, { properties: { hs_is_closed_won: 'false' } }),
    );
    expect(error.code).toBe(400);
  });

  it('associates calls, meetings and emails with contacts and deals', async () => {
    const deal = store().deals.records.find((d) => store().graph.ids('deals', d.id, 'calls').length > 0);
    const calls = await raw(h.sandbox, 'GET', `/crm/v4/objects/deals/${deal?.id}/associations/calls`);
    expect(calls.status).toBe(200);
    const callId = (calls.json.results as { toObjectId: number }[])[0]?.toObjectId;
    const call = await raw(
      h.sandbox,
      'GET',
      `/crm/v3/objects/calls/${callId}?properties=hs_timestamp,hs_call_title`,
    );
    expect(call.status).toBe(200);
    expect((call.json.properties as Record<string, string>).hs_timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    const back = await raw(h.sandbox, 'GET', `/crm/v4/objects/calls/${callId}/associations/contacts`);
    const contactId = (back.json.results as { toObjectId: number }[])[0]?.toObjectId;
    expect(
      store().getContact(contactId as number)?.properties.hs_last_sales_activity_timestamp,
    ).toBeDefined();
  });
});

describe('association labels (v4) and their limit', () => {
  it('creates labels up to the tier limit, lists them, and refuses past it', async () => {
    const schema = h.client.crm.associations.v4.schema.definitionsApi;
    const limit0 = await raw(
      h.sandbox,
      'GET',
      '/crm/v3/limits/associations/labels?fromObjectTypeId=0-1&toObjectTypeId=0-3',
    );
    expect(limit0.json.results).toMatchObject([{ limit: 3, usage: 0, allLabels: [] }]);
    for (const label of ['Decision Maker', 'Champion', 'Budget Holder']) {
      const created = await schema.create('contacts', 'deals', {
        label,
        name: label.toLowerCase().replace(' ', '_'),
      });
      expect(created.results.map((r) => r.label)).toEqual([label, label]);
    }
    const over = await sdkError(
      schema.create('contacts', 'deals', { label: 'Influencer', name: 'influencer' }),
    );
    expect(over.code).toBe(400);
    const dup = await sdkError(schema.create('deals', 'contacts', { label: 'Champion', name: 'champion' }));
    expect([400, 409]).toContain(dup.code);
    const list = await schema.getAll('contacts', 'deals');
    expect(list.results.map((r) => r.label)).toEqual([null, 'Decision Maker', 'Champion', 'Budget Holder']);
    const limit = await raw(
      h.sandbox,
      'GET',
      '/crm/limits/2026-03/associations/labels?fromObjectTypeId=0-1&toObjectTypeId=0-3',
    );
    expect(limit.json.results).toMatchObject([{ limit: 3, usage: 3, percentage: 100 }]);
  });

  it('writes labelled associations in batches and archives only the labels', async () => {
    const labels = (await h.client.crm.associations.v4.schema.definitionsApi.getAll('contacts', 'deals'))
      .results;
    const champion = labels.find((l) => l.label === 'Champion');
    const deal = store().deals.records.find((d) => dealContacts(d.id).length >= 2);
    const [a, b] = dealContacts(deal?.id as number);
    const types = [
      { associationCategory: 'USER_DEFINED' as never, associationTypeId: champion?.typeId as number },
    ];
    const created = await h.client.crm.associations.v4.batchApi.create('contacts', 'deals', {
      inputs: [a, b].map((id) => ({ _from: { id: String(id) }, to: { id: String(deal?.id) }, types })),
    });
    expect(created.results).toHaveLength(2);
    const read = await h.client.crm.associations.v4.batchApi.getPage('deals', 'contacts', {
      inputs: [{ id: String(deal?.id) }],
    });
    const seen = read.results[0]?.to.find((t) => Number(t.toObjectId) === a);
    expect(seen?.associationTypes.map((t) => t.typeId)).toEqual([
      TYPE_IDS.dealToContact,
      (champion?.typeId as number) + 1,
    ]);
    await h.client.crm.associations.v4.batchApi.archiveLabels('contacts', 'deals', {
      inputs: [{ _from: { id: String(a) }, to: { id: String(deal?.id) }, types }],
    });
    expect(store().graph.types('contacts', a as number, 'deals', deal?.id as number)).toEqual([4]);
    expect(store().graph.types('contacts', b as number, 'deals', deal?.id as number)).toEqual([
      4,
      champion?.typeId,
    ]);
  });

  it('rejects an unknown label id in a batch as a per-input error (207)', async () => {
    const deal = store().deals.records[0];
    const [a] = dealContacts(deal?.id as number);
    const response = await raw(h.sandbox, 'POST', '/crm/v4/associations/contacts/deals/batch/create', {
      inputs: [
        {
          from: { id: String(a) },
          to: { id: String(deal?.id) },
          types: [{ associationCategory: 'USER_DEFINED', associationTypeId: 9999 }],
        },
      ],
    });
    expect(response.status).toBe(207);
    expect(response.json.numErrors).toBe(1);
  });

  it('saves and loads deals, activity, labels and labelled associations', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { startSandbox } = await import('../../src/sandbox/index.ts');
    const file = join(mkdtempSync(join(tmpdir(), 'rolecall-deals-')), 'data.jsonl');
    await h.sandbox.save(file);
    const loaded = await startSandbox({ dataFile: file, rateLimit: false });
    try {
      expect(loaded.store.count('deals')).toBe(150);
      expect(loaded.store.count('emails')).toBe(store().count('emails'));
      expect(loaded.store.labels.list('contacts', 'deals')).toEqual(store().labels.list('contacts', 'deals'));
      const deal = store().deals.records[5];
      expect(loaded.store.graph.list('deals', deal?.id as number, 'contacts')).toEqual(
        store().graph.list('deals', deal?.id as number, 'contacts'),
      );
    } finally {
      await loaded.close();
    }
  });
});
