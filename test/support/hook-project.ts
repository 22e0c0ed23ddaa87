/**
 * Temporary repositories for pre-commit hook tests, set up the way a developer's would be:
 * sprawlguard installed as a project dependency (node_modules/.bin/sprawlguard, running this
 * checkout's CLI), PATH without sprawlguard and with an `npx` that records any use, and commits
 * made with a real `git commit` so the installed hook runs.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { CLI_BIN, runCli, type CliResult } from './cli.js';
import { fakeGithubPat } from './fake-secrets.js';
import { TestRepo } from './git-repo.js';
import { makeTempDir } from './temp.js';

const repos: TestRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));

export function writeExecutable(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  chmodSync(file, 0o755);
}

/** A shell script that runs this checkout's CLI, as npm's bin link to an installed package would. */
export const cliShim = `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI_BIN)} "$@"\n`;

export interface Project {
  repo: TestRepo;
  env: NodeJS.ProcessEnv;
  /** Created when anything ran `npx`. */
  npxMarker: string;
  /** A directory on PATH, for tools a test adds. */
  tools: string;
}

/** The environment a developer's `git commit` runs in, minus anything that changes sprawlguard's or a hook manager's behaviour. */
function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('SPRAWLGUARD_') || key.startsWith('GIT_') || key === 'HUSKY' || key === 'LEFTHOOK' || key === 'CI') continue;
    env[key] = value;
  }
  return env;
}

export function project(options: { localInstall?: boolean } = {}): Project {
  const repo = new TestRepo();
  repos.push(repo);
  const tools = makeTempDir('sprawlguard-hook-tools-');
  const npxMarker = path.join(tools, 'npx-was-run');
  writeExecutable(path.join(tools, 'npx'), `#!/bin/sh\ntouch ${JSON.stringify(npxMarker)}\nexit 1\n`);
  if (options.localInstall !== false) writeExecutable(path.join(repo.dir, 'node_modules', '.bin', 'sprawlguard'), cliShim);
  repo.write('.gitignore', 'node_modules/\n');
  repo.commit('initial');
  return { repo, env: { ...baseEnv(), PATH: `${tools}:/usr/bin:/bin` }, npxMarker, tools };
}

export interface CommitResult {
  status: number | null;
  output: string;
}

/** Write and stage `files`, then `git commit` as a developer would (hooks run). */
export function commit(p: Project, files: Record<string, string>, env: Record<string, string> = {}, args: string[] = []): CommitResult {
  for (const [file, content] of Object.entries(files)) p.repo.write(file, content);
  p.repo.git('add', '-A');
  const r = spawnSync('git', ['commit', '-qm', 'change', ...args], { cwd: p.repo.dir, env: { ...p.env, ...env }, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

export function expectBlocked(result: CommitResult, file: string, secret: string): void {
  expect(result.status, result.output).not.toBe(0);
  expect(result.output).toContain(file);
  expect(result.output).toContain('sprawlguard blocked this commit');
  expect(result.output).not.toContain(secret);
}

export async function install(p: Project, args: string[] = []): Promise<CliResult> {
  return runCli(['hook', 'install', ...args], { cwd: p.repo.dir, env: { PATH: p.env.PATH as string } });
}

export const leak = (seed: number): { secret: string; text: string } => {
  const secret = fakeGithubPat(seed);
  return { secret, text: `GITHUB_TOKEN=${secret}\n` };
};
