/**
 * The one interface every source (files, standard input, staged changes, a commit range, the
 * history, ticket exports) presents to the pipeline (src/pipeline/run.ts). gitleaks'
 * `Fragments(ctx, yield)` is the model: a source reads its input as chunks of text with their
 * origin, runs each through the scanner it is given, and yields what it found and what it could not
 * read as it goes, honouring the context's AbortSignal; its last word is its totals.
 *
 * Sources that fan out to worker threads (a large directory, a long history) keep the pool inside
 * this boundary: each thread builds its own scanner from `context.scannerConfig` and reads its share
 * of the input, and what the threads find comes back through the same events.
 */
import type { Finding, ScanScope, ScanStats } from '../findings/finding.js';
import type { ScanProblem } from '../findings/scan-problem.js';
import type { ChunkScanner, ScannerConfig } from '../scan/chunk-scanner.js';
import type { GitMode } from './git/mode.js';
import type { RepoInfo } from './git/repo.js';

/** History scans report how far they got, for a progress display. */
export interface ScanProgress {
  commitsDone: number;
  commitsTotal: number;
  bytes: number;
  elapsedMs: number;
}

export type SourceEvent =
  | { kind: 'findings'; findings: Finding[] }
  | { kind: 'problem'; problem: ScanProblem }
  | { kind: 'progress'; progress: ScanProgress };

export interface SourceTotals {
  /** What was read, and what was not, as the report records it. */
  stats: ScanStats;
  /** Git objects that could not be read: the scan did not cover everything. */
  unreadable?: number;
  /** Inputs that could not be read at all (ticket exports): the report is incomplete. */
  failures?: ScanProblem[];
}

/** The configuration's `allowlist.paths`, for sources that read paths. */
export interface PathAllowlist {
  /** minimatch globs of paths not to scan (see path-filter.ts). */
  globs: readonly string[];
  /** Prefix for root-relative paths before the globs match (they are written for a parent directory). */
  base?: string;
}

export interface SourceContext {
  /**
   * The scanner of this thread, built on first use: building one compiles every rule, which a
   * source that scans only in worker threads never needs.
   */
  scanner(): ChunkScanner;
  /** What scanners are built from: plain data, so each worker thread builds its own. */
  scannerConfig: ScannerConfig;
  /** Files and blobs larger than this are skipped, and listed. */
  maxFileSize: number;
  allowPaths: PathAllowlist;
  /** Worker threads the source may start; 1 keeps the scan in this thread. Default: one per core. */
  jobs?: number;
  signal?: AbortSignal;
}

export interface ScanSource {
  readonly kind: 'files' | 'stdin' | 'git' | 'tickets';
  /** Where the configuration is looked for, and what reported paths are relative to. */
  readonly root: string;
  /** A git source's repository and what it scans: the configuration of a range comes from its base (config/git-scope.ts). */
  readonly git?: { info: RepoInfo; mode: GitMode };
  /** What the report records about what was read, so `verify` finds it again; undefined for ticket exports. */
  scope(): ScanScope | undefined;
  scan(context: SourceContext): AsyncGenerator<SourceEvent, SourceTotals>;
}

/**
 * Run `body`, which reports through `emit`, as an async generator of what it emits, ending with
 * what it returns. Lets a source written with callbacks (a directory walk, a worker pool, a git
 * process streaming patches) present the one interface without holding its events back.
 */
export async function* eventStream<E, R>(body: (emit: (event: E) => void) => Promise<R>): AsyncGenerator<E, R> {
  let queue: E[] = [];
  let wake: (() => void) | undefined;
  let settled = false;
  const running = body((event) => {
    queue.push(event);
    wake?.();
  }).finally(() => {
    settled = true;
    wake?.();
  });
  // Rejections are taken at the end; until then they must not count as unhandled.
  running.catch(() => undefined);
  for (;;) {
    if (queue.length > 0) {
      const events = queue;
      queue = [];
      yield* events;
      continue;
    }
    if (settled) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
  return await running;
}

/** Everything a source yields, taken to its end: for callers that want the whole result at once. */
export async function drainSource(
  source: ScanSource,
  context: SourceContext,
  onEvent: (event: Exclude<SourceEvent, { kind: 'findings' }>) => void = () => undefined,
): Promise<SourceTotals & { findings: Finding[] }> {
  const findings: Finding[] = [];
  const events = source.scan(context);
  for (let next = await events.next(); ; next = await events.next()) {
    if (next.done) return { ...next.value, findings };
    const event = next.value;
    if (event.kind === 'findings') for (const finding of event.findings) findings.push(finding);
    else onEvent(event);
  }
}
