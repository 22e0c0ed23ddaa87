/**
 * Shared by every command that prints findings (scan, tickets, verify): filtering by config,
 * ordering, secret stripping, and writing the chosen format to stdout or a file.
 */
import { writeFile } from 'node:fs/promises';
import type { ScanSettings } from '../config/settings.js';
import { compareFindings, type Finding, type Report, type ScanStats } from '../findings/finding.js';
import { loadFormatter, type FormatName } from '../report/index.js';
import { printable } from '../report/text.js';
import type { Confidence, Rule } from '../rules/schema.js';
import { colorEnabled } from './color.js';
import { UsageError } from './errors.js';
import { toolVersion } from './version.js';

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/** Why applyReportFilters dropped a finding (for --explain). */
export type DropListener = (finding: Finding, reason: 'allowlist' | 'confidence', detail: string) => void;

/** Drop allowlisted fingerprints and findings below the minimum confidence; sort for stable output. */
export function applyReportFilters(findings: Finding[], settings: ScanSettings, minConfidence?: Confidence, onDrop?: DropListener): Finding[] {
  const min = minConfidence ?? settings.minConfidence;
  return findings
    .filter((f) => {
      if (settings.allowFingerprints.has(f.fingerprint)) {
        onDrop?.(f, 'allowlist', `fingerprint in allowlist.fingerprints[${[...settings.allowFingerprints].indexOf(f.fingerprint)}]`);
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

export function makeReport(findings: Finding[], stats: ScanStats): Report {
  return { version: 1, tool: { name: 'sprawlguard', version: toolVersion() }, findings, stats };
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
  // A path the user mistyped is a usage error (exit 2), not a crash.
  await writeFile(output, text).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--output ${output}: cannot write: ${error.code === 'ENOENT' ? 'no such directory' : error.message}`);
  });
}

/** A warning on standard error. Made printable: file names may hold control characters meant for the terminal. */
export function printWarning(message: string): void {
  process.stderr.write(`sprawlguard: warning: ${printable(message)}\n`);
}

let epipeHandled = false;

/**
 * Write to standard output. When the reader goes away first (`sprawlguard scan | head`), it has
 * what it wanted: stop quietly instead of dying with an unhandled EPIPE stack trace.
 */
export function writeToStdout(text: string): Promise<void> {
  if (!epipeHandled) {
    epipeHandled = true;
    // The stream emits 'error' after the write callback, so the listener has to stay.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  return new Promise<void>((resolve, reject) =>
    process.stdout.write(text, (error?: NodeJS.ErrnoException | null) => {
      if (error && error.code !== 'EPIPE') reject(error);
      else resolve();
    }),
  );
}
