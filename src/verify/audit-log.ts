/**
 * The audit log: every verify and revoke attempt, one JSON object per line, append-only, in a hash
 * chain. Each entry carries `prev`, the SHA-256 of the exact bytes of the line before it (the first
 * entry carries a fixed genesis value), and `seq`, its 1-based position. Changing, deleting,
 * inserting or reordering any line breaks the chain at the next line, which `sprawlguard audit check`
 * reports. What a chain alone cannot show is a change to the last line or lines cut off the end:
 * `audit check` prints the head hash so it can be kept elsewhere (a CI log) and checked with `--head`.
 *
 * Entries carry fingerprints, providers, outcomes and non-secret details; never a secret.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, stat, unlink, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const DEFAULT_AUDIT_LOG = path.join('.sprawlguard', 'audit.jsonl');

/** `--audit-log`, else SPRAWLGUARD_AUDIT_LOG, else `.sprawlguard/audit.jsonl` in the current directory. */
export function auditLogPath(option: string | undefined): string {
  return option ?? (process.env.SPRAWLGUARD_AUDIT_LOG || DEFAULT_AUDIT_LOG);
}
/** `prev` of the first entry. */
export const GENESIS_HASH = `sha256:${'0'.repeat(64)}`;

export type AuditAction = 'verify' | 'revoke';

export interface Actor {
  /** The OS user running sprawlguard. */
  user: string;
  host?: string;
  /** In CI: which system, workflow and run. */
  ci?: Record<string, string>;
}

export interface AuditRecord {
  action: AuditAction;
  provider: string;
  fingerprint: string;
  outcome: string;
  detail?: string;
}

export interface AuditEntry extends AuditRecord {
  seq: number;
  time: string;
  actor: Actor;
  prev: string;
}

/** A place that records attempts. The runner takes this interface so tests can pass a stub. */
export interface AuditSink {
  append(record: AuditRecord): Promise<void>;
}

export class AuditError extends Error {}

export function hashLine(line: string): string {
  return `sha256:${createHash('sha256').update(line, 'utf8').digest('hex')}`;
}

/** Who is acting: the OS user, and in CI the workflow run that did it. */
export function currentActor(env: Readonly<Record<string, string | undefined>> = process.env): Actor {
  let user: string;
  try {
    user = os.userInfo().username;
  } catch {
    user = env.USER ?? env.USERNAME ?? 'unknown';
  }
  const actor: Actor = { user, host: os.hostname() };
  const pick = (entries: Record<string, string | undefined>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(entries)) if (v) out[k] = v;
    return out;
  };
  if (env.GITHUB_ACTIONS === 'true') {
    actor.ci = pick({
      system: 'github-actions',
      repository: env.GITHUB_REPOSITORY,
      workflow: env.GITHUB_WORKFLOW,
      runId: env.GITHUB_RUN_ID,
      runAttempt: env.GITHUB_RUN_ATTEMPT,
      actor: env.GITHUB_ACTOR,
      ref: env.GITHUB_REF,
      sha: env.GITHUB_SHA,
    });
  } else if (env.GITLAB_CI === 'true') {
    actor.ci = pick({
      system: 'gitlab-ci',
      project: env.CI_PROJECT_PATH,
      pipelineId: env.CI_PIPELINE_ID,
      jobId: env.CI_JOB_ID,
      actor: env.GITLAB_USER_LOGIN,
      ref: env.CI_COMMIT_REF_NAME,
      sha: env.CI_COMMIT_SHA,
    });
  } else if (env.CI === 'true' || env.CI === '1') {
    actor.ci = { system: 'ci' };
  }
  return actor;
}

export interface AuditLogOptions {
  actor?: Actor;
  now?: () => Date;
  /** How long to wait for another process's lock before giving up. */
  lockTimeoutMs?: number;
}

const TAIL_BYTES = 64 * 1024;
const STALE_LOCK_MS = 30_000;

/**
 * Append-only writer. Appends are serialised within the process, and across processes by a lock
 * file next to the log, because the chain needs "read the last line, then append" to be atomic.
 */
export class AuditLog implements AuditSink {
  private queue: Promise<void> = Promise.resolve();
  private readonly actor: Actor;
  private readonly now: () => Date;
  private readonly lockTimeoutMs: number;

  constructor(
    readonly file: string,
    options: AuditLogOptions = {},
  ) {
    this.actor = options.actor ?? currentActor();
    this.now = options.now ?? (() => new Date());
    this.lockTimeoutMs = options.lockTimeoutMs ?? 10_000;
  }

