/**
 * A repository's own configuration must not be able to hang a scan or switch it off without a
 * word, and no configuration message may print a credential the user wrote in the file.
 */
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { linearTimeRisks } from '../../src/rules/linear-time.js';
import { redactCredentialText } from '../../src/config/redact-text.js';
import { parseJsonReport, runCli } from '../support/cli.js';
import { base62Body, fakeGithubPat } from '../support/fake-secrets.js';
import { makeTree } from '../support/temp.js';

vi.setConfig({ testTimeout: 120_000 });

/** A custom rule that is fine apart from what a test changes. */
const RULE = {
  id: 'acme-key',
  name: 'Acme key',
  provider: 'acme',
  severity: 'high',
  lifetime: 'long-lived',
  keywords: ['acme'],
  pattern: String.raw`\b(acme_[a-z0-9]{20})\b`,
};

describe('the linear-time check', () => {
  it.each([
    String.raw`\b(acme_[a-z0-9]{20})\b`,
    String.raw`password\s*[:=]\s*(\S+)`,
    '^sk_test_',
    'EXAMPLE$',
    String.raw`(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==)?`,
  ])('accepts %s', (pattern) => {
    expect(linearTimeRisks(pattern)).toEqual([]);
  });

  it.each([
    ['acme((?:a+)+)b', /exponentially/],
    ['(x+x+)+y', /backtracking/],
    [String.raw`(\w+\d+)+x`, /backtracking/],
    ['.*test.*', /every position/],
    [String.raw`\s*=\s*(\w+)`, /every position/],
    ['(?:a{0,1000}){0,1000}b', /nested unbounded quantifiers/],
    ['.{0,200}?secret', /leading lazy quantifier/],
  ])('refuses %s', (pattern, reason) => {
    const risks = linearTimeRisks(pattern);
    expect(risks.length).toBeGreaterThan(0);
    expect(risks.join('\n')).toMatch(reason);
  });
});

describe('patterns in a configuration', () => {
  it('refuses a catastrophic custom rule and allowlist regex at load (exit 2), instead of hanging the scan', async () => {
    const dir = makeTree({
      '.sprawlguard.yaml': stringify({
        rules: [{ ...RULE, id: 'acme-bad', pattern: 'acme((?:a+)+)b' }],
        allowlist: { regexes: ['fine', '(x+x+)+y'] },
      }),
      // The input that makes both patterns backtrack for ever.
      'payload.txt': `acme${'a'.repeat(60)}c\n${'x'.repeat(60)}\n`,
    });
    const result = await runCli(['scan', dir, '--no-git']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/\.sprawlguard\.yaml: acme-bad: rules\[0\]\.pattern: refused: not linear-time: .*exponentially/);
    expect(result.stderr).toMatch(/\.sprawlguard\.yaml: allowlist\.regexes\[1\]: refused: not linear-time/);
    expect(result.stderr).not.toMatch(/allowlist\.regexes\[0\]/);
  });

  it('lists the pattern problems together with every other problem of the file', async () => {
    const dir = makeTree({
      '.sprawlguard.yaml': stringify({
        disable_rules: ['no-such-rule'],
        rules: [{ ...RULE, pattern: String.raw`\s*=\s*(\w+)` }],
        allowlist: { regexes: ['.*test.*'], pahts: ['x'] },
      }),
    });
    const result = await runCli(['scan', dir, '--no-git']);
    expect(result.code).toBe(2);
    for (const fragment of ['acme-key: rules[0].pattern: refused', 'allowlist.regexes[0]: refused', 'allowlist.pahts: unknown key', 'disable_rules[0]']) {
      expect(result.stderr).toContain(fragment);
    }
  });
});

