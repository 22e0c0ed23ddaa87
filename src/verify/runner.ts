/**
 * Verification and revocation runs: findings in, verdicts and revocations out.
 *
 * - Each distinct secret (by fingerprint) is checked once per run however many copies were found,
 *   and the verdict is written back to every copy.
 * - Concurrency is bounded for the run and per provider.
 * - Every string a provider module returns is scrubbed of the run's secrets before it is shown,
 *   recorded or logged.
 * - An optional deadline bounds the whole verification phase: when it passes, checks in flight are
 *   cancelled and secrets not yet checked are `unknown` with a reason that starts with "deadline".
 * - Every verify and revoke attempt is appended to the audit log; a recorder (the inventory, once it
 *   exists) can receive each verdict too.
 * - Revocation acts only on secrets verified live in the same run, needs `confirm` (the CLI's
 *   `--confirm`; otherwise it is a dry run), and records `revoked` only when a fresh check says the
 *   secret is now dead. A failure for one secret never stops the others.
 */
import type { Finding, Verification } from '../findings/finding.js';
import type { Rule } from '../rules/schema.js';
import type { AuditSink } from './audit-log.js';
import { findCompanions, type SiblingSecret, type SourceText } from './companions.js';
import type { HttpSession } from './http.js';
import { loadProvider, resolveProviderId } from './provider-registry.js';
import { Limiter } from './limiter.js';
import { makeScrubber, scrubRecord, type Scrubber } from './scrub.js';
import {
  SECRET_COMPANIONS,
  unknown,
  type Companions,
  type Credential,
  type ProviderContext,
  type ProviderModule,
  type RevokeAttempt,
  type RevokeItem,
  type RevokeOptions,
  type RevokePlan,
  type VerifyResult,
} from './provider-module.js';

/** One finding, with its raw secret when it could be had, and the text around it when readable. */
export interface FindingSecret {
  finding: Finding;
  secret?: string;
  /** Why the secret is not available (e.g. "cannot re-read"). */
  unavailable?: string;
  /** The source text the finding came from, for companion lookup. */
  text?: SourceText;
}

/** One distinct secret to check. */
export interface Target {
  fingerprint: string;
  ruleId: string;
  /** Module id, or undefined when sprawlguard has no verifier for this provider. */
  providerId?: string;
  /** The finding's provider, for messages. */
  providerName: string;
  redacted: string;
  /** How many findings carry this secret. */
  copies: number;
  credential?: Credential;
  /** Why there is nothing to check (no verifier, no secret). */
  skipped?: string;
}

export interface VerificationRecord {
  fingerprint: string;
  providerId?: string;
  result: VerifyResult;
  checkedAt: string;
}

/**
 * The seam for the inventory: when one is in use, every verdict of a run is handed to it. The
 * inventory issue will implement this (SQLite), keyed by fingerprint.
 */
export interface VerificationRecorder {
  recordVerification(record: VerificationRecord): void | Promise<void>;
  recordRevocation?(record: RevocationRecord): void | Promise<void>;
}

export type RevocationStatus =
  | 'would-revoke'
  | 'revoked'
  | 'still-live'
  | 'unconfirmed'
  | 'failed'
  | 'manual-revocation-needed'
  | 'blocked'
  | 'not-live';

export interface RevocationRecord {
  fingerprint: string;
  providerId?: string;
  providerName: string;
  ruleId: string;
  redacted: string;
  copies: number;
  status: RevocationStatus;
  /** What was (or would be) done, and how. */
  how: string;
  detail?: string;
  /** For manual and blocked ones: what the owner does, and where. */
  steps?: string;
  url?: string;
}

export interface RunnerOptions {
  session: HttpSession;
  audit: AuditSink;
  recorder?: VerificationRecorder;
  /** Checks in flight at once for the whole run. Default 8. */
  concurrency?: number;
  /** Checks in flight at once per provider. Default 2. */
  perProvider?: number;
  now?: () => Date;
  /** Pause before re-checking a just-revoked secret (and for AWS's signature quirk). Default 2000. */
  settleMs?: number;
  /** Re-checks after a revoke call while the secret still answers live. Default 3. */
  recheckAttempts?: number;
  /** The whole of verifyAll() ends within this many milliseconds. Default: no deadline. */
  deadlineMs?: number;
}

/** Reasons given for secrets the deadline cut off start with this word. */
export const DEADLINE_REASON = 'deadline';

/** Rule → module id: the rule's `verify:`, else its provider. */
export function providerIdFor(finding: Finding, rulesById: ReadonlyMap<string, Rule>): string | undefined {
  const rule = rulesById.get(finding.ruleId);
  return resolveProviderId(rule?.verify) ?? resolveProviderId(finding.provider);
}

