import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/classify.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { reportData } from '../../src/tag/report/report-data.ts';
import { writeReport } from '../../src/tag/report/report-html.ts';
import { BUYING_ROLES, SENIORITIES } from '../../src/taxonomy.ts';
import { startPortal, tagAll } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

async function open<T>(path: string, check: (page: Page, requests: string[]) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${path}`);
    return await check(page, requests);
  } finally {
    await browser.close();
  }
}

/** What a reader sees in the elements the selector matches (rendered text, one line per element). */
async function read(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).allInnerTexts()).join('\n');
}

/** One attribute of every element the selector matches, in document order. */
async function attributes(page: Page, selector: string, name: string): Promise<Array<string | null>> {
  const all = page.locator(selector);
  const count = await all.count();
  return Promise.all(Array.from({ length: count }, (_, i) => all.nth(i).getAttribute(name)));
}

/** Ids that must never reach a reader: every persona, role and seniority id with an underscore. */
const IDS = [
  ...defaultPlaybook.personas.map((p) => p.id),
  ...defaultPlaybook.negativePersonas.map((p) => p.id),
  ...BUYING_ROLES,
  ...SENIORITIES,
].filter((id) => id.includes('_'));

describe('the HTML report', () => {
  it.skipIf(!existsSync(CHROMIUM))(
    'reads as labels, links each record, says what changed and how to undo it, and compares with the run before',
    async () => {
      portal = await startPortal({ contacts: 200 });
      const account = await portal.gateway.accountDetails();
      expect(account.ok).toBe(true);
      const portalId = account.ok ? account.value.portalId : 0;
      expect(portalId).toBe(portal.sandbox.store.portalId);
      const where = { target: 'sandbox:test', portal: account.ok ? account.value : null };
      // Run 1 misses every champion, so run 2's coverage goes up.
      const first = 'report-run-1';
      await tagAll(
        {
          ...portal,
          classify: (c, co, p) => {
            const r = classify(c, co, p);
            return r.buyingRole === 'champion' ? { ...r, buyingRole: 'end_user' } : r;
          },
        },
        { runId: first },
        portal.gateway,
        where,
      );
      // A person sets three contacts by hand before run 2: rolecall must keep them.
      const manual = portal.sandbox.store.contacts.records.slice(0, 3).map((r) => String(r.id));
      const set = await portal.gateway.updateContacts(
        manual.map((id) => ({ id, properties: { rolecall_source: 'manual' } })),
      );
      expect(set.ok).toBe(true);
      const second = 'report-run-2';
      const run = await tagAll(portal, { runId: second }, portal.gateway, where);
      expect(run.status).toBe('done');
      const data = reportData(portal.db, second, defaultPlaybook.requiredRoles)!;
      expect(data.total).toBe(200);
      const path = join(portal.dir, 'report.html');
      writeReport(path, data, defaultPlaybook);

      await open(path, async (page, requests) => {
        const text = await read(page, 'body');
        // Labels from the playbook, never ids.
        for (const id of IDS) expect(text, id).not.toContain(id);
        expect(text).toContain('Economic buyer');
        expect(await page.locator('#chart-persona').textContent()).toContain('Finance Leader');

        // Each company and contact links to its HubSpot record.
        const companyLinks = await attributes(page, '#coverage tbody a', 'href');
        expect(companyLinks.length).toBe(Math.min(50, data.companies.total));
        for (const href of companyLinks)
          expect(href).toMatch(
            new RegExp(`^https://app\\.hubspot\\.com/contacts/${portalId}/record/0-2/\\d+$`),
          );
        const contactLinks = await attributes(page, '#low-confidence a', 'href');
        for (const href of contactLinks)
          expect(href).toMatch(
            new RegExp(`^https://app\\.hubspot\\.com/contacts/${portalId}/record/0-1/\\d+$`),
          );

        // What changed: before → after per property, what was kept and why, and the exact undo command.
        const changes = await read(page, '#changes');
        expect(changes).toContain('Buying role (rolecall)');
        expect(changes).toMatch(/End user → Champion: \d+/);
        const counts = await read(page, '#change-counts');
        expect(counts).toMatch(/\b3 contacts kept as they are because a person set their persona and role/);
        expect(counts).toMatch(/\d+ contacts skipped: already up to date/);
        expect(counts).toMatch(/\b0 contacts that failed/);
        expect(await read(page, '#undo code')).toBe(`rolecall undo ${second}`);

        // The coverage table leads with what is missing, the companies missing most first.
        const headers = await page.locator('#coverage thead th').allInnerTexts();
        expect(headers.slice(0, 2)).toEqual(['Company', 'Missing']);
        const missingCounts = (await page.locator('#coverage tbody td:nth-child(2)').allInnerTexts()).map(
          (cell) => (cell === 'nothing' ? 0 : cell.split(',').length),
        );
        expect(missingCounts).toEqual([...missingCounts].sort((a, b) => b - a));

        // One colour per role, the same in every chart; different roles, different colours.
        const fills = async (chart: string) => {
          const keys = await attributes(page, `#${chart} g.bar`, 'data-key');
          const colours = await attributes(page, `#${chart} g.bar rect`, 'fill');
          return Object.fromEntries(keys.map((key, i) => [key, colours[i]]));
        };
        const roles = await fills('chart-role');
        const missing = await fills('chart-missing');
        for (const [role, colour] of Object.entries(missing))
          if (roles[role]) expect(colour, role).toBe(roles[role]);
        expect(new Set(Object.values(roles)).size).toBe(Object.keys(roles).length);
        const personas = await fills('chart-persona');
        expect(new Set(Object.values(personas)).size).toBeGreaterThan(3);

        // Compared with the run before: coverage went up.
        const comparison = await read(page, '#comparison');
        expect(comparison).toMatch(
          /Companies with every required role\s+[\d.]+% .*\s+[\d.]+% .*\s+up [\d.]+ points/,
        );
        expect(text).toContain(`Compared with run ${first}`);

        // Self-contained: nothing but the file itself was loaded.
        expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
      });
    },
  );

  it.skipIf(!existsSync(CHROMIUM))(
    'a dry run says what would change and that nothing was written',
    async () => {
      portal = await startPortal({ contacts: 60 });
      const { PlanFile } = await import('../../src/tag/plan-file.ts');
      const planFile = new PlanFile(join(portal.dir, 'plan'));
      const run = await tagAll(portal, { runId: 'dry-1', planFile });
      await planFile.close();
      expect(run.dryRun).toBe(true);
      const data = reportData(portal.db, 'dry-1', defaultPlaybook.requiredRoles)!;
      const path = join(portal.dir, 'dry.html');
      writeReport(path, data, defaultPlaybook);
      await open(path, async (page) => {
        expect(await page.locator('h2').allInnerTexts()).toContain('What would change');
        const changes = await read(page, '#changes');
        expect(changes).toMatch(/Persona \(rolecall\)\s+\d+/);
        expect(changes).toMatch(/\(empty\) → Finance Leader: \d+/);
        expect(await read(page, '#undo')).toMatch(/^Nothing was written: this was a dry run\./);
        expect(await read(page, '#run')).toContain('portal unknown (no links)');
        expect(await page.locator('#coverage a').count()).toBe(0);
      });
    },
  );
});
