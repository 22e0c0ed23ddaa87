/**
 * Shared by every command that prints findings (scan, tickets, verify): filtering by config,
 * ordering, secret stripping, and writing the chosen format to stdout or a file.
 */
import { writeFile } from 'node:fs/promises';
import type { ScanSettings } from '../config/settings.js';
import { compareFindings, type Finding, type Report, type ScanScope, type ScanStats } from '../findings/finding.js';
import { loadFormatter, type FormatName } from '../report/scan/index.js';
import { printable } from '../report/scan/text.js';
import type { Confidence, Rule } from '../rules/schema.js';
import { colorEnabled } from './color.js';
import { UsageError } from './errors.js';
import { describeWriteError, OutputError, writeToStdout } from './stdout.js';
import { toolVersion } from './version.js';

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/** Why applyReportFilters dropped a finding (for --explain). */
export type DropListener = (finding: Finding, reason: 'allowlist' | 'confidence', detail: string) => void;

/** Drop allowlisted fingerprints and commits and findings below the minimum confidence; sort for stable output. */
export function applyReportFilters(findings: Finding[], settings: ScanSettings, minConfidence?: Confidence, onDrop?: DropListener): Finding[] {
  const min = minConfidence ?? settings.minConfidence;
  const commits = settings.allowCommits;
  const allowedCommit = (commit: string | undefined): boolean => commit !== undefined && commits.some((c) => commit.toLowerCase().startsWith(c));
  return findings
    .filter((f) => {
      if (settings.allowFingerprints.has(f.fingerprint)) {
        onDrop?.(f, 'allowlist', `fingerprint in allowlist.fingerprints[${[...settings.allowFingerprints].indexOf(f.fingerprint)}]`);
        return false;
      }
      if (allowedCommit(f.location.commit)) {
        onDrop?.(f, 'allowlist', `commit ${f.location.commit ?? ''} in allowlist.commits`);
        return false;
      }
      if (min !== undefined && CONFIDENCE_RANK[f.confidence] < CONFIDENCE_RANK[min]) {
        onDrop?.(f, 'confidence', `confidence ${f.confidence} is below the minimum ${min} (${minConfidence !== undefined ? '--min-confidence' : 'min_confidence in the configuration'})`);
        return false;
      }
      return true;
    })
    .sort(compareFindings);
}

/** Raw secrets leave the process only when the user asked for them. */
export function stripSecrets(findings: Finding[], showSecrets: boolean): Finding[] {
  if (showSecrets) return findings;
  return findings.map((f) => {
    if (f.secret === undefined) return f;
    const { secret: _secret, ...rest } = f;
    return rest;
  });
}

export function makeReport(findings: Finding[], stats: ScanStats, scan?: ScanScope): Report {
  return { version: 1, tool: { name: 'sprawlguard', version: toolVersion() }, findings, stats, ...(scan ? { scan } : {}) };
}

export interface WriteOptions {
  format: FormatName;
  output?: string;
  /** false (`--no-color`) forces plain text even on a TTY; see colorEnabled for the rest. */
  color?: boolean;
  rules: readonly Rule[];
}

export async function writeReport(report: Report, options: WriteOptions): Promise<void> {
  const formatter = await loadFormatter(options.format);
  const toFile = options.output !== undefined;
  // Only text on standard output is coloured: a report file is read by other programs.
  const color = options.format === 'text' && !toFile && colorEnabled(options.color, process.stdout);
  const text = formatter(report, { rules: options.rules, color });
  await writeOutput(text, options.output);
}

/** Write a command's output to `--output FILE`, or else to standard output. */
export async function writeOutput(text: string, output: string | undefined): Promise<void> {
  if (output === undefined) return writeToStdout(text);
  await writeFile(output, text).catch((error: NodeJS.ErrnoException) => {
    // A path the user mistyped or may not write is a usage error (exit 2); a full disk or a failing
    // device is not the user's to fix on the command line (exit 3).
    if (PATH_ERRORS.has(error.code ?? '')) {
      throw new UsageError(`--output ${output}: cannot write: ${error.code === 'ENOENT' ? 'no such directory' : describeWriteError(error)}`);
    }
    throw new OutputError(`--output ${output}: cannot write the report: ${describeWriteError(error)}`);
  });
}

const PATH_ERRORS = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'ENAMETOOLONG', 'ELOOP']);

/** A warning on standard error. Made printable: file names may hold control characters meant for the terminal. */
export function printWarning(message: string): void {
  process.stderr.write(`sprawlguard: warning: ${printable(message)}\n`);
}

export { writeToStdout };
