/**
 * End to end: the committed bundle (`dist/index.js`, what the runner executes with no npm install)
 * run as a child process with the environment the runner sets, against real repositories and the
 * fake GitHub API. Checks the files it writes and that no raw secret reaches its output.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeGithub } from './fake-github.js';
import { actionYml, parseOutputFile, parseStdout, runnerEnvironment, sarifProblems, type RunSpec } from './harness.js';
import { acmeKey, importCommits, newRepo, pat, pullRequestPayload } from './scenario.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const ENTRY = path.join(ROOT, actionYml.runs.main);

const servers: FakeGithub[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

interface ProcessRun {
  code: number;
  stdout: string;
  stderr: string;
  env: Record<string, string>;
}

function runBundle(spec: RunSpec): Promise<ProcessRun> {
  const env = runnerEnvironment(spec);
  // Only what the runner provides: no inherited INPUT_* or GITHUB_* from the test process.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_')));
  return new Promise((resolve) => {
    execFile(process.execPath, [ENTRY], { cwd: spec.workspace, env: { ...base, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr, env });
    });
  });
}

describe('dist/index.js', () => {
  it('is the node24 entry action.yml names, with its worker and rule pack beside it', () => {
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    for (const file of ['index.js', 'git-worker.js', 'rules.json']) expect(existsSync(path.join(ROOT, 'dist', file))).toBe(true);
    const bundle = readFileSync(ENTRY, 'utf8');
    // Pure JavaScript: no native add-on may be required at run time.
    expect(bundle).not.toMatch(/require\(["'][^"']*\.node["']\)|better-sqlite3/);
  });

  it('on a pull request: annotates, summarises, comments, writes SARIF and JSON, and fails', async () => {
    const api = await new FakeGithub().start();
    servers.push(api);
    const repo = newRepo();
    const base = repo.commit('base', { 'README.md': 'widgets\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const token = pat(90);
    const key = acmeKey(91);
    const head = repo.commit('add', { 'deploy/prod.env': `GITHUB_TOKEN=${token}\nACME=${key}\n` });

    const run = await runBundle({
      workspace: repo.dir,
      event: 'pull_request',
      payload: pullRequestPayload({ number: 3, base, head, commits: 1 }),
      env: { GITHUB_API_URL: api.url },
    });

    expect(run.code).toBe(1);
    const out = parseStdout(run.stdout);
    expect(out.masks).toEqual(expect.arrayContaining([token, key]));
    const lines = out.annotations.filter((a) => a.properties.file === 'deploy/prod.env');
    expect(lines.map((a) => [a.command, a.properties.line])).toEqual([
      ['error', '1'],
      ['error', '2'],
    ]);
    const outputs = parseOutputFile(readFileSync(run.env.GITHUB_OUTPUT as string, 'utf8'));
    expect(outputs).toMatchObject({ findings: '2', 'new-findings': '2' });
    expect(sarifProblems(outputs['sarif-path'] ?? '')).toEqual([]);
    const report = JSON.parse(readFileSync(outputs['json-path'] ?? '', 'utf8')) as { tool: { version: string }; findings: unknown[] };
    expect(report.findings).toHaveLength(2);
    expect(report.tool.version).toBe((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    const summary = readFileSync(run.env.GITHUB_STEP_SUMMARY as string, 'utf8');
    expect(summary).toContain('2 new findings');
    expect(api.writes().map((r) => r.method)).toEqual(['POST']);

    const visible = [run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'), run.stderr, summary, readFileSync(outputs['sarif-path'] ?? '', 'utf8'), readFileSync(outputs['json-path'] ?? '', 'utf8'), api.writes()[0]?.body?.body ?? ''];
    for (const text of visible) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(key);
    }
  });

  it('on a schedule: scans a 250-commit history with the bundled worker threads', async () => {
    const repo = newRepo();
    const root = repo.commit('root', { 'README.md': 'x\n' });
    const secret = pat(92);
    importCommits(
      repo,
      'main',
      root,
      Array.from({ length: 249 }, (_, i) => ({ message: `c${i}`, files: { [`f${i % 7}.txt`]: `${i}\n`, ...(i === 200 ? { 'late.env': `T=${secret}\n` } : {}) } })),
    );
    const run = await runBundle({ workspace: repo.dir, event: 'schedule', payload: {} });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('scanned 250 commits');
    const outputs = parseOutputFile(readFileSync(run.env.GITHUB_OUTPUT as string, 'utf8'));
    expect(outputs['new-findings']).toBe('1');
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((l) => l.includes(secret))).toEqual([`::add-mask::${secret}`]);
  });
});
