/**
 * `sprawlguard verify REPORT.json` and `scan --verify`: check whether found secrets are live, with
 * whom, and record every attempt in the audit log. Verification is always opt-in.
 *
 * A report carries no raw secrets, so `verify` reads each one again from its recorded location
 * (files relative to --root, commits with `git show`) and uses it only if its fingerprint matches.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfigFile } from '../config/load.js';
import { loadBuiltinRules } from '../config/rule-pack.js';
import type { Finding, Report, ScanScope } from '../findings/finding.js';
import { fingerprintSecret } from '../findings/fingerprint.js';
import { AuditLog, DEFAULT_AUDIT_LOG } from '../providers/audit.js';
import { HttpSession } from '../providers/http.js';
import { loadProvider } from '../providers/index.js';
import { linesAround, locateSecret, SourceReader } from '../providers/reread.js';
import { COMPANION_LINES } from '../providers/companions.js';
import {
  attachVerification,
  buildTargets,
  DEADLINE_REASON,
  providerIdFor,
  VerificationRunner,
  type FindingSecret,
  type Target,
  type VerificationRecord,
  type VerificationRecorder,
} from '../providers/run.js';
import type { Rule } from '../rules/schema.js';
import type { FormatName } from '../report/index.js';
import { EXIT_CLEAN, UsageError } from './errors.js';
import { fingerprintKeyOf, parseIntOption } from './options.js';
import { makeReport } from '../findings/report.js';
import { stripSecrets } from '../pipeline/steps/strip-secrets.js';
import { writeReport } from './output.js';
import { toolVersion } from '../version.js';

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

/** The sprawl inventory at `--db`, as the runner's recorder; closed by the caller. */
export async function openRecorder(db: string | undefined, quiet?: boolean): Promise<(VerificationRecorder & { close(): void }) | undefined> {
  if (db === undefined) return undefined;
  const { openInventory } = await import('./sprawl.js');
  return openInventory(db, { quiet });
}

/** What verify and revoke share: where to read, how to talk to providers, where to log. */
export interface VerificationSetup {
  runner: VerificationRunner;
  rulesById: Map<string, Rule>;
  fingerprintKey?: string;
}

export function auditLogPath(option: string | undefined): string {
  return option ?? (process.env.SPRAWLGUARD_AUDIT_LOG || DEFAULT_AUDIT_LOG);
}

export function createSetup(
  opts: { auditLog?: string; concurrency?: string; timeout?: string; verifyDeadline?: string; fingerprintKey?: string; quiet?: boolean },
  rules: readonly Rule[],
  recorder?: VerificationRecorder,
): VerificationSetup {
  const concurrency = opts.concurrency !== undefined ? parseIntOption('--concurrency', opts.concurrency, 1, 64) : undefined;
  const timeoutSeconds = opts.timeout !== undefined ? parseIntOption('--timeout', opts.timeout, 1, 300) : 10;
  const deadlineSeconds = opts.verifyDeadline !== undefined ? parseIntOption('--verify-deadline', opts.verifyDeadline, 1, 86_400) : undefined;
  const session = new HttpSession({ timeoutMs: timeoutSeconds * 1000, userAgent: `sprawlguard/${toolVersion()}` });
  const runner = new VerificationRunner({
    session,
    audit: new AuditLog(auditLogPath(opts.auditLog)),
    concurrency,
    recorder,
    deadlineMs: deadlineSeconds !== undefined ? deadlineSeconds * 1000 : undefined,
  });
  return {
    runner,
    rulesById: new Map(rules.map((r) => [r.id, r])),
    fingerprintKey: fingerprintKeyOf(opts),
  };
}

// ---- reading a report ---------------------------------------------------------------------------

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parse a `--format json` report, checking the fields verification relies on. */
export async function readReport(file: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read the report (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`${file}: not JSON; verify and revoke read reports written with --format json`);
  }
  if (!isObject(parsed) || !Array.isArray(parsed.findings)) throw new UsageError(`${file}: not a sprawlguard JSON report (no "findings" list)`);
  parsed.findings.forEach((f, index) => {
    const where = `${file}: findings[${index}]`;
    if (!isObject(f) || typeof f.fingerprint !== 'string' || typeof f.ruleId !== 'string' || typeof f.provider !== 'string') {
      throw new UsageError(`${where}: needs fingerprint, ruleId and provider`);
    }
    const loc = f.location;
    if (!isObject(loc) || typeof loc.path !== 'string' || typeof loc.source !== 'string') throw new UsageError(`${where}.location: needs source and path`);
    for (const field of ['line', 'column', 'endLine', 'endColumn']) {
      if (!Number.isInteger(loc[field]) || (loc[field] as number) < 1) throw new UsageError(`${where}.location.${field}: must be a positive integer`);
    }
    if (typeof f.redacted !== 'string') f.redacted = '…';
  });
  const scan = parsed.scan;
  if (scan !== undefined && (!isObject(scan) || !['files', 'git', 'stdin'].includes(scan.source as string) || typeof scan.root !== 'string' || !path.isAbsolute(scan.root))) {
    throw new UsageError(`${file}: "scan" must be { source: files, git or stdin; root: an absolute path }, or be left out (then --root says where the files are)`);
  }
  return parsed as unknown as Report;
}

/** Keep findings named by --rule / --fingerprint (all when neither is given). */
export function selectFindings(findings: Finding[], rules: readonly string[] = [], fingerprints: readonly string[] = []): Finding[] {
  const ruleSet = new Set(rules);
  // A bare hex digest is taken as either scheme; a guessable secret's fingerprint is `scrypt:`.
  const fpSet = new Set(fingerprints.flatMap((f) => (/^[a-z0-9]+:/.test(f) ? [f] : [`sha256:${f}`, `scrypt:${f}`])));
  return findings.filter((f) => (ruleSet.size === 0 || ruleSet.has(f.ruleId)) && (fpSet.size === 0 || fpSet.has(f.fingerprint)));
}

