/**
 * Files inside a git work tree that used to be missed without a word: a tracked file whose name is
 * not UTF-8, and a path the user named that git ignores. Each is scanned; names are shown with
 * `\xHH` escapes for the bytes that are not UTF-8, and an ignored path named on the command line
 * gets a note on stderr.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseJsonReport, runCli, type JsonReport } from '../../support/cli.js';
import { fakeGithubPat } from '../../support/fake-secrets.js';
import { TestRepo } from '../../support/git-repo.js';
import { makeTempDir } from '../../support/temp.js';

vi.setConfig({ testTimeout: 120_000 });

const repos: TestRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));
function repo(): TestRepo {
  const r = new TestRepo();
  repos.push(r);
  return r;
}

/** `dir/<name bytes>`: a path whose name is written in Latin-1, as old tools do. */
const latin1Path = (dir: string, ...names: string[]): Buffer =>
  Buffer.concat([Buffer.from(dir), ...names.flatMap((n) => [Buffer.from(path.sep), Buffer.from(n, 'latin1')])]);

const paths = (report: JsonReport) => report.findings.map((f) => `${f.location.path}:${f.location.line}:${f.location.column}`).sort();

describe('file names that are not UTF-8', () => {
  it('a tracked file is scanned and shown with \\xHH escapes', async () => {
    const r = repo();
    r.commit('base', { 'plain.env': `P=${fakeGithubPat(301)}\n` });
    writeFileSync(latin1Path(r.dir, 'café.env'), `T=${fakeGithubPat(302)}\n`);
    r.git('add', '-A');
    const result = await runCli(['scan', '.', '--format', 'json'], { cwd: r.dir });
    expect(result.code, result.stderr).toBe(1);
    const report = parseJsonReport(result);
    expect(paths(report)).toEqual(['caf\\xE9.env:1:3', 'plain.env:1:3']);
    expect(report.stats).toMatchObject({ sources: 2, skipped: [] });
  });

  it('files and directories with such names are walked outside git (--no-git)', async () => {
    const dir = makeTempDir();
    mkdirSync(latin1Path(dir, 'dür'));
    writeFileSync(latin1Path(dir, 'dür', 'naïve.env'), `T=${fakeGithubPat(303)}\n`);
    writeFileSync(latin1Path(dir, 'café.txt'), `x\nT=${fakeGithubPat(304)}\n`);
    const result = await runCli(['scan', dir, '--format', 'json', '--no-git']);
    expect(result.code, result.stderr).toBe(1);
    const report = parseJsonReport(result);
    expect(paths(report)).toEqual(['caf\\xE9.txt:2:3', 'd\\xFCr/na\\xEFve.env:1:3']);
    expect(report.stats.skipped).toEqual([]);
  });

  it('git history shows such a path with the same escapes', async () => {
    const r = repo();
    writeFileSync(latin1Path(r.dir, 'café.env'), `T=${fakeGithubPat(305)}\n`);
    r.commit('latin-1 name');
    const report = parseJsonReport(await runCli(['scan', '--history', '--format', 'json'], { cwd: r.dir }));
    expect(paths(report)).toEqual(['caf\\xE9.env:1:3']);
  });
});

describe('a path git ignores, named on the command line', () => {
  function ignoring() {
    const r = repo();
    r.commit('base', { '.gitignore': 'build/\n*.log\n', 'src/app.js': 'ok\n' });
    r.write('build/out/bundle.js', `const t = "${fakeGithubPat(306)}";\n`);
    r.write('src/debug.log', `T=${fakeGithubPat(307)}\n`);
    return r;
  }

  it('a directory is scanned in full, with a note naming the rule', async () => {
    const r = ignoring();
    const result = await runCli(['scan', 'build', '--format', 'json'], { cwd: r.dir });
    expect(result.code, result.stderr).toBe(1);
    expect(paths(parseJsonReport(result))).toEqual(['out/bundle.js:1:12']);
    expect(result.stderr).toContain('sprawlguard: note: build: ignored by git (.gitignore:1: build/); scanning it in full because it was named');
    // What git ignores inside a directory it does not ignore stays out, without a note.
    const src = await runCli(['scan', 'src', '--format', 'json'], { cwd: r.dir });
    expect(src.code, src.stderr).toBe(0);
    expect(src.stderr).not.toContain('note:');
  });

  it('so is the current directory when git ignores it', async () => {
    const r = ignoring();
    const result = await runCli(['scan', '--format', 'json'], { cwd: path.join(r.dir, 'build', 'out') });
    expect(paths(parseJsonReport(result))).toEqual(['bundle.js:1:12']);
    expect(result.stderr).toContain('note: .: ignored by git');
  });

  it('a file is scanned, with a note', async () => {
    const r = ignoring();
    const result = await runCli(['scan', 'src/debug.log', 'src/app.js', '--format', 'json'], { cwd: r.dir });
    expect(paths(parseJsonReport(result))).toEqual(['src/debug.log:1:3']);
    expect(result.stderr).toContain('note: src/debug.log: ignored by git (.gitignore:2: *.log); scanned because it was named');
    expect(result.stderr).not.toContain('src/app.js');
  });
});
