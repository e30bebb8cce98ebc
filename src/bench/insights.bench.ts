/**
 * `npm run bench -- insights`: `rolecall insights` end to end over HTTP against a sandbox holding a planted
 * closed-deal history (Pro rate limit), at 600 and 5,000 closed deals: requests, wall time, peak RSS.
 */
import { createGateway } from '../hubspot/gateway.ts';
import { runInsights } from '../insights/run.ts';
import { DEFAULT_INSIGHTS_OPTIONS } from '../insights/types.ts';
import { defaultPlaybook } from '../playbook/default.ts';
import { startSandbox } from '../sandbox/index.ts';

const NOW = '2026-12-01T00:00:00.000Z';
for (const deals of [600, 5000]) {
  const sandbox = await startSandbox({ seed: 1, dealHistory: { deals, now: NOW } });
  const gateway = createGateway({
    accessToken: sandbox.token,
    baseUrl: sandbox.baseUrl,
    maxPerInterval: 190,
  });
  const started = performance.now();
  const run = await runInsights(gateway, defaultPlaybook, { ...DEFAULT_INSIGHTS_OPTIONS, now: NOW });
  const seconds = (performance.now() - started) / 1000;
  await sandbox.close();
  if (!run.ok) throw new Error(run.message);
  const { won, lost } = run.report.deals;
  process.stdout.write(
    `${deals} closed deals (${won} won, ${lost} lost): ${seconds.toFixed(1)} s, ${run.requests} requests, ${run.report.comparisons} comparisons, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
  );
}
