/**
 * `sprawlguard sprawl report`, `sprawlguard sprawl merge`, and what `scan --record` does after a
 * scan: the inventory's commands. Thin: the work is in src/sprawl/.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ScanSettings } from '../config/settings.js';
import { scannerConfig } from '../pipeline/scanner-config.js';
import type { Finding, ScanStats, SourceKind } from '../findings/finding.js';
import type { ScannerConfig } from '../scan/chunk-scanner.js';
import type { SprawlFormat } from '../sprawl/format.js';
import { dropUndefined } from '../sprawl/defined.js';
import { DEFAULT_INVENTORY_PATH, Inventory, type RecordScope } from '../sprawl/inventory.js';
import { EXIT_CLEAN, EXIT_USAGE, UsageError } from './errors.js';
import type { ScanCliOptions } from './scan.js';
import { fingerprintKeyOf } from './options.js';
import { writeOutput } from './output.js';
import { toolVersion } from '../version.js';

/** `--db`, else SPRAWLGUARD_DB, else `.sprawlguard/inventory.db` in the current directory. */
export function inventoryPath(option: string | undefined): string {
  return option ?? (process.env.SPRAWLGUARD_DB || DEFAULT_INVENTORY_PATH);
}

/**
 * Open the inventory. A file that cannot be one (no SQLite back end, empty, damaged, newer schema)
 * raises InventoryError, which the CLI reports with what to do (exit 2; 3 when it stayed locked).
 */
export function openInventory(file: string, options: { mustExist?: boolean; quiet?: boolean } = {}): Inventory {
  if (options.mustExist && !existsSync(file)) {
    throw new UsageError(`no inventory at ${file}: record one with \`sprawlguard scan --record\` or \`sprawlguard org scan\` (or choose one with --db)`);
  }
  const inventory = Inventory.open(file);
  const n = inventory.interruptedRuns;
  if (n > 0 && !options.quiet) {
    process.stderr.write(`sprawlguard: ${n} earlier run${n === 1 ? '' : 's'} in ${file} stopped without finishing (the process ended): marked interrupted\n`);
  }
  return inventory;
}

/** A run that ends with an error is recorded as failed, if the inventory still takes the write. */
export function markRunFailed(inventory: Inventory, runId: number): void {
  try {
    inventory.finishRun(runId, 'failed');
  } catch {
    // The error that ended the run is the one to report; without this write the next open marks the run interrupted.
  }
}

// ---- sprawl report ------------------------------------------------------------------------------

interface ReportCliOptions {
  db?: string;
  format?: string;
  output?: string;
}

export async function runSprawlReport(raw: Record<string, unknown>): Promise<number> {
  const opts = raw as ReportCliOptions;
  const { buildSprawlReport } = await import('../sprawl/metrics.js');
  const { formatSprawlReport } = await import('../sprawl/format.js');
  const format = (opts.format ?? 'text') as SprawlFormat;
  const inventory = openInventory(inventoryPath(opts.db), { mustExist: true });
  let text: string;
  try {
    const report = buildSprawlReport(
      { secrets: inventory.secrets(), occurrences: inventory.occurrences({ includeGone: true }), repos: inventory.repos(), runs: inventory.runs() },
      { now: new Date(), toolVersion: toolVersion(), schemaVersion: inventory.schemaVersion },
    );
    text = await formatSprawlReport(report, format);
  } finally {
    inventory.close();
  }
  await writeOutput(text, opts.output);
  return EXIT_CLEAN;
}


// ---- sprawl merge -------------------------------------------------------------------------------

interface MergeCliOptions {
  db?: string;
  quiet?: boolean;
  /** For report findings that name no repository (file and git scans of one repository). */
  repo?: string;
}

