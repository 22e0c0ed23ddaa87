/**
 * The HTML sprawl report, rendered in headless Chromium: it loads with no console error and no
 * network request, shows the headline figures and the graph of secrets, repositories and ticket
 * systems, and its tables sort. Skipped, with a message, where Chromium is not installed; in CI
 * (which installs the Debian package) a missing Chromium fails the run instead.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Origin } from '../../../src/findings/finding.js';
import { formatSprawlHtml } from '../../../src/report/sprawl/html.js';
import { Inventory } from '../../../src/inventory/inventory.js';
import { buildSprawlReport, type SprawlReport } from '../../../src/report/sprawl/model.js';
import { SCHEMA_VERSION } from '../../../src/inventory/migrations.js';
import { assertTool, runsWithTool } from '../../support/tools.js';
import { findChromium, openPage, type OpenedPage } from './chromium.js';
import { secret, workDir } from '../../support/inventory-fixtures.js';

const chromium = findChromium();
const CHROMIUM_INSTALL = 'apt-get install chromium, or set CHROMIUM_PATH';
const withChromium = runsWithTool('Chromium', chromium !== undefined, CHROMIUM_INSTALL, 'test/report/sprawl/html.test.ts');

const fingerprint = (raw: string): string => `sha256:${createHash('sha256').update(raw).digest('hex')}`;

function finding(raw: string, origin: Origin & { line?: number }, lifetime: Finding['lifetime'] = 'long-lived'): Finding {
  const line = origin.line ?? 1;
  return {
    ruleId: 'github-classic-pat',
    provider: 'github',
    title: 'GitHub personal access token (classic)',
    severity: 'critical',
    lifetime,
    confidence: 'high',
    fingerprint: fingerprint(raw),
    redacted: `${raw.slice(0, 6)}…${raw.slice(-4)}`,
    remediation: 'Revoke it.',
    location: { ...origin, line, column: 1, endLine: line, endColumn: raw.length },
  };
}

/** Three secrets across four repositories and two ticket systems; one verified live, one repo failed. */
function sampleReport(): SprawlReport {
  let clock = new Date('2026-02-01T00:00:00Z');
  const inventory = Inventory.open(path.join(workDir('html'), 'inv.db'), { now: () => clock });
  const [a, b, c] = [secret(1), secret(2), secret(3)];
  const run = inventory.startRun({ kind: 'org-scan', target: 'github:acme', toolVersion: 'test', options: {} });
  const history = (repo: string, p: string, commit: string): Origin => ({ source: 'history', path: p, repo, commit, date: '2024-05-01T10:00:00Z' });
  inventory.recordFindings(run, [
    finding(a, history('acme/api', 'deploy/.env', 'a1'.repeat(20))),
    finding(a, history('acme/web', 'ci/deploy.sh', 'b2'.repeat(20))),
    finding(a, history('acme/<b>tools</b>', 'bin/release', 'c3'.repeat(20))),
    finding(b, history('acme/web', 'config/settings.py', 'd4'.repeat(20))),
    finding(c, history('acme/billing', 'README.md', 'e5'.repeat(20)), 'expiring'),
  ]);
  inventory.recordFindings(run, [
    finding(a, { source: 'ticket', path: 'OPS-12', system: 'jira', ticket: 'OPS-12', field: 'description' }),
    finding(a, { source: 'ticket', path: '#deploys', system: 'slack', ticket: '#deploys', field: 'message' }),
    finding(b, { source: 'ticket', path: 'OPS-40', system: 'jira', ticket: 'OPS-40', field: 'comment' }),
  ]);
  inventory.markRepoFailed('acme/legacy', 'https://github.invalid/acme/legacy.git', 'git fetch failed: repository not found', run);
  inventory.recordVerification({ fingerprint: fingerprint(a), checkedAt: '2026-02-01T00:00:00Z', result: { status: 'live' } });
  inventory.recordVerification({ fingerprint: fingerprint(c), checkedAt: '2026-02-01T00:00:00Z', result: { status: 'dead' } });
  inventory.finishRun(run, 'complete');
  // A second run a week later that finds the same: the trend has two points.
  clock = new Date('2026-02-08T00:00:00Z');
  const again = inventory.startRun({ kind: 'org-scan', target: 'github:acme', toolVersion: 'test', options: {} });
  inventory.recordFindings(again, [finding(c, history('acme/billing', 'README.md', 'e5'.repeat(20)), 'expiring')]);
  inventory.finishRun(again, 'complete');
  const report = buildSprawlReport(
    { secrets: inventory.secrets(), occurrences: inventory.occurrences({ includeGone: true }), repos: inventory.repos(), runs: inventory.runs() },
    { now: new Date('2026-03-01T00:00:00Z'), toolVersion: 'test', schemaVersion: SCHEMA_VERSION },
  );
  inventory.close();
  return report;
}

