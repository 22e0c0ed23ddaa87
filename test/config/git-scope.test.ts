/**
 * A change must not configure its own scan: a range (`--diff`, the Action) that edits
 * `.sprawlguard.yaml` is scanned with the base side's version and says so; a staged change is
 * scanned with its own version and warned about. Git scans also report an allowlist that leaves out
 * most of what the change touches.
 */
import { describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { fingerprintSecret } from '../../src/findings/fingerprint.js';
import { runAction } from '../action/harness.js';
import { pullRequestPayload } from '../action/scenario.js';
import { parseJsonReport, runCli } from '../support/cli.js';
import { fakeGithubPat } from '../support/fake-secrets.js';
import { TestRepo } from '../support/git-repo.js';
import { makeTempDir } from '../support/temp.js';

vi.setConfig({ testTimeout: 120_000 });

type Report = {
  findings: { ruleId: string; location: { path: string } }[];
  stats: { warnings?: { code: string; message: string; file?: string }[] };
};

/** main with a config that allowlists only docs/, and a feature branch off it. */
function repoWithConfig(): { repo: TestRepo; base: string } {
  const repo = new TestRepo(makeTempDir('sprawlguard-scope-'));
  const base = repo.commit('base', { '.sprawlguard.yaml': stringify({ allowlist: { paths: ['docs/**'] } }), 'README.md': 'app\n' });
  repo.git('checkout', '-q', '-b', 'feature');
  return { repo, base };
}

describe('a range that changes the config', () => {
  it('is scanned with the base version, so a PR cannot allowlist its own secret', async () => {
    const { repo } = repoWithConfig();
    const secret = fakeGithubPat(51);
    repo.commit('add a token and hide it', {
      'app/deploy.env': `GH=${secret}\n`,
      '.sprawlguard.yaml': stringify({ allowlist: { paths: ['**'], fingerprints: [fingerprintSecret(secret)] } }),
    });
    const result = await runCli(['scan', '--diff', 'main..feature', '--format', 'json'], { cwd: repo.dir });
    const report = parseJsonReport<Report>(result);
    expect(result.code, result.stderr).toBe(1);
    expect(report.findings.map((f) => f.location.path)).toEqual(['app/deploy.env']);
    expect(report.stats.warnings).toEqual([
      {
        code: 'config-changed',
        file: '.sprawlguard.yaml',
        message: expect.stringMatching(/^\.sprawlguard\.yaml is changed by the scanned range main\.\.feature: this scan uses its version from the base [0-9a-f]{12}/),
      },
    ]);
    expect(result.stderr).toContain('warning: .sprawlguard.yaml is changed by the scanned range');
  });

  it('uses the defaults when the range adds the config', async () => {
    const repo = new TestRepo(makeTempDir('sprawlguard-scope-'));
    repo.commit('base', { 'README.md': 'app\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('add config and token', { '.sprawlguard.yaml': stringify({ disable_rules: ['github-classic-pat'] }), 'a.env': `GH=${fakeGithubPat(52)}\n` });
    const result = await runCli(['scan', '--diff', 'main...feature', '--format', 'json'], { cwd: repo.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/this scan uses the defaults \(the base [0-9a-f]{12} has no \.sprawlguard\.yaml\)/);
  });

  it('leaves a range that does not touch the config alone', async () => {
    const { repo } = repoWithConfig();
    repo.commit('docs', { 'docs/guide.md': `token ${fakeGithubPat(53)}\n`, 'src/app.ts': 'export {};\n' });
    const result = await runCli(['scan', '--diff', 'main..feature', '--format', 'json'], { cwd: repo.dir });
    expect(result.code).toBe(0);
    expect(parseJsonReport<Report>(result).stats.warnings).toBeUndefined();
  });

  it('reports an allowlist that leaves out everything the range changes', async () => {
    const { repo } = repoWithConfig();
    repo.commit('docs only', { 'docs/a.md': 'a\n', 'docs/b.md': 'b\n' });
    const result = await runCli(['scan', '--diff', 'main..feature', '--format', 'json'], { cwd: repo.dir });
    expect(parseJsonReport<Report>(result).stats.warnings).toEqual([
      { code: 'allowlist-coverage', file: '.sprawlguard.yaml', message: 'allowlist.paths in .sprawlguard.yaml left out all 2 files the range changes: nothing was scanned' },
    ]);
  });
});

describe('allowlist.commits', () => {
  it('accepts the findings of the commits it names, in history scans', async () => {
    const repo = new TestRepo(makeTempDir('sprawlguard-scope-'));
    const accepted = repo.commit('old test token', { 'a.env': `GH=${fakeGithubPat(56)}\n` });
    repo.commit('new token', { 'b.env': `GH=${fakeGithubPat(57)}\n` });
    repo.commit('config', { '.sprawlguard.yaml': stringify({ allowlist: { commits: [accepted.slice(0, 10)] } }) });
    const result = await runCli(['scan', '--history', '--format', 'json'], { cwd: repo.dir });
    expect(parseJsonReport<Report>(result).findings.map((f) => f.location.path)).toEqual(['b.env']);
  });
});

describe('a staged change to the config', () => {
  it('is scanned with the staged version, with a warning', async () => {
    const { repo } = repoWithConfig();
    const secret = fakeGithubPat(54);
    repo.write('app/deploy.env', `GH=${secret}\n`);
    repo.write('.sprawlguard.yaml', stringify({ allowlist: { fingerprints: [fingerprintSecret(secret)] } }));
    repo.git('add', '-A');
    const result = await runCli(['scan', '--staged', '--format', 'json'], { cwd: repo.dir });
    const report = parseJsonReport<Report>(result);
    expect(result.code).toBe(0);
    expect(report.stats.warnings?.map((w) => w.code)).toEqual(['config-changed']);
    expect(result.stderr).toContain('.sprawlguard.yaml is changed by the staged changes and this scan uses the changed version');
  });
});

describe('the Action', () => {
  it('judges a pull request that edits the config by the base branch version, and says so in the log and summary', async () => {
    const { repo, base } = repoWithConfig();
    const secret = fakeGithubPat(55);
    const head = repo.commit('hide a token', {
      'app/deploy.env': `GH=${secret}\n`,
      '.sprawlguard.yaml': stringify({ allowlist: { paths: ['app/**'] } }),
    });
    const run = await runAction({
      workspace: repo.dir,
      event: 'pull_request',
      payload: pullRequestPayload({ number: 9, base, head, commits: 1 }),
      inputs: { comment: 'false' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1' });
    const warning = run.annotations.find((a) => a.command === 'warning' && a.message.includes('is changed by the scanned range'));
    expect(warning?.properties).toMatchObject({ file: '.sprawlguard.yaml' });
    expect(run.summary).toContain('Configuration warnings');
    expect(run.summary).toContain('.sprawlguard.yaml is changed by the scanned range');
  });
});
