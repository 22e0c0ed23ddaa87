/**
 * Git sources: staged changes, a commit range, or the whole history. Only what is added is scanned.
 *
 * History scans list the commits oldest first (`rev-list --reverse --topo-order`), cut the list into
 * batches, and give each batch to a worker thread that runs its own `git log -p -U0` and scans the
 * patch as it streams — git and the engine both run on every core. Each secret is reported once per
 * (rule, secret, path), attributed to the commit that first added it.
 *
 * Missing objects do not stop a scan: commits git cannot list or show are read from their objects
 * (see scan-commits), and whatever cannot be read is listed in stats.skipped with its id. A partial
 * clone is read from its objects throughout, never fetching one blob at a time; with `fetchMissing`
 * the objects it lacks are fetched in one batch first.
 */
import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Finding, ScanStats, SkippedSource } from '../../findings/finding.js';
import { NOT_FETCHED, ObjectReader } from './cat-file.js';
import { walkCommits, type WalkOptions } from './commit-walk.js';
import { GitError, NO_LAZY_FETCH, git, gitMaybe, streamGitLines } from './git.js';
import { repoInfo, resolveCommit, type RepoInfo } from './repo.js';
import { GitRangeError } from './errors.js';
import { absentObjects, fetchObjects, promisorRemote } from './partial-clone.js';
import { PATCH_FLAGS, PatchParser, type PatchChunk } from './patch-parser.js';
import { ChunkScanner, type ScannerConfig } from '../../scan/chunk-scanner.js';
import { isUnreadable, unreadableReason } from './commit-objects.js';
import type { GitBatch, GitBatchResult, GitWorkerData } from './git-worker.js';
import type { GitMode } from './mode.js';
import { pathMatcher } from '../path-filter.js';
import { FirstAddedIndex, scanCommitBatch, toScanChunk, type CommitBatchResult } from './commits.js';
import { scanStagedObjects } from './staged-objects.js';
import { runWorkers, workerScript } from '../../scan/worker-pool.js';

export type { GitMode };

export interface GitScanOptions {
  repo: string;
  /** Facts about `repo` the caller already asked git for (saves the processes that ask again). */
  repoInfo?: RepoInfo;
  mode: GitMode;
  config: ScannerConfig;
  maxFileSize: number;
  excludeGlobs: readonly string[];
  jobs?: number;
  /** Warnings for the user (shallow clone, skipped files); printed by the caller. */
  onWarning?: (message: string) => void;
  /** Progress updates for a TTY display. */
  onProgress?: (progress: GitProgress) => void;
  signal?: AbortSignal;
  /**
   * A scanner built from `config` to reuse across calls (an org scan runs one per repository);
   * compiling the rules again for every repository is wasted work.
   */
  scanner?: ChunkScanner;
  /** In a partial clone, fetch the objects the scan needs from the promisor remote, in one batch, first. */
  fetchMissing?: boolean;
  /**
   * An object that cannot be read: list it skipped and go on ('skip', the default), or stop the
   * scan with git's error ('fail': an org scan records such a repository as failed rather than
   * record an incomplete history as complete).
   */
  onUnreadable?: 'skip' | 'fail';
}

export interface GitScanResult {
  findings: Finding[];
  stats: ScanStats;
  /** Objects (commits, trees, blobs) that could not be read: the scan did not cover everything. */
  unreadable: number;
}

export interface GitProgress {
  commitsDone: number;
  commitsTotal: number;
  bytes: number;
  elapsedMs: number;
}


/** Commits per worker batch: large enough to amortise a git start, small enough to balance load. */
const BATCH_COMMITS = 1000;
/** Below this many commits a range is scanned in the main thread. */
const PARALLEL_MIN_COMMITS = 200;
/** Skipped entries listed individually; the rest are counted. */
const MAX_LISTED_SKIPS = 200;

export async function scanGit(options: GitScanOptions): Promise<GitScanResult> {
  const started = performance.now();
  const info = options.repoInfo ?? (await repoInfo(path.resolve(options.repo)));
  const stats: ScanStats = { sources: 0, bytes: 0, chunks: 0, durationMs: 0, skipped: [], commits: 0 };
  const skips = new SkipCollector(stats.skipped, options.onWarning, options.onUnreadable === 'fail');
  let findings: Finding[];

  if (options.mode.kind === 'staged') {
    findings = await scanStaged(info, options, stats, skips);
  } else {
    const commits =
      options.mode.kind === 'diff' ? await listRangeCommits(info, options.mode.range, skips) : await listHistoryCommits(info, options.mode, options, skips);
    const source = options.mode.kind === 'diff' ? 'diff' : 'history';
    const fromObjects = commits.length > 0 && (await preparePartialClone(info, commits, options, skips));
    findings = await scanCommitList(info, commits, source, options, stats, skips, fromObjects);
  }
  skips.finish();
  stats.durationMs = Math.round(performance.now() - started);
  return { findings, stats, unreadable: skips.unreadable };
}