describe('the HTML report as a file', () => {
  it('is one self-contained document: no external reference, a policy that forbids loads, no raw secret', () => {
    const html = formatSprawlHtml(sampleReport());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`content="default-src 'none'`);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain('acme/&lt;b&gt;tools&lt;/b&gt;');
    for (const raw of [secret(1), secret(2), secret(3)]) expect(html).not.toContain(raw.slice(4));
  });
});

describe.skipIf(!withChromium)('the HTML report in headless Chromium', () => {
  const dir = workDir('chromium');
  let page: OpenedPage;
  let url: string;
  let report: SprawlReport;

  beforeAll(async () => {
    assertTool('Chromium', chromium !== undefined, CHROMIUM_INSTALL);
    report = sampleReport();
    const file = path.join(dir, 'sprawl.html');
    writeFileSync(file, formatSprawlHtml(report));
    url = pathToFileURL(file).href;
    page = await openPage(chromium as string, url, path.join(dir, 'profile'));
  });
  afterAll(async () => {
    await page?.close();
  });

  it('loads with no console error and requests nothing but itself', () => {
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([url]);
  });

  it('shows the headline figures, the tables and the graph of what connects what', async () => {
    expect(report.summary).toMatchObject({ secrets: 3, secretsInMultipleRepos: 1, secretsInReposAndTickets: 2, ticketSystems: 2, tickets: 3, reposFailed: 1 });
    const cards = await page.evaluate<Record<string, string>>(
      `Object.fromEntries([...document.querySelectorAll('#headline .card')].map((c) => [c.querySelector('.label').textContent, c.querySelector('.value').textContent]))`,
    );
    expect(cards).toMatchObject({
      Secrets: '3',
      'Secrets in more than one repository': '1 (33%)',
      'Secrets in repositories and tickets': '2',
      'Long-lived share': '67% (2 of 3)',
      'Verified live': '50% (1 of 2 checked)',
      'Ticket systems': '2 (3 tickets)',
    });
    const graph = await page.evaluate<{ edges: number; nodes: string[]; title: string }>(
      `({ edges: document.querySelectorAll('#sprawl-graph .edge').length,
          nodes: [...document.querySelectorAll('#sprawl-graph .node text')].map((t) => t.textContent),
          title: document.title })`,
    );
    // One line per place: secret A in 3 repos + 2 systems, B in 1 repo + 1 system, C in 1 repo.
    expect(graph.edges).toBe(8);
    expect(graph.nodes).toEqual(expect.arrayContaining(['acme/<b>tools</b>', 'acme/api', 'acme/web', 'acme/billing', 'jira', 'slack']));
    expect(graph.title).toBe('Secret sprawl report · sprawlguard');
    const rows = await page.evaluate<string[]>(`[...document.querySelectorAll('#secrets tbody tr')].map((r) => r.cells[6].textContent)`);
    expect(rows).toEqual(['5', '2', '1']);
    const failed = await page.evaluate<string>(`document.querySelector('#repos tr.failed').textContent`);
    expect(failed).toContain('git fetch failed: repository not found');
    // Names are text, never markup.
    expect(await page.evaluate<number>(`document.querySelectorAll('#sprawl-graph b, #repos b').length`)).toBe(0);
  });

  it('starts with what to fix first: priority, severity, the next step and who to ask', async () => {
    const queue = await page.evaluate<{ top: number; items: string[]; next: string[]; firstSection: string }>(
      `({ top: document.querySelector('#fix-first').getBoundingClientRect().top - document.querySelector('#headline').getBoundingClientRect().top,
          items: [...document.querySelectorAll('#fix-first li')].map((li) => li.querySelector('div').textContent),
          next: [...document.querySelectorAll('#fix-first .next')].map((n) => n.textContent),
          firstSection: document.querySelector('main section').id })`,
    );
    expect(queue.firstSection).toBe('fix-first');
    expect(queue.top).toBeLessThan(0);
    // The live key in five places first, then the open one; the dead key needs no action.
    expect(queue.items).toHaveLength(2);
    expect(queue.items[0]).toMatch(/^#1 ghp_\w+…\w{4} GitHub personal access token \(classic\) critical verified-live · 5 places · risk \d+$/);
    expect(queue.items[1]).toMatch(/^#2 .* critical open · 2 places/);
    expect(queue.next[0]).toMatch(/^Live: revoke now: /);
    const priorities = await page.evaluate<string[]>(`[...document.querySelectorAll('#secrets tbody tr')].map((r) => r.cells[0].textContent)`);
    expect(priorities).toEqual(['1', '2', '3']);
  });

  it('draws the trend of recorded runs as an inline chart', async () => {
    const trend = await page.evaluate<{ points: number; line: number; caption: string; box: number; titles: string[] }>(
      `({ points: document.querySelectorAll('#trend-chart .trend-point').length,
          line: document.querySelector('#trend-chart .trend-open').points.numberOfItems,
          caption: document.getElementById('trend-caption').textContent,
          box: document.getElementById('trend-chart').getBoundingClientRect().width,
          titles: [...document.querySelectorAll('#trend-chart .trend-point title')].map((t) => t.textContent) })`,
    );
    // The dead key counts as resolved in the run that found it already dead.
    expect(report.trend.map((t) => [t.open, t.new, t.resolved])).toEqual([[2, 3, 1], [2, 0, 0]]);
    expect(trend.points).toBe(2);
    expect(trend.line).toBe(2);
    expect(trend.box).toBeGreaterThan(100);
    expect(trend.caption).toMatch(/^Open secrets went from 2 to 2 over 2 runs \(no change\)\./);
    expect(trend.titles[0]).toBe('2026-02-01 00:00 (org-scan): 2 open, 3 new, 1 resolved, 0 revoked, 1 verified live');
  });

  it('sorts a table by the clicked column, and back', async () => {
    const placesAfterClicks = await page.evaluate<string[][]>(`(() => {
      const th = [...document.querySelectorAll('#secrets thead th')].find((h) => h.textContent === 'Places');
      const read = () => [...document.querySelectorAll('#secrets tbody tr')].map((r) => r.cells[6].textContent);
      th.click();
      const ascending = read();
      th.click();
      return [ascending, read(), [th.getAttribute('aria-sort')]];
    })()`);
    expect(placesAfterClicks).toEqual([['1', '2', '5'], ['5', '2', '1'], ['descending']]);
    const filtered = await page.evaluate<number>(`(() => {
      const input = document.getElementById('secret-filter');
      input.value = 'expiring';
      input.dispatchEvent(new Event('input'));
      return [...document.querySelectorAll('#secrets tbody tr')].filter((r) => !r.hidden).length;
    })()`);
    expect(filtered).toBe(1);
    expect(page.errors).toEqual([]);
  });

  it('would notice a page that throws or loads from the network (the check itself works)', async () => {
    const bad = path.join(dir, 'bad.html');
    writeFileSync(bad, '<!doctype html><title>bad</title><img src="http://127.0.0.1:9/pixel.png"><script>notDefinedAnywhere()</script>');
    const badPage = await openPage(chromium as string, pathToFileURL(bad).href, path.join(dir, 'profile-bad'));
    try {
      expect(badPage.errors.some((e) => /notDefinedAnywhere/.test(e))).toBe(true);
      expect(badPage.requests).toContain('http://127.0.0.1:9/pixel.png');
    } finally {
      await badPage.close();
    }
  });
});
