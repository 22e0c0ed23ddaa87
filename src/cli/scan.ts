/**
 * `sprawlguard scan`: wire options → configuration → sources → engine → report, and decide the
 * exit code. Thin by design: the work lives in scan/, sources/ and report/.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfigFile, resolveSettings } from '../config/load.js';
import { parseSize } from '../config/schema.js';
import type { Finding, ScanStats, SkippedSource } from '../findings/finding.js';
import { CONFIDENCES, type Confidence } from '../rules/schema.js';
import type { FormatName } from '../report/index.js';
import type { ScannerConfig } from '../scan/chunk-scanner.js';
import { EXIT_CLEAN, UsageError } from './errors.js';
import { applyReportFilters, makeReport, stripSecrets, writeReport } from './output.js';

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
}

export async function runScan(paths: string[], raw: Record<string, unknown>): Promise<number> {
  const opts = raw as ScanCliOptions;
  const exitOnFindings = parseIntOption('--exit-code', opts.exitCode ?? '1', 0, 255);
  const jobs = opts.jobs !== undefined ? parseIntOption('--jobs', opts.jobs, 1, 256) : undefined;
  const minConfidence = parseConfidence(opts.minConfidence);
  const useStdin = paths.includes('-');
  if (useStdin && paths.length > 1) throw new UsageError('`-` (standard input) cannot be combined with other paths');

  const root = await configRoot(useStdin ? [] : paths);
  const settings = resolveSettings(loadConfigFile(root, opts.config));
  if (opts.maxFileSize !== undefined) {
    const bytes = parseSize(opts.maxFileSize);
    if (bytes === undefined) throw new UsageError(`--max-file-size: not a size: ${opts.maxFileSize} (use bytes or e.g. 10MiB)`);
    settings.maxFileSize = bytes;
  }
  const scannerConfig: ScannerConfig = {
    rules: settings.rules,
    allowSecretRegexes: settings.allowSecretRegexes.map((r) => r.source),
    stopwords: settings.stopwords,
    includeSecrets: opts.showSecrets === true,
    fingerprintKey: opts.fingerprintKey ?? (process.env.SPRAWLGUARD_FINGERPRINT_KEY || undefined),
  };
  const warn = (s: SkippedSource): void => {
    if (!opts.quiet && s.reason !== 'binary file') process.stderr.write(`sprawlguard: warning: ${s.path}: ${s.reason}\n`);
  };

  let findings: Finding[];
  let stats: ScanStats;
  if (useStdin) {
    const { scanStdin } = await import('../scan/scan-stdin.js');
    ({ findings, stats } = await scanStdin(opts.stdinName ?? '-', scannerConfig));
  } else {
    const { scanFiles } = await import('../scan/scan-files.js');
    ({ findings, stats } = await scanFiles({
      paths,
      config: scannerConfig,
      maxFileSize: settings.maxFileSize,
      excludeGlobs: settings.allowPathGlobs,
      jobs,
      onSkip: warn,
      useGit: opts.git !== false,
    }));
  }

  findings = stripSecrets(applyReportFilters(findings, settings, minConfidence), opts.showSecrets === true);
  await writeReport(makeReport(findings, stats), {
    format: opts.format ?? 'text',
    output: opts.output,
    color: opts.color,
    rules: settings.rules,
  });
  return findings.length > 0 ? exitOnFindings : EXIT_CLEAN;
}

/** The directory whose `.sprawlguard.yaml` applies: the first directory argument, else the cwd. */
async function configRoot(paths: readonly string[]): Promise<string> {
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (info?.isDirectory()) return path.resolve(p);
  }
  return process.cwd();
}

function parseIntOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name}: expected an integer from ${min} to ${max}, got ${value}`);
  return n;
}

function parseConfidence(value: string | undefined): Confidence | undefined {
  if (value === undefined) return undefined;
  if (!(CONFIDENCES as readonly string[]).includes(value)) {
    throw new UsageError(`--min-confidence: expected one of ${CONFIDENCES.join(', ')}, got ${value}`);
  }
  return value as Confidence;
}
