/**
 * `scan --explain`: candidates that were not reported, with the reason and the place, never with
 * the raw value (unless --show-secrets). The engine's gates are driven through the scanner; the
 * filters after the scan (allowlisted fingerprints, minimum confidence, baseline) through the CLI.
 * Every token is generated at run time; the broken ones have a wrong checksum on purpose.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadBuiltinRules } from '../../src/config/builtin-rules.js';
import type { Rejection } from '../../src/findings/rejection.js';
import { ChunkScanner, type ScannerConfig } from '../../src/scan/chunk-scanner.js';
import { parseJsonReport, runCli, type JsonReport } from '../support/cli.js';
import { brokenChecksum, fakeGithubPat } from '../support/fake-secrets.js';
import { makeTempDir, makeTree } from '../support/temp.js';

vi.setConfig({ testTimeout: 120_000 });

const RULES = loadBuiltinRules();
const BROKEN = brokenChecksum(fakeGithubPat(501));
const VALID = fakeGithubPat(502);

type Explained = JsonReport & { explain?: { rejected: Rejection[]; notListed: number } };

function scanner(extra: Partial<ScannerConfig> = {}): ChunkScanner {
  return new ChunkScanner({ rules: RULES, allowSecretRegexes: [], stopwords: [], explain: true, ...extra });
}

/** Rejections of one text, as [rule, reason, line, column]. */
function rejectionsOf(text: string, extra: Partial<ScannerConfig> = {}): [string, string, number, number][] {
  const s = scanner(extra);
  s.scan({ text, origin: { source: 'file', path: 'app.env' } });
  return s.takeRejections().rejected.map((r) => [r.ruleId, r.reason, r.location.line, r.location.column]);
}

describe('the engine says why it dropped a candidate', () => {
  it('checksum: a made-up GitHub token', () => {
    expect(rejectionsOf(`# config\nGITHUB_TOKEN=${BROKEN}\n`)).toContainEqual(['github-classic-pat', 'checksum', 2, 14]);
  });

  it('placeholder, entropy and context (the refiner)', () => {
    const r = rejectionsOf('db_password="hunter2"\nAWS_SECRET_ACCESS_KEY="EXAMPLEKEYEXAMPLEKEYEXAMPLEKEYEXAMPLEKEY"\npassword = self.password\n');
    expect(r).toContainEqual(['generic-secret-assignment', 'placeholder', 1, 14]);
    expect(r).toContainEqual(['aws-secret-access-key', 'entropy', 2, 24]);
    expect(r).toContainEqual(['generic-secret-assignment', 'context', 3, 12]);
  });

  it('allowlist: names the regex entry that matched', () => {
    const s = scanner({ allowSecretRegexes: ['^never$', '^ghp_'] });
    s.scan({ text: `T=${VALID}\n`, origin: { source: 'file', path: 'a' } });
    const [rejection] = s.takeRejections().rejected;
    expect(rejection).toMatchObject({ ruleId: 'github-classic-pat', reason: 'allowlist', detail: 'matches allowlist.regexes[1]' });
  });

  it('inline-allow: a marker on the line', () => {
    expect(rejectionsOf(`T=${VALID} # sprawlguard:allow\n`)).toEqual([['github-classic-pat', 'inline-allow', 1, 3]]);
  });

  it('reports a rejection inside an encoded value at the encoded value, with the decoded redaction', () => {
    const encoded = Buffer.from(`${BROKEN}\n`).toString('base64');
    const s = scanner();
    s.scan({ text: `first line\ntoken: ${encoded}\n`, origin: { source: 'file', path: 'a' } });
    const checksum = s.takeRejections().rejected.find((r) => r.reason === 'checksum');
    expect(checksum).toMatchObject({ ruleId: 'github-classic-pat', location: { line: 2, column: 8 }, redacted: `${BROKEN.slice(0, 6)}…${BROKEN.slice(-4)}` });
  });

  it("leaves out a heuristic's rejection of what was reported, and what belongs to the next chunk", () => {
    // The valid token is reported: no heuristic's rejection of the same span is listed.
    expect(rejectionsOf(`password = "${VALID}"\n`)).toEqual([]);
    const s = scanner();
    const text = `A=${BROKEN}\nB=${brokenChecksum(fakeGithubPat(503))}\n`;
    s.scan({ text, origin: { source: 'file', path: 'a' }, acceptBefore: text.indexOf('\nB=') });
    expect(s.takeRejections().rejected.map((r) => r.location.line)).toEqual([1]);
  });

  it('maps lines of diff chunks through their line map, and keeps raw values only when secrets are included', () => {
    const s = scanner({ includeSecrets: true });
    s.scan({ text: `x\nT=${BROKEN}\n`, origin: { source: 'diff', path: 'a', line: 10 }, lineMap: [10, 42] });
    const [rejection] = s.takeRejections().rejected;
    expect(rejection).toMatchObject({ location: { line: 42, endLine: 42 }, secret: BROKEN });
    const quiet = scanner();
    quiet.scan({ text: `T=${BROKEN}\n`, origin: { source: 'file', path: 'a' } });
    expect(quiet.takeRejections().rejected[0]).not.toHaveProperty('secret');
  });

  it('lists at most 1000 and counts the rest', () => {
    const text = Array.from({ length: 1005 }, (_, i) => `T${i}=${brokenChecksum(fakeGithubPat(1000 + i))}`).join('\n');
    const s = scanner();
    s.scan({ text, origin: { source: 'file', path: 'a' } });
    const { rejected, notListed } = s.takeRejections();
    expect(rejected.filter((r) => r.reason === 'checksum')).toHaveLength(1000);
    expect(notListed).toBe(5);
    expect(s.takeRejections()).toEqual({ rejected: [], notListed: 0 });
  });

  it('collects nothing without explain', () => {
    const s = new ChunkScanner({ rules: RULES, allowSecretRegexes: [], stopwords: [] });
    s.scan({ text: `T=${BROKEN}\n`, origin: { source: 'file', path: 'a' } });
    expect(s.takeRejections()).toEqual({ rejected: [], notListed: 0 });
  });
});

