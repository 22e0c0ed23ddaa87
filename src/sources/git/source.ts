/**
 * Git sources: staged changes, a commit range, or the whole history. Only what is added is scanned.
 *
 * History scans list the commits oldest first (commit-list.ts), cut the list into batches, and give
 * each batch to a worker thread that runs its own `git log -p -U0` and scans the patch as it
 * streams — git and the engine both run on every core. Each secret is reported once per
 * (rule, secret, path), attributed to the commit that first added it.
 *
 * Missing objects do not stop a scan: commits git cannot list or show are read from their objects
 * (see commits.ts), and whatever cannot be read is listed in stats.skipped with its id. A partial
 * clone is read from its objects throughout, never fetching one blob at a time; with `fetchMissing`
 * the objects it lacks are fetched in one batch first.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Finding, ScanScope, ScanStats } from '../../findings/finding.js';
import { problemLevel, problemText } from '../../findings/scan-problem.js';
import { ChunkScanner, type ScannerConfig } from '../../scan/chunk-scanner.js';
import { runWorkers, workerScript } from '../../scan/worker-pool.js';
import { pathMatcher } from '../path-filter.js';
import { drainSource, eventStream, type ScanProgress, type ScanSource, type SourceContext, type SourceEvent, type SourceTotals } from '../source.js';
import { ObjectReader } from './cat-file.js';
import { listHistoryCommits, listRangeCommits } from './commit-list.js';
import { FirstAddedIndex, scanCommitBatch, toScanChunk, type CommitBatchResult } from './commits.js';
import { GitRangeError } from './errors.js';
import { GitError, NO_LAZY_FETCH, streamGitLines } from './git.js';
import type { GitBatch, GitBatchResult, GitWorkerData } from './git-worker.js';
import type { GitMode } from './mode.js';
import { absentObjects, fetchObjects, promisorRemote } from './partial-clone.js';
import { PATCH_FLAGS, PatchParser, type PatchChunk, type PatchParserEvents } from './patch-parser.js';
import { repoInfo, type RepoInfo } from './repo.js';
import { SkipCollector } from './skips.js';
import { scanStagedObjects } from './staged-objects.js';

export type { GitMode };
export type GitProgress = ScanProgress;

export interface GitSourceOptions {
  /** The repository, with what git said about it (see repo.ts). */
  info: RepoInfo;
  mode: GitMode;
  /** In a partial clone, fetch the objects the scan needs from the promisor remote, in one batch, first. */
  fetchMissing?: boolean;
  /**
   * An object that cannot be read: list it skipped and go on ('skip', the default), or stop the
   * scan with git's error ('fail': an org scan records such a repository as failed rather than
   * record an incomplete history as complete).
   */
  onUnreadable?: 'skip' | 'fail';
}

/** Staged changes, a commit range or the history of a repository. */
export function gitSource(options: GitSourceOptions): ScanSource {
  const root = options.info.topLevel ?? options.info.dir;
  return {
    kind: 'git',
    root,
    git: { info: options.info, mode: options.mode },
    scope: (): ScanScope => ({ source: 'git', root }),
    scan: (context) => eventStream<SourceEvent, SourceTotals>((emit) => scanRepository(options, context, emit)),
  };
}

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
  fetchMissing?: boolean;
  onUnreadable?: 'skip' | 'fail';
}

export interface GitScanResult {
  findings: Finding[];
  stats: ScanStats;
  /** Objects (commits, trees, blobs) that could not be read: the scan did not cover everything. */
  unreadable: number;
}

