/**
 * Scan many repositories into the inventory: fetch each into the clone cache (or use it where it
 * lies, for local paths), scan its full history, and record the findings, the head they were found
 * at and the repository's state — one transaction per repository.
 *
 * - A repository whose refs are the same as at its last complete scan is not scanned again (its
 *   occurrences are marked seen). That makes a scheduled run cheap, and makes a run that was
 *   interrupted resume where it stopped: finished repositories are skipped, the rest are scanned.
 * - A repository that fails (clone error, corrupt object, timeout) is recorded with its error and
 *   the run goes on.
 * - The inventory failing (locked for too long by another process, damaged) is not a repository's
 *   failure: the run stops, the repositories in flight are abandoned unrecorded, and the error is
 *   thrown once they have stopped.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import type { Finding } from '../findings/finding.js';
import { FINGERPRINT_SCHEME } from '../findings/fingerprint.js';
import { sharedScanner, type ScannerConfig } from '../scan/chunk-scanner.js';
import { scanGit } from '../sources/git/source.js';
import { GitError } from '../sources/git/git.js';
import { branchesContaining, codeOwnersAtHead, findingsPresentAtHead, refsState } from './git-facts.js';
import { InventoryError } from '../inventory/errors.js';
import type { Inventory } from '../inventory/inventory.js';
import { occurrenceAtHeadKey } from '../inventory/records.js';
import { syncMirror, type GitAuth } from './mirror.js';
import { withoutCredentials, type RepoTarget } from './targets.js';

export interface OrgScanOptions {
  targets: readonly RepoTarget[];
  inventory: Inventory;
  runId: number;
  /** Where bare mirrors of URL repositories are kept between runs. */
  cacheDir: string;
  scanner: ScannerConfig;
  maxFileSize: number;
  excludeGlobs: readonly string[];
  /** The configuration's report filters (allowlisted fingerprints, minimum confidence). */
  filterFindings?: (findings: Finding[]) => Finding[];
  /** Worker threads per repository scan (default: one per core). */
  jobs?: number;
  /** Repositories in flight at once. Default 2. */
  concurrency?: number;
  /** Per repository, fetch and scan together. */
  timeoutMs?: number;
  auth?: GitAuth;
  /**
   * Identifies the rules and settings of this run (see `settingsDigest()`): a repository last
   * scanned with others is scanned again even when its refs did not change.
   */
  settingsDigest?: string;
  /** Scan every repository even when its refs are unchanged. */
  force?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: RepoEvent) => void;
}

export type RepoOutcome = 'scanned' | 'unchanged' | 'failed' | 'interrupted';

export interface RepoEvent {
  name: string;
  outcome: RepoOutcome;
  /** 1-based position in the run. */
  position: number;
  total: number;
  durationMs: number;
  cloned?: boolean;
  commits?: number;
  bytes?: number;
  secrets?: number;
  occurrences?: number;
  removedFromHead?: number;
  error?: string;
  warnings?: string[];
}

export interface OrgScanSummary {
  total: number;
  scanned: number;
  unchanged: number;
  failed: number;
  interrupted: boolean;
  events: RepoEvent[];
}

const MAX_ERROR_LENGTH = 600;

class RepoTimeout extends Error {}

export async function scanRepositories(options: OrgScanOptions): Promise<OrgScanSummary> {
  const total = options.targets.length;
  const events: RepoEvent[] = [];
  let next = 0;
  let done = 0;
  // Stops the run on the user's signal, or when the inventory itself fails.
  const stop = new AbortController();
  let fatal: InventoryError | undefined;
  const onOuterAbort = (): void => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) onOuterAbort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const inner: OrgScanOptions = { ...options, signal: stop.signal };
  const worker = async (): Promise<void> => {
    while (!stop.signal.aborted) {
      const index = next++;
      const target = options.targets[index];
      if (!target) return;
      let event: PartialEvent;
      try {
        event = await scanOneGuarded(target, inner);
      } catch (error) {
        if (!(error instanceof InventoryError)) throw error;
        fatal ??= error;
        stop.abort(error);
        return;
      }
      if (fatal) return;
      done++;
      const full: RepoEvent = { ...event, position: done, total };
      events.push(full);
      options.onEvent?.(full);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 2, total)) }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
  if (fatal) throw fatal;
  const count = (o: RepoOutcome): number => events.filter((e) => e.outcome === o).length;
  return {
    total,
    scanned: count('scanned'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    interrupted: options.signal?.aborted === true || count('interrupted') > 0,
    events,
  };
}

type PartialEvent = Omit<RepoEvent, 'position' | 'total'>;

