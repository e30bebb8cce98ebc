import { escapeHtml } from './escape.ts';
import type { Count } from './report-data.ts';

export interface BarStyle {
  /** The words shown for a key (a playbook label, not an id). */
  label?: (key: string) => string;
  /** The bar's colour for a key: one colour per role or persona in every chart; one neutral colour otherwise. */
  colour?: (key: string) => string;
}

const NEUTRAL = '#7c98b6';

/** A horizontal bar chart as inline SVG: no script, no external asset, readable without colour. */
export function svgBars(
  id: string,
  title: string,
  data: readonly Count[],
  total: number,
  style: BarStyle = {},
): string {
  const label = style.label ?? ((key: string) => key);
  const colour = style.colour ?? (() => NEUTRAL);
  const rows = data.slice(0, 20);
  const rowHeight = 22;
  const labelWidth = 190;
  const barWidth = 360;
  const height = rows.length * rowHeight + 8;
  const max = Math.max(1, ...rows.map((row) => row.count));
  const bars = rows
    .map((row, i) => {
      const y = i * rowHeight + 4;
      const width = Math.max(1, Math.round((row.count / max) * barWidth));
      const share = total > 0 ? ((row.count / total) * 100).toFixed(1) : '0.0';
      const name = escapeHtml(label(row.key));
      return `<g class="bar" data-key="${escapeHtml(row.key)}"><text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end">${name}</text><rect x="${labelWidth}" y="${y}" width="${width}" height="${rowHeight - 6}" fill="${colour(row.key)}"><title>${name}: ${row.count}</title></rect><text x="${labelWidth + width + 6}" y="${y + 14}">${row.count} (${share}%)</text></g>`;
    })
    .join('');
  return `<figure class="chart" id="${id}"><figcaption>${escapeHtml(title)}</figcaption><svg role="img" aria-label="${escapeHtml(title)}" width="100%" style="max-width:${labelWidth + barWidth + 110}px" viewBox="0 0 ${labelWidth + barWidth + 110} ${height}" xmlns="http://www.w3.org/2000/svg">${bars}</svg></figure>`;
}
