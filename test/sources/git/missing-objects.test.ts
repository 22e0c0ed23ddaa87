/**
 * Repositories with objects missing: a blob, a tree or a commit deleted from .git/objects, and a
 * partial clone whose old blobs were never fetched. The scan reports every finding it can read,
 * lists what it could not read (with the object's id) in stats.skipped, and exits by its findings.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadBuiltinRules } from '../../../src/config/builtin-rules.js';
import type { Finding } from '../../../src/findings/finding.js';
import { scanGit, type GitMode } from '../../../src/sources/git/source.js';
import { Inventory } from '../../../src/inventory/inventory.js';
import { parseJsonReport, runCli } from '../../support/cli.js';
import { fakeGithubPat } from '../../support/fake-secrets.js';
import { TestRepo } from '../../support/git-repo.js';
import { makeTempDir } from '../../support/temp.js';

vi.setConfig({ testTimeout: 120_000 });

const rules = loadBuiltinRules().filter((r) => r.provider === 'github');
const repos: TestRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));

function repo(dir?: string, init = true): TestRepo {
  const r = new TestRepo(dir, { init });
  repos.push(r);
  return r;
}

async function scan(dir: string, mode: GitMode, extra: { jobs?: number; fetchMissing?: boolean } = {}) {
  const warnings: string[] = [];
  const result = await scanGit({
    repo: dir,
    mode,
    config: { rules, allowSecretRegexes: [], stopwords: [] },
    maxFileSize: 10 * 1024 * 1024,
    excludeGlobs: [],
    jobs: extra.jobs ?? 1,
    fetchMissing: extra.fetchMissing,
    onWarning: (m) => warnings.push(m),
  });
  return { ...result, warnings };
}

/** Delete a loose object, as a damaged disk or a botched copy would. */
function deleteObject(r: TestRepo, oid: string): void {
  rmSync(path.join(r.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2)));
}

const where = (findings: Finding[]) => findings.map((f) => `${f.location.path}:${f.location.line} ${f.location.commit?.slice(0, 12) ?? '-'}`).sort();

const A = fakeGithubPat(201);
const B = fakeGithubPat(202);
const C = fakeGithubPat(203);
const D = fakeGithubPat(204);

