/**
 * `sprawlguard sprawl report`, `sprawlguard sprawl merge`, and the summary `scan --record` prints:
 * options in, messages out. The work is in src/inventory/ (opening, merging, recording a scan) and
 * src/report/sprawl/ (the report and its formats).
 */
import { existsSync } from 'node:fs';
import type { ScanSettings } from '../config/settings.js';
import type { Finding, ScanStats } from '../findings/finding.js';
import { inventoryPath, openInventory } from '../inventory/open-inventory.js';
import type { ScanCoverage } from '../inventory/record-scan.js';
import type { SprawlFormat } from '../report/sprawl/index.js';
import { EXIT_CLEAN, EXIT_USAGE, UsageError } from './errors.js';
import { fingerprintKeyOf } from './options.js';
import { writeOutput } from './output.js';
import { toolVersion } from '../version.js';

/** Notes on standard error, unless --quiet. */
function sayer(quiet: boolean | undefined): ((line: string) => void) | undefined {
  return quiet ? undefined : (line) => process.stderr.write(`sprawlguard: ${line}\n`);
}

// ---- sprawl report ------------------------------------------------------------------------------

interface ReportCliOptions {
  db?: string;
  format?: string;
  output?: string;
  auditLog?: string;
}

export async function runSprawlReport(raw: Record<string, unknown>): Promise<number> {
  const opts = raw as ReportCliOptions;
  const { buildSprawlReport, reportInputFrom } = await import('../report/sprawl/model.js');
  const { formatSprawlReport } = await import('../report/sprawl/index.js');
  const format = (opts.format ?? 'text') as SprawlFormat;
  const file = inventoryPath(opts.db);
  if (!existsSync(file)) {
    throw new UsageError(`no inventory at ${file}: record one with \`sprawlguard scan --record\` or \`sprawlguard org scan\` (or choose one with --db)`);
  }
  const inventory = openInventory(file, sayer(false));
  let text: string;
  try {
    const revocations = await readRevocations(opts.auditLog);
    const report = buildSprawlReport({ ...reportInputFrom(inventory), revocations }, {
      now: new Date(),
      toolVersion: toolVersion(),
      schemaVersion: inventory.schemaVersion,
      ruleAdvice: await builtinRuleAdvice(),
    });
    text = await formatSprawlReport(report, format);
  } finally {
    inventory.close();
  }
  await writeOutput(text, opts.output);
  return EXIT_CLEAN;
}

/**
 * Confirmed revocations in the audit log (`--audit-log`, else the default log when it exists), for
 * time to revoke. Lines that are not entries are skipped and counted on standard error.
 */
async function readRevocations(option: string | undefined): Promise<{ fingerprint: string; time: string }[]> {
  const { auditLogPath } = await import('../verify/audit-log.js');
  const file = auditLogPath(option);
  if (option === undefined && !existsSync(file)) return [];
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the audit log ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const out: { fingerprint: string; time: string }[] = [];
  let skipped = 0;
  text.split('\n').forEach((line) => {
    if (line.trim() === '') return;
    try {
      const entry = JSON.parse(line) as { action?: unknown; outcome?: unknown; fingerprint?: unknown; time?: unknown };
      if (entry.action === 'revoke' && entry.outcome === 'revoked' && typeof entry.fingerprint === 'string' && typeof entry.time === 'string') {
        out.push({ fingerprint: entry.fingerprint, time: entry.time });
      }
    } catch {
      skipped++;
    }
  });
  if (skipped > 0) process.stderr.write(`sprawlguard: ${file}: ${skipped} line${skipped === 1 ? '' : 's'} not an audit entry, skipped\n`);
  return out;
}

/** The built-in rule pack's remediation and references, by rule id: the "revoke now" part of each secret's remediation. */
async function builtinRuleAdvice(): Promise<(ruleId: string) => { remediation: string; references: readonly string[] } | undefined> {
  const { loadBuiltinRules } = await import('../config/builtin-rules.js');
  const byId = new Map(loadBuiltinRules().map((r) => [r.id, { remediation: r.remediation, references: r.references ?? [] }]));
  return (ruleId) => byId.get(ruleId);
}

// ---- sprawl merge -------------------------------------------------------------------------------

interface MergeCliOptions {
  db?: string;
  quiet?: boolean;
  /** For report findings that name no repository (file and git scans of one repository). */
  repo?: string;
}

/** Merge shard files (and JSON reports) into one inventory; an unreadable file is named and skipped (exit 2). */
export async function runSprawlMerge(files: string[], raw: Record<string, unknown>): Promise<number> {
  const opts = raw as MergeCliOptions;
  const { mergeInputs } = await import('../inventory/merge-inputs.js');
  const file = inventoryPath(opts.db);
  const say = sayer(opts.quiet);
  const inventory = openInventory(file, say);
  let failed: number;
  try {
    ({ failed } = await mergeInputs(inventory, files, {
      repo: opts.repo,
      toolVersion: toolVersion(),
      onMerged: (input, merged) => {
        if (merged.kind === 'shard') {
          const n = merged.counts;
          say?.(`${input}: merged ${n.repos} repositories, ${n.secrets} secrets, ${n.occurrences} occurrences${merged.shard ? ` (shard ${merged.shard})` : ''}`);
        } else {
          say?.(`${input}: recorded ${merged.summary.secrets} secrets, ${merged.summary.occurrences} occurrences from a report`);
        }
      },
      // Named even with --quiet: the exit code alone would not say which file.
      onUnreadable: (message) => process.stderr.write(`sprawlguard: ${message}\n`),
    }));
  } finally {
    inventory.close();
  }
  say?.(`inventory: ${file}`);
  return failed > 0 ? EXIT_USAGE : EXIT_CLEAN;
}

// ---- scan --record ------------------------------------------------------------------------------

/** What `scan --record` needs to know about how the scan was run (the scan command's options). */
export type RecordScanOptions = ScanCoverage & { db?: string; quiet?: boolean; fingerprintKey?: string };

/** Record a finished scan's (filtered) findings, and say what was recorded (src/inventory/record-scan.ts). */
export async function recordScanFindings(
  paths: readonly string[],
  opts: RecordScanOptions,
  findings: readonly Finding[],
  stats: ScanStats,
  settings: ScanSettings,
  /** Git objects could not be read: the scan only adds what it saw, it marks nothing gone. */
  incomplete = false,
): Promise<void> {
  const { recordScan } = await import('../inventory/record-scan.js');
  const file = inventoryPath(opts.db);
  const say = sayer(opts.quiet);
  const summary = await recordScan({
    paths,
    coverage: opts,
    findings,
    stats,
    settings,
    incomplete,
    file,
    fingerprintKey: fingerprintKeyOf(opts),
    toolVersion: toolVersion(),
    say,
  });
  say?.(
    `recorded ${summary.secrets} secret${summary.secrets === 1 ? '' : 's'} (${summary.newSecrets} new, ${summary.occurrences} occurrence${summary.occurrences === 1 ? '' : 's'}` +
      `${summary.gone > 0 ? `, ${summary.gone} no longer found` : ''}) in ${file}`,
  );
}