/** Merge shard files (and JSON reports) into one inventory; an unreadable file is named and skipped (exit 2). */
export async function runSprawlMerge(files: string[], raw: Record<string, unknown>): Promise<number> {
  const opts = raw as MergeCliOptions;
  const { readMergeInput, ShardFileError } = await import('../sprawl/shard-file.js');
  const file = inventoryPath(opts.db);
  const inventory = openInventory(file, { quiet: opts.quiet });
  const say = (line: string): void => {
    if (!opts.quiet) process.stderr.write(`sprawlguard: ${line}\n`);
  };
  let failed = 0;
  const runId = inventory.startRun({ kind: 'merge', target: files.join(' '), toolVersion: toolVersion(), options: { files } });
  try {
    for (const input of files) {
      try {
        const parsed = await readMergeInput(input);
        if (parsed.kind === 'shard') {
          const n = inventory.importExport(runId, parsed.data);
          say(`${input}: merged ${n.repos} repositories, ${n.secrets} secrets, ${n.occurrences} occurrences${parsed.header.shard ? ` (shard ${parsed.header.shard})` : ''}`);
        } else {
          const findings = parsed.findings.map((f) =>
            opts.repo !== undefined && f.location.repo === undefined && f.location.source !== 'ticket' ? { ...f, location: { ...f.location, repo: opts.repo } } : f,
          );
          const n = inventory.recordFindings(runId, findings);
          say(`${input}: recorded ${n.secrets} secrets, ${n.occurrences} occurrences from a report`);
        }
      } catch (error) {
        if (!(error instanceof ShardFileError)) throw error;
        failed++;
        process.stderr.write(`sprawlguard: ${error.message}\n`);
      }
    }
    inventory.finishRun(runId, failed > 0 ? 'failed' : 'complete');
  } catch (error) {
    markRunFailed(inventory, runId);
    throw error;
  } finally {
    inventory.close();
  }
  say(`inventory: ${file}`);
  return failed > 0 ? EXIT_USAGE : EXIT_CLEAN;
}

// ---- scan --record ------------------------------------------------------------------------------

/** What `scan --record` needs to know about how the scan was run. */
export type RecordScanOptions = { db?: string } & Pick<
  ScanCliOptions,
  'quiet' | 'staged' | 'diff' | 'sinceCommit' | 'history' | 'branch' | 'since' | 'repo' | 'minConfidence' | 'fingerprintKey' | 'stdinName' | 'baseline'
>;

/**
 * Record a finished scan's (filtered) findings. What the scan covered decides how far it speaks for
 * the inventory: a full history scan or a scan of one directory is complete for that repository or
 * directory (what it no longer finds is marked gone); staged changes, ranges and partial histories
 * only add what they saw.
 */
export async function recordScanFindings(
  paths: readonly string[],
  opts: RecordScanOptions,
  findings: readonly Finding[],
  stats: ScanStats,
  settings: ScanSettings,
  /** Git objects could not be read: the scan only adds what it saw, it marks nothing gone. */
  incomplete = false,
): Promise<void> {
  const file = inventoryPath(opts.db);
  const gitSource: SourceKind | undefined = opts.staged ? 'staged' : opts.diff !== undefined || opts.sinceCommit !== undefined ? 'diff' : opts.history ? 'history' : undefined;
  const scope: RecordScope = {};
  // Findings the baseline or a minimum confidence removed were seen, not gone: such a scan only adds.
  const filtered = opts.baseline !== undefined || opts.minConfidence !== undefined || settings.minConfidence !== undefined;
  let target: string;
  let gitDir: string | undefined;
  if (gitSource) {
    const { repoInfo } = await import('../sources/git/repo.js');
    const info = await repoInfo(path.resolve(opts.repo ?? '.'));
    gitDir = info.dir;
    target = realpathSync(info.topLevel ?? info.dir);
    scope.repo = target;
    if (gitSource === 'history' && opts.branch === undefined && opts.since === undefined && !filtered && !incomplete) scope.completeFor = ['history', 'diff', 'staged'];
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
    const { findingsPresentAtHead, branchesContaining, refsState } = await import('../sprawl/git-facts.js');
    const scanner: ScannerConfig = scannerConfig(settings, { fingerprintKey: fingerprintKeyOf(opts) });
    refs = await refsState(gitDir);
    scope.presentAtHead = await findingsPresentAtHead(gitDir, findings, scanner, settings.maxFileSize, refs.head);
    scope.branches = await branchesContaining(gitDir, findings.flatMap((f) => (f.location.commit ? [f.location.commit] : [])), refs.refs);
  }

  const inventory = openInventory(file, { quiet: opts.quiet });
  let runId: number | undefined;
  try {
    runId = inventory.startRun({
      kind: 'scan',
      target,
      toolVersion: toolVersion(),
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
    if (!opts.quiet) {
      process.stderr.write(
        `sprawlguard: recorded ${summary.secrets} secret${summary.secrets === 1 ? '' : 's'} (${summary.newSecrets} new, ${summary.occurrences} occurrence${summary.occurrences === 1 ? '' : 's'}` +
          `${summary.gone > 0 ? `, ${summary.gone} no longer found` : ''}) in ${file}\n`,
      );
    }
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

