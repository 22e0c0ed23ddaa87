/**
 * Scan what commits add: stream `git log -p -U0` for a batch of commits through the patch parser
 * and the engine. Used in worker threads for history scans and in the main thread for short ranges
 * and staged changes.
 */
import type { Finding, SkippedSource, SourceKind } from '../findings/finding.js';
import { PATCH_FLAGS, streamGitLines } from '../sources/git/git.js';
import { COMMIT_FORMAT, PatchParser, type CommitMeta, type PatchChunk } from '../sources/git/patch-parser.js';
import type { ChunkScanner } from './chunk-scanner.js';

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
}

/** Scan each listed commit's own changes (against its first parent; root commits in full). */
export async function scanCommitBatch(
  repo: string,
  commits: readonly string[],
  scanner: ChunkScanner,
  options: CommitBatchOptions,
): Promise<CommitBatchResult> {
  const result: CommitBatchResult = { findings: [], commits: 0, bytes: 0, chunks: 0, skipped: [] };
  let position = -1;
  const parser = new PatchParser(
    {
      commit: () => {
        position++;
        result.commits++;
      },
      chunk: (chunk) => {
        if (options.excluded?.(chunk.path)) return;
        result.bytes += chunk.bytes;
        result.chunks++;
        for (const finding of scanner.scan(toScanChunk(chunk, options.source))) {
          result.findings.push({ finding, order: options.firstOrder + position });
        }
      },
      skip: (path, reason, commit) => result.skipped.push(skipEntry(path, reason, commit)),
    },
    options.maxFileBytes,
  );
  await streamGitLines(
    repo,
    // --cc: merges show only what differs from every parent, so a secret added while resolving a
    // conflict is seen; what a merge brings in from its parents was scanned in their commits.
    ['log', '-p', '--cc', ...PATCH_FLAGS, '--no-renames', `--format=${COMMIT_FORMAT}`, '--no-walk=unsorted', '--stdin'],
    (buf, start, end) => parser.lineBytes(buf, start, end),
    { input: `${commits.join('\n')}\n`, signal: options.signal },
  );
  parser.end();
  result.skipped.push(...scanner.takeLimits());
  return result;
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