function sourceKey(finding: Finding): string {
  const l = finding.location;
  return [l.source, l.repo ?? '', l.commit ?? '', l.path, l.ticket ?? '', l.field ?? ''].join('\0');
}

/**
 * Group findings by fingerprint into targets, and look up each target's companions. The copy whose
 * surroundings supply the most companions is the one used.
 */
export async function buildTargets(items: readonly FindingSecret[], rulesById: ReadonlyMap<string, Rule>): Promise<Target[]> {
  const siblingsBySource = new Map<string, SiblingSecret[]>();
  for (const item of items) {
    if (item.secret === undefined) continue;
    const key = sourceKey(item.finding);
    let list = siblingsBySource.get(key);
    if (!list) siblingsBySource.set(key, (list = []));
    list.push({ ruleId: item.finding.ruleId, secret: item.secret, line: item.finding.location.line });
  }
  const groups = new Map<string, FindingSecret[]>();
  for (const item of items) {
    let list = groups.get(item.finding.fingerprint);
    if (!list) groups.set(item.finding.fingerprint, (list = []));
    list.push(item);
  }

  const targets: Target[] = [];
  for (const [fingerprint, copies] of groups) {
    const first = copies[0] as FindingSecret;
    const providerId = providerIdFor(first.finding, rulesById);
    const base = {
      fingerprint,
      ruleId: first.finding.ruleId,
      providerName: first.finding.provider,
      redacted: first.finding.redacted,
      copies: copies.length,
    };
    if (providerId === undefined) {
      targets.push({ ...base, skipped: `sprawlguard has no verifier for ${first.finding.provider} credentials` });
      continue;
    }
    const withSecret = copies.filter((c) => c.secret !== undefined);
    if (withSecret.length === 0) {
      targets.push({ ...base, providerId, skipped: first.unavailable ?? 'the secret is not available' });
      continue;
    }
    const module = await loadProvider(providerId);
    const kinds = module.companions ?? [];
    let best: { item: FindingSecret; companions: Companions } | undefined;
    for (const item of withSecret) {
      const companions =
        kinds.length === 0
          ? {}
          : findCompanions(
              kinds,
              {
                line: item.finding.location.line,
                endLine: item.finding.location.endLine,
                siblings: siblingsBySource.get(sourceKey(item.finding)) ?? [],
                text: item.text,
              },
              item.secret,
            );
      if (!best || Object.keys(companions).length > Object.keys(best.companions).length) best = { item, companions };
      if (Object.keys(companions).length === kinds.length) break;
    }
    const chosen = best as { item: FindingSecret; companions: Companions };
    targets.push({
      ...base,
      ruleId: chosen.item.finding.ruleId,
      providerId,
      credential: { secret: chosen.item.secret as string, ruleId: chosen.item.finding.ruleId, companions: chosen.companions },
    });
  }
  return targets;
}

function scrubberFor(credential: Credential | undefined): Scrubber {
  if (!credential) return makeScrubber([]);
  return makeScrubber([credential.secret, ...SECRET_COMPANIONS.map((k) => credential.companions[k])]);
}

function scrubResult(result: VerifyResult, scrub: Scrubber): VerifyResult {
  const out: VerifyResult = { status: result.status };
  const identity = scrubRecord(result.identity, scrub);
  if (identity && Object.keys(identity).length > 0) out.identity = identity;
  if (result.reason !== undefined) out.reason = scrub(result.reason);
  if (result.unverifiable) out.unverifiable = true;
  return out;
}