async function scanStaged(info: RepoInfo, options: GitScanOptions, stats: ScanStats, skips: SkipCollector): Promise<Finding[]> {
  if (info.bare) throw new GitRangeError(`${info.dir} is a bare repository: it has no index, so nothing is staged`);
  const scanner = options.scanner ?? new ChunkScanner(options.config);
  const excluded = pathMatcher(options.excludeGlobs);
  const findings: Finding[] = [];
  const files = new Set<string>();
  const events = {
    chunk: (chunk: PatchChunk) => {
      if (excluded(chunk.path)) return;
      files.add(chunk.path);
      stats.bytes += chunk.bytes;
      stats.chunks++;
      findings.push(...scanner.scan(toScanChunk(chunk, 'staged')));
    },
    skip: (p: string, reason: string) => skips.add({ path: p, reason }),
  };
  const parser = new PatchParser(events, options.maxFileSize);
  const listed = stats.skipped.length;
  try {
    // Rename detection: a moved file adds nothing, its edits do. Works before the first commit too.
    await streamGitLines(info.topLevel ?? info.dir, ['diff', '--cached', '-M', ...PATCH_FLAGS], (buf, start, end) => parser.lineBytes(buf, start, end), {
      signal: options.signal,
      env: NO_LAZY_FETCH,
    });
    parser.end();
  } catch (error) {
    if (!(error instanceof GitError) || options.signal?.aborted || options.onUnreadable === 'fail') throw error;
    // An object git could not read stopped the diff: start over from the objects, skipping only
    // what cannot be read.
    findings.length = 0;
    files.clear();
    stats.bytes = 0;
    stats.chunks = 0;
    stats.skipped.length = listed;
    const objects = new ObjectReader(info.topLevel ?? info.dir);
    try {
      await scanStagedObjects(info, objects, events, options.maxFileSize, options.onWarning);
    } finally {
      objects.close();
    }
  }
  stats.sources = files.size;
  return findings;
}

/** `A..B`, `A...B` (changes on B since it forked from A) or a single revision `A` (A..HEAD). */
async function listRangeCommits(info: RepoInfo, range: string, skips: SkipCollector): Promise<string[]> {
  const symmetric = range.includes('...');
  const [baseRev = '', headRev = 'HEAD'] = symmetric ? range.split('...') : range.includes('..') ? range.split('..') : [range, 'HEAD'];
  if (baseRev === '') throw new GitRangeError(`--diff ${range}: a base revision is required (BASE..HEAD)`);
  const head = await resolveCommit(info.dir, headRev || 'HEAD');
  if (!head) throw new GitRangeError(missingRevisionMessage(headRev || 'HEAD', info));
  let base = await resolveCommit(info.dir, baseRev);
  if (!base) throw new GitRangeError(missingRevisionMessage(baseRev, info));
  if (symmetric) {
    const mergeBase = (await git(info.dir, ['merge-base', base, head]).catch(() => '')).trim();
    if (!mergeBase) {
      throw new GitRangeError(
        `--diff ${range}: ${baseRev} and ${headRev} share no history in this clone${info.shallow ? ' (it is shallow: fetch more history with `git fetch --deepen=N` or `--unshallow`)' : ''}`,
      );
    }
    base = mergeBase;
  }
  const commits = await listCommits(info, ['rev-list', '--reverse', '--topo-order', `${base}..${head}`], { tips: [head], exclude: [base] }, skips);
  if (info.shallow && commits.length > 0) {
    const boundary = await shallowBoundary(info);
    const cut = commits.find((c) => boundary.has(c));
    if (cut) {
      throw new GitRangeError(
        `--diff ${range}: commit ${cut.slice(0, 12)} sits on the shallow clone's boundary, so its parent is missing and what it added cannot be told apart from what was there. Fetch more history (\`git fetch --deepen=${commits.length + 1}\`, or actions/checkout with fetch-depth: 0) and run again.`,
      );
    }
  }
  return commits;
}

function missingRevisionMessage(rev: string, info: RepoInfo): string {
  const hint = info.shallow
    ? ' This clone is shallow. Fetch the missing history with `git fetch --deepen=<N>` or `git fetch origin <commit>` (in GitHub Actions: actions/checkout with fetch-depth: 0), then run again.'
    : ' Fetch it first (`git fetch origin <commit>`), or check the revision name.';
  return `revision "${rev}" is not present in this repository.${hint}`;
}

