/**
 * The scan pipeline: one source, run through the scanner, its findings through the steps in
 * ./steps/ in their documented order. The CLI's `scan`, `baseline create` and `tickets` and the
 * GitHub Action all run here; they choose the source and the options and print what comes back.
 *
 *   configuration for the source (a git range is scanned with its base's config: config/git-scope.ts)
 *   → scanner (engine + finding identity; the engine applies allowlist regexes and stopwords)
 *   → source.scan (reads chunks, leaves allowlisted paths out, yields findings and problems)
 *   → allowlist → context → confidence → order → baseline → verify → strip secrets
 *
 * Nothing here prints: problems go to `onProblem` as they happen, and the caller decides how to
 * tell them (standard error, the Action's log).
 */
import type { ScanSettings } from '../config/settings.js';
import type { Finding, ScanScope, ScanStats, ScanWarning } from '../findings/finding.js';
import { settleFingerprints } from '../findings/fingerprint.js';
import type { Explanation } from '../findings/rejection.js';
import type { ScanProblem } from '../findings/scan-problem.js';
import type { Confidence } from '../rules/schema.js';
import { ChunkScanner } from '../scan/chunk-scanner.js';
import type { ScanProgress, ScanSource, SourceContext } from '../sources/source.js';
import { ExplainCollector } from './explain.js';
import { scannerConfig } from './scanner-config.js';
import { coverageProblem, pathAllowlist } from './steps/allowlist.js';
import { applyBaseline, type BaselineInput } from './steps/baseline.js';
import { readHeads } from './steps/context.js';
import { applyReportFilters } from './steps/index.js';
import { stripSecrets } from './steps/strip-secrets.js';
import type { VerifyFindings } from './steps/verify.js';

export interface PipelineOptions {
  settings: ScanSettings;
  /** `--min-confidence`: overrides the configuration's `min_confidence`. */
  minConfidence?: Confidence;
  /** `--max-file-size`: overrides the configuration's `max_file_size`. */
  maxFileSize?: number;
  /** Globs left out besides `allowlist.paths` (the Action's `ignore-paths`). */
  extraPathGlobs?: readonly string[];
  fingerprintKey?: string;
  /** Keep raw secrets on the findings returned (--show-secrets). */
  showSecrets?: boolean;
  /** The baseline, read when its step runs (a scan reports what it read before a problem with the baseline file). */
  baseline?: () => Promise<BaselineInput | undefined>;
  verify?: VerifyFindings;
  /**
   * Called with everything the scan found, raw secrets included, before any step: the Action
   * registers each secret with the runner's log masker here, before anything else is printed.
   */
  mask?: (findings: readonly Finding[]) => void;
  /** List what was not reported and why (the scan then stays in one thread, whose scanner keeps the engine's rejections). */
  explain?: boolean;
  /** Worker threads the source may use; default one per core. */
  jobs?: number;
  signal?: AbortSignal;
  /** Each problem a source reports, as it happens. */
  onProblem?: (problem: ScanProblem) => void;
  onProgress?: (progress: ScanProgress) => void;
  /** The source is done; the configuration's warnings are in `stats.warnings`. Called before the steps run. */
  onScanned?: (stats: ScanStats) => void;
}

export interface PipelineResult {
  /** What is reported: after every step. */
  findings: Finding[];
  /** The findings the baseline step was given (the same as `findings` without a baseline), secrets stripped alike. */
  beforeBaseline: Finding[];
  stats: ScanStats;
  /** The settings the scan ran with (a git range's base configuration, the size cap of --max-file-size). */
  settings: ScanSettings;
  scope: ScanScope | undefined;
  /** Git objects that could not be read: the scan did not cover everything. */
  unreadable: number;
  /** Inputs that could not be read at all (ticket exports). */
  failures: ScanProblem[];
  /** With `explain`: what was not reported and why. */
  explanation?: Explanation;
}

export async function runPipeline(source: ScanSource, options: PipelineOptions): Promise<PipelineResult> {
  let settings = options.settings;
  if (source.git) {
    // A range that edits the config is scanned with the base side's version (see git-scope.ts).
    const { settingsForGitScan } = await import('../config/git-scope.js');
    settings = await settingsForGitScan(settings, source.git.info, source.git.mode, { extraGlobs: options.extraPathGlobs });
  }
  if (options.maxFileSize !== undefined) settings = { ...settings, maxFileSize: options.maxFileSize };

  const config = scannerConfig(settings, {
    // --verify and the Action's masking need the raw secrets; the last step removes them again.
    includeSecrets: options.showSecrets === true || options.verify !== undefined || options.mask !== undefined,
    fingerprintKey: options.fingerprintKey,
  });
  // Settled right after the source is done, before any step reads a fingerprint (below).
  config.deferSlowFingerprints = true;
  // --explain reads the rejections off one scanner, so the scan stays in this thread.
  const explain = options.explain ? new ExplainCollector() : undefined;
  if (explain) config.explain = true;
  let scanner: ChunkScanner | undefined;
  const context: SourceContext = {
    scanner: () => (scanner ??= new ChunkScanner(config)),
    scannerConfig: config,
    maxFileSize: settings.maxFileSize,
    allowPaths: pathAllowlist(settings, options.extraPathGlobs),
    jobs: explain ? 1 : options.jobs,
    signal: options.signal,
  };

  const found: Finding[] = [];
  const events = source.scan(context);
  let next = await events.next();
  for (; !next.done; next = await events.next()) {
    const event = next.value;
    if (event.kind === 'findings') for (const finding of event.findings) found.push(finding);
    else if (event.kind === 'problem') options.onProblem?.(event.problem);
    else options.onProgress?.(event.progress);
  }
  const { stats, unreadable = 0, failures = [] } = next.value;
  // Guessable secrets' fingerprints were derived on the thread pool during the scan: wait for them
  // before any step reads one.
  await settleFingerprints(found);

  const warnings: ScanWarning[] = [...settings.warnings];
  const coverage = settings.allowPathGlobs.length > 0 ? coverageProblem(settings, stats) : undefined;
  if (coverage) warnings.push(coverage);
  if (warnings.length > 0) stats.warnings = warnings;
  options.onScanned?.(stats);
  options.mask?.(found);

  if (explain && scanner) explain.addEngine(scanner.takeRejections());
  const scope = source.scope();
  const placement = { stdin: source.kind === 'stdin', heads: await readHeads(found, scope) };
  const filtered = applyReportFilters(found, settings, options.minConfidence, explain?.drop, placement);
  const baseline = await options.baseline?.();
  const reported = baseline ? applyBaseline(filtered, baseline, explain?.drop) : filtered;
  if (options.verify) await options.verify(reported, { scope, settings });
  const showSecrets = options.showSecrets === true;
  const findings = stripSecrets(reported, showSecrets);
  return {
    findings,
    beforeBaseline: reported === filtered ? findings : stripSecrets(filtered, showSecrets),
    stats,
    settings,
    scope,
    unreadable,
    failures,
    explanation: explain?.explanation(showSecrets),
  };
}