describe('a path allowlist that leaves out most files', () => {
  const tree = (paths: string[], warnShare?: number): string =>
    makeTree({
      '.sprawlguard.yaml': stringify({ allowlist: { paths, ...(warnShare !== undefined ? { warn_share: warnShare } : {}) } }),
      'src/a.ts': 'export const a = 1;\n',
      'src/b.ts': 'export const b = 2;\n',
      'src/c.ts': 'export const c = 3;\n',
      'README.md': '# demo\n',
    });

  it("says so on stderr and in the JSON stats when it leaves out everything (`paths: ['**']`)", async () => {
    const dir = tree(['**']);
    writeFileSync(path.join(dir, 'src/leak.env'), `GH=${fakeGithubPat(3)}\n`);
    const result = await runCli(['scan', dir, '--format', 'json', '--no-git']);
    const report = parseJsonReport<{ stats: { sources: number; allowlisted?: number; warnings?: { code: string; message: string; file?: string }[] } }>(result);
    expect(result.code).toBe(0);
    expect(report.stats.sources).toBe(0);
    // In a directory walk a left-out directory counts once: .sprawlguard.yaml, README.md and src/.
    expect(report.stats.allowlisted).toBe(3);
    expect(report.stats.warnings).toEqual([
      { code: 'allowlist-coverage', file: expect.stringContaining('.sprawlguard.yaml'), message: expect.stringMatching(/left out all 3 paths this scan found: nothing was scanned/) },
    ]);
    expect(result.stderr).toMatch(/warning: allowlist\.paths in .*\.sprawlguard\.yaml left out all 3 paths/);
  });

  it('warns when it leaves out more than allowlist.warn_share of the files, and not below it', async () => {
    const most = await runCli(['scan', tree(['src/**']), '--format', 'json']);
    expect(most.stderr).toMatch(/left out 3 of 5 paths this scan found \(60%\), more than allowlist\.warn_share \(50%\)/);
    const raised = await runCli(['scan', tree(['src/**'], 0.75), '--format', 'json']);
    expect(raised.stderr).not.toContain('allowlist.paths');
    expect(parseJsonReport<{ stats: { allowlisted?: number; warnings?: unknown } }>(raised).stats).toMatchObject({ allowlisted: 3 });
    expect(parseJsonReport<{ stats: { warnings?: unknown } }>(raised).stats.warnings).toBeUndefined();
    const few = await runCli(['scan', tree(['README.md']), '--format', 'json']);
    expect(few.stderr).not.toContain('allowlist.paths');
  });

  it('keeps the warning out of stderr with --quiet, but not out of the report', async () => {
    const result = await runCli(['scan', tree(['**']), '--format', 'json', '--quiet']);
    expect(result.stderr).toBe('');
    expect(parseJsonReport<{ stats: { warnings?: unknown[] } }>(result).stats.warnings).toHaveLength(1);
  });
});

describe('configuration messages never print a credential', () => {
  const token = (): string => fakeGithubPat(41);
  const acme = (): string => ['acme', '_', base62Body(42, 20).toLowerCase()].join('');

  it('redacts a token in a bad regex, a YAML syntax error and an unknown key', async () => {
    const t = token();
    const k = acme();
    const badRegex = makeTree({ '.sprawlguard.yaml': `allowlist:\n  regexes: ['(${t}']\n  ${k}: [1]\ndisable_rules: ['${t}']\n` });
    const badYaml = makeTree({ '.sprawlguard.yaml': `allowlist:\n  paths: [x\n  regexes: ['${t}']\n` });
    for (const dir of [badRegex, badYaml]) {
      const result = await runCli(['scan', dir, '--no-git']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('invalid configuration');
      expect(result.stderr).not.toContain(t);
      expect(result.stderr).not.toContain(k);
      expect(result.stderr).toContain(`${t.slice(0, 6)}…`);
    }
    const checked = await runCli(['rules', 'check', '-c', path.join(badRegex, '.sprawlguard.yaml')]);
    expect(checked.code).toBe(2);
    expect(checked.stderr).not.toContain(t);
  });

  it('redacts a credential in a custom rule that is refused, including its id', async () => {
    const t = token();
    const dir = makeTree({ '.sprawlguard.yaml': stringify({ rules: [{ ...RULE, id: t, pattern: `(${t})+x+` }] }) });
    const result = await runCli(['scan', dir, '--no-git']);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain(t);
  });

  it('leaves ordinary words, rule ids, paths and regex fragments alone', () => {
    const text = 'rules[3].pattern: generic-secret-assignment in test/fixtures/sample-2024.yaml: [A-Za-z0-9]{32} does not compile';
    expect(redactCredentialText(text)).toBe(text);
    expect(redactCredentialText(`key: ${token()}`)).toBe(`key: ${token().slice(0, 6)}…${token().slice(-4)}`);
  });
});
