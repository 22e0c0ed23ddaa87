/**
 * The files source (`sprawlguard scan PATH…`): enumerate files, scan them (in worker threads when
 * there is enough to do), and report findings and skips as they come. Small scans (a pre-commit
 * hook, a handful of files) stay in the main thread: starting workers costs more than it saves
 * below a few megabytes.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Finding, ScanScope, ScanStats } from '../../findings/finding.js';
import { toSkipped, type ScanProblem } from '../../findings/scan-problem.js';
import { runWorkers, workerScript } from '../../scan/worker-pool.js';
import { pathMatcher } from '../path-filter.js';
import { eventStream, type ScanSource, type SourceContext, type SourceEvent, type SourceTotals } from '../source.js';
import { scanBatch, scanFile, type FileBatch, type FileBatchResult } from './read.js';
import { enumerateFiles, plannedSize, resolveRoots, type FileEntry } from './walk.js';

export interface FilesSourceOptions {
  paths: readonly string[];
  /** Set false to walk directories even inside a git work tree (scans ignored files too). */
  useGit?: boolean;
  /**
   * Report facts that are not skips (a named path git ignores, scanned anyway). Off, no git process
   * is started only to learn them.
   */
  notes?: boolean;
  cwd?: string;
}

/** Files and directories on disk. */
export function filesSource(options: FilesSourceOptions): ScanSource {
  const cwd = options.cwd ?? process.cwd();
  const absolute = options.paths.map((p) => path.resolve(cwd, p));
  // A single directory argument: paths are relative to it (and its config applies); otherwise the working directory.
  const only = absolute.length === 1 ? (absolute[0] as string) : undefined;
  const root = only !== undefined && statSync(only, { throwIfNoEntry: false })?.isDirectory() ? only : cwd;
  return {
    kind: 'files',
    root,
    scope: (): ScanScope => ({ source: 'files', root, paths: absolute }),
    scan: (context) => eventStream<SourceEvent, SourceTotals>((emit) => scanFiles(options, context, emit)),
  };
}

/** The size of a file, or -1 (unknown: the reader will find out) when it cannot be stat'ed. */
function sizeOnDisk(entry: FileEntry): number {
  try {
    return statSync(entry.rawPath ? Buffer.from(entry.rawPath) : entry.absPath).size;
  } catch {
    return -1;
  }
}

/** Below this much input, workers are not worth their start-up cost, even when asked for (`--jobs`). */
const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
/**
 * Without `--jobs`, workers start only above this much input. Each thread compiles the rules'
 * regexes and warms up its own JIT: over a second of CPU before it scans as fast as a warm one, so
 * a second thread shortens a scan of a few thousand files by less than it costs (bench/README.md).
 */
const AUTO_PARALLEL_MIN_BYTES = 48 * 1024 * 1024;
const BATCH_BYTES = 2 * 1024 * 1024;
const BATCH_FILES = 256;

