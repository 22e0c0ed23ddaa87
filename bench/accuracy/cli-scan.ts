/**
 * Run the built CLI over a directory as users run it, and show a finding's line with the secret
 * replaced by its redacted form (real and realistic corpora must never be printed raw).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sprawlguardBin } from '../lib/paths.js';

export interface ReportJson {
  findings: {
    ruleId: string;
    confidence: string;
    /** `fixture` when the scan's context policy does not count it (docs/context.md). */
    disposition?: string;
    redacted: string;
    fingerprint: string;
    location: { path: string; line: number; endLine: number; column: number; endColumn: number };
  }[];
  stats: { bytes: number; sources: number; durationMs: number };
}

export type ReportedFinding = ReportJson['findings'][number];

/** `sprawlguard scan DIR --no-git` (scratch corpora live in this repository's ignored bench/.work/). */
export function scanWithCli(dir: string, out: string): ReportJson {
  execFileSync(process.execPath, [sprawlguardBin, 'scan', dir, '--no-git', '-q', '-f', 'json', '--exit-code', '0', '-o', out], { stdio: ['ignore', 'inherit', 'inherit'], maxBuffer: 1 << 30 });
  return JSON.parse(readFileSync(out, 'utf8')) as ReportJson;
}

/** The finding's line with the secret replaced by its redacted form. */
export function redactedLine(dir: string, finding: ReportedFinding): string {
  const { line, column, endLine, endColumn } = finding.location;
  const full = readFileSync(path.join(dir, finding.location.path), 'utf8').split('\n')[line - 1] ?? '';
  // The secret runs from column to endColumn (1-based, inclusive) when it ends on the same line.
  const end = endLine === line ? endColumn : full.length;
  const text = full.slice(0, column - 1) + finding.redacted + full.slice(end);
  // On long (minified, source-map) lines, show the neighbourhood of the finding.
  const from = Math.max(0, column - 80);
  const shown = ((from > 0 ? '…' : '') + text.slice(from, column + 200)).trim();
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}
