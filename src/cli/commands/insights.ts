import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { writeInsightsReport } from '../../insights/report-html.ts';
import { runInsights } from '../../insights/run.ts';
import { DEFAULT_INSIGHTS_OPTIONS, type Finding, type InsightsReport } from '../../insights/types.ts';
import { CliError, UsageError } from '../errors.ts';
import { dbOption, jsonOption, playbookOption } from '../options.ts';
import { addBackendOptions, addPortalOptions, openCommandSession, portalHelp } from '../portal.ts';

interface InsightsFlags {
  since: string;
  pipeline?: string;
  minDeals: string;
  json?: boolean;
  html?: string | boolean;
  out?: string;
  db: string;
  baseUrl?: string;
  sandbox?: boolean;
  playbook?: string;
  now?: string;
}

const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };

/** `365d`, `12w`, `6m`, `1y` → days. */
export function parseSince(raw: string): number {
  const match = /^(\d+)\s*([dwmy])$/i.exec(raw.trim());
  const days = match ? Number(match[1]) * UNIT_DAYS[match[2]!.toLowerCase()]! : Number.NaN;
  if (!Number.isInteger(days) || days < 1) {
    throw new UsageError(`--since ${raw}: give a period like 365d, 26w, 6m or 2y.`);
  }
  return days;
}

function parseMinDeals(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`--min-deals ${raw}: give a whole number of deals, e.g. --min-deals 10.`);
  }
  return value;
}

const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);
const pts = (value: number) => `${value >= 0 ? '+' : ''}${Math.round(value * 100)}`;

function line(f: Finding): string {
  const head = `  ${f.kind === 'persona' ? 'persona' : 'role   '} ${f.id.padEnd(24)} ${f.basis.padEnd(7)}`;
  if (!f.enoughData) return `${head} not enough deals yet (${f.withDeals} with, ${f.withoutDeals} without)`;
  const reading =
    f.effect === 'higher' ? '▲ wins more' : f.effect === 'lower' ? '▼ wins less' : '  no clear difference';
  return `${head} ${pct(f.winRateWith).padStart(5)} with (${f.withDeals}) vs ${pct(f.winRateWithout).padStart(5)} without (${f.withoutDeals}), ${pts(f.liftInterval![0])} to ${pts(f.liftInterval![1])} pts  ${reading}`;
}

/** The readable summary printed without --json. */
export function renderText(report: InsightsReport): string {
  const out = [
    `Closed deals ${report.period.from.slice(0, 10)} to ${report.period.to.slice(0, 10)}${report.period.pipeline ? ` in pipeline ${report.period.pipeline}` : ''}: ${report.deals.won} won, ${report.deals.lost} lost.`,
  ];
  if (!report.enoughData) return `${out[0]}\n${report.message}\n`;
  out.push(report.message, '', 'With vs without (win rate, deals, difference in points):');
  for (const f of report.findings) out.push(line(f));
  const t = report.singleVsMulti;
  out.push(
    '',
    t.liftInterval
      ? `Multi- vs single-threaded: ${pts(t.liftInterval[0])} to ${pts(t.liftInterval[1])} pts (${t.effect === 'none' ? 'no clear difference' : t.effect === 'higher' ? 'multi-threaded wins more' : 'multi-threaded wins less'}).`
      : 'Multi- vs single-threaded: not enough deals yet.',
  );
  for (const s of report.byThreads)
    out.push(`  ${s.key.padEnd(10)} ${pct(s.winRate).padStart(5)} of ${s.deals}`);
  if (report.neverWon.length > 0)
    out.push(
      '',
      `Never on a won deal: ${report.neverWon.map((n) => `${n.persona} (${n.lostDeals} lost)`).join(', ')}.`,
    );
  if (report.unmatchedFunctions.length > 0)
    out.push(
      `Candidates for a new persona: ${report.unmatchedFunctions.map((u) => `${u.function} (on ${pct(u.shareOfWon)} of won deals)`).join(', ')}.`,
    );
  const stale = report.freshness.filter((f) => f.changed || f.overdue);
  for (const f of stale) out.push(`Review ${f.persona}: ${f.note}.`);
  return `${out.join('\n')}\n`;
}

/** `rolecall insights`: which personas and roles win, from the portal's closed deals. */
export function registerInsights(program: Command): void {
  const command = program
    .command('insights')
    .description('Win rates with and without each persona and role, from the closed won and lost deals.')
    .option('--since <period>', 'closed in the last 365d, 26w, 6m, 2y…', '365d')
    .option('--pipeline <id>', 'only deals in this pipeline (its internal id, e.g. "default")')
    .option(
      '--min-deals <n>',
      'fewest deals on each side of a comparison before it gets a number',
      String(DEFAULT_INSIGHTS_OPTIONS.minDeals),
    )
    .addOption(jsonOption('print the analysis as one JSON object and nothing else'))
    .option('--html [path]', 'write the HTML report (default: next to the database)')
    .option('--out <file>', 'also save the JSON (for "rolecall playbook suggest --from")')
    .addOption(dbOption())
    .addOption(
      playbookOption("playbook YAML or JSON (default: the portal's saved playbook, else the built-in one)"),
    )
    .option('--now <iso>', 'the end of the period (default: now)');
  addBackendOptions(addPortalOptions(command))
    .addHelpText(
      'after',
      portalHelp([
        'HUBSPOT_ACCESS_TOKEN=pat-na1-… rolecall insights --since 6m   # reads deals, changes nothing',
        'rolecall insights --json --out insights.json                   # then: rolecall playbook suggest --from insights.json',
        'rolecall insights --sandbox --html                             # local sample deals, no token',
      ]),
    )
    .action(async (flags: InsightsFlags) => {
      const sinceDays = parseSince(flags.since);
      const minDeals = parseMinDeals(flags.minDeals);
      const now = flags.now ? new Date(flags.now) : new Date();
      if (Number.isNaN(now.getTime()))
        throw new UsageError(`--now ${flags.now}: give an ISO date such as 2026-12-01.`);
      const session = await openCommandSession('insights', flags, { portalPlaybook: true });
      try {
        const run = await runInsights(session.connection.gateway, session.playbook, {
          ...DEFAULT_INSIGHTS_OPTIONS,
          now: now.toISOString(),
          sinceDays,
          minDeals,
          ...(flags.pipeline ? { pipeline: flags.pipeline } : {}),
        });
        if (!run.ok) throw new CliError(run.message);
        for (const warning of run.warnings) process.stderr.write(`⚠ ${warning}\n`);
        const json = `${JSON.stringify(run.report, null, 2)}\n`;
        if (flags.out) writeFileSync(flags.out, json);
        if (flags.html) {
          const path =
            typeof flags.html === 'string'
              ? flags.html
              : join(dirname(flags.db), `insights-${now.toISOString().slice(0, 10)}.html`);
          writeInsightsReport(path, run.report);
          if (!flags.json) process.stdout.write(`Report: ${path}\n`);
        }
        process.stdout.write(flags.json ? json : renderText(run.report));
      } finally {
        await session.close();
      }
    });
}
