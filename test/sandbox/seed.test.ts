import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import industries from '../../src/sandbox/data/industries.json' with { type: 'json' };
import titleData from '../../src/sandbox/data/titles.json' with { type: 'json' };
import { startSandbox } from '../../src/sandbox/index.ts';
import { loadStore, saveStore } from '../../src/sandbox/persist.ts';
import { generate } from '../../src/sandbox/seed/generate.ts';
import { SandboxStore } from '../../src/sandbox/store.ts';
import { raw } from './helpers.ts';

const seeded = (seed: number, contacts: number, companies?: number) => {
  const store = new SandboxStore(1, 2);
  generate(store, { seed, contacts, companies });
  return store;
};
const snapshot = (store: SandboxStore, n: number) =>
  store.contacts.records.slice(0, n).map((r) => store.getContact(r.id));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rolecall-sandbox-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('seeded data', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(snapshot(seeded(3, 500), 500)).toEqual(snapshot(seeded(3, 500), 500));
    expect(snapshot(seeded(4, 500), 50)).not.toEqual(snapshot(seeded(3, 500), 50));
  });

  it('keeps the first records when more are asked for (same company count; dates spread with the total)', () => {
    const contents = (store: SandboxStore) =>
      snapshot(store, 100).map((c) => {
        const { createdate: _c, lastmodifieddate: _l, ...properties } = c?.properties ?? {};
        return { properties, companyIds: c?.companyIds };
      });
    expect(contents(seeded(9, 300, 40))).toEqual(contents(seeded(9, 100, 40)));
  });

  const store = seeded(1, 6000);
  const contacts = store.contacts.records;
  const companies = store.companies.records;

  it('scales companies with contacts and spreads them over all size bands', () => {
    expect(companies.length).toBe(600);
    const employees = companies.map((c) => Number(c.props.numberofemployees)).filter((n) => n > 0);
    const bands = [10, 50, 200, 1000, 5000, Number.POSITIVE_INFINITY].map(
      (max, i, all) => employees.filter((n) => n <= max && n > (i === 0 ? 0 : (all[i - 1] as number))).length,
    );
    for (const count of bands) expect(count).toBeGreaterThan(5);
    expect(bands[0]).toBeGreaterThan(bands[5] as number);
    for (const c of companies) {
      if (c.props.industry) expect(industries).toContain(c.props.industry);
      if (c.props.annualrevenue) expect(c.props.annualrevenue).toMatch(/^\d+$/);
    }
  });

  it('mixes titles from all eight languages, junk titles, and seniority hints', () => {
    const titles = contacts.map((c) => c.props.jobtitle ?? '');
    const languagesSeen = Object.entries(titleData.titles).filter(([, rows]) =>
      rows.some(([title]) => titles.includes(title as string)),
    );
    expect(languagesSeen.map(([l]) => l).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt', 'sv']);
    const junk = titles.filter((t) => titleData.junk.includes(t)).length / titles.length;
    expect(junk).toBeGreaterThan(0.04);
    expect(junk).toBeLessThan(0.14);
    expect(titles.some((t) => t !== t.trim())).toBe(true);
    expect(titles.some((t) => /[A-Z]{4,} [A-Z]{3,}/.test(t))).toBe(true);
    const withSeniority = contacts.filter((c) => c.props.hs_seniority).length / contacts.length;
    expect(withSeniority).toBeGreaterThan(0.2);
    expect(withSeniority).toBeLessThan(0.5);
  });

  it('has contacts without a company, duplicates, and unique emails', () => {
    const withoutCompany = contacts.filter((c) => c.company === 0).length / contacts.length;
    expect(withoutCompany).toBeGreaterThan(0.03);
    expect(withoutCompany).toBeLessThan(0.1);
    const emails = contacts.map((c) => c.props.email).filter(Boolean);
    expect(new Set(emails.map((e) => e?.toLowerCase())).size).toBe(emails.length);
    const people = contacts.map((c) => `${c.props.firstname}|${c.props.lastname}|${c.props.company}`);
    expect(people.length - new Set(people).size).toBeGreaterThan(contacts.length * 0.01);
  });
});

describe('save and load', () => {
  it('round-trips records, history, associations and custom properties through a file', async () => {
    const sandbox = await startSandbox({ contacts: 300, rateLimit: false });
    await raw(sandbox, 'POST', '/crm/v3/properties/contacts', {
      name: 'rolecall_source',
      label: 'Source',
      type: 'string',
      fieldType: 'text',
      groupName: 'contactinformation',
    });
    sandbox.setByPerson('contacts', '1005', { hs_buying_role: 'BLOCKER', rolecall_source: 'manual' });
    await raw(sandbox, 'DELETE', '/crm/v3/objects/contacts/1006');
    const file = join(dir, 'data.jsonl');
    await sandbox.save(file);
    const again = await startSandbox({ dataFile: file, rateLimit: false });
    expect(again.store.count('contacts')).toBe(300);
    for (const id of ['1001', '1005', '1006', '1299']) {
      expect(again.store.getContact(id)).toEqual(sandbox.store.getContact(id));
      expect(again.store.history('contacts', id, 'hs_buying_role')).toEqual(
        sandbox.store.history('contacts', id, 'hs_buying_role'),
      );
    }
    const page = await raw(again, 'GET', '/crm/v3/objects/contacts?limit=5&properties=rolecall_source');
    const original = await raw(sandbox, 'GET', '/crm/v3/objects/contacts?limit=5&properties=rolecall_source');
    expect(page.json.results).toEqual(original.json.results);
    await Promise.all([sandbox.close(), again.close()]);
  });

  it('reports a damaged or foreign file with its name and the fix', async () => {
    const foreign = join(dir, 'foreign.jsonl');
    await writeFile(foreign, '{"hello":1}\n');
    await expect(loadStore(foreign)).rejects.toThrow(/not a rolecall sandbox dataset/);
    const broken = join(dir, 'broken.jsonl');
    const store = seeded(1, 10);
    await saveStore(store, broken);
    await writeFile(broken, '{"oops"\n', { flag: 'a' });
    await expect(loadStore(broken)).rejects.toThrow(/broken\.jsonl:\d+: not valid JSON/);
  });
});
