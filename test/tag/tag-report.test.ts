import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { reportData } from '../../src/tag/report/report-data.ts';
import { writeReport } from '../../src/tag/report/report-html.ts';
import { startPortal, tagAll } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

describe('the HTML report', () => {
  it.skipIf(!existsSync(CHROMIUM))(
    'opens in headless Chromium with its charts and the coverage table',
    async () => {
      portal = await startPortal({ contacts: 200 });
      const run = await tagAll(portal);
      const data = reportData(portal.db, run.runId, defaultPlaybook.requiredRoles);
      expect(data?.total).toBe(200);
      const path = join(portal.dir, 'report.html');
      writeReport(path, data!);
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      try {
        const page = await browser.newPage();
        const requests: string[] = [];
        page.on('request', (request) => requests.push(request.url()));
        await page.goto(`file://${path}`);
        for (const chart of [
          'chart-persona',
          'chart-role',
          'chart-seniority',
          'chart-function',
          'chart-missing',
        ]) {
          const bars = await page.locator(`#${chart} svg rect`).count();
          expect(bars, chart).toBeGreaterThan(0);
          const box = await page.locator(`#${chart} svg`).boundingBox();
          expect(box?.height, chart).toBeGreaterThan(10);
        }
        const rows = await page.locator('#coverage tbody tr').count();
        expect(rows).toBe(Math.min(50, data!.companies.total));
        const header = await page.locator('#coverage thead').textContent();
        expect(header).toContain('Missing');
        expect(await page.locator('#kpis').textContent()).toContain('200');
        // Self-contained: nothing but the file itself was loaded.
        expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});
