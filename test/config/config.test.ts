/**
 * `.sprawlguard.yaml`: what a valid configuration changes in a scan, and how an invalid one is
 * reported — every problem at once, each with its path, and exit code 2 from the CLI.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError, DEFAULT_MAX_FILE_SIZE, loadConfigFile, parseConfig, resolveSettings } from '../../src/config/load.js';
import { loadBuiltinRules } from '../../src/config/builtin-rules.js';
import { parseSize } from '../../src/config/file-schema.js';
import { fingerprintSecret } from '../../src/findings/fingerprint.js';
import { formatProblem } from '../../src/rules/parse.js';
import { Minimatch } from 'minimatch';
import { pathMatcher } from '../../src/sources/path-filter.js';
import { parseJsonReport, runCli } from '../support/cli.js';
import { base62Body, fakeGithubPat } from '../support/fake-secrets.js';
import { makeTempDir, makeTree } from '../support/temp.js';

// Each test starts real CLI processes; on a machine shared with other jobs that can take a while.
// The limit only catches hangs: no test asserts a duration.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const BUILTIN_IDS = new Set(loadBuiltinRules().map((r) => r.id));
const acmeKey = (seed: number): string => ['acme', '_dk_', base62Body(seed, 24)].join('');

/** A custom rule in the same format as rules/*.yaml. */
const ACME_RULE = {
  id: 'acme-deploy-key',
  name: 'Acme deploy key',
  provider: 'acme',
  severity: 'high',
  lifetime: 'long-lived',
  keywords: ['acme_dk_'],
  pattern: String.raw`\b(acme_dk_[A-Za-z0-9]{24})\b`,
  remediation: 'Revoke it in the Acme console and use the OIDC deploy role instead.',
};

