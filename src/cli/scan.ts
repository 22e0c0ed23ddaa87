/**
 * `sprawlguard scan` and `baseline create`: options → the source they name → the pipeline
 * (src/pipeline/run.ts) → the report, and the exit code. Thin by design: what is scanned and
 * reported is decided in sources/ and pipeline/; this file parses options and prints.
 */
import { existsSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { loadSettings } from '../config/settings.js';
import { parseSize } from '../config/size.js';
import type { ScanScope, ScanStats } from '../findings/finding.js';
import { incidentsOf } from '../findings/fixture-policy.js';
import { makeReport } from '../findings/report.js';
import type { PipelineOptions, PipelineResult } from '../pipeline/run.js';
import type { FormatName } from '../report/scan/index.js';
import type { GitMode } from '../sources/git/mode.js';
import type { ScanSource } from '../sources/source.js';
import { printConfigLocation } from './config-notes.js';
import { EXIT_CLEAN, UsageError } from './errors.js';
import { DEFAULT_BASELINE, readBaselineFile, writeBaselineFile } from './baseline.js';
import { fingerprintKeyOf, parseConfidence, parseIntOption } from './options.js';
import { writeReport } from './output.js';
import { printProblem, problemPrinter } from './problems.js';

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
  showFixtures?: boolean;
}

export async function runScan(paths: string[], raw: Record<string, unknown>): Promise<number> {
  const opts = raw as ScanCliOptions;
  const exitOnFindings = parseIntOption('--exit-code', opts.exitCode ?? '1', 0, 255);
  if (!opts.verify && (opts.timeout !== undefined || opts.verifyDeadline !== undefined)) {
    throw new UsageError(`${opts.timeout !== undefined ? '--timeout' : '--verify-deadline'} applies to --verify`);
  }
  const result = await scanWithOptions(paths, opts);
  const { findings, stats, settings } = result;
  if (opts.record || opts.db !== undefined) {
    // After filtering (config, baseline) and verification; the inventory never stores raw secrets.
    const { recordScanFindings } = await import('./sprawl.js');
    await recordScanFindings(paths, opts, findings, stats, settings, result.unreadable > 0);
  }
  const format = opts.format ?? 'text';
  const report = makeReport(findings, stats, result.scope);
  const explanation = result.explanation;
  // Text and JSON have a place for the explanation; the CI formats' schemas do not: standard error.
  if (explanation && (format === 'text' || format === 'json')) report.explain = explanation;
  await writeReport(report, { format, output: opts.output, color: opts.color, rules: settings.rules, showFixtures: opts.showFixtures === true });
  if (explanation && report.explain === undefined) {
    const { explanationText } = await import('../report/scan/explain.js');
    const { colorEnabled } = await import('./color.js');
    process.stderr.write(explanationText(explanation, colorEnabled(opts.color, process.stderr)));
  }
  // Fixtures (a generic rule's match in a test, doc or example) are reported, not counted: docs/context.md.
  const counted = incidentsOf(findings);
  if (counted.length > 0 && opts.staged && !opts.quiet) {
    const { blockedCommitHelp } = await import('./hook-help.js');
    process.stderr.write(blockedCommitHelp(counted));
  }
  return counted.length > 0 ? exitOnFindings : EXIT_CLEAN;
}

/**
 * `sprawlguard baseline create`: the same sources as scan, recorded without secrets. For a git
 * source the file goes to the top of the repository (where the hook looks for it), and `--staged`
 * or `--diff` add to an existing file rather than replace it: they record a change, not the state.
 */
export async function runBaselineCreate(paths: string[], raw: Record<string, unknown>): Promise<number> {
  const opts = { ...(raw as ScanCliOptions), baseline: undefined, showSecrets: false, explain: false, verify: false };
  const { findings, stats, settings, gitRoot } = await scanWithOptions(paths, opts, { readBaseline: false });
  const file = opts.output ?? settings.baselineFile ?? (gitRoot !== undefined ? path.join(gitRoot, DEFAULT_BASELINE) : DEFAULT_BASELINE);
  const adds = opts.staged === true || opts.diff !== undefined || opts.sinceCommit !== undefined;
  const { written, kept } = await writeBaselineFile(makeReport(findings, stats), file, { keepExisting: adds });
  const shown = path.relative(process.cwd(), file) || file;
  process.stderr.write(`sprawlguard: wrote ${written} baseline entr${written === 1 ? 'y' : 'ies'} to ${shown}${kept > 0 ? ` (${kept} kept from before)` : ''}\n`);
  return EXIT_CLEAN;
}