describe('sprawlguard scan --explain', () => {
  const dir = makeTree({ 'config/app.env': `# made up for a test\nGITHUB_TOKEN=${BROKEN}\n` });

  it('text: "No secrets found", then the checksum as the reason, without the token', async () => {
    const result = await runCli(['scan', dir, '--explain']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('No secrets found');
    expect(result.stdout).toMatch(/Not reported \(--explain\): \d+ candidates?\n {2}config\/app\.env:2:14 \[github-classic-pat\] checksum: /);
    expect(result.stdout + result.stderr).not.toContain(BROKEN);
    expect(result.stdout + result.stderr).not.toContain(BROKEN.slice(4, 20));
  });

  it('json: an `explain.rejected` array with rule, reason, place and redacted preview', async () => {
    const result = await runCli(['scan', dir, '--explain', '--format', 'json']);
    expect(result.stdout).not.toContain(BROKEN);
    const report = parseJsonReport<Explained>(result);
    expect(Object.keys(report)).toEqual(['version', 'tool', 'findings', 'stats', 'scan', 'explain']);
    const checksum = report.explain!.rejected.find((r) => r.reason === 'checksum')!;
    expect(checksum).toMatchObject({
      ruleId: 'github-classic-pat',
      redacted: `${BROKEN.slice(0, 6)}…${BROKEN.slice(-4)}`,
      location: { source: 'file', path: 'config/app.env', line: 2, column: 14 },
    });
    expect(checksum.detail).toContain('checksum does not match');
    expect(checksum).not.toHaveProperty('secret');
  });

  it('--show-secrets shows the raw value of a rejection too', async () => {
    const report = parseJsonReport<Explained>(await runCli(['scan', dir, '--explain', '--format', 'json', '--show-secrets']));
    expect(report.explain!.rejected.find((r) => r.reason === 'checksum')!.secret).toBe(BROKEN);
  });

  it('without --explain the reports stay as they were', async () => {
    const text = await runCli(['scan', dir]);
    expect(text.stdout).not.toContain('--explain');
    expect(Object.keys(parseJsonReport(await runCli(['scan', dir, '-f', 'json'])))).toEqual(['version', 'tool', 'findings', 'stats', 'scan']);
  });

  it('formats without a place for it (SARIF, GitLab, JUnit) get it on standard error', async () => {
    for (const format of ['sarif', 'gitlab', 'junit']) {
      const result = await runCli(['scan', dir, '--explain', '--format', format]);
      expect(result.stderr, format).toMatch(/config\/app\.env:2:14 \[github-classic-pat\] checksum/);
      expect(result.stdout, format).not.toContain('--explain');
      expect(result.stdout + result.stderr).not.toContain(BROKEN);
    }
  });

  it('standard input and staged changes are explained too', async () => {
    const stdin = await runCli(['scan', '-', '--explain', '--stdin-name', 'pasted.txt'], { input: `x=${BROKEN}\n` });
    expect(stdin.stdout).toContain('pasted.txt:1:3 [github-classic-pat] checksum');
    const repo = makeTempDir();
    const { execFileSync } = await import('node:child_process');
    execFileSync('git', ['init', '-q', repo]);
    writeFileSync(path.join(repo, 'new.env'), `\n\nT=${BROKEN}\n`);
    execFileSync('git', ['-C', repo, 'add', 'new.env']);
    const staged = await runCli(['scan', '--staged', '--repo', repo, '--explain']);
    expect(staged.code, staged.stderr).toBe(0);
    expect(staged.stdout).toContain('new.env:3:3 [github-classic-pat] checksum');
  });

  it('names the allowlisted fingerprint, the minimum confidence and the baseline', async () => {
    const { createHash } = await import('node:crypto');
    const fingerprint = `sha256:${createHash('sha256').update(VALID).digest('hex')}`;
    const project = makeTree({
      '.sprawlguard.yaml': `allowlist:\n  fingerprints:\n    - "sha256:${'0'.repeat(64)}"\n    - "${fingerprint}"\n`,
      'a.env': `T=${VALID}\n`,
      // A generic password assignment: reported with low confidence.
      'b.py': `password = "${['Xk9mQ2v', 'L7pR4tZw8'].join('')}"\n`,
      'c.env': `U=${fakeGithubPat(504)}\n`,
    });
    const baseline = path.join(makeTempDir(), 'baseline.json');
    writeFileSync(baseline, '');
    await runCli(['baseline', 'create', project, '-o', baseline]);
    const result = await runCli(['scan', project, '--explain', '--min-confidence', 'medium', '--baseline', baseline, '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const rejected = parseJsonReport<Explained>(result).explain!.rejected;
    const summary = rejected.map((r) => [r.location.path, r.reason, r.detail]);
    expect(summary).toContainEqual(['a.env', 'allowlist', 'fingerprint in allowlist.fingerprints[1]']);
    expect(summary).toContainEqual(['b.py', 'confidence', 'confidence low is below the minimum medium (--min-confidence)']);
    expect(summary).toContainEqual(['c.env', 'baseline', `recorded in the baseline ${baseline}`]);
  });
});
