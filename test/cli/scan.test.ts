/**
 * End-to-end: the built CLI (`node bin/sprawlguard.js`) on generated directories, as a user runs it.
 * Every secret is generated at run time; nothing here is a real credential.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_BIN, REPO_ROOT, parseJsonReport, runCli, type CliResult } from '../support/cli.js';
import { fakeGithubPat, fakeGithubToken } from '../support/fake-secrets.js';
import { makeTempDir, makeTree, writeTree } from '../support/temp.js';

// Each test starts real CLI processes; on a machine shared with other jobs that can take a while.
// The limit only catches hangs: no test asserts a duration.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

// eslint-disable-next-line no-control-regex -- terminal escape sequences are what we look for
const ANSI = /\x1b\[/;
const sha256 = (s: string): string => `sha256:${createHash('sha256').update(s).digest('hex')}`;
const FORMATS = ['text', 'json', 'sarif', 'csv', 'markdown'] as const;

const PAT_A = fakeGithubPat(1);
const PAT_B = fakeGithubPat(2);
const OAUTH = fakeGithubToken('gho', 3);

/** A small project with three secrets in two files and a clean file. */
let project: string;
beforeAll(() => {
  project = makeTree({
    'src/settings.py': `import os\n\nGITHUB_TOKEN = "${PAT_A}"\n`,
    'deploy/nested/ci.env': `# ci\nOAUTH=${OAUTH}\nTOKEN=${PAT_B}\n`,
    'README.md': '# nothing to see here\n',
  });
});