/** Rules by id: the built-in pack and the config's custom rules, disabled ones included (they still explain old findings). */
export async function rulesFor(root: string, configFile: string | undefined): Promise<Rule[]> {
  const loaded = await loadConfigFile(root, configFile);
  const custom = new Map(loaded.customRules.map((r) => [r.id, r]));
  return [...loadBuiltinRules().filter((r) => !custom.has(r.id)), ...loaded.customRules];
}

/** Whether any module for these findings needs the surrounding text (companion values). */
async function needsText(finding: Finding, rulesById: ReadonlyMap<string, Rule>): Promise<boolean> {
  const id = providerIdFor(finding, rulesById);
  if (id === undefined) return false;
  return ((await loadProvider(id)).companions ?? []).length > 0;
}

/**
 * Secrets and surroundings for each finding: the secret from the finding itself when the scan kept
 * it (scan --verify), else re-read from its location; the text around it only for providers that
 * look for companion values.
 */
export async function secretsFor(
  findings: readonly Finding[],
  reader: SourceReader,
  rulesById: ReadonlyMap<string, Rule>,
  fingerprintKey: string | undefined,
): Promise<FindingSecret[]> {
  const out: FindingSecret[] = [];
  for (const finding of findings) {
    if (providerIdFor(finding, rulesById) === undefined) {
      out.push({ finding });
      continue;
    }
    const wantText = await needsText(finding, rulesById);
    const source = finding.secret === undefined || wantText ? await reader.read(finding.location) : undefined;
    const item: FindingSecret = { finding };
    if (finding.secret !== undefined) {
      // A report written with --show-secrets: its secrets are trusted only as far as their fingerprints.
      if (fingerprintSecret(finding.secret, fingerprintKey) === finding.fingerprint) item.secret = finding.secret;
      else item.unavailable = 'the secret in the report does not match its fingerprint';
    } else if (source && !source.ok) item.unavailable = `cannot re-read the secret: ${source.reason}`;
    else if (source?.ok) {
      const located = locateSecret(source.text, finding.location, finding.fingerprint, rulesById.get(finding.ruleId), fingerprintKey);
      if (located.secret !== undefined) item.secret = located.secret;
      else item.unavailable = `cannot re-read the secret: ${located.reason ?? 'not found'}`;
    }
    if (wantText && source?.ok) {
      item.text = linesAround(source.text, finding.location.line - COMPANION_LINES, finding.location.endLine + COMPANION_LINES);
    }
    out.push(item);
  }
  return out;
}

export function summarize(records: ReadonlyMap<string, VerificationRecord>, findings: number): string {
  const counts = { live: 0, dead: 0, unknown: 0 };
  let late = 0;
  for (const r of records.values()) {
    counts[r.result.status]++;
    if (r.result.reason?.startsWith(DEADLINE_REASON)) late++;
  }
  const secrets = records.size;
  const deadline = late > 0 ? ` (${late} cut off by --verify-deadline)` : '';
  return `verified ${secrets} secret${secrets === 1 ? '' : 's'} (${findings} finding${findings === 1 ? '' : 's'}): ${counts.live} live, ${counts.dead} dead, ${counts.unknown} unknown${deadline}`;
}

/** Verify every distinct secret of `findings` and attach the verdicts. */
export async function verifyFindings(findings: Finding[], reader: SourceReader, setup: VerificationSetup): Promise<{ targets: Target[]; records: Map<string, VerificationRecord> }> {
  const items = await secretsFor(findings, reader, setup.rulesById, setup.fingerprintKey);
  const targets = await buildTargets(items, setup.rulesById);
  const records = await setup.runner.verifyAll(targets);
  attachVerification(findings, records);
  return { targets, records };
}

// ---- sprawlguard verify -------------------------------------------------------------------------

export async function runVerify(reportFile: string, raw: Record<string, unknown>): Promise<number> {
  const opts = raw as VerifyCliOptions;
  const exitOnLive = parseIntOption('--exit-code', opts.exitCode ?? '1', 0, 255);
  const report = await readReport(reportFile);
  const reader = readerFor(report.scan, opts.root);
  const rules = await rulesFor(reader.root, opts.config);
  const findings = selectFindings(report.findings, opts.rule, opts.fingerprint);
  const inventory = await openRecorder(opts.db, opts.quiet);
  let records: Map<string, VerificationRecord>;
  try {
    ({ records } = await verifyFindings(findings, reader, createSetup(opts, rules, inventory)));
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

/**
 * Where a report's findings are read again: `--root` when given, else the scan's own record of what
 * it read (reports from `scan` carry it), else the working directory (older reports).
 */
export function readerFor(scope: ScanScope | undefined, rootOption?: string): SourceReader {
  if (rootOption !== undefined) return new SourceReader(path.resolve(rootOption));
  if (!scope) return new SourceReader(process.cwd());
  // Standard input is gone by now; its name must not be mistaken for a file.
  if (scope.source === 'stdin') return new SourceReader(scope.root, () => undefined);
  return new SourceReader(scope.root);
}

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
  const setup = createSetup(
    { auditLog: context.auditLog, fingerprintKey: context.fingerprintKey, timeout: context.timeout, verifyDeadline: context.verifyDeadline },
    context.rules,
  );
  const reader = readerFor(context.scope);
  const { records } = await verifyFindings(findings, reader, setup);
  if (!context.quiet) process.stderr.write(`sprawlguard: ${summarize(records, findings.length)}\n`);
}

