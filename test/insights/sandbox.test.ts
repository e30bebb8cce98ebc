import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/hubspot/gateway.ts';
import { runInsights } from '../../src/insights/run.ts';
import { DEFAULT_INSIGHTS_OPTIONS, type InsightsReport } from '../../src/insights/types.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/index.ts';
import { generateDealHistory } from '../../src/sandbox/seed/deal-history.ts';
import { analyzeHistory, NOW } from './history.ts';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function insightsOf(options: SandboxOptions): Promise<{ report: InsightsReport; requests: number }> {
  sandbox = await startSandbox({ seed: 7, rateLimit: false, searchPerSecond: 0, ...options });
  const gateway = createGateway({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl, baseBackoffMs: 20 });
  const run = await runInsights(gateway, defaultPlaybook, { ...DEFAULT_INSIGHTS_OPTIONS, now: NOW });
  if (!run.ok) throw new Error(run.message);
  expect(run.warnings).toEqual([]);
  return { report: run.report, requests: run.requests };
}

const effects = (report: InsightsReport) =>
  [...report.findings.map((f) => f.effect), report.singleVsMulti.effect, report.icpFitLift.effect].filter(
    (e) => e === 'higher' || e === 'lower',
  );

describe('rolecall insights against the sandbox over HTTP', () => {
  it('reads the planted history through the API exactly as it was generated, and finds the planted effects', async () => {
    const { report, requests } = await insightsOf({ dealHistory: { deals: 400, now: NOW } });
    const direct = analyzeHistory(generateDealHistory({ deals: 400, seed: 7, now: NOW }));
    expect(report.deals).toEqual(direct.deals);
    expect(report.findings).toEqual(direct.findings);
    expect(report.byThreads).toEqual(direct.byThreads);
    expect(report.freshness).toEqual(direct.freshness);
    expect(report.findings.find((f) => f.id === 'finance_leader' && f.basis === 'engaged')!.effect).toBe(
      'higher',
    );
    expect(report.singleVsMulti.effect).toBe('higher');
    expect(report.neverWon.map((n) => n.persona)).toEqual(['student_or_job_seeker']);
    // Batched reads: a handful of searches and batch calls, not one request per deal.
    expect(requests).toBeLessThan(60);
  });

  it('the shuffled-outcome control seeded into the sandbox shows no effect', async () => {
    const { report } = await insightsOf({ dealHistory: { deals: 400, now: NOW, shuffleOutcomes: true } });
    expect(report.enoughData).toBe(true);
    expect(effects(report)).toEqual([]);
  });

  it("the sandbox's ordinary seeded deals (no planted effect) give a report with real counts", async () => {
    const { report } = await insightsOf({ contacts: 3000, dealOptions: { now: Date.parse(NOW) } });
    const closed = sandbox!.store.deals.records.filter((d) => {
      const at = Date.parse(d.props.closedate ?? '');
      return (
        d.props.hs_is_closed === 'true' && at >= Date.parse(NOW) - 365 * 86_400_000 && at <= Date.parse(NOW)
      );
    });
    expect(report.deals.won + report.deals.lost).toBe(closed.length);
    expect(report.deals.won).toBe(closed.filter((d) => d.props.hs_is_closed_won === 'true').length);
    expect(report.engagementData).toBe(true);
  });
});
