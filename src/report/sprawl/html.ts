/**
 * The sprawl report as one self-contained HTML file a security lead can open anywhere: headline
 * figures, the secrets to fix first, the trend across recorded runs and a picture of which secrets
 * connect which repositories and ticket systems (inline SVG), and sortable tables. Styles and the small script are inline; a Content-Security-Policy forbids
 * every network load, so the file works offline and cannot leak what it shows.
 */
import { visible } from '../visible.js';
import { fixFirst, headline, locationLabel } from './figures.js';
import type { SecretSummary, SprawlReport } from './model.js';
import { ownerNames } from './owners.js';
import { trendSvg } from './trend-svg.js';

/** The picture stays readable: the most sprawled secrets, and the places they connect. */
const GRAPH_MAX_SECRETS = 40;
const GRAPH_MAX_REPOS = 60;

const STATUS_COLOURS: Record<string, string> = {
  'verified-live': '#cf222e',
  open: '#bc4c00',
  allowed: '#0969da',
  dead: '#6e7781',
  revoked: '#8250df',
};

/**
 * Text and attribute values: markup characters as entities, and control and bidi characters as
 * visible escapes (a character reference would still be decoded, and still reorder the line).
 */
export function esc(text: string): string {
  return visible(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const day = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : '');

/** Severity sorts by rank, not by name. */
const SEVERITY_ORDER: Record<string, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** Long names keep their distinctive end: `…/platform/payments-api`. */
function shorten(text: string, max = 34): string {
  return text.length <= max ? text : `…${text.slice(text.length - max + 1)}`;
}

export function formatSprawlHtml(report: SprawlReport): string {
  const s = report.summary;
  const cards = headline(report)
    .map(([label, value]) => `<div class="card"><div class="value">${esc(value)}</div><div class="label">${esc(label)}</div></div>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<title>Secret sprawl report · sprawlguard</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Secret sprawl</h1>
<p class="meta">Generated ${esc(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC · ${report.inventory.runs} recorded run${report.inventory.runs === 1 ? '' : 's'} · sprawlguard ${esc(report.tool.version)}</p>
</header>
<main>
${fixFirstSection(report)}
<section class="cards" id="headline" aria-label="Headline figures">
${cards}
</section>
<section id="trend">
<h2>Trend</h2>
${trendSvg(report.trend, esc)}
</section>
<section id="graph">
<h2>Where secrets connect</h2>
${graph(report)}
</section>
${topSprawledTable(report)}
<section id="secrets-section">
<h2>Secrets <span class="count">${s.secrets}</span></h2>
<p><input type="search" id="secret-filter" placeholder="Filter by provider, repository, ticket, status…" aria-label="Filter secrets"></p>
${secretsTable(report.secrets)}
</section>
${reposTable(report)}
${ticketTable(report)}
</main>
<footer><p>Fingerprints identify a secret across every copy; previews are redacted. No raw secret is in this file.</p></footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** The head of the remediation queue: what to do first, and who to ask. */
function fixFirstSection(report: SprawlReport): string {
  const first = fixFirst(report);
  if (first.length === 0) return '<section id="fix-first"><h2>Fix first</h2><p class="empty">Nothing to fix: no open secret in the inventory.</p></section>';
  const items = first
    .map((x) => {
      const owners = ownerNames(x.owners);
      const replace = x.remediation.replaceWith[0];
      return (
        `<li data-fingerprint="${esc(x.fingerprint)}"><div><span class="priority">#${x.priority}</span> <code>${esc(x.redacted)}</code> ${esc(x.title)} ` +
        `<span class="tag sev-${esc(x.severity)}">${esc(x.severity)}</span> ${statusBadge(x.status)} <span class="muted">· ${x.places} place${x.places === 1 ? '' : 's'} · risk ${x.risk.score}</span></div>` +
        `<div class="next">${esc(x.remediation.next)}</div>` +
        (replace ? `<div class="small">Then: ${esc(replace.advice)}</div>` : '') +
        `<div class="muted small">Why: ${esc(x.risk.factors.map((f) => f.reason).join('; '))}</div>` +
        (owners.length > 0 ? `<div class="muted small">Ask: ${esc(owners.slice(0, 6).join(', '))}${owners.length > 6 ? ` and ${owners.length - 6} more` : ''}</div>` : '') +
        `</li>`
      );
    })
    .join('\n');
  const open = report.secrets.filter((x) => x.risk.actionable).length;
  return `<section id="fix-first"><h2>Fix first <span class="count">${first.length} of ${open} to act on</span></h2>
<ol class="queue">
${items}
</ol></section>`;
}