describe.concurrent('scanning a directory', () => {
  it('reports findings with exit code 1, grouped by file, paths relative to the root', async ({ expect }) => {
    const result = await runOnce(['scan', project, '--format', 'text']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).not.toMatch(ANSI); // not a TTY: plain text
    expect(result.stdout).toMatch(/^deploy\/nested\/ci\.env\n {2}2:7 .*\[github-oauth-token\]\n/m);
    expect(result.stdout).toMatch(/^src\/settings\.py\n {2}3:17 .*\[github-classic-pat\]\n/m);
    expect(result.stdout).toContain('3 findings of 3 distinct secrets (3 sources');
  });

  it('reports exact positions in JSON', async ({ expect }) => {
    const report = parseJsonReport(await runOnce(['scan', project, '--format', 'json']));
    expect(report.findings.map((f) => ({ rule: f.ruleId, ...f.location }))).toEqual([
      { rule: 'github-oauth-token', source: 'file', path: 'deploy/nested/ci.env', context: 'source', line: 2, column: 7, endLine: 2, endColumn: 46 },
      { rule: 'github-classic-pat', source: 'file', path: 'deploy/nested/ci.env', context: 'source', line: 3, column: 7, endLine: 3, endColumn: 46 },
      { rule: 'github-classic-pat', source: 'file', path: 'src/settings.py', context: 'source', line: 3, column: 17, endLine: 3, endColumn: 56 },
    ]);
    expect(report.findings.map((f) => f.fingerprint)).toEqual([sha256(OAUTH), sha256(PAT_B), sha256(PAT_A)]);
    expect(report.stats).toMatchObject({ sources: 3, skipped: [] });
  });

  it('exits 0 on a clean directory', async ({ expect }) => {
    const clean = makeTree({ 'a.txt': 'hello\n', 'b/c.md': '# docs\n', 'd.env': `TOKEN=${['ghp', '_'].join('')}\n` });
    const result = await runCli(['scan', clean]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^No secrets found \(3 sources/m);
  });

  it('uses --exit-code N when there are findings, and 0 when there are none', async ({ expect }) => {
    expect((await runCli(['scan', project, '--exit-code', '7'])).code).toBe(7);
    expect((await runCli(['scan', path.join(project, 'README.md'), '--exit-code', '7'])).code).toBe(0);
  });

  it('gives the same fingerprint to every copy of a secret', async ({ expect }) => {
    const dir = makeTree({ 'one.txt': `a ${PAT_A}\n`, 'two/three.yml': `b: ${PAT_A}\n` });
    const report = parseJsonReport(await runCli(['scan', dir, '--format', 'json']));
    expect(report.findings.map((f) => f.fingerprint)).toEqual([sha256(PAT_A), sha256(PAT_A)]);
    expect(report.findings.map((f) => f.location.path)).toEqual(['one.txt', 'two/three.yml']);
  });

  it('shows paths of file arguments relative to the working directory', async ({ expect }) => {
    const result = await runCli(['scan', 'src/settings.py', 'deploy', '--format', 'json'], { cwd: project });
    expect(parseJsonReport(result).findings.map((f) => f.location.path)).toEqual([
      'deploy/nested/ci.env',
      'deploy/nested/ci.env',
      'src/settings.py',
    ]);
    const fromInside = await runCli(['scan', '..', '--format', 'json'], { cwd: path.join(project, 'src') });
    expect(parseJsonReport(fromInside).findings.map((f) => f.location.path)).toContain('deploy/nested/ci.env');
  });
});

/** One run per distinct command line, shared by the tests that look at it. */
const runs = new Map<string, Promise<CliResult>>();
function runOnce(args: string[]): Promise<CliResult> {
  const key = JSON.stringify(args);
  let run = runs.get(key);
  if (!run) runs.set(key, (run = runCli(args)));
  return run;
}
const everywhere = (r: CliResult): string => r.stdout + r.stderr;
const FINGERPRINT_KEY = 'never-print-this-key';

describe.concurrent('output formats and secrets', () => {
  it.for(FORMATS)('--format %s prints that format without any raw secret', async (format, { expect }) => {
    const result = await runOnce(['scan', project, '--format', format]);
    expect(result.code, result.stderr).toBe(1);
    const out = result.stdout;
    if (format === 'text') expect(out).toContain('3 findings of 3 distinct secrets');
    if (format === 'json') expect(parseJsonReport(result).findings).toHaveLength(3);
    if (format === 'sarif') {
      const sarif = JSON.parse(out) as { version: string; runs: { results: unknown[] }[] };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0]?.results).toHaveLength(3);
    }
    if (format === 'csv') {
      expect(out.split('\r\n')[0]).toMatch(/^rule_id,provider,title,/);
      expect(out.trimEnd().split('\r\n')).toHaveLength(4);
    }
    if (format === 'markdown') expect(out).toMatch(/^## sprawlguard\n\n\*\*3 findings\*\*/);
    for (const secret of [PAT_A, PAT_B, OAUTH]) {
      expect(everywhere(result)).not.toContain(secret);
      // Not even the body without its prefix.
      expect(everywhere(result)).not.toContain(secret.slice(8, 30));
    }
  });

  // Formatters render --show-secrets for every format in test/report/scan/formats.test.ts; here the CLI path, twice.
  it.for(['json', 'csv'] as const)('--output writes %s to a file; --show-secrets adds raw secrets; the key is never shown', async (format, { expect }) => {
    const file = path.join(makeTempDir(), `report.${format}`);
    const result = await runCli(['scan', project, '--format', format, '--output', file, '--show-secrets', '--fingerprint-key', FINGERPRINT_KEY]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toBe('');
    const written = readFileSync(file, 'utf8');
    expect(written).not.toMatch(ANSI);
    expect(written + everywhere(result)).not.toContain(FINGERPRINT_KEY);
    for (const secret of [PAT_A, PAT_B, OAUTH]) expect(written).toContain(secret);
  });

  it('json: --show-secrets sets `secret` next to the redacted preview', async ({ expect }) => {
    const report = parseJsonReport(await runOnce(['scan', project, '--format', 'json', '--show-secrets']));
    expect(report.findings.map((f) => f.secret)).toEqual([OAUTH, PAT_B, PAT_A]);
    expect(report.findings.every((f) => f.redacted.includes('…') && f.fingerprint === sha256(f.secret ?? ''))).toBe(true);
  });

  it('exits 2 when the output file cannot be written', async ({ expect }) => {
    const result = await runCli(['scan', project, '--output', path.join(project, 'no-such-dir', 'r.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no-such-dir');
    expect(result.stderr).not.toContain('internal error');
  });
});

describe.concurrent('fingerprint key', () => {
  const hmac = (key: string, s: string): string => `sha256:${createHmac('sha256', key).update(s).digest('hex')}`;
  const fingerprints = async (args: string[], env?: Record<string, string>): Promise<string[]> =>
    parseJsonReport(await runCli(['scan', path.join(project, 'src'), '--format', 'json', ...args], { env })).findings.map(
      (f) => f.fingerprint,
    );

  it('--fingerprint-key and SPRAWLGUARD_FINGERPRINT_KEY switch fingerprints to HMAC-SHA256; the option wins', async ({ expect }) => {
    expect(await fingerprints([], { SPRAWLGUARD_FINGERPRINT_KEY: 'env-key' })).toEqual([hmac('env-key', PAT_A)]);
    expect(await fingerprints(['--fingerprint-key', 'flag-key'], { SPRAWLGUARD_FINGERPRINT_KEY: 'env-key' })).toEqual([
      hmac('flag-key', PAT_A),
    ]);
  });
});

describe.concurrent('standard input', () => {
  const input = `first line\n  token: ${PAT_A}\nlast\n`;

  it('scans `-` and shows it as `-`', async ({ expect }) => {
    const result = await runCli(['scan', '-', '--format', 'json'], { input });
    expect(result.code, result.stderr).toBe(1);
    const [finding] = parseJsonReport(result).findings;
    expect(finding?.location).toMatchObject({ source: 'file', path: '-', line: 2, column: 10 });
    expect(everywhere(result)).not.toContain(PAT_A);
  });

  it('uses --stdin-name for the path', async ({ expect }) => {
    const result = await runCli(['scan', '-', '--stdin-name', 'pasted/config.yml'], { input });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^pasted\/config\.yml\n {2}2:10 /m);
  });

  it('exits 0 on clean or empty input', async ({ expect }) => {
    expect((await runCli(['scan', '-'], { input: 'nothing here\n' })).code).toBe(0);
    expect((await runCli(['scan', '-'], { input: '' })).code).toBe(0);
  });

  it('cannot be combined with paths', async ({ expect }) => {
    const result = await runCli(['scan', '-', project], { input });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot be combined');
  });
});

describe.concurrent('inline allow', () => {
  it('skips lines marked sprawlguard:allow or gitleaks:allow, and only those', async ({ expect }) => {
    const dir = makeTree({
      'app.py': [
        `A = "${fakeGithubPat(31)}"  # sprawlguard:allow`,
        `B = "${fakeGithubPat(32)}"  # gitleaks:allow`,
        `C = "${fakeGithubPat(33)}"`,
        `# sprawlguard:allow applies to its own line only`,
        `D = "${fakeGithubPat(34)}"`,
      ].join('\n'),
    });
    const report = parseJsonReport(await runCli(['scan', dir, '--format', 'json']));
    expect(report.findings.map((f) => f.location.line)).toEqual([3, 5]);
  });
});

describe.concurrent('inside a git work tree', () => {
  const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: 'pipe' });
  let repo: string;
  beforeAll(() => {
    repo = makeTree({
      '.gitignore': 'build/\n*.log\n',
      'tracked.env': `T=${fakeGithubPat(41)}\n`,
      'untracked.env': `U=${fakeGithubPat(42)}\n`,
      'build/out.js': `var t="${fakeGithubPat(43)}";\n`,
      'debug.log': `token ${fakeGithubPat(44)}\n`,
      'sub dir/nested.txt': `N=${fakeGithubPat(45)}\n`,
    });
    git(repo, 'init', '-q');
    git(repo, 'add', '.gitignore', 'tracked.env');
    git(repo, '-c', 'user.name=Test', '-c', 'user.email=test@sprawlguard.test', 'commit', '-q', '-m', 'init');
  });

  it('scans tracked and untracked files, not ignored ones', async ({ expect }) => {
    const report = parseJsonReport(await runCli(['scan', repo, '--format', 'json']));
    expect(report.findings.map((f) => f.location.path)).toEqual(['sub dir/nested.txt', 'tracked.env', 'untracked.env']);
  });

  it('scans ignored files too with --no-git', async ({ expect }) => {
    const report = parseJsonReport(await runCli(['scan', repo, '--format', 'json', '--no-git']));
    expect(report.findings.map((f) => f.location.path)).toEqual([
      'build/out.js',
      'debug.log',
      'sub dir/nested.txt',
      'tracked.env',
      'untracked.env',
    ]);
  });

  it('shows paths relative to a scanned subdirectory', async ({ expect }) => {
    const report = parseJsonReport(await runCli(['scan', path.join(repo, 'sub dir'), '--format', 'json']));
    expect(report.findings.map((f) => f.location.path)).toEqual(['nested.txt']);
  });

  it('skips a tracked file deleted from the work tree without a warning', async ({ expect }) => {
    const clone = makeTempDir();
    git(clone, 'clone', '-q', repo, '.');
    writeTree(clone, { 'extra.txt': 'clean\n' });
    execFileSync('rm', [path.join(clone, 'tracked.env')]);
    const result = await runCli(['scan', clone, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe.concurrent('usage errors exit 2', () => {
  it.for([
    ['an unknown option', ['scan', '.', '--frobnicate']],
    ['an unknown format', ['scan', '.', '--format', 'xml']],
    ['a non-numeric exit code', ['scan', '.', '--exit-code', 'high']],
    ['an exit code out of range', ['scan', '.', '--exit-code', '256']],
    ['zero jobs', ['scan', '.', '--jobs', '0']],
    ['a size that is not a size', ['scan', '.', '--max-file-size', 'huge']],
    ['an unknown confidence', ['scan', '.', '--min-confidence', 'certain']],
    ['an unknown command', ['scna', '.']],
    ['a path that does not exist', ['scan', 'src', 'no-such-dir']],
  ] as const)('%s', async ([, args], { expect }) => {
    const result = await runCli([...args], { cwd: project });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.length).toBeGreaterThan(0);
    expect(result.stderr).not.toContain('internal error');
  });

  it('--help and --version exit 0', async ({ expect }) => {
    expect((await runCli(['--help'])).code).toBe(0);
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });
});

describe('hostile file names', () => {
  it('cannot send escape sequences to the terminal', async () => {
    const evil = 'evil\x1b[2J\x1b]0;owned\x07.env';
    const dir = makeTree({ [evil]: `T=${PAT_A}\n`, [`big-${evil}`]: 'x'.repeat(2048) });
    const result = await runCli(['scan', dir, '--max-file-size', '1KiB']);
    expect(result.code).toBe(1);
    // eslint-disable-next-line no-control-regex -- control characters other than line breaks must not get through
    expect(result.stdout + result.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    expect(result.stdout).toContain('evil\\x1b[2J\\x1b]0;owned\\x07.env');
    expect(result.stderr).toContain('warning: big-evil\\x1b[2J');
  });
});

describe('a reader that stops early', () => {
  it('ends quietly, with exit 3 (the report was not delivered), when standard output is closed (`sprawlguard scan | head`)', async () => {
    // Enough findings that the report is bigger than a pipe's buffer.
    const dir = makeTempDir();
    writeTree(dir, Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`f${i}.env`, `T=${PAT_A}\n`])));
    const child = spawn(process.execPath, [CLI_BIN, 'scan', dir, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(3);
  });
});

describe('warnings', () => {
  it('--quiet keeps standard error empty', async () => {
    const dir = makeTree({ 'a.txt': `${PAT_A}\n`, 'big.txt': 'x'.repeat(2048) });
    const loud = await runCli(['scan', dir, '--max-file-size', '1KiB']);
    expect(loud.stderr).toContain('big.txt: larger than the size cap');
    const quiet = await runCli(['scan', dir, '--max-file-size', '1KiB', '--quiet']);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toBe('');
  });
});

describe('the repository itself', () => {
  it('scans clean with its own configuration', async () => {
    const result = await runCli(['scan', REPO_ROOT, '--format', 'json']);
    const report = parseJsonReport(result);
    expect(report.findings.map((f) => `${f.location.path}:${f.location.line} ${f.ruleId}`)).toEqual([]);
    expect(result.code).toBe(0);
  });
});

