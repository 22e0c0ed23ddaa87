/** Baselines (what is new since a recorded state) and the pre-commit hook installer. */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBaseline, parseBaseline, subtractBaseline } from '../../src/findings/baseline.js';
import type { Finding } from '../../src/findings/finding.js';
import { runHookInstall, runHookUninstall } from '../../src/cli/hook.js';
import { HOOK_MARKER } from '../../src/hook/pre-commit.js';
import { fakeGithubPat } from '../support/engine-fakes.js';
import { TestRepo } from '../support/git-repo.js';

const repos: TestRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));
function repo(): TestRepo {
  const r = new TestRepo();
  repos.push(r);
  return r;
}

function finding(path: string, line: number, fingerprint: string, ruleId = 'github-classic-pat'): Finding {
  return {
    ruleId,
    provider: 'github',
    title: 't',
    severity: 'critical',
    lifetime: 'long-lived',
    confidence: 'high',
    fingerprint,
    redacted: 'ghp_Ab…9xYz',
    location: { source: 'file', path, line, column: 1, endLine: line, endColumn: 40 },
    remediation: 'r',
  };
}

const F1 = `sha256:${'1'.repeat(64)}`;
const F2 = `sha256:${'2'.repeat(64)}`;

describe('baseline', () => {
  it('keeps a moved line old, but makes the same secret in a new file new', () => {
    const baseline = createBaseline([finding('src/a.ts', 10, F1)]);
    const later = [finding('src/a.ts', 42, F1), finding('src/copy.ts', 3, F1), finding('src/a.ts', 50, F2)];
    expect(subtractBaseline(later, baseline).map((f) => `${f.location.path}:${f.location.line}`)).toEqual(['src/copy.ts:3', 'src/a.ts:50']);
  });

  it('is sorted, de-duplicated and holds no raw secret', () => {
    const withSecret = { ...finding('b.ts', 5, F2), secret: fakeGithubPat(1) };
    const baseline = createBaseline([withSecret, finding('a.ts', 9, F1), finding('a.ts', 2, F1)], new Date('2026-01-02T00:00:00Z'));
    expect(baseline.findings.map((e) => `${e.path}:${e.line}`)).toEqual(['a.ts:2', 'b.ts:5']);
    expect(JSON.stringify(baseline)).not.toContain(fakeGithubPat(1));
  });

  it('rejects malformed files and files with raw secrets', () => {
    expect(parseBaseline({ version: 2, findings: [] })).toMatch(/version/);
    expect(parseBaseline({ version: 1, findings: [{ ruleId: 'x' }] })).toMatch(/findings\[0\]/);
    expect(parseBaseline({ version: 1, findings: [{ ruleId: 'x', fingerprint: F1, path: 'p', secret: 's' }] })).toMatch(/raw secrets/);
  });

  it('works end to end: baseline create, then scan --baseline reports only new findings', () => {
    const r = repo();
    r.commit('one', { 'a.env': `T=${fakeGithubPat(11)}\n` });
    const cli = path.resolve('bin/sprawlguard.js');
    if (!existsSync(path.resolve('lib/cli/main.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json']);
    execFileSync('node', [cli, 'baseline', 'create', '-q'], { cwd: r.dir });
    const saved = JSON.parse(readFileSync(path.join(r.dir, '.sprawlguard-baseline.json'), 'utf8'));
    expect(saved.findings).toHaveLength(1);
    const clean = spawnSync('node', [cli, 'scan', '--baseline', '.sprawlguard-baseline.json', '-q'], { cwd: r.dir });
    expect(clean.status).toBe(0);
    writeFileSync(path.join(r.dir, 'b.env'), `T=${fakeGithubPat(11)}\n`);
    const copied = spawnSync('node', [cli, 'scan', '--baseline', '.sprawlguard-baseline.json', '--format', 'json', '-q'], { cwd: r.dir, encoding: 'utf8' });
    expect(copied.status).toBe(1);
    expect(JSON.parse(copied.stdout).findings.map((f: Finding) => f.location.path)).toEqual(['b.env']);
  });
});

describe('hook install / uninstall', () => {
  const quiet = { repo: '' };
  const silence = () => {
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    return () => (process.stdout.write = write);
  };

  it('writes .git/hooks/pre-commit, is idempotent, keeps other content, and uninstalls only its line', async () => {
    const r = repo();
    const hook = path.join(r.dir, '.git', 'hooks', 'pre-commit');
    mkdirSync(path.dirname(hook), { recursive: true });
    writeFileSync(hook, '#!/bin/sh\necho existing check\n');
    chmodSync(hook, 0o755);
    const restore = silence();
    try {
      await runHookInstall({ ...quiet, repo: r.dir });
      await runHookInstall({ ...quiet, repo: r.dir });
      const installed = readFileSync(hook, 'utf8');
      expect(installed.startsWith('#!/bin/sh\necho existing check\n')).toBe(true);
      expect(installed.split('\n').filter((l) => l.includes(HOOK_MARKER))).toHaveLength(1);
      await runHookUninstall({ ...quiet, repo: r.dir });
      expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\necho existing check\n');
    } finally {
      restore();
    }
  });

  it('respects core.hooksPath', async () => {
    const r = repo();
    r.git('config', 'core.hooksPath', 'custom-hooks');
    const restore = silence();
    try {
      await runHookInstall({ repo: r.dir });
    } finally {
      restore();
    }
    const hook = path.join(r.dir, 'custom-hooks', 'pre-commit');
    expect(readFileSync(hook, 'utf8')).toContain(HOOK_MARKER);
    expect(existsSync(path.join(r.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
  });

  it('adds the command to .husky/pre-commit when husky is present', async () => {
    const r = repo();
    mkdirSync(path.join(r.dir, '.husky'));
    writeFileSync(path.join(r.dir, '.husky', 'pre-commit'), 'npm test\n');
    const restore = silence();
    try {
      await runHookInstall({ repo: r.dir });
    } finally {
      restore();
    }
    const lines = readFileSync(path.join(r.dir, '.husky', 'pre-commit'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('npm test');
    expect(lines[1]).toMatch(/^npx --no-install sprawlguard scan --staged/);
  });

  it('the installed hook blocks a commit that adds a secret and lets a clean one through', () => {
    const r = repo();
    const bin = path.join(r.dir, 'bin');
    mkdirSync(bin);
    // Put this checkout's CLI on PATH as `sprawlguard`, the way an installed package would be.
    writeFileSync(path.join(bin, 'sprawlguard'), `#!/bin/sh\nexec node ${JSON.stringify(path.resolve('bin/sprawlguard.js'))} "$@"\n`);
    chmodSync(path.join(bin, 'sprawlguard'), 0o755);
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
    execFileSync('node', [path.resolve('bin/sprawlguard.js'), 'hook', 'install'], { cwd: r.dir, env });
    r.write('ok.txt', 'hello\n');
    r.git('add', 'ok.txt');
    expect(spawnSync('git', ['commit', '-qm', 'clean'], { cwd: r.dir, env }).status).toBe(0);
    r.write('leak.env', `T=${fakeGithubPat(12)}\n`);
    r.git('add', 'leak.env');
    const blocked = spawnSync('git', ['commit', '-qm', 'leak'], { cwd: r.dir, env, encoding: 'utf8' });
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('leak.env');
    expect(blocked.stderr).toContain('--no-verify');
    expect(blocked.stdout + blocked.stderr).not.toContain(fakeGithubPat(12));
  });
});