async function scanFiles(options: FilesSourceOptions, context: SourceContext, emit: (event: SourceEvent) => void): Promise<SourceTotals> {
  const started = performance.now();
  const skipped: ScanProblem[] = [];
  const onSkip = (problem: ScanProblem): void => {
    skipped.push(problem);
    emit({ kind: 'problem', problem });
  };
  const roots = await resolveRoots(options.paths, options.cwd);
  const globs = context.allowPaths.globs;
  const excludedByGlob = pathMatcher(globs, context.allowPaths.base);
  // Counted so that an allowlist leaving out most of the tree is reported, not silent.
  let allowlisted = 0;
  const files = enumerateFiles(roots, {
    maxFileSize: context.maxFileSize,
    excluded: (relPath) => excludedByGlob(relPath) && ++allowlisted > 0,
    onSkip,
    onNote: options.notes ? (problem) => emit({ kind: 'problem', problem }) : undefined,
    signal: context.signal,
    useGit: options.useGit,
  })[Symbol.asyncIterator]();
  const jobs = Math.max(1, context.jobs ?? availableParallelism());
  const parallelMin = context.jobs === undefined ? AUTO_PARALLEL_MIN_BYTES : PARALLEL_MIN_BYTES;
  // Enumerate until it is clear whether workers pay off: the whole list when it is small, or the
  // first `parallelMin` bytes of it, after which the rest streams to workers as it is found.
  const head: FileEntry[] = [];
  let headBytes = 0;
  let enumerated = false;
  for (;;) {
    const next = await files.next();
    if (next.done) {
      enumerated = true;
      break;
    }
    const entry = next.value;
    // Walked files come without a size; the decision needs real ones (a stat for each of the
    // first few megabytes' worth of files, when workers are possible at all).
    if (jobs > 1 && entry.size < 0) entry.size = sizeOnDisk(entry);
    head.push(entry);
    headBytes += plannedSize(entry);
    if (jobs > 1 && headBytes >= parallelMin && head.length >= 2) break;
  }

  const stats: ScanStats = { sources: 0, bytes: 0, chunks: 0, durationMs: 0, skipped: [] };
  const found = (findings: Finding[]): void => {
    if (findings.length > 0) emit({ kind: 'findings', findings });
  };
  const collect = (r: { findings: Finding[]; bytes: number; chunks: number; skipped?: ScanProblem }): void => {
    found(r.findings);
    stats.bytes += r.bytes;
    stats.chunks += r.chunks;
    if (r.skipped) onSkip(r.skipped);
    else stats.sources++;
  };

  if (enumerated) {
    for (const entry of head) {
      if (context.signal?.aborted) break;
      const scanner = context.scanner();
      collect(await scanFile(entry, scanner));
      for (const limit of scanner.takeLimits()) onSkip(limit);
    }
  } else {
    const onResult = (result: FileBatchResult): void => {
      found(result.findings);
      stats.bytes += result.bytes;
      stats.chunks += result.chunks;
      stats.sources += result.files;
      for (const s of result.skipped) onSkip(s);
    };
    // This thread scans batches too, as one of the jobs (see runWorkers).
    const local = (entries: FileBatch): Promise<FileBatchResult> => scanBatch(entries, context.scanner(), context.signal);
    await runWorkers<FileBatch, FileBatchResult>(workerScript('worker', import.meta.url), context.scannerConfig, batches(head, files), jobs - 1, onResult, context.signal, local);
  }
  // Workers finish in any order: keep the report the same from run to run.
  skipped.sort((a, b) => ((a.path ?? '') < (b.path ?? '') ? -1 : (a.path ?? '') > (b.path ?? '') ? 1 : 0));
  stats.skipped = skipped.map(toSkipped);
  if (globs.length > 0) stats.allowlisted = allowlisted;
  stats.durationMs = Math.round(performance.now() - started);
  return { stats };
}

/**
 * Batches of roughly equal bytes: the files found so far, largest first, then the rest as
 * enumeration finds them. Between batches the event loop runs, so workers get new batches (and
 * their results are taken in) while enumeration goes on.
 */
async function* batches(head: FileEntry[], rest: AsyncIterator<FileEntry>): AsyncGenerator<FileBatch> {
  let current: FileEntry[] = [];
  let bytes = 0;
  const add = (entry: FileEntry): FileEntry[] | undefined => {
    current.push(entry);
    bytes += plannedSize(entry);
    if (bytes < BATCH_BYTES && current.length < BATCH_FILES) return undefined;
    const full = current;
    current = [];
    bytes = 0;
    return full;
  };
  for (const entry of [...head].sort((a, b) => plannedSize(b) - plannedSize(a))) {
    const full = add(entry);
    if (full) yield full;
  }
  for (;;) {
    const next = await rest.next();
    if (next.done) break;
    const full = add(next.value);
    if (full) {
      yield full;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (current.length > 0) yield current;
}
