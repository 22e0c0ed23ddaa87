/**
 * Output hardening: file names, authors and previews come from scanned content, so a terminal
 * escape (colour, OSC-8 hyperlink), a C1 control or a bidi override in them is shown escaped in
 * text, CSV, Markdown and HTML, never acted on; CSV cells cannot start a formula; Markdown escapes
 * with real backslashes. Standard output or `--output` failing (a full disk, a closed pipe) ends
 * with exit 3 and one clear line, never a stack trace or exit 1.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import { csvCell } from '../../src/report/scan/csv.js';
import { loadFormatter } from '../../src/report/scan/index.js';
import { mdCell, mdCode } from '../../src/report/markdown-escape.js';
import { esc, formatSprawlHtml } from '../../src/report/sprawl/html.js';
import { formatSprawlMarkdown } from '../../src/report/sprawl/markdown.js';
import { formatSprawlText } from '../../src/report/sprawl/text.js';
import { Inventory } from '../../src/inventory/inventory.js';
import { buildSprawlReport } from '../../src/report/sprawl/model.js';
import { SCHEMA_VERSION } from '../../src/inventory/migrations.js';
import { CLI_BIN, REPO_ROOT, runCli } from '../support/cli.js';
import { fakeGithubPat } from '../support/fake-secrets.js';
import { TestRepo } from '../support/git-repo.js';
import { FIXTURE_FINDINGS, FIXTURE_RULES, fixtureReport } from '../support/report-fixture.js';
import { makeTempDir, makeTree } from '../support/temp.js';

const ESC = '\u001b';
/** A recolouring escape, a clickable OSC-8 link, a C1 CSI, and a right-to-left override. */
const HOSTILE = `red${ESC}[31mX${ESC}]8;;https://attacker.test${ESC}\\link${ESC}]8;;${ESC}\\ \u009b2J rev\u202Eabc\u2066d\u2069`;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const [first] = FIXTURE_FINDINGS as [Finding];
const hostile: Finding = {
  ...first,
  title: `Token ${HOSTILE}`,
  redacted: `ghp_${HOSTILE}`,
  location: { ...first.location, path: `src/${HOSTILE}.ts`, author: `Mallory ${HOSTILE}` },
};

describe.each(['text', 'csv', 'markdown'] as const)('%s output', (format) => {
  it('shows control and bidi characters from scanned content as escapes', async () => {
    const out = (await loadFormatter(format))(fixtureReport([hostile]), { rules: FIXTURE_RULES, color: false });
    expect(out).not.toMatch(RAW_CONTROLS);
    expect(out).toContain('\\x1b');
    expect(out).toContain('\\x9b');
    expect(out).toContain('\\u202e');
    expect(out).toContain('\\u2066');
  });
});

describe('csv cells', () => {
  it.each([
    [`=cmd${ESC}`, "'=cmd\\x1b"],
    ['\u202E=1+1', '\\u202e=1+1'],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-1', "'-1"],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('markdown escaping', () => {
  it('escapes with real backslashes, every time', () => {
    const cell = mdCell('use `npm ci` for <id> & *all* [links](x) ~~old~~ a_b | c');
    expect(cell).toBe('use \\`npm ci\\` for \\<id\\> \\& \\*all\\* \\[links\\](x) \\~\\~old\\~\\~ a\\_b \\| c');
    expect(cell).not.toContain('ˋ');
    expect(cell).not.toContain('&lt;');
  });

  it('keeps code spans literal but makes controls visible', () => {
    expect(mdCode(`a${ESC}[2Jb\u202Ec`)).toBe('`a\\x1b[2Jb\\u202ec`');
  });
});

describe('sprawl reports', () => {
  function hostileSprawl(): ReturnType<typeof buildSprawlReport> {
    const inventory = Inventory.open(path.join(makeTempDir(), 'inv.db'));
    const run = inventory.startRun({ kind: 'scan', target: 'x', toolVersion: 'test', options: {} });
    const secret = fakeGithubPat(77);
    inventory.recordFindings(run, [{ ...first, fingerprint: `sha256:${'a'.repeat(64)}`, redacted: `${secret.slice(0, 6)}…`, title: `Token ${HOSTILE}`, location: { ...first.location, source: 'history', repo: `acme/${HOSTILE}`, path: `ci/${HOSTILE}\nFAKE LINE`, commit: 'c'.repeat(40) } }]);
    inventory.finishRun(run, 'complete');
    const report = buildSprawlReport(
      { secrets: inventory.secrets(), occurrences: inventory.occurrences({ includeGone: true }), repos: inventory.repos(), runs: inventory.runs() },
      { now: new Date('2026-03-01T00:00:00Z'), toolVersion: 'test', schemaVersion: SCHEMA_VERSION },
    );
    inventory.close();
    return report;
  }

  it('escape controls in text, Markdown and HTML, and cannot forge a line', () => {
    const report = hostileSprawl();
    for (const out of [formatSprawlText(report), formatSprawlMarkdown(report), formatSprawlHtml(report)]) {
      expect(out).not.toMatch(RAW_CONTROLS);
      expect(out).toContain('\\u202e');
    }
    expect(formatSprawlText(report).split('\n').some((line) => line.startsWith('FAKE LINE'))).toBe(false);
    expect(esc(`<a>${ESC}[31m`)).toBe('&lt;a&gt;\\x1b[31m');
  });
});

/** The built CLI with standard output on `fd` (or a pipe the test closes at once). */
function runWithStdout(args: string[], stdout: number | 'closed-pipe'): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', stdout === 'closed-pipe' ? 'pipe' : stdout, 'pipe'] });
    if (stdout === 'closed-pipe') child.stdout?.destroy();
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('when the report cannot be delivered', () => {
  // Enough findings that the report is far larger than a pipe's buffer.
  const dir = makeTree(Object.fromEntries(Array.from({ length: 200 }, (_x, i) => [`f${i}.env`, `TOKEN=${fakeGithubPat(3000 + i)}\n`])));

  it('exits 3 with one clear line when --output is on a full disk', async () => {
    const result = await runCli(['scan', dir, '--output', '/dev/full']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('sprawlguard: --output /dev/full: cannot write the report: no space left on device (ENOSPC)\n');
  });

  it('exits 3 with one clear line when standard output is a full disk', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      // The report, a listing, and a command that writes with process.stdout.write directly.
      for (const args of [['scan', dir], ['rules', 'list'], ['hook', 'install', '--repo', new TestRepo().dir]]) {
        const result = await runWithStdout(args, full);
        expect(result.code, args.join(' ')).toBe(3);
        expect(result.stderr, args.join(' ')).toBe('sprawlguard: cannot write to standard output: no space left on device (ENOSPC)\n');
      }
    } finally {
      closeSync(full);
    }
  });

  it('exits 3 without a message or stack trace when the reader closed the pipe', async () => {
    const result = await runWithStdout(['scan', dir, '--format', 'json'], 'closed-pipe');
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('');
  });
});
