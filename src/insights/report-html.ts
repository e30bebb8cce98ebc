import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { escapeHtml as e } from '../tag/report/escape.ts';
import { differencePlot, pairedBars, rateBars } from './charts.ts';
import type { Finding, InsightsReport, Segment } from './types.ts';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#33475b;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #cbd6e2;padding-bottom:.3rem}
.kpis{display:flex;gap:1rem;flex-wrap:wrap}.kpi{border:1px solid #cbd6e2;border-radius:6px;padding:.6rem 1rem;min-width:140px}
.kpi b{display:block;font-size:1.4rem}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:1rem}
figure{margin:0}figcaption{font-weight:600;margin-bottom:.3rem}svg text{font-size:12px;fill:#33475b}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eaf0f6;vertical-align:top}
.empty{border:2px solid #f5c26b;background:#fef8f0;border-radius:6px;padding:1rem 1.2rem;font-size:1.1rem}
.higher{color:#00875a}.lower{color:#c93700}.muted{color:#7c98b6}`;

const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);
const pts = (value: number) => `${value >= 0 ? '+' : ''}${Math.round(value * 100)}`;

function verdict(finding: Finding): string {
  if (finding.effect === 'not-enough-data') return 'not enough deals yet';
  if (finding.effect === 'none') return 'no clear difference';
  return finding.effect === 'higher' ? 'wins more often' : 'wins less often';
}

function segmentRows(segments: readonly Segment[]) {
  return segments.map((s) => ({
    label: s.key,
    rate: s.winRate,
    interval: s.interval,
    detail: `${s.won} of ${s.deals} won`,
  }));
}

function findingChart(id: string, title: string, findings: readonly Finding[], level: string): string {
  const rows = findings
    .filter((f) => f.liftInterval)
    .map((f) => {
      const [lo, hi] = f.liftInterval!;
      return {
        label: f.id,
        point: (f.winRateWith ?? 0) - (f.winRateWithout ?? 0),
        lo,
        hi,
        effect: f.effect as 'higher' | 'lower' | 'none',
        detail: `${pct(f.winRateWith)} vs ${pct(f.winRateWithout)} (${f.withDeals}/${f.withoutDeals} deals)`,
      };
    });
  const hidden = findings.filter((f) => !f.liftInterval).map((f) => f.id);
  const note = `Win rate with minus without, in points; bars are ${level} intervals. Green: the whole interval is above zero.${hidden.length ? ` Not enough deals yet: ${hidden.join(', ')}.` : ''}`;
  return rows.length === 0
    ? `<p class="muted" id="${id}">Not enough deals yet for ${e(title.toLowerCase())}.</p>`
    : differencePlot(id, title, rows, note);
}

/** The insights page: one self-contained HTML file a marketing lead reads at a glance. */
export function renderInsights(report: InsightsReport): string {
  const period = `${report.period.from.slice(0, 10)} to ${report.period.to.slice(0, 10)}${report.period.pipeline ? ` · pipeline ${report.period.pipeline}` : ''}`;
  const head = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>rolecall insights ${e(period)}</title><style>${STYLE}</style></head><body>
<h1>Who wins deals: personas and roles on closed deals</h1>
<p class="muted">Closed ${e(period)}</p>`;
  const kpi = (label: string, value: string) => `<div class="kpi"><b>${e(value)}</b>${e(label)}</div>`;
  const kpis = `<div class="kpis" id="kpis">${kpi('won deals', String(report.deals.won))}${kpi('lost deals', String(report.deals.lost))}${report.enoughData ? kpi('win rate', `${pct(report.winRate.winRate)} (${pct(report.winRate.interval![0])}–${pct(report.winRate.interval![1])})`) : ''}</div>`;
  if (!report.enoughData) {
    return `${head}${kpis}<p class="empty" id="not-enough">${e(report.message)}</p></body></html>\n`;
  }
  const level = `${(report.intervalLevel * 100).toFixed(2)} %`;
  const present = report.findings.filter((f) => f.basis === 'present');
  const engaged = report.findings.filter((f) => f.basis === 'engaged');
  const roles = present.filter((f) => f.kind === 'role').sort((a, b) => b.shareOfWon - a.shareOfWon);
  const rows = report.findings
    .map(
      (f) =>
        `<tr><td>${e(f.kind)}</td><td>${e(f.id)}</td><td>${e(f.basis)}</td><td>${f.withDeals}</td><td>${pct(f.winRateWith)}</td><td>${f.withoutDeals}</td><td>${pct(f.winRateWithout)}</td><td>${f.liftInterval ? `${pts(f.liftInterval[0])} to ${pts(f.liftInterval[1])}` : '—'}</td><td class="${f.effect}">${verdict(f)}</td></tr>`,
    )
    .join('');
  const threading = report.singleVsMulti.liftInterval
    ? `Multi-threaded deals win ${pts(report.singleVsMulti.liftInterval[0])} to ${pts(report.singleVsMulti.liftInterval[1])} points ${report.singleVsMulti.effect === 'none' ? '(no clear difference)' : report.singleVsMulti.effect === 'higher' ? 'more often' : 'less often (!)'} than single-threaded ones.`
    : 'Not enough single- or multi-threaded deals yet to compare them.';
  const patterns = report.titlePatterns
    .map(
      (p) =>
        `<tr><td>${e(p.persona)}</td><td>${p.wonDeals}</td><td>${e(p.titles.map((t) => `${t.key} (${t.count})`).join(', '))}</td><td>${e(p.seniorities.map((t) => t.key).join(', '))}</td><td>${e(p.functions.map((t) => t.key).join(', '))}</td><td>${e(p.roles.map((t) => t.key).join(', '))}</td></tr>`,
    )
    .join('');
  const never = report.neverWon
    .map((n) => `<li>${e(n.persona)}: on ${n.lostDeals} lost deals, no won deal</li>`)
    .join('');
  const unseen = report.neverSeen.map((id) => `<li>${e(id)}: on no closed deal at all</li>`).join('');
  const candidates = report.unmatchedFunctions
    .map(
      (u) =>
        `<li>${e(u.function)}: on ${u.wonDeals} won deals (${pct(u.shareOfWon)} of won) and ${u.lostDeals} lost, e.g. ${e(u.titles.join(', '))}</li>`,
    )
    .join('');
  const freshness = report.freshness
    .map(
      (f) =>
        `<tr class="${f.changed || f.overdue ? 'lower' : ''}"><td>${e(f.persona)}</td><td>${e(f.reviewedAt ?? 'never')}</td><td>${f.daysSinceReview ?? '—'}</td><td>${pct(f.before.share)}</td><td>${pct(f.since.share)}</td><td>${e(f.note)}</td></tr>`,
    )
    .join('');
  return `${head}${kpis}
<p class="muted">${e(report.message)} Engagement data: ${report.engagementData ? 'yes (engaged = activity within the window before the close)' : 'none found, so "engaged" findings are left out and threading counts the roles present'}.</p>
<h2>Win rate with and without each persona and role</h2>
<div class="charts">${findingChart(
    'chart-personas',
    'Personas present',
    present.filter((f) => f.kind === 'persona'),
    level,
  )}${
    engaged.length
      ? findingChart(
          'chart-personas-engaged',
          'Personas engaged before the close',
          engaged.filter((f) => f.kind === 'persona'),
          level,
        )
      : ''
  }${findingChart(
    'chart-roles',
    'Roles present',
    present.filter((f) => f.kind === 'role'),
    level,
  )}</div>
<h2>Roles present in won vs lost deals</h2>
${pairedBars(
  'chart-roles-won-lost',
  'Share of won and of lost deals with each role',
  roles.map((f) => ({ label: f.id, won: f.shareOfWon, lost: f.shareOfLost })),
)}
<h2>Single- vs multi-threaded</h2>
<p id="threading">${e(threading)}</p>
<div class="charts">${rateBars('chart-threads', `Win rate by number of ${report.engagementData ? 'engaged ' : ''}roles`, segmentRows(report.byThreads), `Whiskers: ${level} intervals.`)}${rateBars('chart-size', 'Win rate by deal size', segmentRows(report.bySize))}${rateBars('chart-icp', 'Win rate by ICP fit of the company', segmentRows(report.byIcpFit))}</div>
<h2>Every comparison</h2>
<table id="findings"><thead><tr><th>Kind</th><th>Id</th><th>Basis</th><th>Deals with</th><th>Win rate with</th><th>Deals without</th><th>Win rate without</th><th>Difference (points, ${level})</th><th>Reading</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Who the personas are on won deals</h2>
<table id="patterns"><thead><tr><th>Persona</th><th>Won deals</th><th>Common titles</th><th>Seniority</th><th>Function</th><th>Roles played</th></tr></thead><tbody>${patterns}</tbody></table>
<h2>Never on a won deal</h2><ul id="never-won">${never || '<li class="muted">none</li>'}${unseen}</ul>
<h2>Candidates for a new persona</h2><ul id="candidates">${candidates || '<li class="muted">none: every function common on won deals has a persona</li>'}</ul>
<h2>Persona freshness</h2>
<table id="freshness"><thead><tr><th>Persona</th><th>Last reviewed</th><th>Days ago</th><th>Share of won deals before</th><th>Since</th><th>What changed</th></tr></thead><tbody>${freshness}</tbody></table>
</body></html>\n`;
}

export function writeInsightsReport(path: string, report: InsightsReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderInsights(report));
}
