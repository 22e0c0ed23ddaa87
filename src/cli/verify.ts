/**
 * `sprawlguard verify REPORT.json` and `scan --verify`: options in, verdicts out. The work (reading
 * the report and its secrets back, checking each secret once, the audit log) is in src/verify/.
 */
import type { Finding, Report, ScanScope } from '../findings/finding.js';
import type { FormatName } from '../report/scan/index.js';
import type { Rule } from '../rules/schema.js';
import { auditLogPath } from '../verify/audit-log.js';
import { readerFor, readReport, ReportInputError, rulesFor, selectFindings } from '../verify/report-input.js';
import type { VerificationRecord } from '../verify/runner.js';
import { createSetup, openRecorder, summarize, verifyFindings, type VerificationSettings } from '../verify/verify-findings.js';
import { EXIT_CLEAN, UsageError } from './errors.js';
import { fingerprintKeyOf, parseIntOption } from './options.js';
import { makeReport, stripSecrets, writeReport } from './output.js';
import { toolVersion } from './version.js';

export interface VerifyCliOptions {
  root?: string;
  config?: string;
  fingerprintKey?: string;
  format?: FormatName;
  output?: string;
  color?: boolean;
  quiet?: boolean;
  auditLog?: string;
  concurrency?: string;
  timeout?: string;
  verifyDeadline?: string;
  rule?: string[];
  fingerprint?: string[];
  exitCode?: string;
  db?: string;
}

/** `--audit-log`, `--concurrency`, `--timeout`, `--verify-deadline` and the fingerprint key, checked and resolved. */
export function verificationSettings(opts: { auditLog?: string; concurrency?: string; timeout?: string; verifyDeadline?: string; fingerprintKey?: string }): VerificationSettings {
  const concurrency = opts.concurrency !== undefined ? parseIntOption('--concurrency', opts.concurrency, 1, 64) : undefined;
  const timeoutSeconds = opts.timeout !== undefined ? parseIntOption('--timeout', opts.timeout, 1, 300) : 10;
  const deadlineSeconds = opts.verifyDeadline !== undefined ? parseIntOption('--verify-deadline', opts.verifyDeadline, 1, 86_400) : undefined;
  return {
    auditLog: auditLogPath(opts.auditLog),
    concurrency,
    timeoutMs: timeoutSeconds * 1000,
    deadlineMs: deadlineSeconds !== undefined ? deadlineSeconds * 1000 : undefined,
    fingerprintKey: fingerprintKeyOf(opts),
    userAgent: `sprawlguard/${toolVersion()}`,
  };
}

/** A report that cannot be used is a usage error (exit 2). */
export async function readReportFile(file: string): Promise<Report> {
  try {
    return await readReport(file);
  } catch (error) {
    if (error instanceof ReportInputError) throw new UsageError(error.message);
    throw error;
  }
}

/** The inventory given with --db records verdicts; its notes go to standard error unless --quiet. */
export function recorderFor(opts: { db?: string; quiet?: boolean }): ReturnType<typeof openRecorder> {
  return openRecorder(opts.db, opts.quiet ? undefined : (line) => process.stderr.write(`sprawlguard: ${line}\n`));
}

// ---- sprawlguard verify -------------------------------------------------------------------------

export async function runVerify(reportFile: string, raw: Record<string, unknown>): Promise<number> {
  const opts = raw as VerifyCliOptions;
  const exitOnLive = parseIntOption('--exit-code', opts.exitCode ?? '1', 0, 255);
  const report = await readReportFile(reportFile);
  const reader = readerFor(report.scan, opts.root);
  const rules = await rulesFor(reader.root, opts.config);
  const findings = selectFindings(report.findings, opts.rule, opts.fingerprint);
  const inventory = await recorderFor(opts);
  let records: Map<string, VerificationRecord>;
  try {
    ({ records } = await verifyFindings(findings, reader, createSetup(verificationSettings(opts), rules, inventory)));
  } finally {
    inventory?.close();
  }
  if (!opts.quiet) process.stderr.write(`sprawlguard: ${summarize(records, findings.length)}\n`);
  await writeReport(makeReport(stripSecrets(findings, false), report.stats ?? { sources: 0, bytes: 0, chunks: 0, durationMs: 0, skipped: [] }, report.scan), {
    format: opts.format ?? 'json',
    output: opts.output,
    color: opts.color,
    rules,
  });
  const anyLive = [...records.values()].some((r) => r.result.status === 'live');
  return anyLive ? exitOnLive : EXIT_CLEAN;
}

// ---- scan --verify ------------------------------------------------------------------------------

export interface ScanVerifyContext {
  /** What the scan read: where its findings' paths are relative to. */
  scope: ScanScope;
  rules: readonly Rule[];
  fingerprintKey?: string;
  quiet?: boolean;
  auditLog?: string;
  /** `--timeout` and `--verify-deadline`, in seconds, as given. */
  timeout?: string;
  verifyDeadline?: string;
}

/** `scan --verify`: findings still carry their secrets here; verdicts are attached in place. */
export async function verifyScanFindings(findings: Finding[], context: ScanVerifyContext): Promise<void> {
  const settings = verificationSettings({ auditLog: context.auditLog, fingerprintKey: context.fingerprintKey, timeout: context.timeout, verifyDeadline: context.verifyDeadline });
  const setup = createSetup(settings, context.rules);
  const reader = readerFor(context.scope);
  const { records } = await verifyFindings(findings, reader, setup);
  if (!context.quiet) process.stderr.write(`sprawlguard: ${summarize(records, findings.length)}\n`);
}
