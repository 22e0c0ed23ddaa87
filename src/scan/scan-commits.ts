/**
 * Scan what commits add: stream `git log -p -U0` for a batch of commits through the patch parser
 * and the engine. Used in worker threads for history scans and in the main thread for short ranges.
 *
 * A commit git cannot show (an object it needs is missing or damaged) stops `git log`. The commits
 * before it keep their findings; that commit is read from its objects instead (scanCommitObjects,
 * which skips just what cannot be read, naming it), and `git log` goes on from the next one. In a
 * partial clone, where most old blobs were never fetched, every commit is read from its objects.
 */
import type { Finding, SkippedSource, SourceKind } from '../findings/finding.js';
import { NO_LAZY_FETCH, ObjectReader } from '../sources/git/cat-file.js';
import { GitError, PATCH_FLAGS, streamGitLines } from '../sources/git/git.js';
import { absentObjects } from '../sources/git/partial-clone.js';
import { COMMIT_FORMAT, PatchParser, type CommitMeta, type PatchChunk, type PatchParserEvents } from '../sources/git/patch-parser.js';
import type { ChunkScanner } from './chunk-scanner.js';
import { scanCommitObjects } from './commit-objects.js';

export interface OrderedFinding {
  finding: Finding;
  /** Position of the adding commit in the scan's oldest-first commit order. */
  order: number;
}

export interface CommitBatchResult {
  findings: OrderedFinding[];
  commits: number;
  bytes: number;
  chunks: number;
  skipped: SkippedSource[];
}

export interface CommitBatchOptions {
  source: Extract<SourceKind, 'history' | 'diff'>;
  /** Index of the batch's first commit in the whole scan's commit order. */
  firstOrder: number;
  maxFileBytes: number;
  /** Config path allowlist: chunks of matching paths are not scanned. */
  excluded?: (path: string) => boolean;
  signal?: AbortSignal;
  /** Read every commit from its objects (a partial clone: `git log -p` would stop at the first blob it lacks). */
  fromObjects?: boolean;
  /** A commit git cannot show stops the batch with git's error instead of being read from its objects. */
  strict?: boolean;
}

/** Scan each listed commit's own changes (against its first parent; root commits in full). */
export async function scanCommitBatch(
  repo: string,
  commits: readonly string[],
  scanner: ChunkScanner,
  options: CommitBatchOptions,
): Promise<CommitBatchResult> {
  const sink = new BatchSink(scanner, options);
  let objects: ObjectReader | undefined;
  try {
    if (options.fromObjects) {
      objects = new ObjectReader(repo, await absentObjects(repo, commits, options.signal));
      for (let i = 0; i < commits.length; i++) {
        options.signal?.throwIfAborted();
        sink.begin(i);
        await scanCommitObjects(objects, commits[i] as string, sink.events, options.maxFileBytes);
      }
      return sink.finish();
    }
    for (let start = 0; start < commits.length; ) {
      const failed = await scanPatches(repo, commits, start, sink, options);
      if (failed === undefined) break;
      // git stopped inside that commit, or before showing it: drop what it gave and read the
      // commit from its objects.
      sink.rewind(failed);
      objects ??= new ObjectReader(repo);
      sink.begin(failed);
      await scanCommitObjects(objects, commits[failed] as string, sink.events, options.maxFileBytes);
      start = failed + 1;
    }
    return sink.finish();
  } finally {
    objects?.close();
  }
}