function topSprawledTable(report: SprawlReport): string {
  if (report.topSprawled.length === 0) return '<section id="top"><h2>Top sprawled secrets</h2><p class="empty">No secret is in more than one place.</p></section>';
  const rows = report.topSprawled
    .map(
      (t) => `<tr><td><code>${esc(t.redacted)}</code></td><td>${esc(t.provider)}</td><td>${esc(t.lifetime)}</td><td>${statusBadge(t.status)}</td>` +
        `<td class="num">${t.places}</td><td class="num">${t.repos}</td><td class="num">${t.tickets}</td><td class="num">${t.occurrences}</td></tr>`,
    )
    .join('\n');
  return `<section id="top"><h2>Top sprawled secrets</h2>
<table class="sortable" id="top-table"><thead><tr><th>Secret</th><th>Provider</th><th>Lifetime</th><th>Status</th><th>Places</th><th>Repos</th><th>Tickets</th><th>Occurrences</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

function secretsTable(secrets: readonly SecretSummary[]): string {
  if (secrets.length === 0) return '<p class="empty">No secrets in the inventory.</p>';
  const rows = secrets
    .map((x) => {
      const locations = x.locations
        .map((l) => `<li><code>${esc(locationLabel(l))}</code>${l.branches && l.branches.length > 0 ? ` <span class="muted">on ${esc(l.branches.join(', '))}</span>` : ''}${l.presence === 'removed-from-head' ? ' <span class="tag">history only</span>' : ''}</li>`)
        .join('');
      const first = x.firstCommitted ?? x.firstSeen;
      return (
        `<tr data-fingerprint="${esc(x.fingerprint)}">` +
        `<td class="num">${x.priority}</td>` +
        `<td><code>${esc(x.redacted)}</code><div class="muted small" title="fingerprint">${esc(x.fingerprint.slice(0, 23))}…</div></td>` +
        `<td>${esc(x.title)}<div class="muted small">${esc(x.provider)} · ${esc(x.ruleId)}</div><div class="small next">${esc(x.remediation.next)}</div></td>` +
        `<td data-sort="${SEVERITY_ORDER[x.severity] ?? 0}">${esc(x.severity)}</td>` +
        `<td>${esc(x.lifetime)}</td>` +
        `<td data-sort="${esc(x.status)}">${statusBadge(x.status)}</td>` +
        `<td class="num">${x.places}</td>` +
        `<td class="num">${x.repos.length}</td>` +
        `<td class="num">${x.tickets.length}</td>` +
        `<td class="num">${x.occurrences}</td>` +
        `<td class="date" data-sort="${esc(first)}">${esc(day(first))}</td>` +
        `<td class="date" data-sort="${esc(x.lastSeen)}">${esc(day(x.lastSeen))}</td>` +
        `<td class="num">${x.ageDays}</td>` +
        `<td data-sort="${x.locations.length}"><details><summary>${x.locations.length} location${x.locations.length === 1 ? '' : 's'}</summary><ul>${locations}</ul>` +
        `${x.branches ? `<p class="muted small">Branches: ${esc(x.branches.join(', '))}</p>` : ''}</details></td>` +
        `</tr>`
      );
    })
    .join('\n');
  return `<table class="sortable" id="secrets"><thead><tr><th>Priority</th><th>Secret</th><th>Kind</th><th>Severity</th><th>Lifetime</th><th>Status</th><th>Places</th><th>Repos</th><th>Tickets</th><th>Occurrences</th><th>First</th><th>Last seen</th><th>Age (days)</th><th>Where</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

function reposTable(report: SprawlReport): string {
  if (report.repos.length === 0) return '';
  const rows = report.repos
    .map(
      (r) =>
        `<tr${r.state === 'failed' ? ' class="failed"' : ''}><td><code>${esc(r.name)}</code></td><td class="num">${r.secrets}</td><td class="num">${r.sharedSecrets}</td>` +
        `<td class="num">${r.longLived}</td><td class="num">${r.occurrences}</td><td class="num">${r.removedFromHead}</td>` +
        `<td class="num">${r.commits ?? ''}</td><td class="date" data-sort="${esc(r.scannedAt ?? '')}">${esc(day(r.scannedAt))}</td>` +
        `<td>${r.state === 'failed' ? `<span class="tag bad">failed</span> <span class="small">${esc(r.error ?? '')}</span>` : esc(r.state ?? '')}</td></tr>`,
    )
    .join('\n');
  return `<section id="repos-section"><h2>Repositories <span class="count">${report.repos.length}</span></h2>
<table class="sortable" id="repos"><thead><tr><th>Repository</th><th>Secrets</th><th>Shared</th><th>Long-lived</th><th>Occurrences</th><th>Removed from HEAD</th><th>Commits</th><th>Scanned</th><th>State</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

function ticketTable(report: SprawlReport): string {
  if (report.ticketSystems.length === 0) return '';
  const rows = report.ticketSystems
    .map((t) => `<tr><td>${esc(t.system)}</td><td class="num">${t.tickets}</td><td class="num">${t.secrets}</td><td class="num">${t.sharedSecrets}</td><td class="num">${t.occurrences}</td></tr>`)
    .join('\n');
  return `<section id="tickets-section"><h2>Ticket systems</h2>
<table class="sortable" id="ticket-systems"><thead><tr><th>System</th><th>Tickets</th><th>Secrets</th><th>Shared</th><th>Occurrences</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

function statusBadge(status: string): string {
  return `<span class="status" style="--c:${STATUS_COLOURS[status] ?? '#57606a'}">${esc(status)}</span>`;
}

interface GraphNode {
  id: string;
  label: string;
  title: string;
  x: number;
  y: number;
  colour: string;
}

/**
 * Columns: repositories on the left, secrets in the middle, ticket systems on the right; a line
 * for each place a secret was found. Hovering a node highlights its lines (see SCRIPT).
 */
function graph(report: SprawlReport): string {
  const secrets = report.secrets.slice(0, GRAPH_MAX_SECRETS);
  if (secrets.length === 0) return '<p class="empty">Nothing to draw: the inventory holds no secrets.</p>';
  const repoWeight = new Map<string, number>();
  const systemWeight = new Map<string, number>();
  for (const x of secrets) {
    for (const r of x.repos) repoWeight.set(r, (repoWeight.get(r) ?? 0) + 1);
    for (const t of x.ticketSystems) systemWeight.set(t, (systemWeight.get(t) ?? 0) + 1);
  }
  const repos = [...repoWeight].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, GRAPH_MAX_REPOS).map(([r]) => r).sort();
  const systems = [...systemWeight.keys()].sort();

  const rowHeight = 26;
  const top = 34;
  const rows = Math.max(repos.length, secrets.length, systems.length);
  const height = top + rows * rowHeight + 10;
  const hasSystems = systems.length > 0;
  const pillHalf = 115;
  const xRepo = 300;
  const xSecret = 560;
  const xSystem = xSecret + pillHalf + 160;
  const width = hasSystems ? xSystem + 240 : xSecret + pillHalf + 20;
  const column = (count: number, i: number): number => top + ((rows - count) * rowHeight) / 2 + i * rowHeight + rowHeight / 2;

  const repoNodes: GraphNode[] = repos.map((r, i) => ({
    id: `r${i}`,
    label: shorten(r),
    title: `${r}: ${repoWeight.get(r) ?? 0} secret(s) shown`,
    x: xRepo,
    y: column(repos.length, i),
    colour: '#24292f',
  }));
  const secretNodes: GraphNode[] = secrets.map((x, i) => ({
    id: `s${i}`,
    label: shorten(`${x.redacted} · ${x.provider}`, 32),
    title: `${x.redacted}: ${x.title} (${x.status}, ${x.lifetime}): ${x.places} place(s), ${x.occurrences} occurrence(s)`,
    x: xSecret,
    y: column(secrets.length, i),
    colour: STATUS_COLOURS[x.status] ?? '#57606a',
  }));
  const systemNodes: GraphNode[] = systems.map((t, i) => ({
    id: `t${i}`,
    label: t,
    title: `${t}: ${systemWeight.get(t) ?? 0} secret(s) shown`,
    x: xSystem,
    y: column(systems.length, i),
    colour: '#1a7f37',
  }));
  const repoIndex = new Map(repos.map((r, i) => [r, repoNodes[i] as GraphNode]));
  const systemIndex = new Map(systems.map((t, i) => [t, systemNodes[i] as GraphNode]));

  const edges: string[] = [];
  secrets.forEach((x, i) => {
    const sn = secretNodes[i] as GraphNode;
    for (const r of x.repos) {
      const rn = repoIndex.get(r);
      if (rn) edges.push(edge(rn, rn.x, sn, sn.x - pillHalf, sn.colour));
    }
    for (const t of x.ticketSystems) {
      const tn = systemIndex.get(t);
      if (tn) edges.push(edge(sn, sn.x + pillHalf, tn, tn.x, sn.colour));
    }
  });

  const dotNode = (n: GraphNode, anchor: 'start' | 'end', dx: number): string =>
    `<g class="node" data-id="${n.id}" tabindex="0"><title>${esc(n.title)}</title><circle cx="${n.x}" cy="${n.y}" r="6" fill="${n.colour}"/>` +
    `<text x="${n.x + dx}" y="${n.y + 4}" text-anchor="${anchor}">${esc(n.label)}</text></g>`;
  const pillNode = (n: GraphNode): string =>
    `<g class="node secret" data-id="${n.id}" tabindex="0"><title>${esc(n.title)}</title>` +
    `<rect x="${n.x - pillHalf}" y="${n.y - 10}" width="${pillHalf * 2}" height="20" rx="10" fill="${n.colour}"/>` +
    `<text x="${n.x}" y="${n.y + 4}" text-anchor="middle" class="pill">${esc(n.label)}</text></g>`;

  const headers = [
    `<text class="colhead" x="${xRepo}" y="16" text-anchor="end">Repositories (${repos.length}${repoWeight.size > repos.length ? ` of ${repoWeight.size}` : ''})</text>`,
    `<text class="colhead" x="${xSecret}" y="16" text-anchor="middle">Secrets (${secrets.length}${report.secrets.length > secrets.length ? ` of ${report.secrets.length}` : ''})</text>`,
    hasSystems ? `<text class="colhead" x="${xSystem}" y="16">Ticket systems (${systems.length})</text>` : '',
  ].join('');
  const note =
    report.secrets.length > secrets.length
      ? `<p class="muted small">Showing the ${secrets.length} most sprawled of ${report.secrets.length} secrets.</p>`
      : '';
  const legend = Object.entries(STATUS_COLOURS)
    .map(([status, colour]) => `<span class="legend-item"><span class="dot" style="background:${colour}"></span>${esc(status)}</span>`)
    .join(' ');
  return `<figure>
<svg id="sprawl-graph" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Secrets and the repositories and ticket systems they were found in">
<g class="edges">${edges.join('')}</g>
${headers}
<g class="nodes">${repoNodes.map((n) => dotNode(n, 'end', -12)).join('')}${secretNodes.map(pillNode).join('')}${systemNodes.map((n) => dotNode(n, 'start', 12)).join('')}</g>
</svg>
<figcaption>Each line is a place a secret was found: a secret with many lines has sprawled, and rotating one copy leaves the others.<br>Colour shows the secret's status: ${legend}</figcaption>
${note}
</figure>`;

  function edge(a: GraphNode, ax: number, b: GraphNode, bx: number, colour: string): string {
    const mid = (ax + bx) / 2;
    return `<path class="edge" data-a="${a.id}" data-b="${b.id}" d="M${ax} ${a.y.toFixed(1)} C${mid} ${a.y.toFixed(1)} ${mid} ${b.y.toFixed(1)} ${bx} ${b.y.toFixed(1)}" stroke="${colour}"/>`;
  }
}

const STYLE = `
:root { color-scheme: light; --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#ffffff; --panel:#f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { margin: 0; font-size: 28px; }
h2 { font-size: 18px; margin: 32px 0 12px; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
.count { color: var(--muted); font-weight: normal; }
.meta, .muted { color: var(--muted); }
.small { font-size: 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; margin-top: 20px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card .value { font-size: 20px; font-weight: 600; }
.card .label { color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); position: sticky; top: 0; cursor: pointer; user-select: none; white-space: nowrap; }
th[aria-sort="ascending"]::after { content: " ▲"; }
th[aria-sort="descending"]::after { content: " ▼"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.failed td { background: #fff5f5; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.status { display: inline-block; padding: 0 8px; border-radius: 10px; color: #fff; background: var(--c); font-size: 12px; white-space: nowrap; }
.tag { display: inline-block; padding: 0 6px; border: 1px solid var(--line); border-radius: 10px; font-size: 11px; color: var(--muted); }
.tag.bad { border-color: #cf222e; color: #cf222e; }
details ul { margin: 4px 0; padding-left: 18px; }
input[type=search] { width: 100%; max-width: 420px; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
figure { margin: 0; overflow-x: auto; }
#sprawl-graph { max-width: 100%; height: auto; }
td.date { white-space: nowrap; }
figcaption { color: var(--muted); font-size: 12px; margin-top: 6px; }
svg text { font: 12px system-ui, sans-serif; fill: var(--fg); }
svg .colhead { font-weight: 600; fill: var(--muted); }
svg text.pill { fill: #ffffff; font: 11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
svg .edge { fill: none; stroke-width: 1.5; opacity: 0.55; }
svg.focus .edge { opacity: 0.07; }
svg.focus .edge.on { opacity: 1; stroke-width: 2.5; }
svg.focus .node { opacity: 0.35; }
svg.focus .node.on { opacity: 1; }
svg .node { cursor: default; outline: none; }
.legend-item { white-space: nowrap; margin-right: 8px; }
.dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 4px; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); font-size: 12px; padding-bottom: 32px; }
ol.queue { padding-left: 0; list-style: none; margin: 0; }
ol.queue li { border: 1px solid var(--line); border-left: 4px solid #cf222e; border-radius: 6px; padding: 8px 12px; margin-bottom: 8px; background: var(--bg); }
.priority { font-weight: 700; }
.next { font-weight: 600; }
.tag.sev-critical { border-color: #cf222e; color: #cf222e; }
.tag.sev-high { border-color: #bc4c00; color: #bc4c00; }
#trend-chart { max-width: 100%; height: auto; }
svg .trend-open { stroke: #0969da; stroke-width: 2; }
svg .trend-point { fill: #0969da; }
svg .trend-new { fill: #cf222e; opacity: 0.6; }
svg .trend-resolved { fill: #1a7f37; opacity: 0.6; }
svg .grid { stroke: var(--line); }
svg text.axis { fill: var(--muted); font-size: 11px; }
.dot.new { background: #cf222e; }
.dot.resolved { background: #1a7f37; }
`;

/** Sorting, filtering and graph highlighting; plain ES5 so any browser that opens the file runs it. */
const SCRIPT = `
(function () {
  'use strict';
  function sortKey(cell) {
    var v = cell.getAttribute('data-sort');
    return v === null ? cell.textContent.trim() : v;
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      th.tabIndex = 0;
      th.setAttribute('aria-sort', 'none');
      function sort() {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = rows.every(function (r) { var k = sortKey(r.cells[index]); return k !== '' && !isNaN(Number(k)); });
        rows.sort(function (a, b) {
          var x = sortKey(a.cells[index]);
          var y = sortKey(b.cells[index]);
          var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); }
      });
    });
  });
  var filter = document.getElementById('secret-filter');
  if (filter) {
    filter.addEventListener('input', function () {
      var q = filter.value.toLowerCase();
      Array.prototype.forEach.call(document.querySelectorAll('#secrets tbody tr'), function (r) {
        r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  }
  var svg = document.getElementById('sprawl-graph');
  if (svg) {
    var edges = svg.querySelectorAll('.edge');
    var nodes = svg.querySelectorAll('.node');
    var focus = function (id) {
      svg.classList.add('focus');
      var linked = {};
      linked[id] = true;
      Array.prototype.forEach.call(edges, function (e) {
        var on = e.getAttribute('data-a') === id || e.getAttribute('data-b') === id;
        e.classList.toggle('on', on);
        if (on) { linked[e.getAttribute('data-a')] = true; linked[e.getAttribute('data-b')] = true; }
      });
      Array.prototype.forEach.call(nodes, function (n) { n.classList.toggle('on', linked[n.getAttribute('data-id')] === true); });
    };
    var blur = function () { svg.classList.remove('focus'); };
    Array.prototype.forEach.call(nodes, function (n) {
      n.addEventListener('mouseenter', function () { focus(n.getAttribute('data-id')); });
      n.addEventListener('focus', function () { focus(n.getAttribute('data-id')); });
      n.addEventListener('mouseleave', blur);
      n.addEventListener('blur', blur);
    });
  }
})();
`;
