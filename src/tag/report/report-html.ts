import { writeFileAtomic } from '../../io/output-file.ts';
import { escapeHtml as e } from './escape.ts';
import type { ReportData } from './report-data.ts';
import { svgBars } from './svg-bars.ts';

const pct = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '0%');

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#33475b;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #cbd6e2;padding-bottom:.3rem}
.kpis{display:flex;gap:1rem;flex-wrap:wrap}.kpi{border:1px solid #cbd6e2;border-radius:6px;padding:.6rem 1rem;min-width:140px}
.kpi b{display:block;font-size:1.4rem}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:1rem}
figure{margin:0}figcaption{font-weight:600;margin-bottom:.3rem}svg text{font-size:12px;fill:#33475b}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eaf0f6;vertical-align:top}
.missing{color:#c93700}.ok{color:#00875a}.muted{color:#7c98b6}`;

/** The run report as one self-contained HTML page (inline CSS and SVG; opens offline). */
export function renderReport(data: ReportData): string {
  const s = data.summary;
  const kpi = (label: string, value: unknown) => `<div class="kpi"><b>${e(value)}</b>${e(label)}</div>`;
  const kpis = [
    kpi('contacts read', data.total),
    kpi(data.kind === 'dry-run' ? 'contacts that would change' : 'contacts changed', s.contactsChanged ?? 0),
    kpi('unclassified (no usable title)', `${pct(data.unclassified, data.total)}`),
    kpi('partly read (seniority or function unknown)', pct(data.partlyRead, data.total)),
    kpi('no persona matched', pct(data.noPersona, data.total)),
    kpi('companies with every required role', `${data.companies.complete} / ${data.companies.total}`),
  ].join('');
  const charts = [
    svgBars('chart-persona', 'Personas', data.byPersona, data.total),
    svgBars('chart-role', 'Buying roles', data.byRole, data.total),
    svgBars('chart-seniority', 'Seniority', data.bySeniority, data.total),
    svgBars('chart-function', 'Function', data.byFunction, data.total),
  ].join('');
  const missingChart = svgBars(
    'chart-missing',
    'Companies missing each required role',
    data.companies.missingByRole,
    data.companies.total,
  );
  const coverageRows = data.companies.top
    .map(
      (company) =>
        `<tr><td>${e(company.name ?? company.companyId)}</td><td>${company.contacts}</td><td class="ok">${e(company.present.join(', '))}</td><td class="missing">${company.missing.length === 0 ? '<span class="ok">none</span>' : e(company.missing.join(', '))}</td></tr>`,
    )
    .join('');
  const titleRows = data.topUnclassifiedTitles
    .map((row) => `<tr><td>${e(row.key)}</td><td>${row.count}</td></tr>`)
    .join('');
  const lowRows = data.lowConfidence
    .map(
      (row) =>
        `<tr><td>${e(row.contactId)}</td><td>${e(row.title ?? '')}</td><td>${e(row.persona)}</td><td>${e(row.role)}</td><td>${row.confidence.toFixed(2)}</td></tr>`,
    )
    .join('');
  const review = data.playbook;
  const staleRows = (review?.stale ?? [])
    .map(
      (p) =>
        `<tr><td>${e(p.name)}</td><td>${e(p.owner ?? 'no owner')}</td><td>${e(p.lastReviewed)}</td><td class="missing">${p.days} days</td></tr>`,
    )
    .join('');
  const reviewSection = review
    ? `<h2>Playbook review</h2>
<p>Playbook ${e(review.version)}${review.example ? ' · <b class="missing">an example playbook: replace its content before reps rely on it</b>' : ''}.</p>
${staleRows ? `<table id="stale-personas"><thead><tr><th>Persona past its ${review.reviewIntervalDays}-day review</th><th>Owner</th><th>Last reviewed</th><th>Age</th></tr></thead><tbody>${staleRows}</tbody></table>` : `<p class="ok" id="stale-personas">Every persona was reviewed within ${review.reviewIntervalDays} days.</p>`}`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>rolecall report ${e(data.runId)}</title><style>${STYLE}</style></head><body>
<h1>rolecall ${data.kind === 'dry-run' ? 'dry run' : 'tagging'} report</h1>
<p class="muted">Run ${e(data.runId)} · ${e(data.status)} · started ${e(data.startedAt)} · ${e(data.target)}</p>
<section class="kpis" id="kpis">${kpis}</section>
<h2>Distribution</h2><section class="charts">${charts}</section>
<h2>Buying-group coverage</h2>
<p>Required roles in the playbook: <b>${e(data.requiredRoles.join(', ') || 'none')}</b>.</p>
${missingChart}
<table id="coverage"><thead><tr><th>Company</th><th>Contacts</th><th>Roles present</th><th>Missing</th></tr></thead><tbody>${coverageRows}</tbody></table>
<p class="muted">The ${data.companies.top.length} companies with most contacts, of ${data.companies.total}.</p>
<h2>Top unclassified titles</h2>
${titleRows ? `<table id="unclassified"><thead><tr><th>Title</th><th>Contacts</th></tr></thead><tbody>${titleRows}</tbody></table>` : '<p>None: every title was read.</p>'}
<h2>Low confidence</h2>
${lowRows ? `<table id="low-confidence"><thead><tr><th>Contact</th><th>Title</th><th>Persona</th><th>Role</th><th>Confidence</th></tr></thead><tbody>${lowRows}</tbody></table>` : '<p>None below 0.50.</p>'}
${reviewSection}
</body></html>
`;
}

export function writeReport(path: string, data: ReportData): void {
  writeFileAtomic(path, renderReport(data));
}
