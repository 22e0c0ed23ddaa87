/**
 * Scanning many repositories into the inventory, in process: failures stay with their repository,
 * an interrupted run resumes, the clone cache is fetched incrementally, unchanged repositories are
 * not scanned again.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Inventory } from '../../src/inventory/inventory.js';
import { mirrorDir } from '../../src/org/mirror.js';
import { scanRepositories, type OrgScanOptions, type RepoEvent } from '../../src/org/scan-repositories.js';
import type { RepoTarget } from '../../src/org/targets.js';
import { TestRepo } from '../support/git-repo.js';
import { corruptBlob, forkRepo, makeRepo, scannerConfig, secret, workDir } from '../support/inventory-fixtures.js';

const local = (dir: string): RepoTarget => ({ name: dir, location: dir, kind: 'local' });

function run(inventory: Inventory, targets: RepoTarget[], extra: Partial<OrgScanOptions> = {}) {
  const runId = inventory.startRun({ kind: 'org-scan', target: 'test', toolVersion: 'test', options: {} });
  return scanRepositories({
    targets,
    inventory,
    runId,
    cacheDir: extra.cacheDir ?? path.join(workDir('cache'), 'repos'),
    scanner: scannerConfig,
    maxFileSize: 1e7,
    excludeGlobs: [],
    jobs: 1,
    concurrency: 1,
    ...extra,
  });
}

const outcomes = (events: readonly RepoEvent[]) => Object.fromEntries(events.map((e) => [path.basename(e.name), e.outcome]));

describe.concurrent('one failing repository', () => {
  it('is recorded with its error and the run goes on', async () => {
    const dir = workDir('failures');
    const good = makeRepo(dir, 'good', [{ 'app.env': `TOKEN=${secret(1)}\n` }]);
    const corrupt = makeRepo(dir, 'corrupt', [{ 'a.txt': 'one\n' }, { 'a.txt': 'one\ntwo\n' }]);
    corruptBlob(corrupt, 'a.txt');
    const inventory = Inventory.open(path.join(dir, 'inv.db'));
    const summary = await run(inventory, [
      local(path.join(dir, 'missing')),
      local(corrupt.dir),
      { name: 'acme/unreachable', location: `file://${path.join(dir, 'no-such-remote.git')}`, kind: 'url' },
      local(good.dir),
    ]);
    expect(summary).toMatchObject({ total: 4, scanned: 1, failed: 3, interrupted: false });
    const repos = new Map(inventory.repos().map((r) => [path.basename(r.name), r]));
    expect(repos.get('good')).toMatchObject({ state: 'done', findings: 1, commits: 1 });
    expect(repos.get('missing')).toMatchObject({ state: 'failed', error: expect.stringMatching(/no such directory/) });
    expect(repos.get('corrupt')).toMatchObject({ state: 'failed', error: expect.stringMatching(/^git log failed \(exit 128\): .*unable to read/) });
    expect(repos.get('unreachable')).toMatchObject({ state: 'failed', error: expect.stringMatching(/git fetch failed/) });
    expect(inventory.occurrences().map((o) => path.basename(o.repo))).toEqual(['good']);
    inventory.close();
  });

  it('that takes too long is stopped and recorded as timed out', async () => {
    const dir = workDir('timeout');
    const repo = makeRepo(dir, 'slow', [{ 'a.env': `T=${secret(2)}\n` }]);
    const inventory = Inventory.open(path.join(dir, 'inv.db'));
    const summary = await run(inventory, [{ name: 'acme/slow', location: `file://${repo.dir}`, kind: 'url' }], { timeoutMs: 1 });
    expect(summary.failed).toBe(1);
    expect(inventory.repoState('acme/slow')).toMatchObject({ state: 'failed', error: 'timed out after 0.001 s' });
    expect(inventory.occurrences()).toEqual([]);
    inventory.close();
  });
});

describe.concurrent('an interrupted run', () => {
  it('resumes where it stopped and ends with the same inventory as an uninterrupted run', async () => {
    const dir = workDir('resume');
    const shared = secret(10);
    const repos = [0, 1, 2].map((i) => makeRepo(dir, `r${i}`, [{ [`conf${i}.env`]: `SHARED=${shared}\nOWN=${secret(11 + i)}\n` }]));
    const targets = repos.map((r) => local(r.dir));

    const inventory = Inventory.open(path.join(dir, 'resumed.db'));
    const controller = new AbortController();
    const first = await run(inventory, targets, {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.outcome === 'scanned') controller.abort(new Error('SIGINT'));
      },
    });
    expect(first).toMatchObject({ scanned: 1, interrupted: true });
    expect(first.events).toHaveLength(1);
    expect(inventory.repos().map((r) => r.state)).toEqual(['done']);

    const second = await run(inventory, targets);
    expect(outcomes(second.events)).toEqual({ r0: 'unchanged', r1: 'scanned', r2: 'scanned' });

    const reference = Inventory.open(path.join(dir, 'single.db'));
    await run(reference, targets);
    expect(inventory.snapshot()).toEqual(reference.snapshot());
    expect(new Set(inventory.occurrences().filter((o) => o.line === 1).map((o) => o.repo)).size).toBe(3);
    inventory.close();
    reference.close();
  });
});

describe.concurrent('the clone cache', () => {
  it('clones once as a full bare mirror, fetches only on later runs, and skips repositories without changes', async () => {
    const dir = workDir('mirror');
    const upstream = makeRepo(dir, 'upstream', [{ 'a.env': `A=${secret(20)}\n` }]);
    const url = `file://${upstream.dir}`;
    const target: RepoTarget = { name: 'acme/service', location: url, kind: 'url', defaultBranch: 'main' };
    const cacheDir = path.join(dir, 'cache');
    const inventory = Inventory.open(path.join(dir, 'inv.db'));

    const first = await run(inventory, [target], { cacheDir });
    expect(first.events[0]).toMatchObject({ outcome: 'scanned', cloned: true, secrets: 1 });
    const mirror = mirrorDir(cacheDir, 'acme/service');
    const cached = new TestRepo(mirror, { init: false });
    expect(cached.git('rev-parse', '--is-bare-repository').trim()).toBe('true');
    expect(cached.git('rev-parse', '--is-shallow-repository').trim()).toBe('false');
    expect(cached.git('config', '--get-all', 'remote.origin.fetch').trim().split('\n')).toEqual(['+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*']);
    expect(cached.git('config', '--default', 'none', '--get', 'remote.origin.partialclonefilter').trim()).toBe('none');

    expect(outcomes((await run(inventory, [target], { cacheDir })).events)).toEqual({ service: 'unchanged' });
    // Other rules or settings: the same refs are scanned again, once.
    expect(outcomes((await run(inventory, [target], { cacheDir, settingsDigest: 'sha256:other-rules' })).events)).toEqual({ service: 'scanned' });
    expect(outcomes((await run(inventory, [target], { cacheDir, settingsDigest: 'sha256:other-rules' })).events)).toEqual({ service: 'unchanged' });

    upstream.commit('add another', { 'b.env': `B=${secret(21)}\n` });
    const third = await run(inventory, [target], { cacheDir, settingsDigest: 'sha256:other-rules' });
    expect(third.events[0]).toMatchObject({ outcome: 'scanned', cloned: false, secrets: 2, commits: 2 });
    expect(cached.git('rev-parse', 'HEAD').trim()).toBe(upstream.head());

    // With the API's pushed_at unchanged since the last complete scan, not even a fetch is made.
    await run(inventory, [{ ...target, pushedAt: '2026-01-01T00:00:00Z' }], { cacheDir, force: true });
    rmSync(mirror, { recursive: true, force: true });
    const skipped = await run(inventory, [{ ...target, pushedAt: '2026-01-01T00:00:00Z' }], { cacheDir });
    expect(outcomes(skipped.events)).toEqual({ service: 'unchanged' });
    expect(existsSync(mirror)).toBe(false);
    inventory.close();
  });

  it('counts a fork that shares history as another place for every secret it inherited', async () => {
    const dir = workDir('fork');
    const parent = makeRepo(dir, 'parent', [{ 'x.env': `X=${secret(30)}\n` }]);
    const fork = forkRepo(parent, dir, 'fork', [{ 'y.env': `Y=${secret(31)}\n` }]);
    const inventory = Inventory.open(path.join(dir, 'inv.db'));
    await run(inventory, [local(parent.dir), local(fork)]);
    const reposBySecret = new Map<string, Set<string>>();
    for (const o of inventory.occurrences()) reposBySecret.set(o.fingerprint, (reposBySecret.get(o.fingerprint) ?? new Set()).add(path.basename(o.repo)));
    expect([...reposBySecret.values()].map((s) => [...s].sort().join('+')).sort()).toEqual(['fork', 'fork+parent']);
    execFileSync('git', ['-C', fork, 'log', '--oneline']); // the fork is a usable repository
    inventory.close();
  });
});