/** The source the options name, its configuration, and the pipeline run over it; `gitRoot` for a git source. */
async function scanWithOptions(
  paths: string[],
  opts: ScanCliOptions,
  { readBaseline = true }: { readBaseline?: boolean } = {},
): Promise<PipelineResult & { gitRoot?: string }> {
  const jobs = opts.jobs !== undefined ? parseIntOption('--jobs', opts.jobs, 1, 256) : undefined;
  const minConfidence = parseConfidence(opts.minConfidence);
  const useStdin = paths.includes('-');
  if (useStdin && paths.length > 1) throw new UsageError('`-` (standard input) cannot be combined with other paths');
  const gitMode = gitModeFrom(opts, paths);
  const source = await sourceFor(paths, opts, useStdin, gitMode);
  const settings = await loadSettings(source.root, opts.config);
  printConfigLocation(settings, opts.quiet);
  let maxFileSize: number | undefined;
  if (opts.maxFileSize !== undefined) {
    maxFileSize = parseSize(opts.maxFileSize);
    if (maxFileSize === undefined) throw new UsageError(`--max-file-size: not a size: ${opts.maxFileSize} (use bytes or e.g. 10MiB)`);
  }
  if (source.kind === 'files') await requireExistingPaths(paths);

  const options: PipelineOptions = {
    settings,
    minConfidence,
    maxFileSize,
    fingerprintKey: fingerprintKeyOf(opts),
    showSecrets: opts.showSecrets === true,
    explain: opts.explain === true,
    jobs,
    onProblem: problemPrinter(opts.quiet),
    onScanned: (stats) => printScanned(stats, gitMode, opts.quiet),
  };
  if (gitMode?.kind === 'history' && !opts.quiet) {
    const { gitProgressPrinter } = await import('./progress.js');
    options.onProgress = gitProgressPrinter();
  }
  if (readBaseline) {
    const stagedTop = gitMode?.kind === 'staged' ? source.root : undefined;
    // Chosen when the step runs: a configured file that does not exist is reported after the scan's own news.
    options.baseline = async () => {
      const file = chooseBaseline(opts, settings.baselineFile, stagedTop);
      return file === undefined ? undefined : { baseline: await readBaselineFile(file), file };
    };
  }
  if (opts.verify) {
    options.verify = async (findings, { scope, settings: used }) => {
      // Opt-in network checks, on the reported findings while they still hold their secrets.
      const { verifyScanFindings } = await import('./verify.js');
      await verifyScanFindings(findings, {
        // Files, standard input and git sources always record what they read.
        scope: scope as ScanScope,
        rules: used.rules,
        fingerprintKey: fingerprintKeyOf(opts),
        quiet: opts.quiet,
        timeout: opts.timeout,
        verifyDeadline: opts.verifyDeadline,
      });
    };
  }
  const { runPipeline } = await import('../pipeline/run.js');
  return { ...(await runPipeline(source, options)), gitRoot: gitMode ? source.root : undefined };
}

/**
 * The baseline to subtract: `--baseline`, else the config's `baseline:`, else for `--staged` the
 * file `baseline create` writes at the top of the repository (the block message sends developers
 * there). A configured file that does not exist yet hides nothing: it is reported and skipped.
 */
function chooseBaseline(opts: ScanCliOptions, configured: string | undefined, stagedTop: string | undefined): string | undefined {
  if (opts.baseline !== undefined) return opts.baseline;
  if (configured !== undefined) {
    if (existsSync(configured)) return configured;
    printProblem({ code: 'input', message: `baseline ${path.relative(process.cwd(), configured)} (from the config) does not exist yet: nothing is subtracted` }, opts.quiet);
    return undefined;
  }
  if (stagedTop === undefined) return undefined;
  const file = path.join(stagedTop, DEFAULT_BASELINE);
  return existsSync(file) ? file : undefined;
}

async function sourceFor(paths: string[], opts: ScanCliOptions, useStdin: boolean, gitMode: GitMode | undefined): Promise<ScanSource> {
  if (useStdin) {
    const { stdinSource } = await import('../sources/stdin.js');
    return stdinSource({ name: opts.stdinName ?? '-' });
  }
  if (gitMode) {
    // Asked once: each git question is a process, and a pre-commit hook has little time in all.
    const { repoInfo } = await import('../sources/git/repo.js');
    const { gitSource } = await import('../sources/git/source.js');
    return gitSource({ info: await repoInfo(path.resolve(opts.repo ?? '.')), mode: gitMode, fetchMissing: opts.fetchMissing === true });
  }
  const { filesSource } = await import('../sources/files/source.js');
  // Quiet: no notes, and no git process asked only for one.
  return filesSource({ paths, useGit: opts.git !== false, notes: !opts.quiet });
}

/** After a range or history scan: how much it read. Then the configuration's warnings. */
function printScanned(stats: ScanStats, gitMode: GitMode | undefined, quiet: boolean | undefined): void {
  if (gitMode && gitMode.kind !== 'staged' && !quiet) {
    process.stderr.write(`sprawlguard: scanned ${stats.commits ?? 0} commits, ${(stats.bytes / 1e6).toFixed(1)} MB added\n`);
  }
  for (const warning of stats.warnings ?? []) printProblem(warning, quiet);
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
