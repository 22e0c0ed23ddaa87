/**
 * The scanners under measurement, each run in a fresh child process: sprawlguard through its CLI
 * (`bin/sprawlguard.js`, the compiled `lib/`), and secretlint through its CLI with the recommended
 * preset. Results come back as measured runs plus findings in one location shape, so the recall
 * check can treat both alike.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '../../src/findings/finding.js';
import { measureNodeCli, type ChildMeasurement, type MeasureOptions } from './measure.js';
import { repoRoot, sprawlguardBin } from './paths.js';

/** Where something was reported, 1-based; `endColumn` is the last character. */
export interface ReportedLocation {
  ruleId: string;
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fingerprint?: string;
}

export interface ScanRun extends ChildMeasurement {
  /** Bytes the scanner read, as it reports them (sprawlguard: `stats.bytes`). */
  bytes: number;
  files: number;
  findings: ReportedLocation[];
}

export interface SprawlguardScanOptions extends MeasureOptions {
  jobs: number;
}

/**
 * `sprawlguard scan <paths> --format json --jobs N --quiet --no-git`. `--no-git` because the
 * corpus lives in this repository's ignored `bench/.corpus/`: inside a work tree the scanner would
 * otherwise list files through git, and git ignores the corpus.
 */
export async function runSprawlguardScan(paths: readonly string[], options: SprawlguardScanOptions): Promise<ScanRun> {
  const run = await measureNodeCli(sprawlguardBin, ['scan', ...paths, '--format', 'json', '--jobs', String(options.jobs), '--quiet', '--no-git'], options);
  if (run.exitCode !== 0 && run.exitCode !== 1) {
    throw new Error(`sprawlguard scan exited with ${run.exitCode}: ${run.stderr.trim().slice(0, 2000)}`);
  }
  const report = JSON.parse(run.stdout) as Report;
  return {
    ...run,
    bytes: report.stats.bytes,
    files: report.stats.sources,
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      path: f.location.path,
      line: f.location.line,
      column: f.location.column,
      endLine: f.location.endLine,
      endColumn: f.location.endColumn,
      fingerprint: f.fingerprint,
    })),
  };
}

export const SECRETLINT_PRESET = '@secretlint/secretlint-rule-preset-recommend';

interface SecretlintMessage {
  ruleId: string;
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
}

interface SecretlintResult {
  filePath: string;
  messages: SecretlintMessage[];
}

/**
 * `secretlint "**\/*" --format json --output FILE` in `dir`, with the recommended preset passed as
 * JSON (so no config file is needed). The report goes to a file because secretlint ends with
 * `process.exit()`, which cuts off a large report still being written to a pipe. secretlint does
 * not report bytes; `bytes` is what the caller says the directory holds.
 */
export async function runSecretlint(dir: string, bytes: number, files: number, outputFile: string, options: MeasureOptions = {}): Promise<ScanRun> {
  const entry = path.join(repoRoot, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  if (!existsSync(entry)) throw new Error(`secretlint is not installed (${entry}); it is a devDependency: run npm ci`);
  const config = JSON.stringify({ rules: [{ id: SECRETLINT_PRESET }] });
  rmSync(outputFile, { force: true });
  const args = ['**/*', '--secretlintrcJSON', config, '--format', 'json', '--output', outputFile, '--no-color', '--no-terminalLink'];
  const run = await measureNodeCli(entry, args, { ...options, cwd: dir });
  if ((run.exitCode !== 0 && run.exitCode !== 1) || !existsSync(outputFile)) {
    throw new Error(`secretlint exited with ${run.exitCode}: ${run.stderr.trim().slice(0, 2000)}`);
  }
  const results = JSON.parse(readFileSync(outputFile, 'utf8')) as SecretlintResult[];
  const findings: ReportedLocation[] = [];
  for (const result of results) {
    const rel = path.relative(dir, result.filePath).split(path.sep).join('/');
    for (const m of result.messages) {
      // secretlint columns are 0-based; its end column is exclusive.
      findings.push({ ruleId: m.ruleId, path: rel, line: m.loc.start.line, column: m.loc.start.column + 1, endLine: m.loc.end.line, endColumn: m.loc.end.column });
    }
  }
  return { ...run, bytes, files, findings };
}