  append(record: AuditRecord): Promise<void> {
    const run = this.queue.then(() => this.appendLocked(record));
    // A failed append must not wedge the queue for the next one; the caller still sees the error.
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async appendLocked(record: AuditRecord): Promise<void> {
    await mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
    const release = await acquireLock(`${this.file}.lock`, this.lockTimeoutMs);
    try {
      const { prev, seq } = await readHead(this.file);
      const entry: AuditEntry = {
        seq: seq + 1,
        time: this.now().toISOString(),
        actor: this.actor,
        action: record.action,
        provider: record.provider,
        fingerprint: record.fingerprint,
        outcome: record.outcome,
        ...(record.detail !== undefined && record.detail !== '' ? { detail: record.detail } : {}),
        prev,
      };
      const handle = await open(this.file, 'a', 0o600);
      try {
        await handle.write(`${JSON.stringify(entry)}\n`);
      } finally {
        await handle.close();
      }
    } finally {
      await release();
    }
  }
}

/** Hash and sequence number of the last entry, read from the tail of the file. */
async function readHead(file: string): Promise<{ prev: string; seq: number }> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { prev: GENESIS_HASH, seq: 0 };
    throw error;
  }
  try {
    const size = (await handle.stat()).size;
    if (size === 0) return { prev: GENESIS_HASH, seq: 0 };
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const tail = buffer.toString('utf8');
    if (!tail.endsWith('\n')) {
      throw new AuditError(`${file}: the last line is incomplete; run \`sprawlguard audit check ${file}\` before adding to it`);
    }
    const lines = tail.slice(0, -1).split('\n');
    const last = lines[lines.length - 1] as string;
    if (lines.length === 1 && length < size) throw new AuditError(`${file}: the last line is longer than ${TAIL_BYTES} bytes`);
    let seq: unknown;
    try {
      seq = (JSON.parse(last) as { seq?: unknown }).seq;
    } catch {
      seq = undefined;
    }
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1) {
      throw new AuditError(`${file}: the last line is not an audit entry; run \`sprawlguard audit check ${file}\``);
    }
    return { prev: hashLine(last), seq };
  } finally {
    await handle.close();
  }
}

async function acquireLock(lockFile: string, timeoutMs: number): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      await handle.write(`${process.pid}\n`);
      await handle.close();
      return async () => {
        await unlink(lockFile).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock left behind by a crashed process is taken over once it is clearly stale.
    const info = await stat(lockFile).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > STALE_LOCK_MS) {
      await unlink(lockFile).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) throw new AuditError(`${lockFile}: another sprawlguard process holds the audit log lock`);
    await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 50));
  }
}

// ---- checking -----------------------------------------------------------------------------------

export type AuditCheck =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; line: number; reason: string };

const REQUIRED_STRINGS = ['time', 'action', 'provider', 'fingerprint', 'outcome', 'prev'] as const;

/**
 * Check a whole log. `expectedHead`, when given, must equal the hash of the last line.
 *
 * When the chain breaks, `entries` counts the entries before the broken line that the chain proves
 * intact: an entry is proven by the next entry's `prev` hash. The entry just before a `prev`
 * mismatch is not (it may be the line that was changed), and neither is the one before a line that
 * is not an entry at all (nothing checks its hash).
 */
export function checkAuditText(text: string, expectedHead?: string): AuditCheck {
  if (text === '') return expectedHead === undefined || expectedHead === GENESIS_HASH ? { ok: true, entries: 0, head: GENESIS_HASH } : { ok: false, entries: 0, line: 1, reason: 'the log is empty but a head hash was expected' };
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  let prev = GENESIS_HASH;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i] as string;
    // Entries 1..i-1 were each proven by the `prev` of the entry after them; entry i only once this line's `prev` matches.
    const broken = (reason: string, proven = Math.max(0, i - 1)): AuditCheck => ({ ok: false, entries: proven, line: lineNo, reason });
    if (line.trim() === '') return broken('empty line');
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      return broken(i === lines.length - 1 && !endsWithNewline ? 'incomplete last line (not valid JSON)' : 'not valid JSON');
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return broken('not a JSON object');
    const record = entry as Record<string, unknown>;
    for (const field of REQUIRED_STRINGS) {
      if (typeof record[field] !== 'string') return broken(`missing or invalid field "${field}"`);
    }
    if (record.prev !== prev) {
      return broken(
        i === 0
          ? 'the first entry does not start from the genesis hash (lines were removed from the start, or it was changed)'
          : `its "prev" hash does not match line ${lineNo - 1}: line ${lineNo - 1} was changed, or lines were removed, inserted or reordered`,
      );
    }
    if (record.seq !== lineNo) {
      return broken(`sequence number ${JSON.stringify(record.seq)} where ${lineNo} was expected (lines were removed, inserted or reordered)`, i);
    }
    prev = hashLine(line);
  }
  if (!endsWithNewline) return { ok: false, entries: lines.length - 1, line: lines.length, reason: 'incomplete last line (no newline)' };
  if (expectedHead !== undefined && expectedHead !== prev) {
    return {
      ok: false,
      entries: lines.length - 1,
      line: lines.length,
      reason: `the last entry's hash is ${prev}, not the expected head ${expectedHead} (the last line was changed, or lines were cut off the end)`,
    };
  }
  return { ok: true, entries: lines.length, head: prev };
}

export async function checkAuditFile(file: string, expectedHead?: string): Promise<AuditCheck> {
  return checkAuditText(await readFile(file, 'utf8'), expectedHead);
}