describe('a blob missing from the repository', () => {
  function damaged() {
    const r = repo();
    const c1 = r.commit('one', { 'a.txt': `A=${A}\n` });
    const c2 = r.commit('two', { 'b.txt': `B=${B}\n`, 'c.txt': `x\nC=${C}\n` });
    const c3 = r.commit('three', { 'd.txt': `D=${D}\n` });
    const blob = r.git('rev-parse', `${c2}:b.txt`).trim();
    deleteObject(r, blob);
    return { r, c1, c2, c3, blob };
  }

  it('--history reports every other finding and lists the blob, with its id and commit', async () => {
    const { r, c1, c2, c3, blob } = damaged();
    const { findings, stats, warnings } = await scan(r.dir, { kind: 'history' });
    // c.txt comes from the same commit as the missing blob, at its real line.
    expect(where(findings)).toEqual([`a.txt:1 ${c1.slice(0, 12)}`, `c.txt:2 ${c2.slice(0, 12)}`, `d.txt:1 ${c3.slice(0, 12)}`]);
    expect(stats.skipped).toEqual([{ path: `b.txt@${c2.slice(0, 12)}`, reason: `blob ${blob} cannot be read (missing from the repository): not scanned` }]);
    expect(stats.commits).toBe(3);
    expect(warnings.join('\n')).toContain(`b.txt@${c2.slice(0, 12)}: blob ${blob} cannot be read`);
  });

  it('--diff does the same for a range', async () => {
    const { r, c1, c2, c3, blob } = damaged();
    const { findings, stats } = await scan(r.dir, { kind: 'diff', range: `${c1}..HEAD` });
    expect(where(findings)).toEqual([`c.txt:2 ${c2.slice(0, 12)}`, `d.txt:1 ${c3.slice(0, 12)}`]);
    expect(stats.skipped.map((s) => s.reason)).toEqual([`blob ${blob} cannot be read (missing from the repository): not scanned`]);
  });

  it('in worker threads too', async () => {
    const r = repo();
    r.bulkCommits(230, (i) => ({ [`f${i % 13}.txt`]: `commit ${i}\n`, ...(i === 100 ? { 'early.txt': `E=${A}\n` } : {}) }));
    const c2 = r.commit('two', { 'b.txt': `B=${B}\n`, 'c.txt': `C=${C}\n` });
    r.commit('three', { 'd.txt': `D=${D}\n` });
    deleteObject(r, r.git('rev-parse', `${c2}:b.txt`).trim());
    const { findings, stats } = await scan(r.dir, { kind: 'history' }, { jobs: 2 });
    expect(findings.map((f) => f.location.path).sort()).toEqual(['c.txt', 'd.txt', 'early.txt']);
    expect(stats.skipped.map((s) => s.path)).toEqual([`b.txt@${c2.slice(0, 12)}`]);
    expect(stats.commits).toBe(232);
  });

  it('the CLI exits by its findings, warns on stderr, and prints no stack trace', async () => {
    const { r, blob } = damaged();
    const result = await runCli(['scan', '--history', '--format', 'json'], { cwd: r.dir });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).not.toMatch(/internal error|at ChildProcess/);
    expect(result.stderr).toContain(`blob ${blob} cannot be read`);
    const report = parseJsonReport(result);
    expect(report.findings.map((f) => f.location.path).sort()).toEqual(['a.txt', 'c.txt', 'd.txt']);
    expect(report.stats.skipped).toHaveLength(1);
  });

  it('--record keeps what it could not read: nothing is marked gone from an incomplete history', async () => {
    const r = repo();
    r.commit('one', { 'a.txt': `A=${A}\n` });
    const c2 = r.commit('two', { 'b.txt': `B=${B}\n` });
    const db = path.join(makeTempDir(), 'inventory.db');
    const first = await runCli(['scan', '--history', '--record', '--db', db, '-q'], { cwd: r.dir });
    expect(first.code, first.stderr).toBe(1);
    deleteObject(r, r.git('rev-parse', `${c2}:b.txt`).trim());
    const second = await runCli(['scan', '--history', '--record', '--db', db, '-q'], { cwd: r.dir });
    expect(second.code, second.stderr).toBe(1);
    const inventory = Inventory.open(db);
    try {
      expect(inventory.occurrences({ includeGone: true }).map((o) => `${o.path} ${o.presence}`).sort()).toEqual(['a.txt present', 'b.txt present']);
    } finally {
      inventory.close();
    }
  });
});

describe('a commit read from its objects', () => {
  it('names the author and date exactly as git log does', async () => {
    const r = repo();
    r.write('a.txt', `A=${A}\n`).write('b.txt', `B=${B}\n`);
    r.git('add', '-A');
    // A zone east of UTC and a name with an accent: both must come out as git prints them.
    execFileSync('git', ['-c', 'user.name=Zoë Example', 'commit', '-q', '-m', 'one'], {
      cwd: r.dir,
      env: { ...process.env, GIT_AUTHOR_DATE: '2026-03-04T05:06:07+05:30', GIT_COMMITTER_DATE: '2026-03-04T05:06:07+05:30' },
    });
    deleteObject(r, r.git('rev-parse', 'HEAD:b.txt').trim());
    const { findings } = await scan(r.dir, { kind: 'history' });
    const [author, date] = r.git('log', '-1', '--format=%an <%ae>%n%aI').trim().split('\n');
    expect(findings.map((f) => f.location)).toEqual([expect.objectContaining({ path: 'a.txt', commit: r.head(), author, date })]);
    expect(date).toBe('2026-03-04T05:06:07+05:30');
  });
});

describe('a tree missing from the repository', () => {
  it('skips the files under it, names the tree, and scans the rest of the commit', async () => {
    const r = repo();
    r.commit('one', { 'a.txt': 'a\n' });
    const c2 = r.commit('two', { 'conf/keys.env': `B=${B}\n`, 'top.txt': `C=${C}\n` });
    const c3 = r.commit('three', { 'd.txt': `D=${D}\n` });
    const tree = r.git('rev-parse', `${c2}:conf`).trim();
    deleteObject(r, tree);
    for (const mode of [{ kind: 'history' }, { kind: 'diff', range: 'HEAD~2..HEAD' }] as const) {
      const { findings, stats } = await scan(r.dir, mode);
      expect(where(findings)).toEqual([`d.txt:1 ${c3.slice(0, 12)}`, `top.txt:1 ${c2.slice(0, 12)}`]);
      expect(stats.skipped).toEqual([
        { path: `conf/@${c2.slice(0, 12)}`, reason: `tree ${tree} cannot be read (missing from the repository): files under it were not scanned` },
      ]);
    }
  });
});

