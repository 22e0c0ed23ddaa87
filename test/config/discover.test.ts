/**
 * Which `.sprawlguard.yaml` a command uses: `-c`, else SPRAWLGUARD_CONFIG, else the scan root's,
 * else the nearest parent's up to the repository's top level, else the current directory's; and
 * what `allowlist.paths` are relative to when the file is found in a parent.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { findConfigFile } from '../../src/config/discover.js';
import { parseJsonReport, runCli } from '../support/cli.js';
import { base62Body, fakeGithubPat } from '../support/fake-secrets.js';
import { makeTree, writeTree } from '../support/temp.js';

vi.setConfig({ testTimeout: 120_000 });

const acmeKey = (seed: number): string => ['acme', '_', base62Body(seed, 20).toLowerCase()].join('');
const ACME_RULE = {
  id: 'acme-key',
  name: 'Acme key',
  provider: 'acme',
  severity: 'high',
  lifetime: 'long-lived',
  keywords: ['acme_'],
  pattern: String.raw`\b(acme_[a-z0-9]{20})\b`,
};

/** A repository whose root config adds a custom rule and allowlists a fixture directory of `pkg`. */
function monorepo(): string {
  const dir = makeTree({
    '.sprawlguard.yaml': stringify({ rules: [ACME_RULE], allowlist: { paths: ['pkg/fixtures/**'] } }),
    'pkg/src/deploy.env': `ACME=${acmeKey(1)}\n`,
    'pkg/fixtures/sample.env': `GH=${fakeGithubPat(2)}\n`,
  });
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

type Report = { findings: { ruleId: string; location: { path: string } }[] };
const found = (stdout: string): string[][] =>
  parseJsonReport<Report>({ code: 0, signal: null, stdout, stderr: '' }).findings.map((f) => [f.ruleId, f.location.path]);

describe('config discovery', () => {
  it('`scan pkg` from the repository root uses the root config, its globs relative to the config', async () => {
    const repo = monorepo();
    const result = await runCli(['scan', 'pkg', '--format', 'json'], { cwd: repo });
    expect(result.code, result.stderr).toBe(1);
    expect(found(result.stdout)).toEqual([['acme-key', 'src/deploy.env']]);
    expect(result.stderr).toContain('using configuration .sprawlguard.yaml (from a parent directory of the scan root)');
  });

  it('`scan .` inside a subfolder uses the root config too', async () => {
    const repo = monorepo();
    const result = await runCli(['scan', '.', '--format', 'json'], { cwd: path.join(repo, 'pkg') });
    expect(result.code, result.stderr).toBe(1);
    expect(found(result.stdout)).toEqual([['acme-key', 'src/deploy.env']]);
    expect(result.stderr).toContain(`using configuration ${path.join('..', '.sprawlguard.yaml')} (from a parent directory of the scan root)`);
  });

  it('prefers the scan root, and says nothing about a config found there', async () => {
    const repo = monorepo();
    writeTree(repo, { 'pkg/.sprawlguard.yaml': stringify({ disable_rules: ['github-classic-pat'] }) });
    const result = await runCli(['scan', 'pkg', '--format', 'json'], { cwd: repo });
    expect(found(result.stdout)).toEqual([]);
    expect(result.stderr).not.toContain('using configuration');
  });

  it('stops at the repository top level, then tries the current directory', async () => {
    const outer = makeTree({ '.sprawlguard.yaml': stringify({ disable_rules: ['github-classic-pat'] }), 'repo/app/x.env': `GH=${fakeGithubPat(3)}\n` });
    execFileSync('git', ['init', '-q'], { cwd: path.join(outer, 'repo') });
    const inside = await runCli(['scan', 'app', '--format', 'json'], { cwd: path.join(outer, 'repo') });
    expect(found(inside.stdout)).toEqual([['github-classic-pat', 'x.env']]);
    expect(inside.stderr).not.toContain('using configuration');

    const fromOuter = await runCli(['scan', path.join('repo', 'app'), '--format', 'json'], { cwd: outer });
    expect(found(fromOuter.stdout)).toEqual([]);
    expect(fromOuter.stderr).toContain('using configuration .sprawlguard.yaml (from the current directory; the scan root has none)');
  });

  it('takes SPRAWLGUARD_CONFIG, says so, and lets -c beat it', async () => {
    const repo = monorepo();
    const elsewhere = makeTree({
      'quiet.yaml': stringify({ disable_rules: ['github-classic-pat'] }),
      'loud.yaml': stringify({}),
    });
    const env = { SPRAWLGUARD_CONFIG: path.join(elsewhere, 'quiet.yaml') };
    const fromEnv = await runCli(['scan', 'pkg', '--format', 'json'], { cwd: repo, env });
    expect(found(fromEnv.stdout)).toEqual([]);
    expect(fromEnv.stderr).toContain('(named by SPRAWLGUARD_CONFIG)');

    const fromOption = await runCli(['scan', 'pkg', '--format', 'json', '-c', path.join(elsewhere, 'loud.yaml')], { cwd: repo, env });
    expect(found(fromOption.stdout)).toEqual([['github-classic-pat', 'fixtures/sample.env']]);
    expect(fromOption.stderr).not.toContain('using configuration');

    const missing = await runCli(['scan', 'pkg'], { cwd: repo, env: { SPRAWLGUARD_CONFIG: path.join(elsewhere, 'nope.yaml') } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('config file not found (named by SPRAWLGUARD_CONFIG)');
  });

  it('says nothing with --quiet', async () => {
    const repo = monorepo();
    const result = await runCli(['scan', 'pkg', '--format', 'json', '--quiet'], { cwd: repo });
    expect(result.stderr).toBe('');
  });

  it('applies to ticket exports as well', async () => {
    const repo = monorepo();
    writeTree(repo, { 'pkg/exports/issues.json': JSON.stringify([{ number: 1, title: 'deploy', body: `use ${acmeKey(4)}`, html_url: 'https://github.com/acme/app/issues/1' }]) });
    const result = await runCli(['tickets', 'exports', '--format', 'json'], { cwd: path.join(repo, 'pkg') });
    expect(parseJsonReport<Report>(result).findings.map((f) => f.ruleId)).toEqual(['acme-key']);
    expect(result.stderr).toContain('(from a parent directory of the scan root)');
  });
});

describe('findConfigFile', () => {
  it('makes globs relative to a named config inside the repository, not to one outside it', () => {
    const outer = makeTree({ 'shared.yaml': '', 'repo/.sprawlguard.yaml': '', 'repo/pkg/a.txt': '' });
    execFileSync('git', ['init', '-q'], { cwd: path.join(outer, 'repo') });
    const root = path.join(outer, 'repo', 'pkg');
    expect(findConfigFile(root, { explicit: path.join(outer, 'repo', '.sprawlguard.yaml'), env: {} })).toMatchObject({ origin: 'option', globBase: 'pkg' });
    expect(findConfigFile(root, { explicit: path.join(outer, 'shared.yaml'), env: {} })).toMatchObject({ origin: 'option', globBase: undefined });
    expect(findConfigFile(root, { env: {}, cwd: root })).toMatchObject({ origin: 'parent', globBase: 'pkg' });
  });
});
