/**
 * Verification as `verify`, `revoke` and `scan --verify` run it: one runner (HTTP session, audit
 * log, concurrency, deadline, and optionally the inventory as the recorder of verdicts), the
 * findings' secrets read back, every distinct secret checked once, and the verdicts attached to
 * every copy. Verification is always opt-in: nothing here runs unless a command asks.
 */
import type { Finding } from '../findings/finding.js';
import type { Rule } from '../rules/schema.js';
import { AuditLog } from './audit-log.js';
import { HttpSession } from './http.js';
import { secretsFor } from './read-secrets.js';
import type { SourceReader } from './reread.js';
import {
  attachVerification,
  buildTargets,
  DEADLINE_REASON,
  VerificationRunner,
  type RevocationRecord,
  type Target,
  type VerificationRecord,
  type VerificationRecorder,
} from './runner.js';
import type { RevokeOptions } from './provider-module.js';

/** How verification talks to providers and where it logs (the commands' options, resolved). */
export interface VerificationSettings {
  /** The audit log every attempt is appended to. */
  auditLog: string;
  /** Checks in flight at once (the runner's default when undefined). */
  concurrency?: number;
  /** Per request. */
  timeoutMs: number;
  /** Bounds the whole verification phase. */
  deadlineMs?: number;
  fingerprintKey?: string;
  userAgent: string;
}

/** What verify and revoke share: where to read, how to talk to providers, where to log. */
export interface VerificationSetup {
  runner: VerificationRunner;
  rulesById: Map<string, Rule>;
  fingerprintKey?: string;
}

export function createSetup(settings: VerificationSettings, rules: readonly Rule[], recorder?: VerificationRecorder): VerificationSetup {
  const session = new HttpSession({ timeoutMs: settings.timeoutMs, userAgent: settings.userAgent });
  const runner = new VerificationRunner({
    session,
    audit: new AuditLog(settings.auditLog),
    concurrency: settings.concurrency,
    recorder,
    deadlineMs: settings.deadlineMs,
  });
  return { runner, rulesById: new Map(rules.map((r) => [r.id, r])), fingerprintKey: settings.fingerprintKey };
}

/** The sprawl inventory at `file`, as the runner's recorder; closed by the caller. */
export async function openRecorder(file: string | undefined, say?: (line: string) => void): Promise<(VerificationRecorder & { close(): void }) | undefined> {
  if (file === undefined) return undefined;
  const { openInventory } = await import('../inventory/open-inventory.js');
  return openInventory(file, say);
}

/** Verify every distinct secret of `findings` and attach the verdicts. */
export async function verifyFindings(findings: Finding[], reader: SourceReader, setup: VerificationSetup): Promise<{ targets: Target[]; records: Map<string, VerificationRecord> }> {
  const items = await secretsFor(findings, reader, setup.rulesById, setup.fingerprintKey);
  const targets = await buildTargets(items, setup.rulesById);
  const records = await setup.runner.verifyAll(targets);
  attachVerification(findings, records);
  return { targets, records };
}

/**
 * Verify `findings`, then revoke the secrets verified live in this same run (a dry run unless
 * `confirm`); `onVerified` sees the verdicts before any revocation starts.
 */
export async function revokeFindings(
  findings: Finding[],
  reader: SourceReader,
  setup: VerificationSetup,
  options: { confirm: boolean; revoke: RevokeOptions; onVerified?: (records: ReadonlyMap<string, VerificationRecord>) => void },
): Promise<RevocationRecord[]> {
  const { targets, records } = await verifyFindings(findings, reader, setup);
  options.onVerified?.(records);
  return setup.runner.revokeAll(targets, records, { confirm: options.confirm, revoke: options.revoke });
}

/** One line on how verification went: verdicts by status, and how many the deadline cut off. */
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