describe('a commit missing from the repository', () => {
  function damaged() {
    const r = repo();
    const c1 = r.commit('one', { 'a.txt': 'a\n' });
    const c2 = r.commit('two', { 'b.txt': `B=${B}\n` });
    const c3 = r.commit('three', { 'c.txt': `C=${C}\n` });
    const c4 = r.commit('four', { 'd.txt': `D=${D}\n` });
    deleteObject(r, c2);
    return { r, c1, c2, c3, c4 };
  }

  it('--history lists it skipped and scans every commit it can reach', async () => {
    const { r, c2, c3, c4 } = damaged();
    const { findings, stats, warnings } = await scan(r.dir, { kind: 'history' });
    // c3's parent is gone, so all of c3's files count as added: b.txt's secret is found there.
    expect(where(findings)).toEqual([`b.txt:1 ${c3.slice(0, 12)}`, `c.txt:1 ${c3.slice(0, 12)}`, `d.txt:1 ${c4.slice(0, 12)}`]);
    expect(stats.skipped).toEqual([
      {
        path: c2,
        reason: `commit object cannot be read (missing from the repository; a parent of ${c3.slice(0, 12)}): its changes were not scanned, nor those of commits reachable only through it`,
      },
    ]);
    expect(stats.commits).toBe(2);
    expect(warnings.join('\n')).toContain(`${c2}: commit object cannot be read`);
  });

  it('--diff across it does the same', async () => {
    const { r, c1, c2, c3, c4 } = damaged();
    const { findings, stats } = await scan(r.dir, { kind: 'diff', range: `${c1}..${c4}` });
    expect(where(findings)).toEqual([`b.txt:1 ${c3.slice(0, 12)}`, `c.txt:1 ${c3.slice(0, 12)}`, `d.txt:1 ${c4.slice(0, 12)}`]);
    expect(stats.skipped.map((s) => s.path)).toEqual([c2]);
  });
});

describe('--staged with a blob missing', () => {
  it('scans the staged file when its HEAD version is missing', async () => {
    const r = repo();
    r.commit('one', { 'conf.env': 'x=1\n', 'other.txt': 'o\n' });
    const old = r.git('rev-parse', 'HEAD:conf.env').trim();
    r.write('conf.env', `x=1\nT=${A}\n`);
    r.write('new.env', `U=${B}\n`);
    r.git('add', '.');
    deleteObject(r, old);
    const { findings, stats } = await scan(r.dir, { kind: 'staged' });
    // Without its old version the whole file counts as added; the secret is on line 2.
    expect(where(findings)).toEqual(['conf.env:2 -', 'new.env:1 -']);
    expect(stats.skipped).toEqual([]);
  });

  it('lists a staged blob that is missing and scans the rest', async () => {
    const r = repo();
    r.commit('one', { 'a.txt': 'a\n' });
    r.write('gone.env', `T=${A}\n`);
    r.write('kept.env', `U=${B}\n`);
    r.git('add', '.');
    const blob = r.git('rev-parse', ':gone.env').trim();
    // Edited after staging, so git cannot take the staged content from the work tree instead.
    r.write('gone.env', 'edited\n');
    deleteObject(r, blob);
    const { findings, stats } = await scan(r.dir, { kind: 'staged' });
    expect(where(findings)).toEqual(['kept.env:1 -']);
    expect(stats.skipped).toEqual([{ path: 'gone.env', reason: `blob ${blob} cannot be read (missing from the repository): not scanned` }]);
  });
});

