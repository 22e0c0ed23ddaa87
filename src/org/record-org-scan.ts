/**
 * `org scan` as one inventory run: record the run, mark allowlisted secrets, scan every repository
 * (scan-repositories.ts) with a digest of the settings that decide its findings, finish the run as
 * complete or interrupted, and hand this run's repositories to the shard export (`--out`). A run
 * that ends in an error is recorded as failed.
 */
import type { ScanSettings } from '../config/settings.js';
import type { Finding } from '../findings/finding.js';
import type { Inventory } from '../inventory/inventory.js';
import { markRunFailed } from '../inventory/open-inventory.js';
import type { InventoryExport } from '../inventory/records.js';
import type { Confidence } from '../rules/vocabulary.js';
import type { ScannerConfig } from '../scan/chunk-scanner.js';
import type { GitAuth } from './mirror.js';
import { scanRepositories, settingsDigest, type OrgScanSummary, type RepoEvent } from './scan-repositories.js';
import type { RepoTarget } from './targets.js';

export interface RecordOrgScanInput {
  inventory: Inventory;
  targets: readonly RepoTarget[];
  /** What the run is recorded as covering: `github:ORG` or `repos:/path/to/list`. */
  target: string;
  /** How the run was asked for, recorded with it (never a token or the fingerprint key). */
  runOptions: Record<string, unknown>;
  settings: ScanSettings;
  scanner: ScannerConfig;
  /** The command's minimum confidence, when given (the configuration's applies otherwise). */
  minConfidence?: Confidence;
  /** The configuration's report filters (allowlisted fingerprints, minimum confidence). */
  filterFindings: (findings: Finding[]) => Finding[];
  toolVersion: string;
  /** Where bare mirrors of URL repositories are kept between runs. */
  cacheDir: string;
  jobs?: number;
  concurrency: number;
  timeoutMs: number;
  auth?: GitAuth;
  force: boolean;
  signal: AbortSignal;
  onEvent?: (event: RepoEvent) => void;
  /** Receives this run's repositories, secrets and occurrences once the run is finished (`--out`). */
  exportShard?: (data: InventoryExport) => Promise<void>;
}

export interface OrgScanResult {
  summary: OrgScanSummary;
  /** Distinct secrets in the run's repositories. */
  secrets: number;
}

export async function recordOrgScan(input: RecordOrgScanInput): Promise<OrgScanResult> {
  const { inventory, settings, scanner, toolVersion } = input;
  const names = input.targets.map((t) => t.name);
  let runId: number | undefined;
  try {
    runId = inventory.startRun({ kind: 'org-scan', target: input.target, toolVersion, options: input.runOptions });
    inventory.markAllowed(settings.allowFingerprints);
    const summary = await scanRepositories({
      targets: input.targets,
      inventory,
      runId,
      cacheDir: input.cacheDir,
      scanner,
      maxFileSize: settings.maxFileSize,
      excludeGlobs: settings.allowPathGlobs,
      filterFindings: input.filterFindings,
      jobs: input.jobs,
      concurrency: input.concurrency,
      timeoutMs: input.timeoutMs,
      auth: input.auth,
      settingsDigest: settingsDigest({
        toolVersion,
        scanner,
        maxFileSize: settings.maxFileSize,
        excludeGlobs: settings.allowPathGlobs,
        filters: { minConfidence: input.minConfidence ?? settings.minConfidence, allow: [...settings.allowFingerprints].sort() },
      }),
      force: input.force,
      signal: input.signal,
      onEvent: input.onEvent,
    });
    inventory.finishRun(runId, summary.interrupted ? 'interrupted' : 'complete');
    if (input.exportShard) await input.exportShard(inventory.exportRepos(names));
    const secrets = new Set(inventory.occurrences({ repos: names }).map((o) => o.fingerprint)).size;
    return { summary, secrets };
  } catch (error) {
    if (runId !== undefined) markRunFailed(inventory, runId);
    throw error;
  }
}
