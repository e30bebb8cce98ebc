import { writeFileAtomic } from '../../io/output-file.ts';
import type { Playbook } from '../../playbook/schema.ts';
import { escapeHtml as e } from './escape.ts';
import type { ReportData } from './report-data.ts';
import { type ReportLabels, reportLabels } from './report-labels.ts';
import { changesSection, comparisonSection, pct, recordLink } from './report-sections.ts';
import { svgBars } from './svg-bars.ts';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#33475b;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #cbd6e2;padding-bottom:.3rem}
.kpis{display:flex;gap:1rem;flex-wrap:wrap}.kpi{border:1px solid #cbd6e2;border-radius:6px;padding:.6rem 1rem;min-width:140px}
.kpi b{display:block;font-size:1.4rem}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:1rem}
figure{margin:0}figcaption{font-weight:600;margin-bottom:.3rem}svg text{font-size:12px;fill:#33475b}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eaf0f6;vertical-align:top}
.missing{color:#c93700;font-weight:600}.ok{color:#00875a}.muted{color:#7c98b6}.present{color:#7c98b6;font-size:.9em}
.better .delta{color:#00875a}.worse .delta{color:#c93700}ul.pairs,ul.counts{margin:0;padding-left:1.1rem}
code{background:#f5f8fa;border:1px solid #cbd6e2;border-radius:3px;padding:.1rem .3rem}a{color:#0073ae}`;

/** The run report as one self-contained HTML page (inline CSS and SVG; opens offline). Labels from the playbook. */
export function renderReport(data: ReportData, playbook: Playbook): string {
  const l = reportLabels(playbook);
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
  const now = {
    runId: data.runId,
    startedAt: data.startedAt,
    total: data.total,
    noPersona: data.noPersona,
    unclassified: data.unclassified,
    companies: data.companies.total,
    complete: data.companies.complete,
  };
  const roleStyle = { label: l.role, colour: l.roleColour };
  const charts = [
    svgBars('chart-persona', 'Personas', data.byPersona, data.total, {
      label: l.persona,
      colour: l.personaColour,
    }),
    svgBars('chart-role', 'Buying roles', data.byRole, data.total, roleStyle),
    svgBars('chart-seniority', 'Seniority', data.bySeniority, data.total, { label: l.seniority }),
    svgBars('chart-function', 'Function', data.byFunction, data.total, { label: l.function }),
  ].join('');
  const missingChart = svgBars(
    'chart-missing',
    'Companies missing each required role',
    [...data.companies.missingByRole].sort((a, b) => b.count - a.count),
    data.companies.total,
    roleStyle,
  );
  const portal = data.portal
    ? ` · HubSpot portal ${e(data.portal.portalId)} (names link to the records)`
    : ' · portal unknown (no links)';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>rolecall report ${e(data.runId)}</title><style>${STYLE}</style></head><body>
<h1>rolecall ${data.kind === 'dry-run' ? 'dry run' : 'tagging'} report</h1>
<p class="muted" id="run">Run ${e(data.runId)} · ${e(data.status)} · started ${e(data.startedAt)} · ${e(data.target)}${portal}</p>
<section class="kpis" id="kpis">${kpis}</section>
${comparisonSection(data, now)}
<h2>${data.kind === 'dry-run' ? 'What would change' : 'What changed'}</h2>
${changesSection(data, l)}
<h2>Buying-group coverage</h2>
<p>Required roles in the playbook: <b>${e(data.requiredRoles.map(l.role).join(', ') || 'none')}</b>.</p>
${missingChart}
${coverageTable(data, l)}
${dealsSection(data, l)}
<h2>Distribution</h2><section class="charts">${charts}</section>
<h2>Top unclassified titles</h2>
${titlesTable(data)}
<h2>Low confidence</h2>
${lowConfidenceTable(data, l)}
${reviewSection(data)}
</body></html>
`;
}

function coverageTable(data: ReportData, l: ReportLabels): string {
  const rows = data.companies.top
    .map((company) => {
      const missing =
        company.missing.length === 0
          ? '<span class="ok">nothing</span>'
          : `<span class="missing">${e(company.missing.map(l.role).join(', '))}</span>`;
      const name = recordLink(
        data.portal,
        '0-2',
        company.companyId,
        company.name ?? `Company ${company.companyId}`,
      );
      return `<tr><td>${name}</td><td>${missing}</td><td>${company.contacts}</td><td class="present">${e(
        company.present
          .filter((role) => role !== 'other')
          .map(l.role)
          .join(', '),
      )}</td></tr>`;
    })
    .join('');
  return `<table id="coverage"><thead><tr><th>Company</th><th>Missing</th><th>Contacts</th><th>Roles present</th></tr></thead><tbody>${rows}</tbody></table>
<p class="muted">The ${data.companies.top.length} companies with most contacts, of ${data.companies.total}; those missing most roles first.</p>`;
}

/** Open deals: the largest without an economic buyer, and the largest carried by one contact. */
function dealsSection(data: ReportData, l: ReportLabels): string {
  const d = data.deals;
  if (!d) return '';
  const money = (n: number | null) => (n === null ? '—' : Math.round(n).toLocaleString('en'));
  const table = (id: string, rows: NonNullable<ReportData['deals']>['topSingleThreaded']) =>
    rows.length === 0
      ? '<p>None.</p>'
      : `<table id="${id}"><thead><tr><th>Deal</th><th>Amount</th><th>Stage</th><th>Contacts</th><th>Missing</th><th>Complete</th></tr></thead><tbody>${rows
          .map(
            (r) =>
              `<tr><td>${recordLink(data.portal, '0-3', r.dealId, r.name)}</td><td>${e(money(r.amount))}</td><td>${e(r.stage)}</td><td>${r.contacts}</td><td class="missing">${e(r.missing.map(l.role).join(', '))}</td><td>${r.completeness}%</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return `<h2>Deals</h2>
<p>${d.total} open deals: <b>${d.withoutEconomicBuyer}</b> without an economic buyer, <b>${d.singleThreaded}</b> single-threaded.</p>
<h3>Without an economic buyer, largest first</h3>
${table('deals-no-economic-buyer', d.topWithoutEconomicBuyer)}
<h3>Single-threaded, largest first</h3>
${table('deals-single-threaded', d.topSingleThreaded)}`;
}

function titlesTable(data: ReportData): string {
  const rows = data.topUnclassifiedTitles
    .map((row) => `<tr><td>${e(row.key)}</td><td>${row.count}</td></tr>`)
    .join('');
  return rows
    ? `<table id="unclassified"><thead><tr><th>Title</th><th>Contacts</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>None: every title was read.</p>';
}

function lowConfidenceTable(data: ReportData, l: ReportLabels): string {
  const rows = data.lowConfidence
    .map(
      (row) =>
        `<tr><td>${recordLink(data.portal, '0-1', row.contactId, `Contact ${row.contactId}`)}</td><td>${e(row.title ?? '')}</td><td>${e(l.persona(row.persona))}</td><td>${e(l.role(row.role))}</td><td>${row.confidence.toFixed(2)}</td></tr>`,
    )
    .join('');
  return rows
    ? `<table id="low-confidence"><thead><tr><th>Contact</th><th>Title</th><th>Persona</th><th>Role</th><th>Confidence</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>None below 0.50.</p>';
}

export function writeReport(path: string, data: ReportData, playbook: Playbook): void {
  writeFileAtomic(path, renderReport(data, playbook));
}

/** Stale personas and the example marker of the playbook the run used. */
function reviewSection(data: ReportData): string {
  const review = data.playbook;
  if (!review) return '';
  const staleRows = review.stale
    .map(
      (p) =>
        `<tr><td>${e(p.name)}</td><td>${e(p.owner ?? 'no owner')}</td><td>${e(p.reviewedAt)}</td><td class="missing">${p.days} days</td></tr>`,
    )
    .join('');
  return `<h2>Playbook review</h2>
<p id="playbook-used">Playbook ${e(review.version)}${review.source ? ` · ${e(review.source)}` : ''}${review.example ? ' · <b class="missing">an example playbook: replace its content before reps rely on it</b>' : ''}.</p>
${staleRows ? `<table id="stale-personas"><thead><tr><th>Persona past its ${review.reviewIntervalDays}-day review</th><th>Owner</th><th>Last reviewed</th><th>Age</th></tr></thead><tbody>${staleRows}</tbody></table>` : `<p class="ok" id="stale-personas">Every persona was reviewed within ${review.reviewIntervalDays} days.</p>`}`;
}