/** `git log -p` for commits[start…]; undefined when it got through, else the commit it stopped in. */
async function scanPatches(repo: string, commits: readonly string[], start: number, sink: BatchSink, options: CommitBatchOptions): Promise<number | undefined> {
  let position = -1;
  const parser = new PatchParser(
    {
      commit: () => sink.begin(start + ++position),
      chunk: (chunk) => sink.events.chunk(chunk),
      skip: (path, reason, commit) => sink.events.skip?.(path, reason, commit),
    },
    options.maxFileBytes,
  );
  try {
    await streamGitLines(
      repo,
      // --cc: merges show only what differs from every parent, so a secret added while resolving a
      // conflict is seen; what a merge brings in from its parents was scanned in their commits.
      ['log', '-p', '--cc', ...PATCH_FLAGS, '--no-renames', `--format=${COMMIT_FORMAT}`, '--no-walk=unsorted', '--stdin'],
      (buf, lineStart, end) => parser.lineBytes(buf, lineStart, end),
      { input: `${commits.slice(start).join('\n')}\n`, signal: options.signal, env: NO_LAZY_FETCH },
    );
  } catch (error) {
    if (!(error instanceof GitError) || options.signal?.aborted || options.strict) throw error;
    return start + Math.max(position, 0);
  }
  parser.end();
  return undefined;
}

/** Collects a batch's results commit by commit, so the results of a commit git stopped in can be dropped. */
class BatchSink {
  readonly result: CommitBatchResult = { findings: [], commits: 0, bytes: 0, chunks: 0, skipped: [] };
  private current = -1;
  private mark = { findings: 0, skipped: 0, commits: 0, bytes: 0, chunks: 0 };
  readonly events: PatchParserEvents;

  constructor(
    private readonly scanner: ChunkScanner,
    options: CommitBatchOptions,
  ) {
    this.events = {
      chunk: (chunk) => {
        if (options.excluded?.(chunk.path)) return;
        this.result.bytes += chunk.bytes;
        this.result.chunks++;
        for (const finding of scanner.scan(toScanChunk(chunk, options.source))) {
          this.result.findings.push({ finding, order: options.firstOrder + this.current });
        }
      },
      skip: (path, reason, commit) => this.result.skipped.push(skipEntry(path, reason, commit)),
    };
  }

  /** Commit `index` of the batch starts. */
  begin(index: number): void {
    const r = this.result;
    this.current = index;
    this.mark = { findings: r.findings.length, skipped: r.skipped.length, commits: r.commits, bytes: r.bytes, chunks: r.chunks };
    r.commits++;
  }

  /** Forget what commit `index` gave so far (nothing, when it never started). */
  rewind(index: number): void {
    if (this.current !== index) return;
    const r = this.result;
    r.findings.length = this.mark.findings;
    r.skipped.length = this.mark.skipped;
    r.commits = this.mark.commits;
    r.bytes = this.mark.bytes;
    r.chunks = this.mark.chunks;
  }

  /** The batch's results, with what the scanner's budgets cut short. */
  finish(): CommitBatchResult {
    this.result.skipped.push(...this.scanner.takeLimits());
    return this.result;
  }
}

export function toScanChunk(chunk: PatchChunk, source: SourceKind): Parameters<ChunkScanner['scan']>[0] {
  const origin = {
    source,
    path: chunk.path,
    line: chunk.lineMap[0] ?? 1,
    ...(chunk.commit ? commitOrigin(chunk.commit) : {}),
  };
  return { text: chunk.text, origin, lineMap: chunk.lineMap };
}

function commitOrigin(meta: CommitMeta): { commit: string; author: string; date: string } {
  return { commit: meta.commit, author: meta.author, date: meta.date };
}

function skipEntry(path: string, reason: string, commit?: CommitMeta): SkippedSource {
  return { path: commit ? `${path}@${commit.commit.slice(0, 12)}` : path, reason };
}

/**
 * Keep one finding per (rule, secret, path): the one from the earliest commit, so a secret that was
 * added, removed and re-added is reported once, attributed to the commit that first added it.
 */
export class FirstAddedIndex {
  private readonly byKey = new Map<string, OrderedFinding>();

  add(entry: OrderedFinding): void {
    const f = entry.finding;
    const key = `${f.ruleId}\0${f.fingerprint}\0${f.location.path}`;
    const current = this.byKey.get(key);
    if (
      !current ||
      entry.order < current.order ||
      (entry.order === current.order && f.location.line < current.finding.location.line)
    ) {
      this.byKey.set(key, entry);
    }
  }

  findings(): Finding[] {
    return [...this.byKey.values()].map((e) => e.finding);
  }
}