async function shallowBoundary(info: RepoInfo): Promise<Set<string>> {
  const file = (await git(info.dir, ['rev-parse', '--git-path', 'shallow'])).trim();
  const text = await readFile(path.resolve(info.dir, file), 'utf8').catch(() => '');
  return new Set(text.split('\n').filter(Boolean));
}

async function listHistoryCommits(
  info: RepoInfo,
  mode: Extract<GitMode, { kind: 'history' }>,
  options: GitScanOptions,
  skips: SkipCollector,
): Promise<string[]> {
  const args = ['rev-list', '--reverse', '--topo-order'];
  if (mode.since) args.push(`--since=${mode.since}`);
  let tip: string | undefined;
  if (mode.branch) {
    tip = await resolveCommit(info.dir, mode.branch);
    if (!tip) throw new GitRangeError(missingRevisionMessage(mode.branch, info));
    args.push(mode.branch, '--');
  } else args.push('--all');
  if (!info.hasHead && !mode.branch) {
    const anyRef = (await git(info.dir, ['for-each-ref', '--count=1', '--format=%(refname)'])).trim();
    if (!anyRef) return [];
  }
  const walk = async (): Promise<WalkOptions> => ({
    tips: tip ? [tip] : await allTips(info),
    // `--since` as rev-list reads it: git turns the date into a timestamp.
    maxAge: mode.since ? Number(/--max-age=(\d+)/.exec(await git(info.dir, ['rev-parse', `--since=${mode.since}`]))?.[1] ?? 0) : undefined,
  });
  const commits = await listCommits(info, args, walk, skips);
  if (info.shallow) {
    options.onWarning?.(
      `shallow clone: only ${commits.length} commit${commits.length === 1 ? ' is' : 's are'} visible, so history is truncated; run \`git fetch --unshallow\` for a full scan`,
    );
  }
  return commits;
}

/**
 * The commits `args` (a rev-list) names. When rev-list stops at a missing commit object, the
 * commits are walked object by object instead (walkCommits), and each missing one is listed skipped.
 */
async function listCommits(info: RepoInfo, args: string[], walk: WalkOptions | (() => Promise<WalkOptions>), skips: SkipCollector): Promise<string[]> {
  try {
    return (await git(info.dir, args, { env: NO_LAZY_FETCH })).split('\n').filter(Boolean);
  } catch (error) {
    if (!(error instanceof GitError) || skips.failOnUnreadable) throw error;
  }
  const options = typeof walk === 'function' ? await walk() : walk;
  const objects = new ObjectReader(info.dir);
  try {
    const shallow = info.shallow ? await shallowBoundary(info) : undefined;
    const { commits, missing } = await walkCommits(objects, { ...options, shallow });
    for (const m of missing) {
      skips.add({
        path: m.commit,
        reason: unreadableReason(
          'commit object',
          `missing from the repository${m.child ? `; a parent of ${m.child.slice(0, 12)}` : ''}`,
          'its changes were not scanned, nor those of commits reachable only through it',
        ),
      });
    }
    return commits;
  } finally {
    objects.close();
  }
}

/** What `rev-list --all` starts from: every ref and HEAD. */
async function allTips(info: RepoInfo): Promise<string[]> {
  const refs = (await git(info.dir, ['for-each-ref', '--format=%(objectname)'])).split('\n').filter(Boolean);
  const head = (await gitMaybe(info.dir, ['rev-parse', '--verify', '--quiet', 'HEAD']))?.trim();
  return [...new Set(head ? [head, ...refs] : refs)];
}

/**
 * In a partial clone, decide how commits are read: from their objects (true), listing what was
 * never fetched, or, with `fetchMissing`, with `git log -p` once the missing objects are fetched.
 */
async function preparePartialClone(info: RepoInfo, commits: string[], options: GitScanOptions, skips: SkipCollector): Promise<boolean> {
  const remote = await promisorRemote(info.dir);
  if (remote === undefined) {
    if (options.fetchMissing) options.onWarning?.('--fetch-missing: this repository is not a partial clone; there is nothing to fetch');
    return false;
  }
  skips.promisor = remote;
  if (!options.fetchMissing) return true;
  const absent = await absentObjects(info.dir, commits, options.signal);
  if (absent.size === 0) return false;
  options.onWarning?.(`fetching ${absent.size} object${absent.size === 1 ? '' : 's'} this partial clone lacks from "${remote}" in one batch`);
  try {
    await fetchObjects(info.dir, remote, absent);
    return false;
  } catch (error) {
    options.onWarning?.(`could not fetch the missing objects from "${remote}" (${error instanceof Error ? error.message : String(error)}); scanning what is here`);
    return true;
  }
}

