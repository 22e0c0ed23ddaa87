/**
 * `sprawlguard scan`: wire options → configuration → sources → engine → report, and decide the
 * exit code. Thin by design: the work lives in scan/, sources/ and report/.
 */
import { existsSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { loadSettings, scannerConfig, type ScanSettings } from '../config/settings.js';
import { parseSize } from '../config/size.js';
import type { Finding, ScanScope, ScanStats, SkippedSource } from '../findings/finding.js';
import type { FormatName } from '../report/scan/index.js';
import type { ChunkScanner, ScannerConfig } from '../scan/chunk-scanner.js';
import type { GitMode } from '../scan/scan-git.js';
import type { RepoInfo } from '../sources/git/git.js';
import { printConfigLocation, printScanWarnings } from './config-notes.js';
import { EXIT_CLEAN, UsageError } from './errors.js';
import type { ExplainCollector } from './explain.js';
import { DEFAULT_BASELINE, readBaselineFile, writeBaselineFile } from './baseline.js';
import { configRoot, fingerprintKeyOf, parseConfidence, parseIntOption } from './options.js';
import { applyReportFilters, makeReport, printWarning, stripSecrets, writeReport } from './output.js';
import { printable } from '../report/scan/text.js';

export interface ScanCliOptions {
  format?: FormatName;
  output?: string;
  config?: string;
  showSecrets?: boolean;
  fingerprintKey?: string;
  exitCode?: string;
  maxFileSize?: string;
  minConfidence?: string;
  stdinName?: string;
  jobs?: string;
  git?: boolean;
  color?: boolean;
  quiet?: boolean;
  staged?: boolean;
  diff?: string;
  sinceCommit?: string;
  history?: boolean;
  branch?: string;
  since?: string;
  repo?: string;
  fetchMissing?: boolean;
  baseline?: string;
  verify?: boolean;
  timeout?: string;
  verifyDeadline?: string;
  record?: boolean;
  db?: string;
  explain?: boolean;
}

export async function runScan(paths: string[], raw: Record<string, unknown>): Promise<number> {
  const opts = raw as ScanCliOptions;
  const exitOnFindings = parseIntOption('--exit-code', opts.exitCode ?? '1', 0, 255);
  if (!opts.verify && (opts.timeout !== undefined || opts.verifyDeadline !== undefined)) {
    throw new UsageError(`${opts.timeout !== undefined ? '--timeout' : '--verify-deadline'} applies to --verify`);
  }
  const { findings, stats, settings, scope, unreadable, explain } = await collectFindings(paths, opts);
  if (opts.verify) {
    // Opt-in network checks, on the filtered findings while they still hold their secrets.
    const { verifyScanFindings } = await import('./verify.js');
    await verifyScanFindings(findings, {
      scope,
      rules: settings.rules,
      fingerprintKey: fingerprintKeyOf(opts),
      quiet: opts.quiet,
      timeout: opts.timeout,
      verifyDeadline: opts.verifyDeadline,
    });
  }
  if (opts.record || opts.db !== undefined) {
    // After filtering (config, baseline) and verification; the inventory never stores raw secrets.
    const { recordScanFindings } = await import('./sprawl.js');
    await recordScanFindings(paths, opts, findings, stats, settings, unreadable > 0);
  }
  const format = opts.format ?? 'text';
  const report = makeReport(stripSecrets(findings, opts.showSecrets === true), stats, scope);
  const explanation = explain?.explanation(opts.showSecrets === true);
  // Text and JSON have a place for the explanation; the CI formats' schemas do not: standard error.
  if (explanation && (format === 'text' || format === 'json')) report.explain = explanation;
  await writeReport(report, { format, output: opts.output, color: opts.color, rules: settings.rules });
  if (explanation && report.explain === undefined) {
    const { explanationText } = await import('../report/scan/explain.js');
    const { colorEnabled } = await import('./color.js');
    process.stderr.write(explanationText(explanation, colorEnabled(opts.color, process.stderr)));
  }
  if (findings.length > 0 && opts.staged && !opts.quiet) {
    const { blockedCommitHelp } = await import('./hook-help.js');
    process.stderr.write(blockedCommitHelp(findings));
  }
  return findings.length > 0 ? exitOnFindings : EXIT_CLEAN;
}

/**
 * `sprawlguard baseline create`: the same sources as scan, recorded without secrets. For a git
 * source the file goes to the top of the repository (where the hook looks for it), and `--staged`
 * or `--diff` add to an existing file rather than replace it: they record a change, not the state.
 */
export async function runBaselineCreate(paths: string[], raw: Record<string, unknown>): Promise<number> {
  const opts: ScanCliOptions = { ...(raw as ScanCliOptions), baseline: undefined, showSecrets: false };
  const { findings, stats, settings, gitRoot } = await collectFindings(paths, { ...opts, explain: false }, { readBaseline: false });
  const file = opts.output ?? settings.baselineFile ?? (gitRoot !== undefined ? path.join(gitRoot, DEFAULT_BASELINE) : DEFAULT_BASELINE);
  const adds = opts.staged === true || opts.diff !== undefined || opts.sinceCommit !== undefined;
  const { written, kept } = await writeBaselineFile(makeReport(findings, stats), file, { keepExisting: adds });
  const shown = path.relative(process.cwd(), file) || file;
  process.stderr.write(`sprawlguard: wrote ${written} baseline entr${written === 1 ? 'y' : 'ies'} to ${shown}${kept > 0 ? ` (${kept} kept from before)` : ''}\n`);
  return EXIT_CLEAN;
}

/** Run the chosen source through the engine and apply config filters and the baseline. */
async function collectFindings(
  paths: string[],
  opts: ScanCliOptions,
  { readBaseline = true }: { readBaseline?: boolean } = {},
): Promise<{ findings: Finding[]; stats: ScanStats; settings: ScanSettings; scope: ScanScope; unreadable: number; explain?: ExplainCollector; gitRoot?: string }> {
  let jobs = opts.jobs !== undefined ? parseIntOption('--jobs', opts.jobs, 1, 256) : undefined;
  const minConfidence = parseConfidence(opts.minConfidence);
  const useStdin = paths.includes('-');
  if (useStdin && paths.length > 1) throw new UsageError('`-` (standard input) cannot be combined with other paths');

  const gitMode = gitModeFrom(opts, paths);
  // Asked once: each git question is a process, and a pre-commit hook has ~300 ms in all.
  const gitRepo = gitMode ? await gitRepoInfo(opts.repo ?? '.') : undefined;
  const root = gitRepo ? (gitRepo.topLevel ?? gitRepo.dir) : await configRoot(useStdin ? [] : paths);
  let settings = await loadSettings(root, opts.config);
  printConfigLocation(settings, opts.quiet);
  if (gitMode && gitRepo) {
    // A range that edits the config is scanned with the base side's version (see git-scope.ts).
    const { settingsForGitScan } = await import('../config/git-scope.js');
    settings = await settingsForGitScan(settings, gitRepo, gitMode);
  }
  if (opts.maxFileSize !== undefined) {
    const bytes = parseSize(opts.maxFileSize);
    if (bytes === undefined) throw new UsageError(`--max-file-size: not a size: ${opts.maxFileSize} (use bytes or e.g. 10MiB)`);
    settings.maxFileSize = bytes;
  }
  const config: ScannerConfig = scannerConfig(settings, {
    // --verify needs the raw secrets; stripSecrets removes them again before output.
    includeSecrets: opts.showSecrets === true || opts.verify === true,
    fingerprintKey: fingerprintKeyOf(opts),
  });
  // --explain reads the rejections off one scanner, so the scan stays in the main thread.
  let scanner: ChunkScanner | undefined;
  let explain: ExplainCollector | undefined;
  if (opts.explain) {
    const { ChunkScanner } = await import('../scan/chunk-scanner.js');
    const { ExplainCollector } = await import('./explain.js');
    config.explain = true;
    jobs = 1;
    scanner = new ChunkScanner(config);
    explain = new ExplainCollector();
  }
  const warn = (s: SkippedSource): void => {
    // File names come from the scanned tree: never let one send escape sequences to the terminal.
    if (!opts.quiet && s.reason !== 'binary file') printWarning(`${s.path}: ${s.reason}`);
  };

  let findings: Finding[];
  let stats: ScanStats;
  // Git objects that could not be read: such a scan does not cover the whole history.
  let unreadable = 0;
  if (useStdin) {
    const { scanStdin } = await import('../scan/scan-stdin.js');
    ({ findings, stats } = await scanStdin(opts.stdinName ?? '-', config, process.stdin, scanner));
  } else if (gitMode) {
    const { scanGit } = await import('../scan/scan-git.js');
    const { gitProgressPrinter } = await import('./progress.js');
    ({ findings, stats, unreadable } = await scanGit({
      repo: opts.repo ?? '.',
      repoInfo: gitRepo,
      mode: gitMode,
      config,
      maxFileSize: settings.maxFileSize,
      excludeGlobs: settings.allowPathGlobs,
      jobs,
      fetchMissing: opts.fetchMissing === true,
      scanner,
      onWarning: (message) => {
        if (!opts.quiet) printWarning(message);
      },
      onProgress: gitMode.kind === 'history' && !opts.quiet ? gitProgressPrinter() : undefined,
    }));
    if (!opts.quiet && gitMode.kind !== 'staged') {
      process.stderr.write(`sprawlguard: scanned ${stats.commits ?? 0} commits, ${(stats.bytes / 1e6).toFixed(1)} MB added\n`);
    }
  } else {
    await requireExistingPaths(paths);
    const { scanFiles } = await import('../scan/scan-files.js');
    ({ findings, stats } = await scanFiles({
      paths,
      config,
      maxFileSize: settings.maxFileSize,
      excludeGlobs: settings.allowPathGlobs,
      excludeBase: settings.allowPathBase,
      jobs,
      onSkip: warn,
      // Quiet: no notes, and no git process asked only for one.
      onNote: opts.quiet ? undefined : printNote,
      useGit: opts.git !== false,
      scanner,
    }));
  }
  const warnings = [...settings.warnings];
  if (!useStdin && !gitMode && settings.allowPathGlobs.length > 0) {
    const { coverageWarning } = await import('../config/allowlist-coverage.js');
    const allowlisted = stats.allowlisted ?? 0;
    const coverage = coverageWarning(settings, allowlisted, allowlisted + stats.sources + stats.skipped.length, ['path this scan found', 'paths this scan found']);
    if (coverage) warnings.push(coverage);
  }
  if (warnings.length > 0) {
    stats.warnings = warnings;
    printScanWarnings(warnings, opts.quiet);
  }

  if (scanner && explain) explain.addEngine(scanner.takeRejections());
  findings = applyReportFilters(findings, settings, minConfidence, explain?.drop);
  const baseline = readBaseline ? chooseBaseline(opts, settings, gitMode?.kind === 'staged' ? root : undefined) : undefined;
  if (baseline !== undefined) {
    const { subtractBaseline } = await import('../findings/baseline.js');
    const before = findings;
    findings = subtractBaseline(findings, await readBaselineFile(baseline));
    explain?.addBaseline(before, findings, baseline);
  }
  const { scanScope } = await import('./scan-scope.js');
  return { findings, stats, settings, scope: scanScope(useStdin ? ['-'] : paths, gitRepo), unreadable, explain, gitRoot: gitMode ? root : undefined };
}

/**
 * The baseline to subtract: `--baseline`, else the config's `baseline:`, else for `--staged` the
 * file `baseline create` writes at the top of the repository (the block message sends developers
 * there). A configured file that does not exist yet hides nothing: it is reported and skipped.
 */
function chooseBaseline(opts: ScanCliOptions, settings: ScanSettings, stagedTop: string | undefined): string | undefined {
  if (opts.baseline !== undefined) return opts.baseline;
  if (settings.baselineFile !== undefined) {
    if (existsSync(settings.baselineFile)) return settings.baselineFile;
    if (!opts.quiet) printWarning(`baseline ${path.relative(process.cwd(), settings.baselineFile)} (from the config) does not exist yet: nothing is subtracted`);
    return undefined;
  }
  if (stagedTop === undefined) return undefined;
  const file = path.join(stagedTop, DEFAULT_BASELINE);
  return existsSync(file) ? file : undefined;
}

/** The git source the options ask for, if any; conflicting choices are usage errors. */
function gitModeFrom(opts: ScanCliOptions, paths: readonly string[]): GitMode | undefined {
  const chosen = [opts.staged && '--staged', opts.diff !== undefined && '--diff', opts.sinceCommit !== undefined && '--since-commit', opts.history && '--history'].filter(
    (x): x is string => typeof x === 'string',
  );
  if (chosen.length > 1) throw new UsageError(`choose one of ${chosen.join(', ')}`);
  if (chosen.length === 0) {
    if (opts.fetchMissing) throw new UsageError('--fetch-missing needs --diff, --since-commit or --history');
    for (const [flag, value] of [['--branch', opts.branch], ['--since', opts.since], ['--repo', opts.repo]] as const) {
      if (value !== undefined) throw new UsageError(`${flag} needs --staged, --diff, --since-commit or --history`);
    }
    return undefined;
  }
  if (paths.length > 1 || (paths[0] !== undefined && paths[0] !== '.')) {
    throw new UsageError(`${chosen[0]} scans a repository (--repo PATH), not paths: drop the path arguments`);
  }
  if ((opts.branch !== undefined || opts.since !== undefined) && !opts.history) throw new UsageError('--branch and --since apply to --history');
  if (opts.fetchMissing && opts.staged) throw new UsageError('--fetch-missing applies to --diff, --since-commit and --history');
  if (opts.staged) return { kind: 'staged' };
  if (opts.diff !== undefined) return { kind: 'diff', range: opts.diff };
  if (opts.sinceCommit !== undefined) return { kind: 'diff', range: `${opts.sinceCommit}..HEAD` };
  return { kind: 'history', branch: opts.branch, since: opts.since };
}

/** For git sources the config comes from the work tree's top level (or the bare repository). */
async function gitRepoInfo(repo: string): Promise<RepoInfo> {
  const { repoInfo } = await import('../sources/git/git.js');
  return repoInfo(path.resolve(repo));
}

/** A note on standard error: not a problem, but worth knowing. Made printable like warnings. */
function printNote(message: string): void {
  process.stderr.write(`sprawlguard: note: ${printable(message)}\n`);
}

/** A path that does not exist is a typo, not a clean scan: exit 2 rather than report nothing. */
async function requireExistingPaths(paths: readonly string[]): Promise<void> {
  const missing: string[] = [];
  for (const p of paths) {
    const code = await lstat(p).then(
      () => undefined,
      (error: NodeJS.ErrnoException) => error.code,
    );
    if (code === 'ENOENT' || code === 'ENOTDIR') missing.push(p);
  }
  if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
}

