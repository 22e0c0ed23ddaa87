/**
 * `sprawlguard scan PATH…`: enumerate files, scan them (in worker threads when there is enough to
 * do), and collect findings and stats. Small scans (a pre-commit hook, a handful of files) stay in
 * the main thread: starting workers costs more than it saves below a few megabytes.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Finding, ScanStats, SkippedSource } from '../findings/finding.js';
import { enumerateFiles, plannedSize, resolveRoots, type FileEntry } from '../sources/files.js';
import { ChunkScanner, type ScannerConfig } from './chunk-scanner.js';
import { pathMatcher } from './path-filter.js';
import { scanFile } from './scan-file.js';
import type { FileBatch, FileBatchResult } from './worker.js';
import { runWorkers, workerScript } from './worker-pool.js';

export interface FileScanOptions {
  paths: readonly string[];
  config: ScannerConfig;
  maxFileSize: number;
  /** minimatch globs of paths not to scan. */
  excludeGlobs: readonly string[];
  /** Prefix for root-relative paths before the globs match (they are written for a parent directory). */
  excludeBase?: string;
  /** Worker threads; 1 scans in the main thread. Default: one per core. */
  jobs?: number;
  /** Called once per skipped source as soon as it is known (for stderr warnings). */
  onSkip?: (skipped: SkippedSource) => void;
  /** Called with facts that are not skips (a named path git ignores, scanned anyway). */
  onNote?: (message: string) => void;
  signal?: AbortSignal;
  useGit?: boolean;
  /** A scanner built from `config`, used when the scan stays in the main thread (--explain reads its rejections). */
  scanner?: ChunkScanner;
}

export interface ScanOutcome {
  findings: Finding[];
  stats: ScanStats;
}

/** The size of a file, or -1 (unknown: the reader will find out) when it cannot be stat'ed. */
function sizeOnDisk(entry: FileEntry): number {
  try {
    return statSync(entry.rawPath ? Buffer.from(entry.rawPath) : entry.absPath).size;
  } catch {
    return -1;
  }
}

/** Below this much input, workers are not worth their start-up cost. */
const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
const BATCH_BYTES = 2 * 1024 * 1024;
const BATCH_FILES = 256;

export async function scanFiles(options: FileScanOptions): Promise<ScanOutcome> {
  const started = performance.now();
  const skipped: SkippedSource[] = [];
  const onSkip = (s: SkippedSource): void => {
    skipped.push(s);
    options.onSkip?.(s);
  };
  const roots = await resolveRoots(options.paths);
  const excludedByGlob = pathMatcher(options.excludeGlobs, options.excludeBase);
  // Counted so that an allowlist leaving out most of the tree is reported, not silent.
  let allowlisted = 0;
  const files = enumerateFiles(roots, {
    maxFileSize: options.maxFileSize,
    excluded: (relPath) => excludedByGlob(relPath) && ++allowlisted > 0,
    onSkip,
    onNote: options.onNote,
    signal: options.signal,
    useGit: options.useGit,
  })[Symbol.asyncIterator]();
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  // Enumerate until it is clear whether workers pay off: the whole list when it is small, or the
  // first PARALLEL_MIN_BYTES of it, after which the rest streams to workers as it is found.
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
    if (jobs > 1 && headBytes >= PARALLEL_MIN_BYTES && head.length >= 2) break;
  }

  const findings: Finding[] = [];
  const stats: ScanStats = { sources: 0, bytes: 0, chunks: 0, durationMs: 0, skipped };
  const collect = (r: { findings: Finding[]; bytes: number; chunks: number; skipped?: SkippedSource }): void => {
    findings.push(...r.findings);
    stats.bytes += r.bytes;
    stats.chunks += r.chunks;
    if (r.skipped) onSkip(r.skipped);
    else stats.sources++;
  };

  if (enumerated) {
    const scanner = options.scanner ?? new ChunkScanner(options.config);
    for (const entry of head) {
      if (options.signal?.aborted) break;
      collect(await scanFile(entry, scanner));
      for (const limit of scanner.takeLimits()) onSkip(limit);
    }
  } else {
    const onResult = (result: FileBatchResult): void => {
      findings.push(...result.findings);
      stats.bytes += result.bytes;
      stats.chunks += result.chunks;
      stats.sources += result.files;
      for (const s of result.skipped) onSkip(s);
    };
    await runWorkers<FileBatch, FileBatchResult>(workerScript('worker', import.meta.url), options.config, batches(head, files), jobs, onResult, options.signal);
  }
  // Workers finish in any order: keep the report the same from run to run.
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (options.excludeGlobs.length > 0) stats.allowlisted = allowlisted;
  stats.durationMs = Math.round(performance.now() - started);
  return { findings, stats };
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
