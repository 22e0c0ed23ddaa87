/**
 * `sprawlguard import gitleaks`: realistic gitleaks configurations in, a `.sprawlguard.yaml` that
 * loads and scans as the gitleaks one did out, and a report of everything that did not translate.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { pathRegexToGlobs } from '../../src/config/gitleaks/path-glob.js';
import { translateRe2 } from '../../src/config/gitleaks/re2.js';
import { selectSecretGroup } from '../../src/config/gitleaks/secret-group.js';
import { parseGitleaksIgnore } from '../../src/config/gitleaks/ignore-file.js';
import { parseJsonReport, runCli } from '../support/cli.js';
import { fakeGithubPat } from '../support/fake-secrets.js';
import { TestRepo } from '../support/git-repo.js';
import { makeTempDir, makeTree } from '../support/temp.js';

vi.setConfig({ testTimeout: 120_000 });

/** A hex token for the custom rule below, generated so no value is written in the source. */
const acmeToken = (seed: number): string => ['acme', '_tok_', Array.from({ length: 32 }, (_, i) => ((seed * 7 + i * 13) % 16).toString(16)).join('')].join('');

/** The kind of file a team that has used gitleaks for a while has: defaults, custom rules, allowlists. */
const GITLEAKS_TOML = String.raw`title = "acme secrets policy"

[extend]
useDefault = true
disabledRules = ["generic-api-key"]

[[rules]]
id = "acme_internal_token"
description = "Acme internal service token"
regex = '''(?i)\b(acme_tok_[0-9a-f]{32})\b'''
secretGroup = 1
entropy = 2.5
keywords = ["acme_tok_"]
tags = ["internal"]
  [rules.allowlist]
  stopwords = ["deadbeef"]
  regexes = ['''^acme_tok_0+$''']

[[rules]]
id = "acme-db-password"
description = "Acme database password"
regex = '''(?i:db_pass(?:word)?)\s*[:=]\s*["']?(?P<pw>[^\s"']{12,64})'''
secretGroup = 1
keywords = ["db_pass"]

[[rules]]
id = "slow-rule"
regex = '''(a+)+b'''
keywords = ["aaa"]

[[rules]]
id = "greek"
regex = '''\p{Greek}+(\d{8})'''

[[rules]]
id = "keystore-file"
path = '''\.p12$'''

[allowlist]
description = "global allowlist"
paths = [
  '''(?i)\.(?:png|jpe?g)$''',
  '''(?:^|/)vendor/''',
  '''^test/fixtures/''',
  '''\d+\.snap''',
]
regexes = ['''(?i)^(?:true|false|null)$''', '''.*EXAMPLE.*''']
stopwords = ["changeme"]
commits = ["3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e"]

[[allowlists]]
regexTarget = "line"
regexes = ['''nosecret''']

[[allowlists]]
targetRules = ["acme_internal_token"]
paths = ['''docs/''']
`;

interface Config {
  disable_rules?: string[];
  rules?: { id: string; pattern: string; ignore_case?: boolean; keywords?: string[]; entropy?: number; stopwords?: string[]; tags?: string[] }[];
  allowlist?: { paths?: string[]; regexes?: string[]; stopwords?: string[]; commits?: string[] };
}

describe('RE2 to JavaScript', () => {
  it.each([
    ['(?i)acme_[a-z]{4}', { pattern: 'acme_[a-z]{4}', ignoreCase: true }],
    [String.raw`(?i:key)=(\w+)\z`, { pattern: String.raw`(?:[kK][eE][yY])=(\w+)(?![\s\S])`, ignoreCase: false }],
    [String.raw`\Aghp_(?P<t>[[:alnum:]]{36})`, { pattern: String.raw`(?<![\s\S])ghp_(?<t>[0-9A-Za-z]{36})`, ignoreCase: false }],
    [String.raw`(?s)BEGIN.*?END`, { pattern: String.raw`BEGIN[\s\S]*?END`, ignoreCase: false }],
    [String.raw`(?m)^k=(\w+)$`, { pattern: String.raw`(?<=^|\n)k=(\w+)(?=\n|$)`, ignoreCase: false }],
    [String.raw`\Qa.b*\E(x)`, { pattern: String.raw`a\.b\*(x)`, ignoreCase: false }],
    [String.raw`\x{41}[]x]`, { pattern: String.raw`\x41[\]x]`, ignoreCase: false }],
  ])('translates %s', (source, expected) => {
    expect(translateRe2(source, { ignoreCaseFlag: true })).toEqual({ ok: true, ...expected });
  });

  it('spells out a leading (?i) where no flag can carry it', () => {
    expect(translateRe2('(?i)^null$', { ignoreCaseFlag: false })).toEqual({ ok: true, pattern: '^[nN][uU][lL][lL]$', ignoreCase: false });
  });

  it.each([
    [String.raw`\p{Greek}+`, /Unicode classes/],
    ['(?U)a+', /ungreedy/],
    [String.raw`(a)\1`, /back-references/],
    ['[[:^alpha:]]', /negated POSIX class/],
  ])('refuses %s with the reason', (source, reason) => {
    const result = translateRe2(source, { ignoreCaseFlag: true });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });

  it('keeps the secret group and turns the others into non-capturing groups', () => {
    expect(selectSecretGroup('(a|b)_(?<s>[0-9]+)_(c)', 2)).toEqual({ ok: true, pattern: '(?:a|b)_(?<s>[0-9]+)_(?:c)' });
    expect(selectSecretGroup('key=[0-9]+', 0)).toEqual({ ok: true, pattern: '(key=[0-9]+)' });
    expect(selectSecretGroup('x(y)', 0)).toEqual({ ok: true, pattern: 'x(y)' });
    expect(selectSecretGroup('(a)(b)', 0)).toMatchObject({ ok: true, pattern: '((?:a)(?:b))' });
    expect(selectSecretGroup('(a)', 3)).toMatchObject({ ok: false });
  });
});

