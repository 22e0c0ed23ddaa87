/**
 * The sprawl trend as an inline SVG chart for the HTML report: open secrets per recorded run as a
 * line, secrets new and resolved at each run as bars above and below the axis. No script, no
 * external asset: the chart is plain markup, so the page's Content-Security-Policy stays as it is.
 */
import type { TrendEntry } from './lifecycle.js';

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 44, right: 16, top: 16, bottom: 40 };
/** The chart stays readable: the most recent runs. */
export const TREND_MAX_RUNS = 60;

export function trendSvg(trend: readonly TrendEntry[], esc: (text: string) => string): string {
  const runs = trend.filter((t) => t.open !== null).slice(-TREND_MAX_RUNS);
  if (runs.length === 0) return '<p class="empty">No recorded run has figures yet: the trend starts with the next scan.</p>';
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const max = Math.max(1, ...runs.map((r) => Math.max(r.open ?? 0, (r.new ?? 0) + (r.resolved ?? 0))));
  const step = runs.length > 1 ? plotW / (runs.length - 1) : 0;
  const x = (i: number): number => PAD.left + (runs.length > 1 ? i * step : plotW / 2);
  const y = (v: number): number => PAD.top + plotH - (v / max) * plotH;
  const barW = Math.max(3, Math.min(18, (runs.length > 1 ? step : plotW) / 3));
  const baseline = y(0);

  const bars = runs
    .map((r, i) => {
      const added = r.new ?? 0;
      const resolved = r.resolved ?? 0;
      const up = added > 0 ? `<rect class="trend-new" x="${(x(i) - barW).toFixed(1)}" y="${y(added).toFixed(1)}" width="${barW.toFixed(1)}" height="${(baseline - y(added)).toFixed(1)}"><title>${added} new</title></rect>` : '';
      const down = resolved > 0 ? `<rect class="trend-resolved" x="${x(i).toFixed(1)}" y="${y(resolved).toFixed(1)}" width="${barW.toFixed(1)}" height="${(baseline - y(resolved)).toFixed(1)}"><title>${resolved} resolved</title></rect>` : '';
      return up + down;
    })
    .join('');
  const points = runs.map((r, i) => `${x(i).toFixed(1)},${y(r.open ?? 0).toFixed(1)}`).join(' ');
  const dots = runs
    .map(
      (r, i) =>
        `<circle class="trend-point" cx="${x(i).toFixed(1)}" cy="${y(r.open ?? 0).toFixed(1)}" r="4" data-run="${r.runId}" data-open="${r.open}">` +
        `<title>${esc(`${r.runAt.slice(0, 16).replace('T', ' ')} (${r.kind}): ${r.open} open, ${r.new ?? 0} new, ${r.resolved ?? 0} resolved, ${r.revoked ?? 0} revoked, ${r.verifiedLive ?? 0} verified live`)}</title></circle>`,
    )
    .join('');
  const ticks = [0, Math.round(max / 2), max]
    .filter((v, i, all) => all.indexOf(v) === i)
    .map((v) => `<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/><text class="axis" x="${PAD.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v}</text>`)
    .join('');
  const first = runs[0] as TrendEntry;
  const last = runs[runs.length - 1] as TrendEntry;
  const labels =
    `<text class="axis" x="${x(0).toFixed(1)}" y="${HEIGHT - PAD.bottom + 18}" text-anchor="${runs.length > 1 ? 'start' : 'middle'}">${esc(first.runAt.slice(0, 10))}</text>` +
    (runs.length > 1 ? `<text class="axis" x="${x(runs.length - 1).toFixed(1)}" y="${HEIGHT - PAD.bottom + 18}" text-anchor="end">${esc(last.runAt.slice(0, 10))}</text>` : '');
  const change = runs.length > 1 ? (last.open ?? 0) - (first.open ?? 0) : 0;
  const caption =
    runs.length > 1
      ? `Open secrets went from ${first.open} to ${last.open} over ${runs.length} runs (${change > 0 ? `+${change}, growing` : change < 0 ? `${change}, shrinking` : 'no change'}).`
      : `One recorded run so far: ${last.open} open.`;
  return `<figure>
<svg id="trend-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="Open secrets per recorded run, with new and resolved secrets as bars">
${ticks}${bars}<polyline class="trend-open" fill="none" points="${points}"/>${dots}${labels}
</svg>
<figcaption id="trend-caption">${esc(caption)} Line: open secrets; <span class="legend-item"><span class="dot new"></span>new</span> <span class="legend-item"><span class="dot resolved"></span>resolved</span> at each run.</figcaption>
</figure>`;
}