async function scanCommitList(
  info: RepoInfo,
  commits: string[],
  source: 'history' | 'diff',
  options: GitScanOptions,
  stats: ScanStats,
  skips: SkipCollector,
  fromObjects: boolean,
): Promise<Finding[]> {
  const index = new FirstAddedIndex();
  const started = performance.now();
  const merge = (r: CommitBatchResult): void => {
    for (const f of r.findings) index.add(f);
    stats.commits = (stats.commits ?? 0) + r.commits;
    stats.bytes += r.bytes;
    stats.chunks += r.chunks;
    for (const s of r.skipped) skips.add(s);
    options.onProgress?.({
      commitsDone: stats.commits,
      commitsTotal: commits.length,
      bytes: stats.bytes,
      elapsedMs: performance.now() - started,
    });
  };
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  if (commits.length === 0) {
    // Nothing to do is a fact worth stating, not a silent pass.
    options.onWarning?.(`no commits to scan${source === 'diff' ? ' in the range (base and head are the same)' : ''}`);
  } else if (jobs === 1 || commits.length < PARALLEL_MIN_COMMITS) {
    const scanner = options.scanner ?? new ChunkScanner(options.config);
    const excluded = pathMatcher(options.excludeGlobs);
    for (let i = 0; i < commits.length; i += BATCH_COMMITS) {
      merge(
        await scanCommitBatch(info.dir, commits.slice(i, i + BATCH_COMMITS), scanner, {
          source,
          firstOrder: i,
          maxFileBytes: options.maxFileSize,
          excluded,
          signal: options.signal,
          fromObjects,
          strict: options.onUnreadable === 'fail',
        }),
      );
    }
  } else {
    const data: GitWorkerData = {
      config: options.config,
      repo: info.dir,
      source,
      maxFileBytes: options.maxFileSize,
      excludeGlobs: [...options.excludeGlobs],
      fromObjects,
      strict: options.onUnreadable === 'fail',
    };
    await runWorkers<GitBatch, GitBatchResult>(workerScript('git-worker', import.meta.url), data, batches(commits, jobs), jobs, merge, options.signal);
  }
  stats.sources = stats.commits ?? 0;
  return index.findings();
}

/** Batches sized so every worker gets several (for balance), but never tiny. */
function* batches(commits: string[], jobs: number): Generator<GitBatch> {
  const size = Math.max(50, Math.min(BATCH_COMMITS, Math.ceil(commits.length / (jobs * 8))));
  for (let i = 0; i < commits.length; i += size) yield { commits: commits.slice(i, i + size), firstOrder: i };
}

/**
 * Lists the first skipped entries and counts the rest, so a history full of images stays readable.
 * Blobs a partial clone never fetched are not warned about one by one: one warning at the end says
 * how many and how to fetch them.
 */
class SkipCollector {
  private extra = 0;
  private notFetched = 0;
  /** Objects that could not be read, listed or not. */
  unreadable = 0;
  /** The promisor remote, when the repository is a partial clone. */
  promisor: string | undefined;
  constructor(
    private readonly list: SkippedSource[],
    private readonly onWarning?: (message: string) => void,
    /** Stop at the first object that cannot be read (GitScanOptions.onUnreadable 'fail'). */
    readonly failOnUnreadable = false,
  ) {}
  add(s: SkippedSource): void {
    if (isUnreadable(s.reason)) {
      if (this.failOnUnreadable) throw new Error(`${s.path}: ${s.reason}`);
      this.unreadable++;
    }
    const notFetched = s.reason.includes(NOT_FETCHED);
    if (notFetched) this.notFetched++;
    if (this.list.length < MAX_LISTED_SKIPS) {
      this.list.push(s);
      if (s.reason !== 'binary file' && !notFetched) this.onWarning?.(`${s.path}: ${s.reason}`);
    } else this.extra++;
  }
  finish(): void {
    if (this.extra > 0) this.list.push({ path: '…', reason: `${this.extra} more skipped entries not listed` });
    if (this.notFetched > 0) {
      const remote = this.promisor ?? 'origin';
      this.onWarning?.(
        `${this.notFetched} object${this.notFetched === 1 ? ' was' : 's were'} not scanned: never fetched into this partial clone (listed in stats.skipped). ` +
          `Scan again with --fetch-missing to fetch them from "${remote}" in one batch, or fetch everything with \`git fetch --refetch --no-filter ${remote}\`.`,
      );
    }
  }
}