describe('a partial clone (--filter=blob:none)', () => {
  function partialClone() {
    const origin = repo();
    origin.git('config', 'uploadpack.allowFilter', 'true');
    origin.commit('one', { 'a.txt': `A=${A}\n`, 'keep.txt': 'k\n' });
    const c2 = origin.commit('two', { 'old.env': `B=${B}\n` });
    origin.commit('three', { 'old.env': null, 'a.txt': 'clean\n' });
    const dir = makeTempDir('sprawlguard-partial-');
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${origin.dir}`, dir], { stdio: 'pipe' });
    return { dir, c2, clone: repo(dir, false) };
  }
  const absentCount = (dir: string): number =>
    execFileSync('git', ['rev-list', '--objects', '--missing=print', '--all'], { cwd: dir, encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.startsWith('?')).length;
  const fetches = (trace: string): number => readFileSync(trace, 'utf8').split('\n').filter((l) => / built-in: git fetch /.test(l)).length;

  it('fetches nothing, lists the blobs it never fetched, and says how to fetch them', async () => {
    const { dir, c2 } = partialClone();
    const before = absentCount(dir);
    expect(before).toBe(2);
    const trace = path.join(makeTempDir(), 'trace');
    const result = await runCli(['scan', '--history', '--format', 'json'], { cwd: dir, env: { GIT_TRACE: trace } });
    expect(result.code, result.stderr).toBe(0);
    expect(fetches(trace)).toBe(0);
    expect(absentCount(dir)).toBe(before);
    const report = parseJsonReport(result);
    expect(report.stats.skipped).toContainEqual({ path: `old.env@${c2.slice(0, 12)}`, reason: expect.stringMatching(/^blob [0-9a-f]{40} cannot be read \(not fetched into this partial clone\)/) });
    expect(report.stats.skipped).toHaveLength(2);
    expect(result.stderr).toMatch(/2 objects were not scanned: never fetched into this partial clone/);
    expect(result.stderr).toContain('--fetch-missing');
    expect(result.stderr).toContain('git fetch --refetch --no-filter origin');
  });

  it('with --fetch-missing fetches them in one batch and finds what they hold', async () => {
    const { dir, c2 } = partialClone();
    const trace = path.join(makeTempDir(), 'trace');
    const result = await runCli(['scan', '--history', '--fetch-missing', '--format', 'json'], { cwd: dir, env: { GIT_TRACE: trace } });
    expect(result.code, result.stderr).toBe(1);
    expect(fetches(trace)).toBe(1);
    expect(absentCount(dir)).toBe(0);
    const report = parseJsonReport(result);
    expect(report.findings.map((f) => `${f.location.path}@${String((f.location as { commit?: string }).commit).slice(0, 12)}`).sort()).toEqual([
      expect.stringMatching(/^a\.txt@/),
      `old.env@${c2.slice(0, 12)}`,
    ]);
    expect(report.stats.skipped).toEqual([]);
  });

  it('--diff in a partial clone reads the range without fetching', async () => {
    const { dir, c2 } = partialClone();
    const { findings, stats } = await scan(dir, { kind: 'diff', range: 'HEAD~2..HEAD' });
    expect(findings).toEqual([]);
    expect(stats.skipped.map((s) => s.path)).toEqual([`old.env@${c2.slice(0, 12)}`]);
    expect(absentCount(dir)).toBe(2);
  });

  it('in worker threads, a long history is read from its objects the same way', async () => {
    const origin = repo();
    origin.git('config', 'uploadpack.allowFilter', 'true');
    // A file changes in every tenth commit: few enough skipped blobs for all to be listed.
    origin.bulkCommits(230, (i) => ({
      ...(i % 10 === 0 ? { [`f${i % 11}.txt`]: `commit ${i}\n` } : {}),
      ...(i === 50 ? { 'old.env': `B=${B}\n` } : {}),
      ...(i === 60 ? { 'old.env': 'gone\n' } : {}),
    }));
    origin.commit('head', { 'now.env': `A=${A}\n` });
    const dir = makeTempDir('sprawlguard-partial-');
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${origin.dir}`, dir], { stdio: 'pipe' });
    const before = absentCount(dir);
    const one = await scan(dir, { kind: 'history' }, { jobs: 1 });
    const two = await scan(dir, { kind: 'history' }, { jobs: 2 });
    expect(absentCount(dir)).toBe(before);
    expect(two.stats.commits).toBe(231);
    expect(where(two.findings)).toEqual(where(one.findings));
    expect(two.findings.map((f) => f.location.path)).toEqual(['now.env']);
    expect(two.stats.skipped.map((s) => s.path).sort()).toEqual(one.stats.skipped.map((s) => s.path).sort());
    expect(two.stats.skipped.some((s) => s.path.startsWith('old.env@'))).toBe(true);
  });

  it('--fetch-missing is refused without a commit source', async () => {
    const result = await runCli(['scan', '.', '--fetch-missing']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--fetch-missing needs --diff');
  });
});