/** One repository with its time limit; whatever happens to it, an event comes back and the run goes on (an inventory failure is thrown). */
async function scanOneGuarded(target: RepoTarget, options: OrgScanOptions): Promise<PartialEvent> {
  const started = performance.now();
  const controller = new AbortController();
  const onOuterAbort = (): void => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const timer =
    options.timeoutMs !== undefined
      ? setTimeout(() => controller.abort(new RepoTimeout(`timed out after ${(options.timeoutMs ?? 0) / 1000} s`)), options.timeoutMs)
      : undefined;
  // Some work (worker threads) does not stop on abort: stop waiting for it instead.
  const stopped = new Promise<never>((_resolve, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true });
  });
  stopped.catch(() => undefined);
  const location = target.kind === 'url' ? withoutCredentials(target.location) : target.location;
  try {
    return await Promise.race([scanOne(target, location, options, controller.signal, started), stopped]);
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    // The inventory failing stops the run (scanRepositories); it says nothing about the repository.
    if (error instanceof InventoryError) throw error;
    if (options.signal?.aborted) return { name: target.name, outcome: 'interrupted', durationMs };
    const message = oneLine(describeError(error));
    options.inventory.markRepoFailed(target.name, location, message, options.runId);
    return { name: target.name, outcome: 'failed', durationMs, error: message };
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

async function scanOne(
  target: RepoTarget,
  location: string,
  options: OrgScanOptions,
  signal: AbortSignal,
  started: number,
): Promise<PartialEvent> {
  const { inventory, runId } = options;
  const previous = inventory.repoState(target.name);
  const unchanged = (): PartialEvent => {
    inventory.touchRepo(target.name, runId);
    return { name: target.name, outcome: 'unchanged', durationMs: Math.round(performance.now() - started) };
  };
  const sameSettings = previous?.settingsDigest === options.settingsDigest;
  // The hosting API says nothing was pushed since the last complete scan: not even a fetch.
  if (!options.force && previous?.state === 'done' && sameSettings && target.pushedAt !== undefined && previous.pushedAt === target.pushedAt) {
    return unchanged();
  }

  let dir: string;
  let cloned: boolean | undefined;
  if (target.kind === 'url') {
    ({ dir, cloned } = await syncMirror({
      url: target.location,
      name: target.name,
      cacheDir: options.cacheDir,
      auth: options.auth,
      defaultBranch: target.defaultBranch,
      timeoutMs: options.timeoutMs,
      signal,
    }));
  } else {
    if (!existsSync(target.location) || !statSync(target.location).isDirectory()) throw new Error(`${target.location}: no such directory`);
    dir = target.location;
  }
  signal.throwIfAborted();
  const refs = await refsState(dir);
  if (!options.force && previous?.state === 'done' && sameSettings && previous.refsDigest === refs.digest) return unchanged();

  inventory.markRepoScanning(target.name, location, runId);
  const warnings: string[] = [];
  const { findings, stats } = await scanGit({
    repo: dir,
    mode: { kind: 'history' },
    config: options.scanner,
    scanner: sharedScanner(options.scanner),
    maxFileSize: options.maxFileSize,
    excludeGlobs: options.excludeGlobs,
    jobs: options.jobs,
    signal,
    // A history with unreadable objects is recorded as a failure, never as complete.
    onUnreadable: 'fail',
    onWarning: (message) => {
      if (warnings.length < 20) warnings.push(message);
    },
  });
  signal.throwIfAborted();
  const kept = options.filterFindings ? options.filterFindings(findings) : findings;
  const presentAtHead = await findingsPresentAtHead(dir, kept, options.scanner, options.maxFileSize, refs.head);
  const branches = await branchesContaining(
    dir,
    kept.flatMap((f) => (f.location.commit ? [f.location.commit] : [])),
    refs.refs,
  );
  const codeowners = await codeOwnersAtHead(dir, refs.head);
  // Checked right before the (synchronous) write: a repository stopped by its time limit or by the
  // user records nothing, even if its scan finishes later.
  signal.throwIfAborted();
  const durationMs = Math.round(performance.now() - started);
  const summary = inventory.transaction(() => {
    const recorded = inventory.recordFindings(runId, kept, {
      repo: target.name,
      completeFor: ['history', 'diff', 'staged'],
      seenButFiltered: kept.length < findings.length ? findings : undefined,
      presentAtHead,
      branches,
    });
    inventory.markRepoDone(
      target.name,
      location,
      {
        head: refs.head,
        refsDigest: refs.digest,
        pushedAt: target.pushedAt,
        settingsDigest: options.settingsDigest,
        commits: stats.commits,
        bytes: stats.bytes,
        findings: kept.length,
        durationMs,
        codeowners,
      },
      runId,
    );
    return recorded;
  });
  const removedFromHead = kept.filter((f) => f.location.source === 'history').length - countPresent(kept, presentAtHead);
  return {
    name: target.name,
    outcome: 'scanned',
    durationMs,
    cloned,
    commits: stats.commits,
    bytes: stats.bytes,
    secrets: summary.secrets,
    occurrences: summary.occurrences,
    removedFromHead,
    warnings: warnings.length > 0 ? warnings : undefined,
  };
}

/**
 * What decides the findings of a scan, besides the repository: the tool version, the rules, the
 * scanner settings and the report filters. The fingerprint key is not part of it (a digest derived
 * from a key is not stored anywhere): after changing the key, run with --force.
 */
export function settingsDigest(parts: { toolVersion: string; scanner: ScannerConfig; maxFileSize: number; excludeGlobs: readonly string[]; filters?: unknown }): string {
  const { fingerprintKey: _key, ...scanner } = parts.scanner;
  // The fingerprint scheme decides what the findings are called: a new one rescans everything once.
  const text = JSON.stringify({ ...parts, scanner, fingerprints: FINGERPRINT_SCHEME });
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

function countPresent(findings: readonly Finding[], present: ReadonlySet<string>): number {
  return findings.filter((f) => present.has(occurrenceAtHeadKey(f.fingerprint, f.location.path))).length;
}

/** git's own words without the (long, internal) command line. */
function describeError(error: unknown): string {
  if (error instanceof GitError) return `git ${error.args[0] ?? ''} failed${error.code !== null ? ` (exit ${error.code})` : ''}: ${error.stderr.trim() || 'no output'}`;
  return error instanceof Error ? error.message : String(error);
}

function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' | ').trim();
  return flat.length > MAX_ERROR_LENGTH ? `${flat.slice(0, MAX_ERROR_LENGTH)}…` : flat;
}