/** Run a git source to its end, for callers that want the result at once (an org scan, tests). */
export async function scanGit(options: GitScanOptions): Promise<GitScanResult> {
  const info = options.repoInfo ?? (await repoInfo(path.resolve(options.repo)));
  let scanner = options.scanner;
  const source = gitSource({ info, mode: options.mode, fetchMissing: options.fetchMissing, onUnreadable: options.onUnreadable });
  const context: SourceContext = {
    scanner: () => (scanner ??= new ChunkScanner(options.config)),
    scannerConfig: options.config,
    maxFileSize: options.maxFileSize,
    allowPaths: { globs: options.excludeGlobs },
    jobs: options.jobs,
    signal: options.signal,
  };
  const { findings, stats, unreadable } = await drainSource(source, context, (event) => {
    if (event.kind === 'progress') options.onProgress?.(event.progress);
    else if (problemLevel(event.problem) !== 'recorded') options.onWarning?.(problemText(event.problem));
  });
  return { findings, stats, unreadable: unreadable ?? 0 };
}

/** Commits per worker batch: large enough to amortise a git start, small enough to balance load. */
const BATCH_COMMITS = 1000;
/** Below this many commits a range is scanned in the main thread. */
const PARALLEL_MIN_COMMITS = 200;

async function scanRepository(options: GitSourceOptions, context: SourceContext, emit: (event: SourceEvent) => void): Promise<SourceTotals> {
  const started = performance.now();
  const { info, mode } = options;
  const stats: ScanStats = { sources: 0, bytes: 0, chunks: 0, durationMs: 0, skipped: [], commits: 0 };
  const skips = new SkipCollector((problem) => emit({ kind: 'problem', problem }), options.onUnreadable === 'fail');
  let findings: Finding[];

  if (mode.kind === 'staged') {
    findings = await scanStaged(info, context, stats, skips, options.onUnreadable === 'fail');
  } else {
    const commits = mode.kind === 'diff' ? await listRangeCommits(info, mode.range, skips) : await listHistoryCommits(info, mode, skips);
    const source = mode.kind === 'diff' ? 'diff' : 'history';
    const fromObjects = commits.length > 0 && (await preparePartialClone(info, commits, options.fetchMissing === true, context.signal, skips));
    findings = await scanCommitList(info, commits, source, context, stats, skips, { fromObjects, strict: options.onUnreadable === 'fail' }, emit);
  }
  if (findings.length > 0) emit({ kind: 'findings', findings });
  stats.skipped = skips.finish();
  stats.durationMs = Math.round(performance.now() - started);
  return { stats, unreadable: skips.unreadable };
}

async function scanStaged(info: RepoInfo, context: SourceContext, stats: ScanStats, skips: SkipCollector, strict: boolean): Promise<Finding[]> {
  if (info.bare) throw new GitRangeError(`${info.dir} is a bare repository: it has no index, so nothing is staged`);
  const scanner = context.scanner();
  const excluded = pathMatcher(context.allowPaths.globs);
  const findings: Finding[] = [];
  const files = new Set<string>();
  const events: PatchParserEvents = {
    chunk: (chunk: PatchChunk) => {
      if (excluded(chunk.path)) return;
      files.add(chunk.path);
      stats.bytes += chunk.bytes;
      stats.chunks++;
      findings.push(...scanner.scan(toScanChunk(chunk, 'staged')));
    },
    skip: (code, p, reason) => skips.add({ code, path: p, message: reason }),
  };
  const parser = new PatchParser(events, context.maxFileSize);
  const listed = skips.mark();
  try {
    // Rename detection: a moved file adds nothing, its edits do. Works before the first commit too.
    await streamGitLines(info.topLevel ?? info.dir, ['diff', '--cached', '-M', ...PATCH_FLAGS], (buf, start, end) => parser.lineBytes(buf, start, end), {
      signal: context.signal,
      env: NO_LAZY_FETCH,
    });
    parser.end();
  } catch (error) {
    if (!(error instanceof GitError) || context.signal?.aborted || strict) throw error;
    // An object git could not read stopped the diff: start over from the objects, skipping only
    // what cannot be read.
    findings.length = 0;
    files.clear();
    stats.bytes = 0;
    stats.chunks = 0;
    skips.rewind(listed);
    const objects = new ObjectReader(info.topLevel ?? info.dir);
    try {
      await scanStagedObjects(info, objects, events, context.maxFileSize, (message) => skips.warn(message));
    } finally {
      objects.close();
    }
  }
  stats.sources = files.size;
  return findings;
}