/** The problems a config raises, formatted as the CLI prints them. */
async function problemsOf(raw: unknown): Promise<string[]> {
  try {
    await parseConfig(raw, '.sprawlguard.yaml', { builtinRuleIds: BUILTIN_IDS });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

describe('parseSize', () => {
  it.each([
    ['1MiB', 1024 * 1024],
    ['10MiB', 10 * 1024 * 1024],
    ['500 kB', 500_000],
    ['1.5GiB', 1.5 * 1024 ** 3],
    ['2048', 2048],
    [4096, 4096],
    ['7b', 7],
  ] as const)('reads %j as %d bytes', (input, bytes) => {
    expect(parseSize(input)).toBe(bytes);
  });

  it.each(['', '0', '-5MiB', '10 potatoes', 'MiB', '1e6', 1.5, 0, -1])('rejects %j', (input) => {
    expect(parseSize(input)).toBeUndefined();
  });
});

describe('path allowlist globs', () => {
  const globs = ['*.snap', 'vendor', './third_party/**', 'build/', 'docs/*.md'];
  it.each([
    ['a/b/c.snap', true],
    ['vendor/lib/a.js', true],
    ['src/vendor/x.js', true],
    ['third_party/z/y.c', true],
    ['build/out/main.js', true],
    ['build/', true],
    ['docs/intro.md', true],
    ['docs/deep/intro.md', false],
    ['src/vendors.js', false],
    ['src/main.ts', false],
    ['rebuild/x.js', false],
  ] as const)('%s excluded: %s', async (relPath, expected) => {
    expect((await pathMatcher(globs))(relPath)).toBe(expected);
  });

  // The matcher compiles each glob once and remembers directories; it must answer as minimatch does
  // for the path and each directory above it.
  it('agrees with minimatch on every path and directory, asked repeatedly', () => {
    const many = ['rules/*.yaml', 'test/fixtures/**', 'src/**', '*.snap', 'vendor', '**/node_modules/**', 'docs/**/*.md', 'src/{a,b}/*.ts', '[abc]*.txt', 'foo/**/bar', '.git'];
    const paths = ['rules/a.yaml', 'rules/x/a.yaml', 'test/fixtures/a/b.js', 'x/y.snap', '.snap', 'a/vendor/b.js', 'a/node_modules/b/c.js', 'docs/a/b.md', 'docs/x.md', 'q/a1.txt', 'src/a/x.ts', 'src/c/x.ts', 'foo/a/b/bar/z', 'd/.git/config', '.hidden/rules/a.yaml', 'plain/file.js', 'test/fixtures', 'src'];
    const expected = (p: string): boolean => {
      const parts = p.split('/');
      const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
      return candidates.some((c) => many.some((g) => new Minimatch(g, { dot: true, matchBase: !g.includes('/') }).match(c)));
    };
    const match = pathMatcher(many);
    for (let round = 0; round < 2; round++) for (const p of paths) expect([p, match(p)]).toEqual([p, expected(p)]);
  });
});

describe('a valid configuration', () => {
  const config = {
    disable_rules: ['github-oauth-token'],
    rules: [ACME_RULE],
    allowlist: {
      paths: ['vendor/**', '*.lock'],
      fingerprints: [fingerprintSecret(fakeGithubPat(11))],
      regexes: ['^acme_dk_Allow'],
      stopwords: ['Staging'],
    },
    max_file_size: '1MiB',
    min_confidence: 'medium',
  };

  it('resolves into the settings a scan runs with', async () => {
    const settings = resolveSettings(await parseConfig(config, '.sprawlguard.yaml', { builtinRuleIds: BUILTIN_IDS }));
    const ids = settings.rules.map((r) => r.id);
    expect(ids).toContain('acme-deploy-key');
    expect(ids).toContain('github-classic-pat');
    expect(ids).not.toContain('github-oauth-token');
    expect(settings.allowPathGlobs).toEqual(['vendor/**', '*.lock']);
    expect([...settings.allowFingerprints]).toEqual([fingerprintSecret(fakeGithubPat(11))]);
    expect(settings.allowSecretRegexes.map((r) => r.source)).toEqual(['^acme_dk_Allow']);
    expect(settings.stopwords).toEqual(['staging']);
    expect(settings.maxFileSize).toBe(1024 * 1024);
    expect(settings.minConfidence).toBe('medium');
  });

  it('fills defaults for a missing or empty file', async () => {
    const settings = resolveSettings(await loadConfigFile(makeTempDir()));
    expect(settings.maxFileSize).toBe(DEFAULT_MAX_FILE_SIZE);
    expect(settings.rules.map((r) => r.id).sort()).toEqual([...BUILTIN_IDS].sort());
    expect(await problemsOf({})).toEqual([]);
  });

  it('treats a section with every entry commented out as absent', async () => {
    const dir = makeTree({ '.sprawlguard.yaml': 'allowlist:\n#  paths: [x]\ndisable_rules:\nrules:\n' });
    const settings = resolveSettings(await loadConfigFile(dir));
    expect(settings.allowPathGlobs).toEqual([]);
    expect(settings.rules).toHaveLength(BUILTIN_IDS.size);
  });

  it('lets a custom rule replace the built-in rule with the same id', async () => {
    const replacement = { ...ACME_RULE, id: 'github-classic-pat', name: 'Our own classic PAT rule', keywords: ['ghp_'], pattern: String.raw`\b(ghp_[A-Za-z0-9]{36})\b` };
    const settings = resolveSettings(await parseConfig({ rules: [replacement] }, 'c.yaml', { builtinRuleIds: BUILTIN_IDS }));
    const matching = settings.rules.filter((r) => r.id === 'github-classic-pat');
    expect(matching.map((r) => r.name)).toEqual(['Our own classic PAT rule']);
  });

  it('may disable its own custom rule', async () => {
    expect(await problemsOf({ rules: [ACME_RULE], disable_rules: ['acme-deploy-key'] })).toEqual([]);
  });
});

describe('an invalid configuration', () => {
  it('lists every problem with its path, in one go', async () => {
    const problems = await problemsOf({
      disable_rules: ['no-such-rule', 'github-classic-pat', 'another-missing-rule'],
      colour: 'blue',
      rules: [
        { ...ACME_RULE, id: 'Bad_Id', severity: 'urgent', pattern: '(acme_[a-z]+' },
        { ...ACME_RULE, id: 'two-groups', pattern: '(acme)_([a-z]{20})' },
        { ...ACME_RULE, id: 'unknown-field', colour: 'red' },
        { ...ACME_RULE, id: 'no-gate', keywords: [] },
      ],
      allowlist: {
        paths: ['ok/**', 5],
        fingerprints: ['sha256:abc', fingerprintSecret('x').toUpperCase()],
        regexes: ['(unclosed', 'fine'],
        pahts: ['typo/**'],
      },
      max_file_size: '10 potatoes',
      min_confidence: 'extreme',
    });
    const expected = [
      'allowlist.paths[1]: ',
      'allowlist.fingerprints[0]: a fingerprint is sha256: or scrypt: followed by 64 hex digits',
      'allowlist.fingerprints[1]: a fingerprint is sha256: or scrypt: followed by 64 hex digits',
      'allowlist.regexes[0]: does not compile',
      'allowlist.pahts: unknown key',
      'max_file_size: not a size: "10 potatoes"',
      'min_confidence: ',
      '.sprawlguard.yaml: colour: unknown key',
      'Bad_Id: rules[0].id: must be kebab-case',
      'Bad_Id: rules[0].severity: ',
      'Bad_Id: rules[0].pattern: does not compile',
      'two-groups: rules[1].pattern: must have exactly one capture group (the secret), found 2',
      'unknown-field: rules[2].colour: unknown key',
      'no-gate: rules[3].keywords: a rule without keywords must say why in no_keywords_reason',
      'disable_rules[0]: unknown rule id "no-such-rule"',
      'disable_rules[2]: unknown rule id "another-missing-rule"',
    ];
    for (const fragment of expected) {
      expect(problems.filter((p) => p.includes(fragment)), `${fragment}\n in \n${problems.join('\n')}`).toHaveLength(1);
    }
    expect(problems).toHaveLength(expected.length);
    for (const p of problems) expect(p.startsWith('.sprawlguard.yaml: ')).toBe(true);
  });

  it('names a duplicate custom rule id at the second definition', async () => {
    expect(await problemsOf({ rules: [ACME_RULE, ACME_RULE] })).toEqual([
      '.sprawlguard.yaml: acme-deploy-key: rules[1].id: duplicate custom rule id (also rules[0])',
    ]);
  });

  it('rejects a file that is not a mapping', async () => {
    expect(await problemsOf(['disable_rules'])).toHaveLength(1);
  });

  it('reports unreadable YAML with its position', async () => {
    const dir = makeTree({ '.sprawlguard.yaml': 'allowlist:\n  paths: [unclosed\n' });
    const error: unknown = await loadConfigFile(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/invalid YAML: .*line 3/s);
  });
});

describe('configuration through the CLI', () => {
  let root: string;
  const pat = (seed: number): string => fakeGithubPat(seed);
  beforeAll(() => {
    root = makeTree({
      'app/main.env': `GH=${pat(10)}\nDEPLOY=${acmeKey(12)}\n`,
      'app/allowed-by-fingerprint.env': `GH=${pat(11)}\n`,
      'app/allowed-by-regex.env': `DEPLOY=${['acme', '_dk_', 'Allow', base62Body(13, 19)].join('')}\n`,
      'vendor/lib/leak.txt': `${pat(14)}\n`,
      'yarn.lock': `${pat(15)}\n`,
      'dumps/big.sql': `-- ${pat(16)}\n${'x'.repeat(1024 * 1024 + 10)}\n`,
    });
    writeFileSync(
      path.join(root, '.sprawlguard.yaml'),
      stringify({
        rules: [ACME_RULE],
        allowlist: {
          paths: ['vendor/**', '*.lock'],
          fingerprints: [fingerprintSecret(pat(11))],
          regexes: ['^acme_dk_Allow'],
        },
        max_file_size: '1MiB',
      }),
    );
  });

  it('applies custom rules, allowlists and the size cap', async () => {
    const result = await runCli(['scan', root, '--format', 'json', '--no-git']);
    const report = parseJsonReport(result);
    expect(result.code, result.stderr).toBe(1);
    expect(report.findings.map((f) => [f.location.path, f.ruleId])).toEqual([
      ['app/main.env', 'github-classic-pat'],
      ['app/main.env', 'acme-deploy-key'],
    ]);
    expect(report.stats.skipped).toEqual([{ path: 'dumps/big.sql', reason: expect.stringContaining('larger than the size cap') }]);
  });

  it('disables rules', async () => {
    const config = path.join(makeTempDir(), 'other.yaml');
    writeFileSync(config, stringify({ disable_rules: ['github-classic-pat'], allowlist: { paths: ['dumps/**'] } }));
    const result = await runCli(['scan', root, '--config', config, '--format', 'json', '--no-git']);
    expect(result.code, result.stderr).toBe(0);
    expect(parseJsonReport(result).findings).toEqual([]);
  });

  it('leaves out the same files whether git lists them or the directory is walked', async () => {
    const dir = makeTree({
      '.sprawlguard.yaml': stringify({ allowlist: { paths: ['vendor', './third_party/**', 'build/'] } }),
      'vendor/a/leak.js': `${pat(30)}\n`,
      'src/vendor/leak.js': `${pat(31)}\n`,
      'third_party/x/leak.c': `${pat(32)}\n`,
      'build/out.js': `${pat(33)}\n`,
      'src/kept.js': `${pat(34)}\n`,
    });
    const walked = parseJsonReport(await runCli(['scan', dir, '--format', 'json']));
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const listed = parseJsonReport(await runCli(['scan', dir, '--format', 'json']));
    expect(walked.findings.map((f) => f.location.path)).toEqual(['src/kept.js']);
    expect(listed.findings.map((f) => f.location.path)).toEqual(['src/kept.js']);
  });

  it('exits 2 and lists every problem of an invalid file', async () => {
    const dir = makeTree({
      '.sprawlguard.yaml': stringify({
        disable_rules: ['no-such-rule'],
        rules: [{ ...ACME_RULE, pattern: '(a)(b)' }],
        allowlist: { paths: ['ok', 7], fingerprints: ['sha1:00'], regexes: ['['] },
        colour: 'blue',
      }),
      'a.txt': `${pat(20)}\n`,
    });
    const result = await runCli(['scan', dir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    for (const fragment of ['allowlist.paths[1]', 'allowlist.fingerprints[0]', 'allowlist.regexes[0]', 'colour: unknown key', 'rules[0].pattern', 'disable_rules[0]']) {
      expect(result.stderr).toContain(fragment);
    }
    expect(result.stderr).not.toContain('internal error');
  });

  it('exits 2 when --config names a missing file', async () => {
    const result = await runCli(['scan', root, '--config', path.join(root, 'missing.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('config file not found');
  });
});

describe('defaults without a config file', () => {
  it('match what the schema gives for an empty file (the fast path must not drift from it)', async () => {
    const { configSchema } = await import('../../src/config/file-schema.js');
    const { defaultConfig } = await import('../../src/config/settings.js');
    expect(defaultConfig().config).toEqual(configSchema.parse({}));
  });
});
