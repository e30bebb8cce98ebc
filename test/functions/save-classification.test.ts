import { mkdtempSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildFunction } from '../../src/build/bundles.ts';
import { main } from '../../src/functions/save-classification.ts';
import { engineIdsIn } from '../card/engine-ids.ts';
import { type Portal, startPortal } from './sandbox-portal.ts';

let portal: Portal;
let companyId = '';
const env = { ...process.env };

beforeAll(async () => {
  portal = await startPortal();
  companyId = await portal.createCompany({ name: 'Acme Analytics', numberofemployees: '250' });
}, 60_000);
afterAll(async () => {
  await portal?.close();
});
beforeEach(() => {
  // What HubSpot injects into an app function; the base URL points the function at the sandbox.
  process.env.PRIVATE_APP_ACCESS_TOKEN = portal.sandbox.token;
  process.env.ROLECALL_HUBSPOT_BASE_URL = portal.sandbox.baseUrl;
});
afterEach(() => {
  process.env.PRIVATE_APP_ACCESS_TOKEN = env.PRIVATE_APP_ACCESS_TOKEN;
  process.env.ROLECALL_HUBSPOT_BASE_URL = env.ROLECALL_HUBSPOT_BASE_URL;
  if (env.PRIVATE_APP_ACCESS_TOKEN === undefined) delete process.env.PRIVATE_APP_ACCESS_TOKEN;
  if (env.ROLECALL_HUBSPOT_BASE_URL === undefined) delete process.env.ROLECALL_HUBSPOT_BASE_URL;
});

const cfo = { mode: 'suggestion', persona: 'finance_leader', buyingRole: 'economic_buyer' };