/** `login=octocat, scopes=repo` — the identity as one line for reports and the audit log. */
export function formatIdentity(identity: Record<string, string> | undefined): string | undefined {
  if (!identity) return undefined;
  const parts = Object.entries(identity).map(([k, v]) => `${k}=${v}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function auditDetail(result: VerifyResult, prefix = ''): string {
  return `${prefix}${[formatIdentity(result.identity), result.reason].filter((s) => s !== undefined && s !== '').join('; ')}`;
}

export class VerificationRunner {
  private readonly all: Limiter;
  private readonly perProviderLimit: number;
  private readonly byProvider = new Map<string, Limiter>();
  private readonly now: () => Date;
  private readonly settleMs: number;
  private readonly recheckAttempts: number;

  constructor(private readonly options: RunnerOptions) {
    this.all = new Limiter(options.concurrency ?? 8);
    this.perProviderLimit = options.perProvider ?? 2;
    this.now = options.now ?? (() => new Date());
    this.settleMs = options.settleMs ?? 2000;
    this.recheckAttempts = options.recheckAttempts ?? 3;
  }

  private context(providerId: string, deadline?: AbortSignal): ProviderContext {
    const http = this.options.session.forProvider(providerId);
    return { http: deadline ? http.withSignal(deadline) : http, now: this.now, settleMs: this.settleMs };
  }

  private deadlineReason(started: boolean): string {
    const seconds = Number(((this.options.deadlineMs ?? 0) / 1000).toFixed(1));
    return `${DEADLINE_REASON}: ${started ? 'no verdict' : 'not checked'} within the ${seconds} s verification deadline`;
  }

  private limiter(providerId: string): Limiter {
    let limiter = this.byProvider.get(providerId);
    if (!limiter) this.byProvider.set(providerId, (limiter = new Limiter(this.perProviderLimit)));
    return limiter;
  }

  /**
   * One check, scrubbed, audited and recorded. Past the deadline a check that has not started makes
   * no request and leaves no audit entry; one in flight is cancelled and audited as unknown.
   */
  private async check(target: Target, module: ProviderModule, credential: Credential, note = '', deadline?: AbortSignal): Promise<VerificationRecord> {
    const scrub = scrubberFor(credential);
    const id = module.id;
    const raw = await this.limiter(id).run(() =>
      this.all.run(async (): Promise<VerifyResult | undefined> => {
        if (deadline?.aborted) return undefined;
        try {
          const verdict = await untilAborted(module.verify(credential, this.context(id, deadline)), deadline);
          // A verdict cut short by the deadline says so, whatever the module made of the cancelled request.
          return verdict === undefined || (deadline?.aborted && verdict.status === 'unknown') ? unknown(this.deadlineReason(true)) : verdict;
        } catch (error) {
          return unknown(`internal error in the ${id} verifier: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );
    if (raw === undefined) {
      return { fingerprint: target.fingerprint, providerId: id, result: unknown(this.deadlineReason(false)), checkedAt: this.now().toISOString() };
    }
    const result = scrubResult(raw, scrub);
    const record: VerificationRecord = { fingerprint: target.fingerprint, providerId: id, result, checkedAt: this.now().toISOString() };
    await this.options.audit.append({
      action: 'verify',
      provider: id,
      fingerprint: target.fingerprint,
      outcome: result.unverifiable ? 'unverifiable' : result.status,
      detail: auditDetail(result, note),
    });
    await this.options.recorder?.recordVerification(record);
    return record;
  }

  /** Verify every target once. Targets without a verifier or a secret get an `unknown` record without any request. */
  async verifyAll(targets: readonly Target[]): Promise<Map<string, VerificationRecord>> {
    const records = new Map<string, VerificationRecord>();
    const deadline = this.options.deadlineMs !== undefined ? AbortSignal.timeout(this.options.deadlineMs) : undefined;
    await Promise.all(
      targets.map(async (target) => {
        if (!target.credential || target.providerId === undefined) {
          records.set(target.fingerprint, {
            fingerprint: target.fingerprint,
            providerId: target.providerId,
            result: { status: 'unknown', reason: target.skipped ?? 'not checked' },
            checkedAt: this.now().toISOString(),
          });
          return;
        }
        const module = await loadProvider(target.providerId);
        records.set(target.fingerprint, await this.check(target, module, target.credential, '', deadline));
      }),
    );
    return records;
  }

  /**
   * Plan (dry run) or carry out (confirm) the revocation of every target verified live in `verified`.
   * Results are in the order of `targets`.
   */
  async revokeAll(
    targets: readonly Target[],
    verified: ReadonlyMap<string, VerificationRecord>,
    options: { confirm: boolean; revoke: RevokeOptions },
  ): Promise<RevocationRecord[]> {
    const records: RevocationRecord[] = new Array<RevocationRecord>(targets.length);
    const toRevoke = new Map<string, { index: number; item: RevokeItem; how: string }[]>();

    for (const [index, target] of targets.entries()) {
      const base = {
        fingerprint: target.fingerprint,
        providerId: target.providerId,
        providerName: target.providerName,
        ruleId: target.ruleId,
        redacted: target.redacted,
        copies: target.copies,
      };
      const verdict = verified.get(target.fingerprint);
      if (!target.credential || target.providerId === undefined || !verdict || verdict.result.status !== 'live') {
        const status = verdict?.result.status ?? 'unknown';
        records[index] = {
          ...base,
          status: 'not-live',
          how: 'nothing to revoke: only secrets verified live in this run are revoked',
          detail: `verification: ${status}${verdict?.result.reason ? ` (${verdict.result.reason})` : ''}`,
        };
        continue;
      }
      const module = await loadProvider(target.providerId);
      const scrub = scrubberFor(target.credential);
      const item: RevokeItem = { credential: target.credential, verified: verdict.result };
      let plan: RevokePlan;
      try {
        plan = module.planRevoke(item, options.revoke);
      } catch (error) {
        records[index] = { ...base, status: 'failed', how: 'planning failed', detail: scrub(error instanceof Error ? error.message : String(error)) };
        continue;
      }
      const how = scrub(plan.description);
      if (plan.kind === 'api' && module.revoke) {
        if (!options.confirm) {
          records[index] = { ...base, status: 'would-revoke', how };
          continue;
        }
        let list = toRevoke.get(module.id);
        if (!list) toRevoke.set(module.id, (list = []));
        list.push({ index, item, how });
        continue;
      }
      const manualPlan = plan.kind === 'api' ? { steps: 'Revoke it in the provider’s console.', url: '' } : plan;
      records[index] = {
        ...base,
        status: plan.kind === 'blocked' ? 'blocked' : 'manual-revocation-needed',
        how,
        steps: scrub(manualPlan.steps),
        ...(manualPlan.url ? { url: manualPlan.url } : {}),
      };
      if (options.confirm) await this.auditRevoke(records[index] as RevocationRecord);
    }

    await Promise.all(
      [...toRevoke.entries()].map(async ([providerId, entries]) => {
        const module = await loadProvider(providerId);
        let attempts: RevokeAttempt[];
        try {
          attempts = await this.limiter(providerId).run(() =>
            (module.revoke as NonNullable<ProviderModule['revoke']>)(
              entries.map((e) => e.item),
              this.context(providerId),
              options.revoke,
            ),
          );
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          attempts = entries.map(() => ({ ok: false, detail: `revoke failed: ${message}` }));
        }
        for (const [n, entry] of entries.entries()) {
          const target = targets[entry.index] as Target;
          const attempt = attempts[n] ?? { ok: false, detail: 'the provider module returned no result' };
          const record = await this.settle(target, module, entry.item, entry.how, attempt);
          records[entry.index] = record;
          await this.auditRevoke(record);
        }
      }),
    );
    return records;
  }

  /** After a revoke call: check again, and call it revoked only when the secret is now dead. */
  private async settle(target: Target, module: ProviderModule, item: RevokeItem, how: string, attempt: RevokeAttempt): Promise<RevocationRecord> {
    const scrub = scrubberFor(item.credential);
    const base = {
      fingerprint: target.fingerprint,
      providerId: module.id,
      providerName: target.providerName,
      ruleId: target.ruleId,
      redacted: target.redacted,
      copies: target.copies,
      how,
    };
    const detail = scrub(attempt.detail);
    if (!attempt.ok) return { ...base, status: 'failed', detail };
    let recheck: VerificationRecord | undefined;
    for (let n = 1; n <= this.recheckAttempts; n++) {
      if (n > 1 || this.settleMs > 0) await new Promise((resolve) => setTimeout(resolve, n === 1 ? Math.min(this.settleMs, 1000) : this.settleMs));
      recheck = await this.check(target, module, item.credential, 're-check after revoke: ');
      if (recheck.result.status !== 'live') break;
    }
    const status = recheck?.result.status;
    if (status === 'dead') return { ...base, status: 'revoked', detail };
    if (status === 'live') return { ...base, status: 'still-live', detail: `${detail}; but the secret still works` };
    return { ...base, status: 'unconfirmed', detail: `${detail}; the re-check could not tell (${recheck?.result.reason ?? 'unknown'})` };
  }

  private async auditRevoke(record: RevocationRecord): Promise<void> {
    await this.options.audit.append({
      action: 'revoke',
      provider: record.providerId ?? record.providerName,
      fingerprint: record.fingerprint,
      outcome: record.status,
      detail: [record.how, record.detail].filter(Boolean).join('; '),
    });
    await this.options.recorder?.recordRevocation?.(record);
  }
}

/** `promise`'s value, or undefined as soon as `signal` aborts (a module that ignores it cannot hold the run). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const stop = (): void => resolve(undefined);
    signal.addEventListener('abort', stop, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', stop);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', stop);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Write verdicts back to every copy of each secret. */
export function attachVerification(findings: Finding[], records: ReadonlyMap<string, VerificationRecord>): void {
  for (const finding of findings) {
    const record = records.get(finding.fingerprint);
    if (!record) continue;
    const verification: Verification = { status: record.result.status, checkedAt: record.checkedAt };
    const identity = formatIdentity(record.result.identity);
    if (identity) verification.identity = identity;
    if (record.result.reason) verification.reason = record.result.unverifiable ? `unverifiable: ${record.result.reason}` : record.result.reason;
    finding.verification = verification;
  }
}
