import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/hubspot/gateway.ts';
import { ROLECALL_PROPERTIES } from '../../src/hubspot/properties.ts';
import { describeStep, setupPortal } from '../../src/hubspot/setup.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { parseFilters } from '../../src/tag/filters.ts';
import { readIdsFile } from '../../src/tag/ids-file.ts';
import { contactsById, filteredContacts } from '../../src/tag/source.ts';
import { snapshotContacts, startPortal, tagAll } from './helpers.ts';

let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

describe('choosing contacts', () => {
  it('--filter tags exactly the matching contacts, paging past one search page', async () => {
    portal = await startPortal({ contacts: 700 });
    const parsed = parseFilters(['jobtitle?']);
    if (!parsed.ok) throw new Error(parsed.message);
    const withTitle = [...snapshotContacts(portal.sandbox, ['jobtitle']).entries()].filter(
      ([, p]) => p.jobtitle,
    );
    expect(withTitle.length).toBeGreaterThan(200); // more than one search page of 200
    const summary = await tagAll(portal, { source: filteredContacts(portal.gateway, parsed.filters) });
    expect(summary.status).toBe('done');
    expect(summary.processed).toBe(withTitle.length);
    const after = snapshotContacts(portal.sandbox, ['jobtitle', ROLECALL_PROPERTIES.source]);
    const taggedWithoutTitle = [...after.values()].filter(
      (p) => !p.jobtitle && p[ROLECALL_PROPERTIES.source],
    );
    expect(taggedWithoutTitle).toEqual([]);
  });

  it('--ids reads one id per line (or a CSV with a header) and tags only those', async () => {
    portal = await startPortal({ contacts: 120 });
    const ids = [...snapshotContacts(portal.sandbox, []).keys()].slice(5, 25);
    const file = join(portal.dir, 'ids.csv');
    writeFileSync(file, `Record ID,Email\n${ids.map((id) => `${id},x@example.com`).join('\n')}\n`);
    const read = await readIdsFile(file);
    if (!read.ok) throw new Error(read.message);
    expect(read.ids).toEqual(ids);
    const summary = await tagAll(portal, { source: contactsById(portal.gateway, read.ids), chunkSize: 7 });
    expect(summary.processed).toBe(20);
    const tagged = [...snapshotContacts(portal.sandbox, [ROLECALL_PROPERTIES.source]).entries()]
      .filter(([, p]) => p[ROLECALL_PROPERTIES.source])
      .map(([id]) => id);
    expect(tagged.every((id) => ids.includes(id))).toBe(true);
  });

  it('--ids names the ids HubSpot does not have (first 10, and how many)', async () => {
    portal = await startPortal({ contacts: 30 });
    const real = [...snapshotContacts(portal.sandbox, []).keys()].slice(0, 5);
    const ghosts = Array.from({ length: 12 }, (_, i) => String(990_000_001 + i));
    const summary = await tagAll(portal, {
      source: contactsById(portal.gateway, [...real, ...ghosts]),
      chunkSize: 7,
    });
    expect(summary.processed).toBe(5);
    expect(summary.missing).toEqual({ count: 12, first: ghosts.slice(0, 10) });
  });

  it('rejects unreadable filters and id files with the fix in the message', async () => {
    const bad = parseFilters(['Job Title = CEO']);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('prop=value');
    expect(parseFilters(['hs_seniority>=director', '!jobtitle', 'jobtitle~*sales*'])).toEqual({
      ok: true,
      filters: [
        { propertyName: 'hs_seniority', operator: 'GTE', value: 'director' },
        { propertyName: 'jobtitle', operator: 'NOT_HAS_PROPERTY' },
        { propertyName: 'jobtitle', operator: 'CONTAINS_TOKEN', value: '*sales*' },
      ],
    });
    portal = await startPortal({ contacts: 1 });
    const file = join(portal.dir, 'ids.txt');
    writeFileSync(file, '12\nabc\n');
    const read = await readIdsFile(file);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain(':2');
  });
});

describe('rolecall setup', () => {
  it('is idempotent and adds options when the playbook gains a persona', async () => {
    portal = await startPortal({ contacts: 1 });
    const again = await setupPortal(portal.gateway, defaultPlaybook, false);
    expect(again.steps.every((step) => step.action === 'ok')).toBe(true);
    const base = defaultPlaybook.personas[0]!;
    const grown = {
      ...defaultPlaybook,
      personas: [...defaultPlaybook.personas, { ...base, id: 'ops_wizard', name: 'Ops Wizard' }],
    };
    const dry = await setupPortal(portal.gateway, grown, true);
    const step = dry.steps.find((s) => s.action === 'add-options');
    expect(step && describeStep(step, true)).toBe('would add options to "rolecall_persona": ops_wizard');
    const requestsBefore = portal.sandbox.requestCount();
    expect(dry.applied).toBe(false);
    await setupPortal(portal.gateway, grown, false);
    expect(portal.sandbox.requestCount()).toBeGreaterThan(requestsBefore);
    const options = await portal.gateway.getProperty('contacts', ROLECALL_PROPERTIES.persona);
    expect(options.ok && options.value?.options?.map((o) => o.value)).toContain('ops_wizard');
    expect((await setupPortal(portal.gateway, grown, false)).steps.every((s) => s.action === 'ok')).toBe(
      true,
    );
  });

  it('translates a bad token into a message that names HUBSPOT_ACCESS_TOKEN', async () => {
    portal = await startPortal({ contacts: 1 });
    const stranger = createGateway({
      accessToken: 'pat-na1-not-a-real-token',
      baseUrl: portal.sandbox.baseUrl,
    });
    const result = await setupPortal(stranger, defaultPlaybook, true);
    expect(result.error?.kind).toBe('auth');
    expect(result.error?.message).toContain('HUBSPOT_ACCESS_TOKEN');
    expect(result.error?.message).not.toContain('pat-na1-not-a-real-token');
  });
});
