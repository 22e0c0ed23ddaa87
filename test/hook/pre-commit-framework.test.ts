/**
 * The pre-commit framework (pre-commit.com) installing and running this repository's hook, end to
 * end, with the pre-commit the machine has (Debian's 3.0.x in CI, installed by .ci/run). pre-commit
 * installs a `language: node` hook by running `npm install` and `npm pack` in its copy of the
 * repository and `npm install -g` of the tarball, with the system's Node.js: the npm cache first,
 * the npm registry for anything it lacks, no other host. Slow (two environments are built, each
 * with the dev dependencies and the TypeScript build), so both tests run at once.
 *
 * - `pre-commit try-repo` of this working tree (tracked files, committed or not) on a repository
 *   with a staged secret: blocked.
 * - The `.pre-commit-config.yaml` entry that `hook install` prints (repository and rev pointed at
 *   this checkout's HEAD, as there is no network here), installed with `pre-commit install`: a clean
 *   `git commit` passes, a secret is blocked, and `SKIP=sprawlguard` (the block message's bypass)
 *   lets it through.
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { preCommitSnippet, REPOSITORY_URL } from '../../src/hook/managers.js';
import { REPO_ROOT } from '../support/cli.js';
import { fakeGithubPat } from '../support/fake-secrets.js';
import { TestRepo } from '../support/git-repo.js';
import { makeTempDir } from '../support/temp.js';
import { assertTool, runsWithTool, toolVersion } from '../support/tools.js';

const INSTALL = 'apt-get install pre-commit';
const version = toolVersion('pre-commit');
const runs = runsWithTool('pre-commit', version !== undefined, INSTALL, 'test/git/pre-commit-framework.test.ts');
/** Building an environment takes minutes on a busy two-core machine. */
const ENVIRONMENT_TIMEOUT = 45 * 60_000;

function preCommitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('SPRAWLGUARD_') || key.startsWith('GIT_') || key === 'SKIP' || key.startsWith('PRE_COMMIT')) continue;
    env[key] = value;
  }
  return { ...env, PRE_COMMIT_HOME: makeTempDir('sprawlguard-pre-commit-home-'), npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
}

/** Run a command without blocking the other test (each waits minutes on pre-commit). */
function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.stderr.on('data', (d: Buffer) => chunks.push(d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

function stagedRepo(files: Record<string, string>): TestRepo {
  const repo = new TestRepo(makeTempDir('sprawlguard-pre-commit-repo-'));
  repo.commit('initial', { 'README.md': 'project\n' });
  for (const [file, content] of Object.entries(files)) repo.write(file, content);
  repo.git('add', '-A');
  return repo;
}

describe.skipIf(!runs)(`the pre-commit framework (${version ?? 'missing'})`, () => {
  beforeAll(() => assertTool('pre-commit', version !== undefined, INSTALL));

  it.concurrent(
    'try-repo of this working tree blocks a staged secret, redacted',
    async () => {
      const secret = fakeGithubPat(41);
      const repo = stagedRepo({ 'deploy.env': `GITHUB_TOKEN=${secret}\n` });
      const { status, output } = await run('pre-commit', ['try-repo', REPO_ROOT, 'sprawlguard'], repo.dir, preCommitEnv());
      expect(status, output).toBe(1);
      expect(output).toContain('deploy.env');
      expect(output).toContain('sprawlguard blocked this commit');
      expect(output).not.toContain(secret);
    },
    ENVIRONMENT_TIMEOUT,
  );

  it.concurrent(
    'the printed config entry, installed with `pre-commit install`: clean commits pass, secrets are blocked, SKIP=sprawlguard bypasses',
    async () => {
      const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
      const entry = preCommitSnippet().replace(REPOSITORY_URL, REPO_ROOT).replace(/rev: v\S+/, `rev: ${head}`);
      const repo = new TestRepo(makeTempDir('sprawlguard-pre-commit-repo-'));
      repo.commit('configure pre-commit', { '.pre-commit-config.yaml': `repos:\n${entry}` });
      const env = preCommitEnv();
      const install = await run('pre-commit', ['install'], repo.dir, env);
      expect(install.status, install.output).toBe(0);
      const commit = (files: Record<string, string>, extra: Record<string, string> = {}) => {
        for (const [file, content] of Object.entries(files)) repo.write(file, content);
        repo.git('add', '-A');
        return run('git', ['commit', '-qm', 'change'], repo.dir, { ...env, ...extra });
      };
      const clean = await commit({ 'notes.txt': 'nothing secret\n' });
      expect(clean.status, clean.output).toBe(0);
      const secret = fakeGithubPat(42);
      const blocked = await commit({ [path.join('config', 'prod.env')]: `GITHUB_TOKEN=${secret}\n` });
      expect(blocked.status, blocked.output).not.toBe(0);
      expect(blocked.output).toContain('config/prod.env');
      expect(blocked.output).toContain('SKIP=sprawlguard git commit');
      expect(blocked.output).not.toContain(secret);
      const skipped = await commit({}, { SKIP: 'sprawlguard' });
      expect(skipped.status, skipped.output).toBe(0);
    },
    ENVIRONMENT_TIMEOUT,
  );
});
