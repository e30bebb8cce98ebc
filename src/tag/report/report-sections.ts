import { type AccountDetails, recordUrl } from '../../hubspot/gateway.ts';
import { escapeHtml as e } from './escape.ts';
import type { ReportData, RunHeadline } from './report-data.ts';
import type { ReportLabels } from './report-labels.ts';

/** The report's sections that are more than a chart: comparison, what changed, links. */

export const pct = (part: number, whole: number) =>
  whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '0%';

/** A contact or company name linked to its HubSpot record when the portal is known. */
export function recordLink(
  portal: AccountDetails | null,
  type: '0-1' | '0-2' | '0-3',
  id: string,
  text: string,
): string {
  if (!portal) return e(text);
  return `<a href="${e(recordUrl(portal, type, id))}" target="_blank" rel="noopener">${e(text)}</a>`;
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Before → after of the headline shares against the previous run on the same portal. */
export function comparisonSection(data: ReportData, now: RunHeadline): string {
  const before = data.previous;
  if (!before)
    return '<p id="comparison" class="muted">No earlier run against this portal to compare with.</p>';
  const share = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);
  const rows: Array<[string, number, number, boolean, string, string]> = [
    [
      'Companies with every required role',
      share(before.complete, before.companies),
      share(now.complete, now.companies),
      true,
      `${before.complete} / ${before.companies}`,
      `${now.complete} / ${now.companies}`,
    ],
    [
      'Contacts with a persona',
      share(before.total - before.noPersona, before.total),
      share(now.total - now.noPersona, now.total),
      true,
      `${before.total - before.noPersona} / ${before.total}`,
      `${now.total - now.noPersona} / ${now.total}`,
    ],
    [
      'Unclassified titles',
      share(before.unclassified, before.total),
      share(now.unclassified, now.total),
      false,
      `${before.unclassified} / ${before.total}`,
      `${now.unclassified} / ${now.total}`,
    ],
  ];
  const body = rows
    .map(([label, was, is, upIsGood, wasText, isText]) => {
      const delta = Math.round((is - was) * 10) / 10;
      const word =
        delta === 0 ? 'unchanged' : `${delta > 0 ? 'up' : 'down'} ${Math.abs(delta).toFixed(1)} points`;
      const good = delta === 0 ? 'same' : delta > 0 === upIsGood ? 'better' : 'worse';
      return `<tr class="${good}"><td>${e(label)}</td><td>${was.toFixed(1)}% (${e(wasText)})</td><td>${is.toFixed(1)}% (${e(isText)})</td><td class="delta">${e(word)}</td></tr>`;
    })
    .join('');
  return `<p>Compared with run ${e(before.runId)} (${e(before.startedAt)}):</p>
<table id="comparison"><thead><tr><th></th><th>Before</th><th>Now</th><th>Change</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** What the run changed (or would change), what it left alone and why, and how to undo it. */
export function changesSection(data: ReportData, labels: ReportLabels): string {
  const s = data.summary;
  const dry = data.kind === 'dry-run';
  const o = data.outcomes;
  const c = data.changes;
  const counts: Array<[string, number]> = [
    [dry ? 'contacts that would change' : 'contacts changed', num(s.contactsChanged)],
    [
      dry ? 'values that would be written' : 'values written',
      c.properties.reduce((sum, p) => sum + p.count, 0),
    ],
    ['contacts kept as they are because a person set their persona and role', num(o.manual)],
    ['contacts with a value a person set, left alone', num(s.protectedContacts)],
    ['contacts skipped: already up to date', num(o.unchanged)],
    ['contacts skipped: below the confidence floor', num(o.low_confidence)],
    ['contacts that failed', dry ? 0 : Math.max(c.failedContacts, num(s.failed))],
  ];
  const list = counts.map(([label, n]) => `<li><b>${n}</b> ${e(label)}</li>`).join('');
  const rows = c.properties
    .map((p) => {
      const pairs = p.transitions
        .map(
          (t) =>
            `<li>${e(labels.value(p.property, t.before))} → ${e(labels.value(p.property, t.after))}: <b>${t.count}</b></li>`,
        )
        .join('');
      return `<tr><td>${e(labels.property(p.property))}</td><td>${p.count}</td><td>${pairs ? `<ul class="pairs">${pairs}</ul>` : '<span class="muted">one value per contact</span>'}</td></tr>`;
    })
    .join('');
  const table = rows
    ? `<table id="changes"><thead><tr><th>Property</th><th>${dry ? 'Would change' : 'Changed'}</th><th>Before → after (most common)</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${dry ? 'Nothing would change.' : 'Nothing was changed.'}</p>`;
  const written = c.properties.length > 0;
  const undo = dry
    ? '<p id="undo">Nothing was written: this was a dry run. The plan file next to this report lists every change.</p>'
    : written
      ? `<p id="undo">To restore every value this run changed (values people changed since are kept): <code>rolecall undo ${e(data.runId)}</code></p>`
      : '<p id="undo">Nothing to undo.</p>';
  const failed =
    c.failedValues > 0
      ? `<p class="missing">${c.failedValues} values on ${c.failedContacts} contacts failed; run <code>rolecall tag --resume</code> or see <code>rolecall runs</code>.</p>`
      : '';
  return `<ul id="change-counts" class="counts">${list}</ul>${failed}${table}${undo}`;
}