/**
 * In a partial clone, decide how commits are read: from their objects (true), listing what was
 * never fetched, or, with `fetchMissing`, with `git log -p` once the missing objects are fetched.
 */
async function preparePartialClone(info: RepoInfo, commits: string[], fetchMissing: boolean, signal: AbortSignal | undefined, skips: SkipCollector): Promise<boolean> {
  const remote = await promisorRemote(info.dir);
  if (remote === undefined) {
    if (fetchMissing) skips.warn('--fetch-missing: this repository is not a partial clone; there is nothing to fetch');
    return false;
  }
  skips.promisor = remote;
  if (!fetchMissing) return true;
  const absent = await absentObjects(info.dir, commits, signal);
  if (absent.size === 0) return false;
  skips.warn(`fetching ${absent.size} object${absent.size === 1 ? '' : 's'} this partial clone lacks from "${remote}" in one batch`);
  try {
    await fetchObjects(info.dir, remote, absent);
    return false;
  } catch (error) {
    skips.warn(`could not fetch the missing objects from "${remote}" (${error instanceof Error ? error.message : String(error)}); scanning what is here`);
    return true;
  }
}

async function scanCommitList(
  info: RepoInfo,
  commits: string[],
  source: 'history' | 'diff',
  context: SourceContext,
  stats: ScanStats,
  skips: SkipCollector,
  read: { fromObjects: boolean; strict: boolean },
  emit: (event: SourceEvent) => void,
): Promise<Finding[]> {
  const index = new FirstAddedIndex();
  const started = performance.now();
  const merge = (r: CommitBatchResult): void => {
    for (const f of r.findings) index.add(f);
    stats.commits = (stats.commits ?? 0) + r.commits;
    stats.bytes += r.bytes;
    stats.chunks += r.chunks;
    for (const s of r.skipped) skips.add(s);
    emit({
      kind: 'progress',
      progress: { commitsDone: stats.commits, commitsTotal: commits.length, bytes: stats.bytes, elapsedMs: performance.now() - started },
    });
  };
  const jobs = Math.max(1, context.jobs ?? availableParallelism());
  if (commits.length === 0) {
    // Nothing to do is a fact worth stating, not a silent pass.
    skips.warn(`no commits to scan${source === 'diff' ? ' in the range (base and head are the same)' : ''}`);
  } else if (jobs === 1 || commits.length < PARALLEL_MIN_COMMITS) {
    const scanner = context.scanner();
    const excluded = pathMatcher(context.allowPaths.globs);
    for (let i = 0; i < commits.length; i += BATCH_COMMITS) {
      merge(
        await scanCommitBatch(info.dir, commits.slice(i, i + BATCH_COMMITS), scanner, {
          source,
          firstOrder: i,
          maxFileBytes: context.maxFileSize,
          excluded,
          signal: context.signal,
          ...read,
        }),
      );
    }
  } else {
    const data: GitWorkerData = {
      config: context.scannerConfig,
      repo: info.dir,
      source,
      maxFileBytes: context.maxFileSize,
      excludeGlobs: [...context.allowPaths.globs],
      ...read,
    };
    await runWorkers<GitBatch, GitBatchResult>(workerScript('git-worker', import.meta.url), data, batches(commits, jobs), jobs, merge, context.signal);
  }
  stats.sources = stats.commits ?? 0;
  return index.findings();
}

/** Batches sized so every worker gets several (for balance), but never tiny. */
function* batches(commits: string[], jobs: number): Generator<GitBatch> {
  const size = Math.max(50, Math.min(BATCH_COMMITS, Math.ceil(commits.length / (jobs * 8))));
  for (let i = 0; i < commits.length; i += size) yield { commits: commits.slice(i, i + size), firstOrder: i };
}
