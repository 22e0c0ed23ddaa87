/**
 * `scan --record`: a finished scan's (filtered) findings into the inventory, as one run. What the
 * scan covered decides how far it speaks for the inventory: a full history scan or a scan of one
 * directory is complete for that repository or directory (what it no longer finds is marked gone);
 * staged changes, ranges and partial histories only add what they saw.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { scannerConfig, type ScanSettings } from '../config/settings.js';
import type { Finding, ScanStats, SourceKind } from '../findings/finding.js';
import type { ScannerConfig } from '../scan/chunk-scanner.js';
import { dropUndefined } from './drop-undefined.js';
import { markRunFailed, openInventory } from './open-inventory.js';
import type { RecordScope, RecordSummary } from './records.js';

/** How the scan ran, as far as recording it goes (the scan command's options of the same names). */
export interface ScanCoverage {
  staged?: boolean;
  diff?: string;
  sinceCommit?: string;
  history?: boolean;
  branch?: string;
  since?: string;
  /** Repository of a git scan (default: the current directory). */
  repo?: string;
  minConfidence?: string;
  stdinName?: string;
  baseline?: string;
}

export interface RecordScanInput {
  /** The paths the scan was given (`-` for standard input). */
  paths: readonly string[];
  coverage: ScanCoverage;
  findings: readonly Finding[];
  stats: ScanStats;
  settings: ScanSettings;
  /** Git objects could not be read: the scan only adds what it saw, it marks nothing gone. */
  incomplete?: boolean;
  /** The inventory file. */
  file: string;
  fingerprintKey?: string;
  toolVersion: string;
  /** Receives notes about the inventory (earlier runs found interrupted). */
  say?: (line: string) => void;
}

/** Record a finished scan's findings; what was recorded. */
export async function recordScan(input: RecordScanInput): Promise<RecordSummary> {
  const { paths, coverage: opts, findings, stats, settings } = input;
  const gitSource: SourceKind | undefined = opts.staged ? 'staged' : opts.diff !== undefined || opts.sinceCommit !== undefined ? 'diff' : opts.history ? 'history' : undefined;
  const scope: RecordScope = {};
  // Findings the baseline or a minimum confidence removed were seen, not gone: such a scan only adds.
  const filtered = opts.baseline !== undefined || opts.minConfidence !== undefined || settings.minConfidence !== undefined;
  let target: string;
  let gitDir: string | undefined;
  if (gitSource) {
    const { repoInfo } = await import('../sources/git/git.js');
    const info = await repoInfo(path.resolve(opts.repo ?? '.'));
    gitDir = info.dir;
    target = realpathSync(info.topLevel ?? info.dir);
    scope.repo = target;
    if (gitSource === 'history' && opts.branch === undefined && opts.since === undefined && !filtered && !input.incomplete) scope.completeFor = ['history', 'diff', 'staged'];
  } else if (paths.includes('-')) {
    target = opts.stdinName ?? '-';
    scope.repo = '';
  } else if (paths.length === 1 && statSync(paths[0] as string, { throwIfNoEntry: false })?.isDirectory()) {
    // Paths in the findings are relative to this directory: it is the "repository" they belong to.
    target = realpathSync(paths[0] as string);
    scope.repo = target;
    if (!filtered) scope.completeFor = ['file'];
  } else {
    // Paths are relative to the current directory; several roots are never complete for it.
    target = realpathSync(process.cwd());
    scope.repo = target;
  }

  let refs: { head?: string; digest: string; refs: string[] } | undefined;
  if (gitDir && gitSource === 'history') {
    const { findingsPresentAtHead, branchesContaining, refsState } = await import('../org/git-facts.js');
    const scanner: ScannerConfig = scannerConfig(settings, { fingerprintKey: input.fingerprintKey });
    refs = await refsState(gitDir);
    scope.presentAtHead = await findingsPresentAtHead(gitDir, findings, scanner, settings.maxFileSize, refs.head);
    scope.branches = await branchesContaining(gitDir, findings.flatMap((f) => (f.location.commit ? [f.location.commit] : [])), refs.refs);
  }

  const inventory = openInventory(input.file, input.say);
  let runId: number | undefined;
  try {
    runId = inventory.startRun({
      kind: 'scan',
      target,
      toolVersion: input.toolVersion,
      // What was scanned and how; never the fingerprint key.
      options: dropUndefined({
        source: gitSource ?? (paths.includes('-') ? 'stdin' : 'file'),
        paths: gitSource ? undefined : [...paths],
        branch: opts.branch,
        since: opts.since,
        range: opts.diff ?? opts.sinceCommit,
        minConfidence: opts.minConfidence,
        config: settings.configFile,
      }),
    });
    const run = runId;
    const summary = inventory.transaction(() => {
      const recorded = inventory.recordFindings(run, findings, scope);
      if (scope.completeFor && gitSource === 'history' && scope.repo) {
        inventory.markRepoDone(scope.repo, scope.repo, { head: refs?.head, refsDigest: refs?.digest, commits: stats.commits, bytes: stats.bytes, findings: findings.length, durationMs: stats.durationMs }, run);
      }
      inventory.markAllowed(settings.allowFingerprints);
      for (const f of uniqueVerified(findings)) {
        const v = f.verification;
        if (v) inventory.recordVerification({ fingerprint: f.fingerprint, checkedAt: v.checkedAt, result: { status: v.status, reason: v.reason, identity: v.identity ? { summary: v.identity } : undefined } });
      }
      return recorded;
    });
    inventory.finishRun(runId, 'complete');
    return summary;
  } catch (error) {
    if (runId !== undefined) markRunFailed(inventory, runId);
    throw error;
  } finally {
    inventory.close();
  }
}

function uniqueVerified(findings: readonly Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of findings) if (f.verification && !seen.has(f.fingerprint)) seen.set(f.fingerprint, f);
  return [...seen.values()];
}
