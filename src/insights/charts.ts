import { escapeHtml as e } from '../tag/report/escape.ts';

/** Inline SVG charts for the insights page: no script, no external asset, readable without colour. */

const LABEL = 200;
const PLOT = 380;
const ROW = 24;
const TAIL = 150;
const WIDTH = LABEL + PLOT + TAIL;
const COLOURS = { higher: '#00875a', lower: '#c93700', none: '#7c98b6', with: '#ff7a59', without: '#516f90' };

const frame = (id: string, title: string, height: number, body: string, note = '') =>
  `<figure class="chart" id="${id}"><figcaption>${e(title)}</figcaption><svg role="img" aria-label="${e(title)}" width="100%" style="max-width:${WIDTH}px" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg">${body}</svg>${note ? `<p class="muted">${e(note)}</p>` : ''}</figure>`;

const pct = (value: number) => `${Math.round(value * 100)} %`;

export interface IntervalRow {
  label: string;
  point: number;
  lo: number;
  hi: number;
  effect: 'higher' | 'lower' | 'none';
  detail: string;
}

/** Differences with their intervals around a zero line (a forest plot), from −1 to +1. */
export function differencePlot(
  id: string,
  title: string,
  rows: readonly IntervalRow[],
  note: string,
): string {
  const x = (value: number) => LABEL + ((value + 1) / 2) * PLOT;
  const height = rows.length * ROW + 28;
  const axis = `<line x1="${x(0)}" x2="${x(0)}" y1="0" y2="${height - 20}" stroke="#33475b" stroke-dasharray="3 3"/>${[-1, -0.5, 0, 0.5, 1].map((t) => `<text x="${x(t)}" y="${height - 4}" text-anchor="middle">${t > 0 ? '+' : ''}${Math.round(t * 100)}</text>`).join('')}`;
  const body = rows
    .map((row, i) => {
      const y = i * ROW + 12;
      const colour = COLOURS[row.effect];
      return `<g class="row" data-effect="${row.effect}"><text x="${LABEL - 8}" y="${y + 4}" text-anchor="end">${e(row.label)}</text><line x1="${x(row.lo)}" x2="${x(row.hi)}" y1="${y}" y2="${y}" stroke="${colour}" stroke-width="3"/><rect x="${x(row.point) - 4}" y="${y - 4}" width="8" height="8" fill="${colour}"><title>${e(row.label)}: ${e(row.detail)}</title></rect><text x="${LABEL + PLOT + 8}" y="${y + 4}">${e(row.detail)}</text></g>`;
    })
    .join('');
  return frame(id, title, height, axis + body, note);
}

export interface RateRow {
  label: string;
  rate: number | null;
  interval: [number, number] | null;
  detail: string;
}

/** Win rates from 0 to 100 % as bars with their interval whiskers; rows without enough deals say so. */
export function rateBars(id: string, title: string, rows: readonly RateRow[], note = ''): string {
  const x = (value: number) => LABEL + value * PLOT;
  const height = rows.length * ROW + 8;
  const body = rows
    .map((row, i) => {
      const y = i * ROW + 4;
      const label = `<text x="${LABEL - 8}" y="${y + 13}" text-anchor="end">${e(row.label)}</text>`;
      if (row.rate === null || !row.interval) {
        return `<g class="row">${label}<text class="muted" x="${LABEL + 4}" y="${y + 13}">not enough deals yet (${e(row.detail)})</text></g>`;
      }
      const [lo, hi] = row.interval;
      return `<g class="row">${label}<rect x="${LABEL}" y="${y}" width="${Math.max(1, x(row.rate) - LABEL)}" height="${ROW - 8}" fill="${COLOURS.with}"><title>${e(row.label)}: ${pct(row.rate)} (${pct(lo)}–${pct(hi)})</title></rect><line x1="${x(lo)}" x2="${x(hi)}" y1="${y + (ROW - 8) / 2}" y2="${y + (ROW - 8) / 2}" stroke="#33475b" stroke-width="2"/><text x="${LABEL + PLOT + 8}" y="${y + 13}">${pct(row.rate)} · ${e(row.detail)}</text></g>`;
    })
    .join('');
  return frame(id, title, height, body, note);
}

/** Two bars per row: share of won deals vs share of lost deals with it. */
export function pairedBars(
  id: string,
  title: string,
  rows: ReadonlyArray<{ label: string; won: number; lost: number }>,
): string {
  const half = (ROW - 6) / 2;
  const height = rows.length * ROW + 24;
  const legend = `<rect x="${LABEL}" y="2" width="10" height="10" fill="${COLOURS.with}"/><text x="${LABEL + 14}" y="11">won deals</text><rect x="${LABEL + 100}" y="2" width="10" height="10" fill="${COLOURS.without}"/><text x="${LABEL + 114}" y="11">lost deals</text>`;
  const body = rows
    .map((row, i) => {
      const y = i * ROW + 20;
      return `<g class="row"><text x="${LABEL - 8}" y="${y + 12}" text-anchor="end">${e(row.label)}</text><rect class="won" x="${LABEL}" y="${y}" width="${Math.max(1, row.won * PLOT)}" height="${half}" fill="${COLOURS.with}"><title>${e(row.label)}: on ${pct(row.won)} of won deals</title></rect><rect class="lost" x="${LABEL}" y="${y + half}" width="${Math.max(1, row.lost * PLOT)}" height="${half}" fill="${COLOURS.without}"><title>${e(row.label)}: on ${pct(row.lost)} of lost deals</title></rect><text x="${LABEL + PLOT + 8}" y="${y + 12}">won ${pct(row.won)} · lost ${pct(row.lost)}</text></g>`;
    })
    .join('');
  return frame(id, title, height, legend + body);
}