describe('path regexes to globs', () => {
  it.each([
    [String.raw`(?:^|/)(?:node_modules|vendor)/`, ['**/node_modules/**', '**/vendor/**']],
    [String.raw`go\.(?:mod|sum)$`, ['*go.mod', '*go.sum']],
    [String.raw`(?:^|/)package-lock\.json$`, ['package-lock.json']],
    ['^test/fixtures/', ['test/fixtures/**']],
    [String.raw`(.*?)(jpg|pdf)$`, ['*jpg', '*pdf']],
  ])('%s', (source, globs) => {
    expect(pathRegexToGlobs(source)).toMatchObject({ ok: true, globs });
  });

  it('refuses what has no fixed shape, and a regex that matches every path', () => {
    expect(pathRegexToGlobs(String.raw`\d+\.log`)).toMatchObject({ ok: false });
    expect(pathRegexToGlobs('.*')).toEqual({ ok: false, reason: 'matches every path' });
  });
});

describe('sprawlguard import gitleaks', () => {
  it('writes a config that loads, translating rules and allowlists and reporting every other entry', async () => {
    const dir = makeTree({ '.gitleaks.toml': GITLEAKS_TOML });
    const result = await runCli(['import', 'gitleaks'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(path.join(dir, '.sprawlguard.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/sprawlguard/schema/sprawlguard.schema.json');
    const config = parseYaml(text) as Config;
    expect(config.rules?.map((r) => r.id)).toEqual(['acme-internal-token', 'acme-db-password']);
    expect(config.rules?.[0]).toMatchObject({ pattern: String.raw`\b(acme_tok_[0-9a-f]{32})\b`, ignore_case: true, entropy: 2.5, keywords: ['acme_tok_'], stopwords: ['deadbeef'], tags: ['internal'] });
    expect(config.allowlist).toEqual({
      paths: ['*.png', '*.PNG', '*.jpg', '*.JPG', '*.jpeg', '*.JPEG', '**/vendor/**', 'test/fixtures/**'],
      regexes: ['^(?:[tT][rR][uU][eE]|[fF][aA][lL][sS][eE]|[nN][uU][lL][lL])$', 'EXAMPLE'],
      stopwords: ['changeme'],
      commits: ['3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e'],
    });

    const report = result.stderr;
    expect(report).toContain('2 custom rules, 0 disabled rules, 8 allowlisted path globs, 2 allowlist regexes, 1 stopword, 1 allowlisted commit');
    const expectedSkips: [string, string][] = [
      ['extend.disabledRules[0]', 'no sprawlguard rule of that id'],
      ['rules[0].allowlist.regexes', 'per-rule regexes have no sprawlguard equivalent'],
      ['rules[2] (slow-rule)', 'not linear-time'],
      ['rules[3] (greek)', 'Unicode classes'],
      ['rules[4] (keystore-file)', 'matches file paths only'],
      ['allowlist.paths[3]', 'no fixed shape'],
      ['allowlists[0].regexes[0]', 'regexTarget = "line"'],
      ['allowlists[1]', 'targetRules'],
    ];
    for (const [at, why] of expectedSkips) {
      expect(report).toMatch(new RegExp(`${at.replace(/[[\]().]/g, '\\$&')}: .*${why.replace(/[[\]().]/g, '\\$&')}`));
    }
    expect(report).toContain('extend.useDefault');

    // The written file is a working configuration: the custom rule finds its token, allowlists apply.
    const repo = makeTree({ '.sprawlguard.yaml': text, 'app/settings.py': `TOKEN = "${acmeToken(3)}"\n`, 'vendor/lib/x.py': `TOKEN = "${acmeToken(4)}"\n` });
    const scan = await runCli(['scan', repo, '--format', 'json', '--no-git']);
    expect(parseJsonReport(scan).findings.map((f) => [f.ruleId, f.location.path])).toEqual([['acme-internal-token', 'app/settings.py']]);
  });

  it('prints with --stdout, writes elsewhere with -o, and never overwrites without --force', async () => {
    const dir = makeTree({ '.gitleaks.toml': GITLEAKS_TOML, '.sprawlguard.yaml': '# mine\n' });
    const refused = await runCli(['import', 'gitleaks'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('.sprawlguard.yaml exists: pass --force');
    expect(readFileSync(path.join(dir, '.sprawlguard.yaml'), 'utf8')).toBe('# mine\n');

    const printed = await runCli(['import', 'gitleaks', '--stdout'], { cwd: dir });
    expect(printed.code).toBe(0);
    expect((parseYaml(printed.stdout) as Config).rules).toHaveLength(2);

    const other = await runCli(['import', 'gitleaks', '-o', 'imported.yaml'], { cwd: dir });
    expect(other.code).toBe(0);
    expect(existsSync(path.join(dir, 'imported.yaml'))).toBe(true);

    const forced = await runCli(['import', 'gitleaks', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(dir, '.sprawlguard.yaml'), 'utf8')).toContain('acme-internal-token');
  });

  it('turns .gitleaksignore fingerprints into a baseline by rescanning each line, and lists what it cannot resolve', async () => {
    const repo = new TestRepo(makeTempDir('sprawlguard-import-'));
    const inHistory = fakeGithubPat(61);
    const inTree = fakeGithubPat(62);
    const commit = repo.commit('config', { 'deploy/app.env': `REGION=eu\nUSER=ci\nGH=${inHistory}\n` });
    repo.commit('remove it', { 'deploy/app.env': 'REGION=eu\n' });
    writeFileSync(path.join(repo.dir, 'notes.txt'), `see\nTOKEN=${inTree}\n`);
    writeFileSync(path.join(repo.dir, '.gitleaks.toml'), GITLEAKS_TOML);
    writeFileSync(
      path.join(repo.dir, '.gitleaksignore'),
      [`# accepted in review`, `${commit}:deploy/app.env:github-pat:3`, 'notes.txt:github-pat:2', `${commit}:gone.env:github-pat:1`, 'notes.txt:github-pat:1', 'not a fingerprint'].join('\n'),
    );
    const result = await runCli(['import', 'gitleaks'], { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    const baseline = JSON.parse(readFileSync(path.join(repo.dir, '.sprawlguard-baseline.json'), 'utf8')) as { findings: { ruleId: string; path: string; line: number }[] };
    expect(baseline.findings.map((e) => [e.ruleId, e.path, e.line])).toEqual([
      ['github-classic-pat', 'deploy/app.env', 3],
      ['github-classic-pat', 'notes.txt', 2],
    ]);
    expect(readFileSync(path.join(repo.dir, '.sprawlguard-baseline.json'), 'utf8')).not.toContain(inTree);
    expect(result.stderr).toContain('.gitleaksignore: 4 fingerprints → 2 baseline entries in .sprawlguard-baseline.json');
    expect(result.stderr).toMatch(/line 4 \([0-9a-f]{12}:gone\.env:github-pat:1\): gone\.env is not in commit/);
    expect(result.stderr).toContain('line 5 (notes.txt:github-pat:1): sprawlguard finds no secret on line 1');
    expect(result.stderr).toContain('line 6: not a gitleaks fingerprint');

    // The baseline does what the ignore file did: the accepted secret is no longer reported.
    const scan = await runCli(['scan', '.', '--format', 'json', '--baseline', '.sprawlguard-baseline.json'], { cwd: repo.dir });
    expect(parseJsonReport(scan).findings.map((f) => f.location.path)).not.toContain('notes.txt');
  });

  it('reads fingerprints with colons in the path from the right', () => {
    expect(parseGitleaksIgnore('a:b/c.txt:rule-x:12\n').entries).toEqual([{ at: 1, path: 'a:b/c.txt', ruleId: 'rule-x', line: 12 }]);
  });

  it('exits 2 on invalid TOML without printing a credential from it', async () => {
    const token = fakeGithubPat(63);
    const dir = makeTree({ 'bad.toml': `[allowlist]\nregexes = ['${token}'\nstopwords = [` });
    const result = await runCli(['import', 'gitleaks', 'bad.toml', '--stdout'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid TOML');
    expect(result.stderr).not.toContain(token);
  });

  it('exits 2 when the file is missing', async () => {
    const result = await runCli(['import', 'gitleaks', 'nope.toml'], { cwd: makeTempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nope.toml: cannot read the gitleaks configuration');
  });
});
