import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, keys, raw } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness({ contacts: 12_000, searchPerSecond: 0 });
});
afterAll(async () => h.sandbox.close());

type Filter = {
  propertyName: string;
  operator: string;
  value?: string;
  values?: string[];
  highValue?: string;
};
const search = (body: Record<string, unknown>, type = 'contacts') =>
  raw(h.sandbox, 'POST', `/crm/v3/objects/${type}/search`, body);
const one = (filters: Filter[], extra: Record<string, unknown> = {}) =>
  search({ filterGroups: [{ filters }], ...extra });
const records = () => h.sandbox.store.contacts.records.filter((r) => !r.archivedAt);

describe('CRM search', () => {
  it('returns the documented shape, oldest first by default, with string offsets', async () => {
    const response = await search({ limit: 3 });
    expect(response.status).toBe(200);
    expect(keys(response.json)).toEqual(['paging', 'results', 'total']);
    expect(response.json.total).toBe(records().length);
    expect((response.json.results as { id: string }[]).map((r) => r.id)).toEqual(['1001', '1002', '1003']);
    expect(response.json.paging).toEqual({ next: { after: '3' } });
    const props = (response.json.results as { properties: Record<string, unknown> }[])[0]?.properties;
    expect(keys(props)).toEqual([
      'createdate',
      'email',
      'firstname',
      'hs_object_id',
      'lastmodifieddate',
      'lastname',
    ]);
  });

  it('matches HAS_PROPERTY / NOT_HAS_PROPERTY / EQ / IN like the stored data', async () => {
    const has = await one([{ propertyName: 'hs_buying_role', operator: 'HAS_PROPERTY' }]);
    const expected = records().filter((r) => r.props.hs_buying_role).length;
    expect(has.json.total).toBe(expected);
    const hasNot = await one([{ propertyName: 'hs_buying_role', operator: 'NOT_HAS_PROPERTY' }]);
    expect(hasNot.json.total).toBe(records().length - expected);
    const champions = await one([{ propertyName: 'hs_buying_role', operator: 'EQ', value: 'CHAMPION' }]);
    expect(champions.json.total).toBe(
      records().filter((r) => r.props.hs_buying_role?.split(';').includes('CHAMPION')).length,
    );
    const caseSensitive = await one([{ propertyName: 'hs_buying_role', operator: 'EQ', value: 'champion' }]);
    expect(caseSensitive.json.total).toBe(0);
    const inList = await one([
      { propertyName: 'hs_persona', operator: 'IN', values: ['persona_1', 'persona_2'] },
    ]);
    expect(inList.json.total).toBe(
      records().filter((r) => ['persona_1', 'persona_2'].includes(r.props.hs_persona ?? '')).length,
    );
  });

  it('compares text case-insensitively, numbers numerically, and supports CONTAINS_TOKEN wildcards', async () => {
    const ceo = await one([{ propertyName: 'jobtitle', operator: 'EQ', value: 'ceo' }]);
    expect(ceo.json.total).toBe(records().filter((r) => r.props.jobtitle?.toLowerCase() === 'ceo').length);
    expect(ceo.json.total).toBeGreaterThan(0);
    const big = await search(
      { filterGroups: [{ filters: [{ propertyName: 'numberofemployees', operator: 'GT', value: '5000' }] }] },
      'companies',
    );
    const bigCount = h.sandbox.store.companies.records.filter(
      (r) => Number(r.props.numberofemployees || 0) > 5000,
    ).length;
    expect(big.json.total).toBe(bigCount);
    const gmail = await one([{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: '*@gmail.com' }]);
    expect(gmail.json.total).toBe(records().filter((r) => r.props.email?.endsWith('@gmail.com')).length);
    const between = await one([
      { propertyName: 'hs_object_id', operator: 'BETWEEN', value: '1010', highValue: '1019' },
    ]);
    expect(between.json.total).toBe(10);
  });

  it('ORs groups and ANDs filters', async () => {
    const response = await search({
      filterGroups: [
        { filters: [{ propertyName: 'hs_object_id', operator: 'LT', value: '1006' }] },
        {
          filters: [
            { propertyName: 'hs_object_id', operator: 'GTE', value: '2000' },
            { propertyName: 'hs_object_id', operator: 'LTE', value: '2001' },
          ],
        },
      ],
    });
    expect(response.json.total).toBe(7);
  });

  it('narrows by hs_object_id ranges without losing matches from other groups', async () => {
    const inList = await one([{ propertyName: 'hs_object_id', operator: 'IN', values: ['1005', '1500'] }]);
    expect((inList.json.results as { id: string }[]).map((r) => r.id)).toEqual(['1005', '1500']);
    const mixed = await search({
      filterGroups: [
        { filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: '12990' }] },
        { filters: [{ propertyName: 'hs_persona', operator: 'EQ', value: 'persona_1' }] },
      ],
      limit: 0,
    });
    const persona1 = records().filter((r) => r.props.hs_persona === 'persona_1' && r.id <= 12990).length;
    expect(mixed.json.total).toBe(records().filter((r) => r.id > 12990).length + persona1);
    const exact = await one([{ propertyName: 'jobtitle', operator: 'EQ', value: 'VP OF SALES' }]);
    expect(exact.json.total).toBe(
      records().filter((r) => r.props.jobtitle?.toLowerCase() === 'vp of sales').length,
    );
    const suffix = await one([{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: 'mary*' }]);
    expect(suffix.json.total).toBe(records().filter((r) => r.props.email?.startsWith('mary')).length);
  });

  it('sorts by one property (object or "-name" form), missing values last', async () => {
    const desc = await search({ sorts: ['-hs_object_id'], limit: 2 });
    expect((desc.json.results as { id: string }[]).map((r) => r.id)).toEqual(
      records()
        .slice(-2)
        .reverse()
        .map((r) => String(r.id)),
    );
    const byTitle = await search({
      sorts: [{ propertyName: 'jobtitle', direction: 'ASCENDING' }],
      properties: ['jobtitle'],
      limit: 200,
    });
    const titles = (byTitle.json.results as { properties: { jobtitle: string | null } }[]).map(
      (r) => r.properties.jobtitle,
    );
    const lower = (t: string | null) => (t ?? '').toLowerCase();
    const sorted = [...titles].sort((a, b) => (lower(a) < lower(b) ? -1 : lower(a) > lower(b) ? 1 : 0));
    expect(titles).toEqual(sorted);
  });

  it('filters by associated company', async () => {
    const contact = records().find((r) => r.company > 0);
    const response = await one([
      { propertyName: 'associations.company', operator: 'EQ', value: String(contact?.company) },
    ]);
    expect((response.json.results as { id: string }[]).map((r) => r.id)).toContain(String(contact?.id));
  });

  it('caps at 200 per page and 10,000 results', async () => {
    expect((await search({ limit: 201 })).status).toBe(400);
    const near = await search({ limit: 200, after: '9800' });
    expect(near.status).toBe(200);
    expect((near.json.results as unknown[]).length).toBe(200);
    expect(near.json.paging).toBeUndefined();
    expect(near.json.total).toBeGreaterThan(10_000);
    const past = await search({ limit: 10, after: '10000' });
    expect(past.status).toBe(400);
    expect(past.json.category).toBe('VALIDATION_ERROR');
  });

  it('enforces 5 groups, 6 filters per group, 18 filters and a 3,000-character query', async () => {
    const f = { propertyName: 'email', operator: 'HAS_PROPERTY' };
    const tooManyGroups = Array.from({ length: 6 }, () => ({ filters: [f] }));
    expect((await search({ filterGroups: tooManyGroups })).status).toBe(400);
    expect((await search({ filterGroups: [{ filters: Array(7).fill(f) }] })).status).toBe(400);
    const nineteen = [...Array(4).fill({ filters: Array(4).fill(f) }), { filters: Array(3).fill(f) }];
    expect((await search({ filterGroups: nineteen })).status).toBe(400);
    expect((await search({ query: 'x'.repeat(3001) })).status).toBe(400);
    expect((await one([{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: '*a*b*c' }])).status).toBe(
      400,
    );
    expect((await one([{ propertyName: 'nope', operator: 'EQ', value: '1' }])).status).toBe(400);
  });

  it('searches default text properties with query', async () => {
    const someone = records().find((r) => r.props.lastname && r.props.lastname.length > 5);
    const response = await search({ query: someone?.props.lastname, limit: 200 });
    expect((response.json.results as { id: string }[]).map((r) => r.id)).toContain(String(someone?.id));
  });

  it('never returns archived records and can lag behind writes', async () => {
    const lagged = await harness({ contacts: 10, searchLagMs: 60_000, searchPerSecond: 0 });
    try {
      await lagged.client.crm.contacts.basicApi.create({
        properties: { email: 'late@example.org' },
        associations: [],
      });
      await lagged.client.crm.contacts.basicApi.archive('1001');
      const response = await raw(lagged.sandbox, 'POST', '/crm/v3/objects/contacts/search', { limit: 100 });
      const ids = (response.json.results as { id: string }[]).map((r) => r.id);
      expect(ids).not.toContain('1001');
      expect(ids).toHaveLength(9); // the new contact is not indexed yet
    } finally {
      await lagged.sandbox.close();
    }
  });
});