describe('save_classification against the sandbox', () => {
  it("saves the suggestion as auto, with HubSpot's own buying role, and then finds nothing to change", async () => {
    const id = await portal.createContact(
      { firstname: 'Carla', jobtitle: 'Chief Financial Officer' },
      companyId,
    );
    const result = await main({ parameters: { contactId: Number(id), ...cfo } });
    expect(result).toMatchObject({ ok: true, message: 'Saved Finance Leader as economic buyer.' });
    const saved = portal.contact(id);
    expect(saved).toMatchObject({
      rolecall_persona: 'finance_leader',
      rolecall_buying_role: 'economic_buyer',
      rolecall_source: 'auto',
      hs_buying_role: 'BUDGET_HOLDER',
      hs_persona: 'persona_2',
    });
    expect(saved.rolecall_classified_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    // What the card shows as why, in labels: title, company size → persona, role.
    expect(saved.rolecall_reasons).toMatch(
      /^"Chief Financial Officer" · 250 employees → Finance Leader, economic buyer\. \S/,
    );
    expect(engineIdsIn(saved.rolecall_reasons ?? '')).toEqual([]);
    expect(portal.sandbox.store.history('contacts', id, 'rolecall_persona')[0]?.sourceType).toBe(
      'INTEGRATION',
    );

    const again = await main({ parameters: { contactId: id, ...cfo } });
    expect(again).toMatchObject({ ok: true, written: [] });
  });

  it('never overwrites a value a person set in HubSpot, and says which it kept', async () => {
    const id = await portal.createContact({ jobtitle: 'Chief Financial Officer' }, companyId);
    portal.sandbox.setByPerson('contacts', id, { hs_buying_role: 'CHAMPION' });
    const result = await main({ parameters: { contactId: Number(id), ...cfo } });
    expect(result).toMatchObject({ ok: true, protectedProperties: ['hs_buying_role'] });
    expect(result.ok && result.message).toMatch(/Kept hs_buying_role: a person set it\./);
    expect(portal.contact(id)).toMatchObject({
      hs_buying_role: 'CHAMPION',
      rolecall_persona: 'finance_leader',
    });
  });

  it('saves an override as manual, which a later save of the suggestion never overwrites', async () => {
    const id = await portal.createContact({ jobtitle: 'Chief Financial Officer' }, companyId);
    const override = await main({
      parameters: {
        contactId: Number(id),
        mode: 'override',
        persona: 'executive_leader',
        buyingRole: 'blocker',
        setBy: 'ana@example.com',
      },
    });
    expect(override).toMatchObject({ ok: true });
    const after = portal.contact(id);
    expect(after).toMatchObject({
      rolecall_persona: 'executive_leader',
      rolecall_buying_role: 'blocker',
      rolecall_source: 'manual',
      hs_buying_role: 'BLOCKER',
      hs_persona: 'persona_1',
    });
    expect(after.rolecall_reasons).toMatch(
      /^Set by ana@example\.com in the persona card on \d{4}-\d\d-\d\d\.$/,
    );

    const save = await main({ parameters: { contactId: Number(id), ...cfo } });
    expect(save.ok).toBe(false);
    expect(!save.ok && save.errors[0]).toMatch(/set this contact's persona and role by hand/);
    expect(portal.contact(id)).toMatchObject({ rolecall_buying_role: 'blocker', rolecall_source: 'manual' });
  });

  it('clears a HubSpot persona that contradicts an override to a persona HubSpot does not map', async () => {
    const id = await portal.createContact({ jobtitle: 'Chief Financial Officer' }, companyId);
    expect(await main({ parameters: { contactId: id, ...cfo } })).toMatchObject({ ok: true });
    expect(portal.contact(id).hs_persona).toBe('persona_2');
    const result = await main({
      parameters: { contactId: id, mode: 'override', persona: 'student_or_job_seeker', buyingRole: 'other' },
    });
    expect(result).toMatchObject({ ok: true });
    expect(portal.contact(id)).toMatchObject({
      rolecall_persona: 'student_or_job_seeker',
      rolecall_source: 'manual',
    });
    expect(portal.contact(id).hs_persona ?? '').toBe('');
  });

  it('refuses to save a suggestion the contact no longer supports, and writes nothing', async () => {
    const id = await portal.createContact({ jobtitle: 'Chief Financial Officer' }, companyId);
    const result = await main({
      parameters: {
        contactId: Number(id),
        mode: 'suggestion',
        persona: 'team_practitioner',
        buyingRole: 'champion',
      },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(
      /changed since the card loaded.*Finance Leader as economic buyer.*Re-classify/,
    );
    expect(portal.contact(id).rolecall_persona ?? null).toBeNull();
  });

  it('answers bad input with a sentence that names the fix', async () => {
    const malformed = await main({ parameters: { contactId: 'abc', mode: 'save' } });
    expect(!malformed.ok && malformed.errors[0]).toMatch(/malformed.*reload the card/);
    const missing = await main({ parameters: { contactId: 987654321, ...cfo } });
    expect(!missing.ok && missing.errors[0]).toMatch(/Contact 987654321 was not found/);
    const id = await portal.createContact({ jobtitle: 'CFO' });
    const unknown = await main({
      parameters: { contactId: id, mode: 'override', persona: 'wizard', buyingRole: 'champion' },
    });
    expect(!unknown.ok && unknown.errors[0]).toMatch(/Persona "wizard" is not in playbook .*finance_leader/);
    expect(await main()).toMatchObject({ ok: false });
  });

  it('reports a rejected token without revealing it', async () => {
    process.env.PRIVATE_APP_ACCESS_TOKEN = 'pat-na1-00000000-dead-beef-0000-000000000000';
    const result = await main({ parameters: { contactId: 1, ...cfo } });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('dead-beef');
  });

  it('answers before HubSpot cuts it off when HubSpot is slow, and reports failing servers readably', async () => {
    const id = await portal.createContact({ jobtitle: 'CFO' }, companyId);
    portal.sandbox.faults.latencyMs = 400;
    try {
      const slow = await main({ parameters: { contactId: id, ...cfo } }, { deadlineMs: 150 });
      expect(!slow.ok && slow.errors[0]).toMatch(/answered too slowly.*Try again/);
    } finally {
      portal.sandbox.faults.latencyMs = 0;
    }
    portal.sandbox.faults.errorRate = 1;
    try {
      const down = await main({ parameters: { contactId: id, ...cfo } });
      expect(down.ok).toBe(false);
      expect(!down.ok && down.errors[0]).toMatch(/HubSpot.*\(503\).*Try again in a moment\.$/);
    } finally {
      portal.sandbox.faults.errorRate = 0;
    }
  });

  it('works the same from the CommonJS bundle HubSpot runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-fn-'));
    symlinkSync(join(import.meta.dirname, '../../node_modules'), join(dir, 'node_modules'), 'dir');
    const outfile = join(dir, 'save-classification.js');
    await buildFunction(join(import.meta.dirname, '../../src/functions/save-classification.ts'), outfile);
    const bundle = createRequire(outfile)(outfile) as { main: typeof main };
    const id = await portal.createContact({ jobtitle: 'CFO' }, companyId);
    expect(await bundle.main({ parameters: { contactId: id, ...cfo } })).toMatchObject({ ok: true });
    expect(portal.contact(id).rolecall_buying_role).toBe('economic_buyer');
  });
});
