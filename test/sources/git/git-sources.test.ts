/**
 * Git sources against real repositories: exactly which findings each mode reports, with commit
 * attribution.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../../src/config/builtin-rules.js';
import type { Finding } from '../../../src/findings/finding.js';
import { fingerprintSecret } from '../../../src/findings/fingerprint.js';
import { scanGit, type GitMode } from '../../../src/sources/git/source.js';
import { GitRangeError } from '../../../src/sources/git/errors.js';
import { fakeGithubPat } from '../../support/engine-fakes.js';
import { TestRepo } from '../../support/git-repo.js';

const rules = loadBuiltinRules().filter((r) => r.provider === 'github');
const repos: TestRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));

function repo(): TestRepo {
  const r = new TestRepo();
  repos.push(r);
  return r;
}

async function scan(dir: string, mode: GitMode, extra: { jobs?: number; warnings?: string[] } = {}) {
  return scanGit({
    repo: dir,
    mode,
    config: { rules, allowSecretRegexes: [], stopwords: [] },
    maxFileSize: 10 * 1024 * 1024,
    excludeGlobs: [],
    jobs: extra.jobs ?? 1,
    onWarning: (m) => extra.warnings?.push(m),
  });
}

const summary = (findings: Finding[]) =>
  findings
    .map((f) => `${f.location.path}:${f.location.line} ${f.location.commit?.slice(0, 7) ?? '-'} ${f.redacted}`)
    .sort();

const A = fakeGithubPat(101);
const B = fakeGithubPat(102);
const C = fakeGithubPat(103);
const r7 = (s: string) => `${s.slice(0, 6)}…${s.slice(-4)}`;

describe('scan --staged', () => {
  it('works before the first commit (no HEAD)', async () => {
    const r = repo();
    r.write('config.env', `TOKEN=${A}\n`);
    r.git('add', '.');
    const { findings, stats } = await scan(r.dir, { kind: 'staged' });
    expect(summary(findings)).toEqual([`config.env:1 - ${r7(A)}`]);
    expect(findings[0]?.location.source).toBe('staged');
    expect(stats.sources).toBe(1);
  });

  it('reads the index, not the working tree, and only lines the commit adds', async () => {
    const r = repo();
    r.commit('base', { 'old.txt': `OLD=${A}\nkeep\n` });
    // Staged: a new line elsewhere in the file with the old secret; unrelated edit to old.txt.
    r.write('old.txt', `OLD=${A}\nkeep\nmore\n`);
    r.write('staged.txt', `line\nNEW=${B}\n`);
    r.git('add', '.');
    // Working tree now differs from the index: the secret is gone from disk but still staged,
    // and a new secret exists only on disk.
    r.write('staged.txt', 'line\nNEW=removed-from-disk\n');
    r.write('unstaged.txt', `X=${C}\n`);
    const { findings } = await scan(r.dir, { kind: 'staged' });
    expect(summary(findings)).toEqual([`staged.txt:2 - ${r7(B)}`]);
  });

  it('ignores renames and deletions but scans edits inside a renamed file', async () => {
    const r = repo();
    r.commit('base', { 'a/secret.txt': `T=${A}\n`, 'gone.txt': `G=${B}\n` });
    r.git('mv', 'a/secret.txt', 'secret2.txt');
    r.git('rm', '-q', 'gone.txt');
    expect((await scan(r.dir, { kind: 'staged' })).findings).toEqual([]);
    r.write('secret2.txt', `T=${A}\nU=${C}\n`);
    r.git('add', '.');
    expect(summary((await scan(r.dir, { kind: 'staged' })).findings)).toEqual([`secret2.txt:2 - ${r7(C)}`]);
  });

  it('skips binary files and lists them', async () => {
    const r = repo();
    r.commit('base', { 'readme.md': 'hi\n' });
    r.write('blob.bin', Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`T=${A}`)]));
    r.git('add', '.');
    const { findings, stats } = await scan(r.dir, { kind: 'staged' });
    expect(findings).toEqual([]);
    expect(stats.skipped).toEqual([{ path: 'blob.bin', reason: 'binary file' }]);
  });

  it('scans a resolved merge in progress', async () => {
    const r = repo();
    r.commit('base', { 'f.txt': 'one\n' });
    r.git('checkout', '-q', '-b', 'side');
    r.commit('side', { 'f.txt': 'side\n' });
    r.git('checkout', '-q', 'main');
    r.commit('main', { 'f.txt': 'main\n' });
    try {
      r.git('merge', '-q', 'side');
    } catch {
      // conflict expected
    }
    r.write('f.txt', `resolved\nKEY=${C}\n`);
    r.git('add', 'f.txt');
    expect(summary((await scan(r.dir, { kind: 'staged' })).findings)).toEqual([`f.txt:2 - ${r7(C)}`]);
  });

  it('refuses a bare repository with a clear message', async () => {
    const bare = new TestRepo(undefined, { bare: true });
    repos.push(bare);
    await expect(scan(bare.dir, { kind: 'staged' })).rejects.toThrow(/bare repository/);
  });
});

describe('scan --diff', () => {
  it('reports only lines added in the range, naming the commit, author and date that added them', async () => {
    const r = repo();
    const base = r.commit('base', { 'a.txt': `A=${A}\n` });
    const c1 = r.commit('add B', { 'b.txt': `x\nB=${B}\n` });
    r.commit('remove B, add C', { 'b.txt': null, 'c.txt': `C=${C}\n` });
    const { findings, stats } = await scan(r.dir, { kind: 'diff', range: `${base}..HEAD` });
    expect(summary(findings)).toEqual([`b.txt:2 ${c1.slice(0, 7)} ${r7(B)}`, expect.stringMatching(/^c\.txt:1 [0-9a-f]{7} /)]);
    const b = findings.find((f) => f.location.path === 'b.txt')!;
    expect(b.location).toMatchObject({ source: 'diff', commit: c1, author: 'Test Author <author@tests.invalid>', date: expect.stringMatching(/^2026-01-01T00:00:02/) });
    expect(stats.commits).toBe(2);
  });

  it('treats BASE...HEAD as the changes on HEAD since it forked, and --since-commit as SHA..HEAD', async () => {
    const r = repo();
    const base = r.commit('base', { 'a.txt': 'a\n' });
    r.git('checkout', '-q', '-b', 'feature');
    r.commit('feature', { 'f.txt': `F=${B}\n` });
    r.git('checkout', '-q', 'main');
    r.commit('main moves on', { 'm.txt': `M=${C}\n` });
    const sym = await scan(r.dir, { kind: 'diff', range: 'main...feature' });
    expect(sym.findings.map((f) => f.location.path)).toEqual(['f.txt']);
    const since = await scan(r.dir, { kind: 'diff', range: `${base}..HEAD` });
    expect(since.findings.map((f) => f.location.path)).toEqual(['m.txt']);
  });

  it('says so when base and head are the same commit', async () => {
    const r = repo();
    r.commit('one', { 'a.txt': `A=${A}\n` });
    const warnings: string[] = [];
    const { findings, stats } = await scan(r.dir, { kind: 'diff', range: 'HEAD..HEAD' }, { warnings });
    expect(findings).toEqual([]);
    expect(stats.commits).toBe(0);
    expect(warnings.join()).toMatch(/no commits to scan/);
  });

  it('fails with a fetch hint when the base is missing, never passing silently', async () => {
    const r = repo();
    r.commit('one', { 'a.txt': 'a\n' });
    await expect(scan(r.dir, { kind: 'diff', range: '0123456789abcdef0123456789abcdef01234567..HEAD' })).rejects.toThrow(GitRangeError);
  });

  it('in a shallow clone, a base outside the fetched history fails with how to fetch it', async () => {
    const origin = repo();
    const first = origin.commit('1', { 'a.txt': 'a\n' });
    origin.commit('2', { 'b.txt': 'b\n' });
    origin.commit('3', { 'c.txt': `C=${C}\n` });
    const dir = mkdtempSync(path.join(tmpdir(), 'sprawlguard-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, dir]);
    try {
      const error = await scan(dir, { kind: 'diff', range: `${first}..HEAD` }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitRangeError);
      expect(String(error)).toMatch(/shallow/);
      expect(String(error)).toMatch(/fetch-depth: 0|--deepen/);
      const warnings: string[] = [];
      const history = await scan(dir, { kind: 'history' }, { warnings });
      expect(history.stats.commits).toBe(1);
      expect(warnings.join()).toMatch(/shallow clone: only 1 commit is visible/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scan --history', () => {
  it('reports each secret once per path with the commit that first added it, even after removal', async () => {
    const r = repo();
    const c1 = r.commit('add', { 'a.txt': `A=${A}\n` });
    r.commit('remove', { 'a.txt': 'clean\n' });
    r.commit('re-add', { 'a.txt': `clean\nA=${A}\n` });
    const c4 = r.commit('copy', { 'copy/a.txt': `again ${A}\n` });
    const { findings, stats } = await scan(r.dir, { kind: 'history' });
    expect(summary(findings)).toEqual([`a.txt:1 ${c1.slice(0, 7)} ${r7(A)}`, `copy/a.txt:1 ${c4.slice(0, 7)} ${r7(A)}`]);
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(1);
    expect(stats.commits).toBe(4);
  });

  it('covers every ref, merges and renames, and skips binaries', async () => {
    const r = repo();
    r.commit('base', { 'a.txt': 'a\n', 'img.bin': Buffer.from([0, 0, 1, 2]) });
    r.git('checkout', '-q', '-b', 'unmerged');
    const side = r.commit('side secret', { 'side.txt': `S=${B}\n` });
    r.git('checkout', '-q', 'main');
    r.git('checkout', '-q', '-b', 'topic');
    r.commit('topic secret', { 'topic.txt': `T=${C}\n` });
    r.git('checkout', '-q', 'main');
    r.git('merge', '-q', '--no-ff', '-m', 'merge topic', 'topic');
    const moved = r.commit('rename', { 'topic.txt': null, 'moved/topic.txt': `T=${C}\n` });
    const { findings, stats } = await scan(r.dir, { kind: 'history' });
    const paths = findings.map((f) => `${f.location.path}@${f.location.commit?.slice(0, 7)}`).sort();
    expect(paths).toEqual([`moved/topic.txt@${moved.slice(0, 7)}`, `side.txt@${side.slice(0, 7)}`, expect.stringMatching(/^topic\.txt@/)]);
    expect(stats.skipped.map((s) => s.reason)).toEqual(['binary file']);
    const onlyMain = await scan(r.dir, { kind: 'history', branch: 'main' });
    expect(onlyMain.findings.map((f) => f.location.path).sort()).toEqual(['moved/topic.txt', 'topic.txt']);
    expect(stats.commits).toBe(5);
  });

  it('works on a bare repository', async () => {
    const r = repo();
    r.commit('one', { 'a.txt': `A=${A}\n` });
    const dir = mkdtempSync(path.join(tmpdir(), 'sprawlguard-bare-'));
    execFileSync('git', ['clone', '-q', '--bare', r.dir, dir]);
    try {
      const { findings } = await scan(dir, { kind: 'history' });
      expect(summary(findings)).toEqual([expect.stringMatching(/^a\.txt:1 /)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same result in worker threads as in the main thread', async () => {
    const r = repo();
    const seeds = [A, B, C];
    r.bulkCommits(240, (i) => {
      const files: Record<string, string> = { [`f${i % 17}.txt`]: `commit ${i}\n` };
      if (i % 60 === 7) files[`s${i}.txt`] = `K=${seeds[i % 3]}\n`;
      return files;
    });
    const one = await scan(r.dir, { kind: 'history' }, { jobs: 1 });
    const two = await scan(r.dir, { kind: 'history' }, { jobs: 2 });
    expect(two.stats.commits).toBe(240);
    expect(summary(two.findings)).toEqual(summary(one.findings));
    expect(one.findings).toHaveLength(4);
  });

  it('hands back real fingerprints of guessable secrets from worker threads', async () => {
    // Workers derive these on the thread pool; they must settle them before posting (findings/fingerprint.ts).
    const r = repo();
    const chosen = ['lantern', 'harbor', 'meadow'].map((w, i) => `${w}${i + 3}`);
    r.bulkCommits(240, (i) => {
      const files: Record<string, string> = { [`f${i % 17}.txt`]: `commit ${i}\n` };
      if (i % 50 === 9) files[`settings_${i}.py`] = `DB_PASSWORD = "${chosen[i % 3]}"\n`;
      return files;
    });
    const two = await scanGit({
      repo: r.dir,
      mode: { kind: 'history' },
      config: { rules: loadBuiltinRules().filter((rule) => rule.id === 'generic-secret-assignment'), allowSecretRegexes: [], stopwords: [], deferSlowFingerprints: true },
      maxFileSize: 10 * 1024 * 1024,
      excludeGlobs: [],
      jobs: 2,
    });
    expect(two.findings.length).toBeGreaterThan(0);
    expect(new Set(two.findings.map((f) => f.fingerprint))).toEqual(new Set(chosen.map((p) => fingerprintSecret(p))));
  });
});

describe('merge commits', () => {
  it('reports a secret added while resolving a conflict, attributed to the merge commit', async () => {
    const r = repo();
    r.commit('base', { 'conf.txt': 'a\nb\n' });
    r.git('checkout', '-q', '-b', 'side');
    r.commit('side', { 'conf.txt': 'a\nside\n' });
    r.git('checkout', '-q', 'main');
    r.commit('main', { 'conf.txt': 'a\nmain\n' });
    try {
      r.git('merge', '-q', 'side');
    } catch {
      // conflict expected
    }
    r.write('conf.txt', `a\nmerged\nKEY=${C}\n`);
    r.git('add', 'conf.txt');
    r.git('commit', '-q', '--no-edit');
    const merge = r.head();
    const { findings } = await scan(r.dir, { kind: 'history' });
    expect(summary(findings)).toEqual([`conf.txt:3 ${merge.slice(0, 7)} ${r7(C)}`]);
  });
});
