/**
 * `sprawlguard revoke REPORT.json`: end the leaked secrets of a report at their providers.
 *
 * A dry run unless `--confirm` is given: it verifies each selected secret and prints, per secret,
 * what it would do and how. Only secrets verified live in this same run are revoked; a revoke counts
 * as done only when a fresh check says the secret is now dead. Destructive paths need their own
 * flag (`--shopify-uninstall`, `--twilio-rotate`, `--aws-delete`); AWS keys need operator
 * credentials (`--aws-profile`). Every attempt goes to the audit log.
 */
import { AwsProfileError, loadAwsProfile } from '../verify/aws-profile.js';
import type { RevokeOptions } from '../verify/provider-module.js';
import { readerFor, rulesFor, selectFindings } from '../verify/report-input.js';
import type { RevocationRecord, RevocationStatus } from '../verify/runner.js';
import { createSetup, revokeFindings, summarize } from '../verify/verify-findings.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from './errors.js';
import { readReportFile, recorderFor, verificationSettings } from './verify.js';

export interface RevokeCliOptions {
  root?: string;
  config?: string;
  fingerprintKey?: string;
  rule?: string[];
  fingerprint?: string[];
  confirm?: boolean;
  awsProfile?: string;
  awsDelete?: boolean;
  shopifyUninstall?: boolean;
  twilioRotate?: boolean;
  auditLog?: string;
  db?: string;
  concurrency?: string;
  timeout?: string;
  format?: 'text' | 'json';
  quiet?: boolean;
}

/** Outcomes that leave a live secret behind after `--confirm`. */
const UNFINISHED: ReadonlySet<RevocationStatus> = new Set(['failed', 'still-live', 'unconfirmed', 'manual-revocation-needed', 'blocked']);

const LABEL: Record<RevocationStatus, string> = {
  'would-revoke': 'would revoke',
  revoked: 'revoked',
  'still-live': 'still live after the revoke call',
  unconfirmed: 'revoke sent, not confirmed',
  failed: 'revoke failed',
  'manual-revocation-needed': 'manual revocation needed',
  blocked: 'needs an explicit option',
  'not-live': 'skipped',
};

export async function runRevoke(reportFile: string, raw: Record<string, unknown>): Promise<number> {
  const opts = raw as RevokeCliOptions;
  if (opts.awsDelete && !opts.awsProfile) throw new UsageError('--aws-delete needs --aws-profile (the operator credentials that delete the key)');
  const report = await readReportFile(reportFile);
  const reader = readerFor(report.scan, opts.root);
  const rules = await rulesFor(reader.root, opts.config);
  const findings = selectFindings(report.findings, opts.rule, opts.fingerprint);
  if (findings.length === 0) throw new UsageError('no findings selected (check --rule and --fingerprint)');

  const revokeOptions: RevokeOptions = {
    awsDelete: opts.awsDelete === true,
    shopifyUninstall: opts.shopifyUninstall === true,
    twilioRotate: opts.twilioRotate === true,
  };
  if (opts.awsProfile !== undefined) {
    try {
      revokeOptions.awsOperator = await loadAwsProfile(opts.awsProfile);
    } catch (error) {
      if (error instanceof AwsProfileError) throw new UsageError(`--aws-profile: ${error.message}`);
      throw error;
    }
  }

  const confirm = opts.confirm === true;
  const inventory = await recorderFor(opts);
  let results: RevocationRecord[];
  try {
    results = await revokeFindings(findings, reader, createSetup(verificationSettings(opts), rules, inventory), {
      confirm,
      revoke: revokeOptions,
      onVerified: (records) => {
        if (!opts.quiet) process.stderr.write(`sprawlguard: ${summarize(records, findings.length)}\n`);
      },
    });
  } finally {
    inventory?.close();
  }

  const text = opts.format === 'json' ? `${JSON.stringify({ version: 1, dryRun: !confirm, results }, null, 2)}\n` : formatResults(results, confirm);
  await new Promise<void>((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
  if (!confirm) return EXIT_CLEAN;
  return results.some((r) => UNFINISHED.has(r.status)) ? EXIT_FINDINGS : EXIT_CLEAN;
}

export function formatResults(results: readonly RevocationRecord[], confirm: boolean): string {
  const lines: string[] = [];
  lines.push(confirm ? 'sprawlguard revoke' : 'sprawlguard revoke: dry run (nothing was changed; add --confirm to act)');
  lines.push('');
  for (const r of results) {
    const copies = r.copies > 1 ? ` (${r.copies} copies)` : '';
    lines.push(`  ${r.redacted}  ${r.providerName}  [${r.ruleId}]  ${r.fingerprint.slice(0, 19)}…${copies}`);
    lines.push(`    ${LABEL[r.status]}: ${r.how}`);
    if (r.detail) lines.push(`    ${r.detail}`);
    if (r.steps) lines.push(`    steps: ${r.steps}`);
    if (r.url) lines.push(`    see: ${r.url}`);
  }
  const counts = new Map<RevocationStatus, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  lines.push('');
  lines.push(`summary: ${[...counts.entries()].map(([status, n]) => `${n} ${LABEL[status]}`).join(', ') || 'nothing selected'}`);
  return `${lines.join('\n')}\n`;
}
