import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { writeInsightsReport } from '../../src/insights/report-html.ts';
import { generateDealHistory } from '../../src/sandbox/seed/deal-history.ts';
import { analyzeHistory, NOW } from './history.ts';

const CHROMIUM = '/usr/bin/chromium';

async function open(path: string, check: (page: import('playwright-core').Page) => Promise<void>) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${path}`);
    await check(page);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
  } finally {
    await browser.close();
  }
}

describe('the insights report', () => {
  it.skipIf(!existsSync(CHROMIUM))(
    'renders the win-rate charts with intervals, roles won vs lost, threading and freshness in Chromium',
    async () => {
      const report = analyzeHistory(generateDealHistory({ deals: 300, seed: 3, now: NOW }));
      const path = join(mkdtempSync(join(tmpdir(), 'insights-')), 'insights.html');
      writeInsightsReport(path, report);
      await open(path, async (page) => {
        for (const chart of [
          'chart-personas',
          'chart-roles',
          'chart-roles-won-lost',
          'chart-threads',
          'chart-icp',
        ]) {
          const box = await page.locator(`#${chart} svg`).boundingBox();
          expect(box?.height, chart).toBeGreaterThan(20);
        }
        // One interval line per persona with enough deals, coloured by its reading.
        const withInterval = report.findings.filter(
          (f) => f.kind === 'persona' && f.basis === 'present' && f.liftInterval,
        );
        expect(await page.locator('#chart-personas g.row').count()).toBe(withInterval.length);
        expect(await page.locator('#chart-personas g.row[data-effect="higher"]').count()).toBe(
          withInterval.filter((f) => f.effect === 'higher').length,
        );
        const roles = report.findings.filter((f) => f.kind === 'role' && f.basis === 'present').length;
        expect(await page.locator('#chart-roles-won-lost rect.won').count()).toBe(roles);
        expect(await page.locator('#findings tbody tr').count()).toBe(report.findings.length);
        expect(await page.locator('#threading').textContent()).toContain('Multi-threaded deals win');
        expect(await page.locator('#kpis').textContent()).toContain(String(report.deals.won));
        const freshness = await page.locator('#freshness tbody').textContent();
        expect(freshness).toContain('finance_leader');
        expect(freshness).toContain('last reviewed');
        expect(await page.locator('#never-won').textContent()).toContain('student_or_job_seeker');
      });
    },
  );

  it.skipIf(!existsSync(CHROMIUM))(
    'a portal with 8 closed deals gets a clear "not enough data" page, no charts',
    async () => {
      const report = analyzeHistory(generateDealHistory({ deals: 8, seed: 3, now: NOW }));
      const path = join(mkdtempSync(join(tmpdir(), 'insights-')), 'insights.html');
      writeInsightsReport(path, report);
      await open(path, async (page) => {
        expect(await page.locator('#not-enough').textContent()).toContain(
          'Not enough data: 8 closed deal(s)',
        );
        expect(await page.locator('svg').count()).toBe(0);
      });
    },
  );
});
