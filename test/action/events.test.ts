/**
 * The Action's run() against real git repositories, one test per event kind: which commits are
 * scanned, what is reported, and whether the step fails.
 */
import { existsSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp.js';
import { gitIn, leaks, runAction, sarifProblems } from './harness.js';
import { acmeKey, cloneOf, importCommits, newRepo, pat, pullRequestPayload, pushPayload, ZERO } from './scenario.js';

const r7 = (s: string): string => `${s.slice(0, 6)}…${s.slice(-4)}`;

describe('pull_request', () => {
  it('scans only the commit a one-commit PR adds, annotates its line and fails the step', async () => {
    const onMain = pat(1);
    const added = pat(2);
    const repo = newRepo();
    repo.commit('base', { 'app/settings.env': `OLD_TOKEN=${onMain}\n` });
    const base = repo.head();
    repo.git('checkout', '-q', '-b', 'feature');
    const head = repo.commit('add token', { 'app/config.env': `# deploy\nREGION=eu\nGITHUB_TOKEN=${added}\n` });

    const run = await runAction({
      workspace: repo.dir,
      event: 'pull_request',
      payload: pullRequestPayload({ number: 7, base, head, commits: 1 }),
      inputs: { comment: 'false' },
    });

    expect(run.result.error).toBeUndefined();
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1', 'new-findings': '1' });
    const errors = run.annotations.filter((a) => a.command === 'error' && a.properties.file);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.properties).toMatchObject({ file: 'app/config.env', line: '3', endLine: '3', col: '14' });
    expect(errors[0]?.message).toContain(r7(added));
    expect(errors[0]?.message).toContain('github-classic-pat');
    // The secret already on main is not this PR's doing.
    expect(run.stdout).not.toContain(r7(onMain));
    expect(run.log.join('\n')).toMatch(/scanned 1 commit, \d+ bytes added/);
    expect(run.summary).toContain('## sprawlguard: 1 new finding (1 distinct secret)');
    expect(run.summary).toContain(r7(added));
    expect(run.summary).toContain('long-lived');
    expect(run.summary).toContain('https://github.com/settings/tokens');
    // Masked before anything mentions it; never printed in the clear.
    expect(run.masks).toContain(added);
    expect(leaks(run, [added, onMain], [run.outputs['sarif-path'] ?? '', run.outputs['json-path'] ?? ''])).toEqual([]);
    expect(sarifProblems(run.outputs['sarif-path'] ?? '')).toEqual([]);
  });

  it('scans every commit of a 300-commit PR, attributing each secret to the commit that added it', async () => {
    const repo = newRepo();
    repo.commit('base', { 'README.md': 'widgets\n' });
    const base = repo.head();
    const early = pat(3);
    const late = acmeKey(4);
    const commits = Array.from({ length: 300 }, (_, i) => ({
      message: `step ${i}`,
      files: {
        [`steps/step-${i % 20}.txt`]: `step ${i}\n`,
        ...(i === 37 ? { 'ci/deploy.env': `TOKEN=${early}\n` } : {}),
        ...(i === 299 ? { 'ci/acme.env': `ACME=${late}\n` } : {}),
      },
    }));
    const head = importCommits(repo, 'feature', base, commits);
    const commit37 = repo.git('rev-list', '--reverse', `${base}..${head}`).split('\n')[37];

    const run = await runAction({
      workspace: repo.dir,
      event: 'pull_request',
      payload: pullRequestPayload({ number: 8, base, head, commits: 300 }),
      inputs: { comment: 'false', config: '.sprawlguard.yaml' },
    });

    expect(run.result.error).toBeUndefined();
    expect(run.log.join('\n')).toContain('scanned 300 commits');
    expect(run.outputs['new-findings']).toBe('2');
    const errors = run.annotations.filter((a) => a.command === 'error' && a.properties.file);
    // Most severe first: the critical PAT before the medium custom-rule key.
    expect(errors.map((a) => a.properties.file)).toEqual(['ci/deploy.env', 'ci/acme.env']);
    expect(errors[0]?.message).toContain(`Added in commit ${commit37?.slice(0, 12)}`);
    expect(leaks(run, [early, late])).toEqual([]);
  });

  it('pull_request_target: fetches a fork PR\'s head, which the base-branch checkout lacks', async () => {
    const origin = newRepo();
    const base = origin.commit('base', { 'README.md': 'widgets\n' });
    const added = pat(9);
    // The fork's commits reach the base repository only as refs/pull/N/head, never as a branch.
    const head = importCommits(origin, 'fork-work', base, [{ message: 'from a fork', files: { 'fork.env': `T=${added}\n` } }]);
    origin.git('update-ref', 'refs/pull/13/head', head);
    origin.git('branch', '-D', 'fork-work');
    const workspace = cloneOf(origin);
    expect(() => gitIn(workspace, 'cat-file', '-e', head)).toThrow();

    const run = await runAction({
      workspace,
      event: 'pull_request_target',
      payload: pullRequestPayload({ number: 13, base, head, commits: 1, fork: true }),
      inputs: { comment: 'false' },
    });
    expect(run.log.join('\n')).toContain(`fetching ${head.slice(0, 12)} from origin`);
    expect(run.annotations.filter((a) => a.properties.file).map((a) => a.properties.file)).toEqual(['fork.env']);
    expect(run.exitCode).toBe(1);
  });

  it('passes, saying so, when the PR adds no commits (base equals head)', async () => {
    const repo = newRepo();
    const sha = repo.commit('base', { 'a.env': `T=${pat(5)}\n` });
    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: pullRequestPayload({ number: 9, base: sha, head: sha }) });
    expect(run.exitCode).toBeUndefined();
    expect(run.result.passed).toBe(true);
    expect(run.outputs).toMatchObject({ findings: '0', 'new-findings': '0' });
    expect(run.summary).toContain('adds no commits');
    expect(run.log.join('\n')).toContain('scanned 0 commits');
  });

  it('reports findings below the fail level as warnings and passes', async () => {
    const repo = newRepo();
    const base = repo.commit('base', { 'README.md': 'x\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const key = acmeKey(6);
    const head = repo.commit('key', { 'deploy.env': `ACME=${key}\n` });
    const run = await runAction({
      workspace: repo.dir,
      event: 'pull_request',
      payload: pullRequestPayload({ number: 10, base, head }),
      inputs: { 'fail-level': 'high', comment: 'false' },
    });
    expect(run.exitCode).toBeUndefined();
    expect(run.result).toMatchObject({ passed: true, newFindings: 1, failing: 0 });
    expect(run.annotations.filter((a) => a.properties.file).map((a) => a.command)).toEqual(['warning']);
    expect(run.summary).toContain('fails on new findings of **high** severity or above');
  });

  it('caps annotations at 10 per level, most severe first, and the summary lists the rest', async () => {
    const repo = newRepo();
    const base = repo.commit('base', { 'README.md': 'x\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const keys = Array.from({ length: 4 }, (_, i) => acmeKey(100 + i));
    const tokens = Array.from({ length: 12 }, (_, i) => pat(200 + i));
    // Medium findings first in the file, so ordering by position alone would annotate them first.
    const head = repo.commit('many', {
      'a-keys.env': keys.map((k, i) => `KEY_${i}=${k}`).join('\n'),
      'b-tokens.env': tokens.map((t, i) => `TOKEN_${i}=${t}`).join('\n'),
    });
    const run = await runAction({ workspace: repo.dir, event: 'pull_request', payload: pullRequestPayload({ number: 11, base, head }), inputs: { comment: 'false' } });
    const onLines = run.annotations.filter((a) => a.properties.file);
    expect(onLines).toHaveLength(10);
    expect(onLines.every((a) => a.command === 'error' && a.properties.file === 'b-tokens.env')).toBe(true);
    expect(run.summary).toContain('6 more are listed only here');
    // All 16 are in the summary table.
    expect(run.summary.split('\n').filter((line) => line.startsWith('| 🔴') || line.startsWith('| 🟡'))).toHaveLength(16);
    expect(run.exitCode).toBe(1);
    expect(leaks(run, [...keys, ...tokens])).toEqual([]);
  });

  it('does not fail on findings recorded in the baseline', async () => {
    const repo = newRepo();
    const base = repo.commit('base', { 'README.md': 'x\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const known = pat(7);
    const fresh = acmeKey(8);
    const head = repo.commit('two', { 'known.env': `T=${known}\n`, 'fresh.env': `K=${fresh}\n` });
    // Record the known one the way users do, through the baseline format.
    const first = await runAction({ workspace: repo.dir, event: 'pull_request', payload: pullRequestPayload({ number: 12, base, head }), inputs: { comment: 'false' } });
    const report = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(first.outputs['json-path'] ?? '', 'utf8'))) as {
      findings: { ruleId: string; fingerprint: string; location: { path: string } }[];
    };
    const entry = report.findings.find((f) => f.location.path === 'known.env');
    repo.write('baseline.json', JSON.stringify({ version: 1, tool: 'sprawlguard', createdAt: '', findings: [{ ruleId: entry?.ruleId, fingerprint: entry?.fingerprint, path: 'known.env' }] }));

    const run = await runAction({
      workspace: repo.dir,
      event: 'pull_request',
      payload: pullRequestPayload({ number: 12, base, head }),
      inputs: { comment: 'false', baseline: 'baseline.json', 'fail-level': 'critical' },
    });
    expect(run.outputs).toMatchObject({ findings: '2', 'new-findings': '1' });
    expect(run.exitCode).toBeUndefined();
    expect(run.summary).toContain('1 finding already in the baseline is not shown');
    expect(run.summary).not.toContain(r7(known));
  });
});

describe('push', () => {
  it('scans before..after', async () => {
    const repo = newRepo();
    const old = pat(20);
    const before = repo.commit('old', { 'old.env': `T=${old}\n` });
    repo.commit('one', { 'README.md': 'x\n' });
    const added = pat(21);
    const after = repo.commit('two', { 'new.env': `T=${added}\n` });
    const run = await runAction({ workspace: repo.dir, event: 'push', payload: pushPayload({ ref: 'refs/heads/main', before, after, commits: 2 }) });
    expect(run.log.join('\n')).toContain('scanned 2 commits');
    expect(run.annotations.filter((a) => a.properties.file).map((a) => a.properties.file)).toEqual(['new.env']);
    expect(run.summary).toContain(`push to refs/heads/main (${before.slice(0, 12)}..${after.slice(0, 12)})`);
    expect(run.exitCode).toBe(1);
    expect(run.result.comment).toBeUndefined();
  });

  it('a new branch (before all zeros) scans the commits not on the default branch', async () => {
    const origin = newRepo();
    origin.commit('main', { 'main.env': `T=${pat(22)}\n` });
    origin.git('checkout', '-q', '-b', 'topic');
    origin.commit('topic 1', { 'README.md': 'topic\n' });
    const added = pat(23);
    const after = origin.commit('topic 2', { 'topic.env': `T=${added}\n` });
    origin.git('checkout', '-q', 'main');
    const workspace = cloneOf(origin, { branch: 'topic' });

    const run = await runAction({ workspace, event: 'push', payload: pushPayload({ ref: 'refs/heads/topic', before: ZERO, after }) });
    expect(run.summary).toContain('commits not on the default branch main');
    expect(run.log.join('\n')).toContain('scanned 2 commits');
    expect(run.annotations.filter((a) => a.properties.file).map((a) => a.properties.file)).toEqual(['topic.env']);
  });

  it('the first push of the default branch scans its whole history', async () => {
    const repo = newRepo();
    repo.commit('one', { 'a.env': `T=${pat(24)}\n` });
    const after = repo.commit('two', { 'b.env': `T=${pat(25)}\n` });
    const run = await runAction({ workspace: repo.dir, event: 'push', payload: pushPayload({ ref: 'refs/heads/main', before: ZERO, after }) });
    expect(run.summary).toContain('all 2 commits');
    expect(run.outputs['new-findings']).toBe('2');
  });

  it('a force-push scans what the new tip adds over the replaced one', async () => {
    const repo = newRepo();
    const shared = pat(26);
    repo.commit('shared', { 'shared.env': `T=${shared}\n` });
    const fork = repo.head();
    const dropped = pat(27);
    const before = repo.commit('replaced', { 'dropped.env': `T=${dropped}\n` });
    repo.git('reset', '-q', '--hard', fork);
    const added = pat(28);
    const after = repo.commit('rewritten', { 'rewritten.env': `T=${added}\n` });
    // The replaced tip is still here (as in a checkout that fetched it).
    repo.git('tag', 'old-tip', before);

    const run = await runAction({ workspace: repo.dir, event: 'push', payload: pushPayload({ ref: 'refs/heads/main', before, after, forced: true }) });
    expect(run.summary).toContain('force-push to refs/heads/main');
    expect(run.annotations.filter((a) => a.properties.file).map((a) => a.properties.file)).toEqual(['rewritten.env']);
  });

  it('a force-push whose replaced tip is gone scans against the default branch', async () => {
    const origin = newRepo();
    origin.commit('main', { 'main.env': `T=${pat(29)}\n` });
    origin.git('checkout', '-q', '-b', 'topic');
    const after = origin.commit('topic', { 'topic.env': `T=${pat(30)}\n` });
    origin.git('checkout', '-q', 'main');
    const workspace = cloneOf(origin, { branch: 'topic' });
    const vanished = 'f'.repeat(40);

    const run = await runAction({ workspace, event: 'push', payload: pushPayload({ ref: 'refs/heads/topic', before: vanished, after, forced: true }) });
    expect(run.log.join('\n')).toContain('is not available');
    expect(run.summary).toContain('commits not on the default branch main');
    expect(run.annotations.filter((a) => a.properties.file).map((a) => a.properties.file)).toEqual(['topic.env']);
  });

  it('a deleted branch has nothing to scan and passes', async () => {
    const repo = newRepo();
    const before = repo.commit('x', { 'a.env': `T=${pat(31)}\n` });
    const run = await runAction({ workspace: repo.dir, event: 'push', payload: pushPayload({ ref: 'refs/heads/gone', before, after: ZERO }) });
    expect(run.result.passed).toBe(true);
    expect(run.summary).toContain('deleted it: nothing to scan');
  });
});

describe('schedule and workflow_dispatch', () => {
  it.each(['schedule', 'workflow_dispatch'])('%s scans the full history of every branch', async (event) => {
    const repo = newRepo();
    const first = pat(40);
    repo.commit('one', { 'a.env': `T=${first}\n` });
    repo.commit('remove', { 'a.env': null });
    repo.git('checkout', '-q', '-b', 'side');
    const side = acmeKey(41);
    repo.commit('side', { 'side.env': `K=${side}\n` });
    repo.git('checkout', '-q', 'main');

    const run = await runAction({ workspace: repo.dir, event, payload: { schedule: '0 3 * * 1' } });
    expect(run.summary).toContain('full history: 3 commits on all branches and tags');
    expect(run.outputs['new-findings']).toBe('2');
    expect(run.annotations.filter((a) => a.properties.file).map((a) => a.properties.file).sort()).toEqual(['a.env', 'side.env']);
    expect(leaks(run, [first, side])).toEqual([]);
  });
});

describe('shallow checkouts', () => {
  function forkedOrigin() {
    const origin = newRepo();
    const old = pat(50);
    const root = origin.commit('root', { 'old.env': `T=${old}\n` });
    const steps = (label: string, n: number) => Array.from({ length: n }, (_, i) => ({ message: `${label} ${i}`, files: { 'main.txt': `${label} ${i}\n` } }));
    const forkPoint = importCommits(origin, 'main', root, steps('main', 5));
    const added = pat(51);
    const head = importCommits(origin, 'feature', forkPoint, [
      { message: 'feature 1', files: { 'feature.env': `T=${added}\n` } },
      { message: 'feature 2', files: { 'feature.txt': 'f\n' } },
    ]);
    // main moves on after the PR branched: base.sha is not the fork point.
    const base = importCommits(origin, 'main', forkPoint, steps('main later', 4));
    return { origin, base, head, old, added };
  }

  it('a depth-1 PR checkout is deepened until the range is exact', async () => {
    const { origin, base, head, old, added } = forkedOrigin();
    const workspace = cloneOf(origin, { depth: 1, branch: 'feature' });
    expect(gitIn(workspace, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');

    const run = await runAction({ workspace, event: 'pull_request', payload: pullRequestPayload({ number: 20, base, head, commits: 2 }), inputs: { comment: 'false' } });
    expect(run.result.error).toBeUndefined();
    // The PR's commits are fetched by id, then history is deepened until base and head meet.
    expect(run.log.join('\n')).toContain(`fetching ${base.slice(0, 12)}`);
    expect(run.log.join('\n')).toContain('fetching 100 more commits of history');
    expect(run.log.join('\n')).toContain('scanned 2 commits');
    expect(run.annotations.filter((a) => a.properties.file).map((a) => a.properties.file)).toEqual(['feature.env']);
    expect(leaks(run, [old, added])).toEqual([]);
  });

  it('a shallow scheduled scan fetches the full history first', async () => {
    const { origin } = forkedOrigin();
    const workspace = cloneOf(origin, { depth: 1 });
    const run = await runAction({ workspace, event: 'schedule', payload: {} });
    expect(run.log.join('\n')).toContain('fetching the full history');
    expect(run.summary).toContain('full history: 10 commits');
    expect(run.outputs['new-findings']).toBe('1');
  });

  it('fails with what to set, never passes, when the range cannot be fetched', async () => {
    const { origin, base, head } = forkedOrigin();
    const workspace = cloneOf(origin, { depth: 1, branch: 'feature' });
    rmSync(origin.dir, { recursive: true, force: true });

    const run = await runAction({ workspace, event: 'pull_request', payload: pullRequestPayload({ number: 21, base, head, commits: 2 }), inputs: { comment: 'false' } });
    expect(run.exitCode).toBe(1);
    expect(run.result.passed).toBe(false);
    const failure = run.annotations.find((a) => a.command === 'error');
    expect(failure?.message).toContain('fetch-depth: 0');
    expect(failure?.message).toContain('pull request #21');
    expect(existsSync(run.outputs['sarif-path'] ?? '/nonexistent')).toBe(false);
  });
});

describe('inputs and events', () => {
  it('reports every invalid input at once', async () => {
    const repo = newRepo();
    const sha = repo.commit('x');
    const run = await runAction({
      workspace: repo.dir,
      event: 'push',
      payload: pushPayload({ ref: 'refs/heads/main', before: sha, after: sha }),
      inputs: { 'fail-level': 'urgent', comment: 'maybe', baseline: 'missing.json' },
    });
    expect(run.exitCode).toBe(1);
    const message = run.annotations.find((a) => a.command === 'error')?.message ?? '';
    expect(message).toContain('fail-level: "urgent" is not one of critical, high, medium, low, none');
    expect(message).toContain('comment: "maybe" is not a boolean');
    expect(message).toContain('baseline: file not found: missing.json');
  });

  it('says to add actions/checkout when the workspace holds no repository', async () => {
    const run = await runAction({ workspace: makeTempDir(), event: 'schedule', payload: {} });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.command === 'error')?.message).toContain('add an actions/checkout step (with fetch-depth: 0)');
  });

  it('names the supported events when run on another', async () => {
    const repo = newRepo();
    repo.commit('x');
    const run = await runAction({ workspace: repo.dir, event: 'issues', payload: {} });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.command === 'error')?.message).toContain('pull_request, pull_request_target, push, schedule, workflow_dispatch');
  });

  it('a broken config file fails with its problem and path', async () => {
    const repo = newRepo();
    repo.write('.sprawlguard.yaml', 'allowlist:\n  pahts: [x]\n');
    const sha = repo.commit('x');
    const run = await runAction({ workspace: repo.dir, event: 'push', payload: pushPayload({ ref: 'refs/heads/main', before: ZERO, after: sha }) });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.command === 'error')?.message).toContain('allowlist.pahts: unknown key');
  });

  it('ignore-paths keeps matching files out of the scan', async () => {
    const repo = newRepo();
    const base = repo.commit('base', { 'README.md': 'x\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const head = repo.commit('vendored', { 'vendor/lib/conf.env': `T=${pat(60)}\n`, 'src/conf.env': `T=${pat(61)}\n` });
    const run = await runAction({
      workspace: repo.dir,
      event: 'pull_request',
      payload: pullRequestPayload({ number: 30, base, head }),
      inputs: { comment: 'false', 'ignore-paths': 'vendor/**\n# generated code\nbuild/**' },
    });
    expect(run.annotations.filter((a) => a.properties.file).map((a) => a.properties.file)).toEqual(['src/conf.env']);
  });
});
