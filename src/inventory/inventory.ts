/**
 * The inventory: every secret sprawlguard has seen (by fingerprint), every place it was seen, and
 * every scan that looked, in one SQLite file (default `.sprawlguard/inventory.db`).
 *
 * It stores fingerprints, redacted previews and locations: never a raw secret. `Finding.secret` is
 * not read here at all, so no caller can store one by mistake.
 *
 * Occurrences are keyed by (fingerprint, repo, path, ticket system, ticket, field): one secret in
 * one file of one repository is one occurrence however often it was re-added; line and commit say
 * where it was first added. A complete scan of a repository reconciles: occurrences still in the
 * history but no longer at HEAD become `removed-from-head`, occurrences the scan no longer finds at
 * all (history rewritten, file deleted from a plain directory) become `gone`.
 */
import path from 'node:path';
import type { Finding, SourceKind } from '../findings/finding.js';
import { dropUndefined } from './drop-undefined.js';
import { openDatabase, withRetry, type DatabaseOptions } from './database-file.js';
import { currentOwner } from './run-owner.js';
import { InventoryError, SCHEMA_VERSION } from './migrations.js';
import type { SqlDatabase, SqliteBackend, SqlStatement } from './sqlite.js';

export const DEFAULT_INVENTORY_PATH = path.join('.sprawlguard', 'inventory.db');

export const SECRET_STATUSES = ['open', 'allowed', 'verified-live', 'dead', 'revoked'] as const;
export type SecretStatus = (typeof SECRET_STATUSES)[number];
export type Presence = 'present' | 'removed-from-head' | 'gone';
export type RepoState = 'scanning' | 'done' | 'failed';
export type RunKind = 'scan' | 'org-scan' | 'merge';
export type RunStatus = 'running' | 'complete' | 'interrupted' | 'failed';

export interface SecretVerification {
  status: 'live' | 'dead' | 'unknown';
  checkedAt: string;
  identity?: Record<string, string>;
  reason?: string;
}

export interface SecretRecord {
  fingerprint: string;
  ruleId: string;
  provider: string;
  title: string;
  severity: string;
  lifetime: string;
  redacted: string;
  status: SecretStatus;
  firstSeen: string;
  lastSeen: string;
  statusChangedAt?: string;
  expiresAt?: string;
  facts?: Record<string, string>;
  verification?: SecretVerification;
  revokedAt?: string;
}

export interface OccurrenceRecord {
  fingerprint: string;
  source: string;
  /** Repository identity (`owner/name`, or an absolute path for local repositories); '' for tickets. */
  repo: string;
  path: string;
  system: string;
  ticket: string;
  field: string;
  line?: number;
  commit?: string;
  author?: string;
  committedAt?: string;
  url?: string;
  presence: Presence;
  /** Branches whose history holds the adding commit, where known. */
  branches?: string[];
  firstSeen: string;
  lastSeen: string;
}

export interface RepoRecord {
  name: string;
  location: string;
  state: RepoState;
  /** HEAD commit at the last complete scan. */
  head?: string;
  /** Digest of every ref at the last complete scan: unchanged digest, nothing new to scan. */
  refsDigest?: string;
  /** The hosting API's `pushed_at` at the last complete scan. */
  pushedAt?: string;
  /** Digest of the rules and settings of the last complete scan: a change means scan again. */
  settingsDigest?: string;
  commits?: number;
  bytes?: number;
  findings?: number;
  durationMs?: number;
  error?: string;
  startedAt?: string;
  scannedAt?: string;
}

export interface RunRecord {
  id: number;
  kind: RunKind;
  target: string;
  toolVersion: string;
  options: Record<string, unknown>;
  startedAt: string;
  finishedAt?: string;
  status: RunStatus;
}

/** Everything known about a set of repositories: what a shard file carries. */
export interface InventoryExport {
  repos: RepoRecord[];
  secrets: SecretRecord[];
  occurrences: OccurrenceRecord[];
}

/** How a batch of findings relates to what the inventory already holds. */
export interface RecordScope {
  /**
   * Repository identity the findings belong to (overrides `location.repo`); leave undefined to keep
   * each finding's own `location.repo` (ticket exports, merged reports).
   */
  repo?: string;
  /**
   * The scan covered all of `repo` for these source kinds: occurrences of `repo` from them that
   * this batch does not contain are marked `gone`.
   */
  completeFor?: readonly SourceKind[];
  /**
   * What the scan saw but leaves out of the record (report filters such as a minimum confidence):
   * not recorded, but not gone either.
   */
  seenButFiltered?: readonly Finding[];
  /** History scans: `occurrenceAtHeadKey()` of each occurrence still present at HEAD. */
  presentAtHead?: ReadonlySet<string>;
  /** Commit → branches containing it. */
  branches?: ReadonlyMap<string, readonly string[]>;
}

export interface RecordSummary {
  secrets: number;
  newSecrets: number;
  occurrences: number;
  gone: number;
}

/** The shape the verification runner hands over (src/verify/runner.ts `VerificationRecord`). */
export interface VerificationInput {
  fingerprint: string;
  checkedAt: string;
  result: { status: 'live' | 'dead' | 'unknown'; identity?: Record<string, string>; reason?: string };
}

/** The shape of a revocation outcome (src/verify/runner.ts `RevocationRecord`); only `revoked` changes status. */
export interface RevocationInput {
  fingerprint: string;
  status: string;
}

export interface InventoryOptions extends DatabaseOptions {
  /** The clock; tests pin it. */
  now?: () => Date;
}

/** Key for `RecordScope.presentAtHead`: a secret in a file. */
export function occurrenceAtHeadKey(fingerprint: string, filePath: string): string {
  return `${fingerprint}\0${filePath}`;
}

const GIT_SOURCES: readonly SourceKind[] = ['history', 'diff', 'staged'];

interface SecretRow {
  fingerprint: string;
  rule_id: string;
  provider: string;
  title: string;
  severity: string;
  lifetime: string;
  redacted: string;
  status: SecretStatus;
  first_seen: string;
  last_seen: string;
  status_changed_at: string | null;
  expires_at: string | null;
  facts: string | null;
  verified_status: SecretVerification['status'] | null;
  verified_at: string | null;
  verified_identity: string | null;
  verified_reason: string | null;
  revoked_at: string | null;
}

interface OccurrenceRow {
  id: number;
  fingerprint: string;
  source: string;
  repo: string;
  path: string;
  system: string;
  ticket: string;
  field: string;
  line: number | null;
  commit_id: string | null;
  author: string | null;
  committed_at: string | null;
  url: string | null;
  presence: Presence;
  branches: string | null;
  first_seen: string;
  last_seen: string;
  last_run: number | null;
}

interface RepoRow {
  name: string;
  location: string;
  state: RepoState;
  head: string | null;
  refs_digest: string | null;
  pushed_at: string | null;
  settings_digest: string | null;
  commits: number | null;
  bytes: number | null;
  findings: number | null;
  duration_ms: number | null;
  error: string | null;
  started_at: string | null;
  scanned_at: string | null;
}

interface RunRow {
  id: number;
  kind: RunKind;
  target: string;
  tool_version: string;
  options: string;
  started_at: string;
  finished_at: string | null;
  status: RunStatus;
}

export class Inventory {
  private readonly now: () => Date;
  /** Prepared statements by SQL text: SQLite compiles on every prepare, and merging a shard runs a few per record. */
  private readonly statements = new Map<string, SqlStatement>();

  private constructor(
    private readonly db: SqlDatabase,
    readonly file: string,
    /** The schema version the file was at when opened (0 for a new file). */
    readonly openedAtVersion: number,
    /** Earlier runs found `running` whose process had ended, marked `interrupted` by this open. */
    readonly interruptedRuns: number,
    private readonly options: InventoryOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  private prepare(sql: string): SqlStatement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Open (creating it and its directory if needed), check and upgrade the inventory at `file`; runs
   * left `running` by a process that has ended are marked `interrupted` (see database-file.ts).
   */
  static open(file: string, options: InventoryOptions = {}): Inventory {
    let opened;
    try {
      opened = openDatabase(file, options);
    } catch (error) {
      if (error instanceof InventoryError) throw error;
      throw new InventoryError(`${file}: not a usable inventory: ${(error as Error).message}`);
    }
    return new Inventory(opened.db, file, opened.openedAtVersion, opened.interruptedRuns, options);
  }

  get schemaVersion(): number {
    return SCHEMA_VERSION;
  }

  /** The SQLite back end in use. */
  get backend(): SqliteBackend {
    return this.db.backend;
  }

  close(): void {
    this.db.close();
  }

  /**
   * Run `fn` in one IMMEDIATE transaction: all of it is recorded, or none of it (an interrupted
   * repo leaves no half). When another process is writing, it waits and tries again (bounded), so
   * `fn` must be synchronous inventory work only.
   */
  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return this.db.transaction(fn);
    return withRetry(this.file, this.options, () => this.db.transaction(fn));
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  // ---- scan runs -------------------------------------------------------------------------------

  /** A new run, owned by this process: if the process ends without finishing it, the next open marks it interrupted. */
  startRun(info: { kind: RunKind; target: string; toolVersion: string; options: Record<string, unknown> }): number {
    const owner = currentOwner();
    return this.transaction(() => {
      const result = this.prepare(
          `INSERT INTO scan_runs (kind, target, tool_version, options, started_at, owner_pid, owner_host, owner_started)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(info.kind, info.target, info.toolVersion, JSON.stringify(info.options), this.stamp(), owner.pid, owner.host, owner.started ?? null);
      return Number(result.lastInsertRowid);
    });
  }

  finishRun(runId: number, status: Exclude<RunStatus, 'running'>): void {
    this.transaction(() => this.prepare('UPDATE scan_runs SET status = ?, finished_at = ? WHERE id = ?').run(status, this.stamp(), runId));
  }

  runs(): RunRecord[] {
    return (this.prepare('SELECT * FROM scan_runs ORDER BY id').all() as RunRow[]).map((r) => ({
      id: r.id,
      kind: r.kind,
      target: r.target,
      toolVersion: r.tool_version,
      options: JSON.parse(r.options) as Record<string, unknown>,
      startedAt: r.started_at,
      finishedAt: r.finished_at ?? undefined,
      status: r.status,
    }));
  }

  // ---- findings --------------------------------------------------------------------------------

  /** Record one scan's findings (already filtered by config and baseline). */
  recordFindings(runId: number, findings: readonly Finding[], scope: RecordScope = {}): RecordSummary {
    const now = this.stamp();
    const insertSecret = this.prepare(`
      INSERT INTO secrets (fingerprint, rule_id, provider, title, severity, lifetime, redacted, status,
                           first_seen, last_seen, status_changed_at, expires_at, facts)
      VALUES (@fingerprint, @ruleId, @provider, @title, @severity, @lifetime, @redacted, 'open',
              @now, @now, @now, @expiresAt, @facts)
      ON CONFLICT (fingerprint) DO UPDATE SET
        last_seen = max(last_seen, excluded.last_seen),
        expires_at = coalesce(excluded.expires_at, expires_at),
        facts = coalesce(excluded.facts, facts)`);
    const upsertOccurrence = this.prepare(`
      INSERT INTO occurrences (fingerprint, source, repo, path, system, ticket, field, line, commit_id, author,
                               committed_at, url, first_seen, last_seen, last_run, presence, branches)
      VALUES (@fingerprint, @source, @repo, @path, @system, @ticket, @field, @line, @commit, @author,
              @committedAt, @url, @now, @now, @runId, @presence, @branches)
      ON CONFLICT (fingerprint, repo, path, system, ticket, field) DO UPDATE SET
        source = excluded.source, line = excluded.line, commit_id = excluded.commit_id, author = excluded.author,
        committed_at = excluded.committed_at, url = coalesce(excluded.url, url),
        last_seen = excluded.last_seen, last_run = excluded.last_run, presence = excluded.presence,
        branches = coalesce(excluded.branches, branches)`);
    const exists = this.prepare('SELECT 1 FROM secrets WHERE fingerprint = ?');

    return this.transaction(() => {
      const fingerprints = new Set<string>();
      let newSecrets = 0;
      const occurrenceKeys = new Set<string>();
      for (const f of findings) {
        if (!fingerprints.has(f.fingerprint)) {
          if (exists.get(f.fingerprint) === undefined) newSecrets++;
          fingerprints.add(f.fingerprint);
        }
        insertSecret.run({
          fingerprint: f.fingerprint,
          ruleId: f.ruleId,
          provider: f.provider,
          title: f.title,
          severity: f.severity,
          lifetime: f.lifetime,
          redacted: f.redacted,
          now,
          expiresAt: f.expiresAt ?? null,
          facts: f.facts && Object.keys(f.facts).length > 0 ? JSON.stringify(f.facts) : null,
        });
        const loc = f.location;
        const repo = scope.repo ?? loc.repo ?? '';
        const presence: Presence =
          scope.presentAtHead === undefined || loc.source !== 'history'
            ? 'present'
            : scope.presentAtHead.has(occurrenceAtHeadKey(f.fingerprint, loc.path))
              ? 'present'
              : 'removed-from-head';
        const branches = loc.commit !== undefined ? scope.branches?.get(loc.commit) : undefined;
        const key = [f.fingerprint, repo, loc.path, loc.system ?? '', loc.ticket ?? '', loc.field ?? ''].join('\0');
        occurrenceKeys.add(key);
        upsertOccurrence.run({
          fingerprint: f.fingerprint,
          source: loc.source,
          repo,
          path: loc.path,
          system: loc.system ?? '',
          ticket: loc.ticket ?? '',
          field: loc.field ?? '',
          line: loc.line,
          commit: loc.commit ?? null,
          author: loc.author ?? null,
          committedAt: loc.date ?? null,
          url: loc.url ?? null,
          now,
          runId,
          presence,
          branches: branches ? JSON.stringify([...branches].sort()) : null,
        });
      }
      let gone = 0;
      if (scope.completeFor && scope.completeFor.length > 0 && scope.repo !== undefined) {
        const kept = new Set((scope.seenButFiltered ?? []).map((f) => occurrenceKey({ ...locationKeyParts(f, scope.repo ?? ''), fingerprint: f.fingerprint })));
        gone = this.markUnseenGone(scope.repo, scope.completeFor, runId, kept);
      }
      return { secrets: fingerprints.size, newSecrets, occurrences: occurrenceKeys.size, gone };
    });
  }

  /**
   * A complete scan did not find these occurrences: they are gone. Secrets the configuration
   * allowlists are exempt (the scan filters them out, it did not stop seeing them).
   */
  private markUnseenGone(repo: string, sources: readonly SourceKind[], runId: number, seenButFiltered: ReadonlySet<string>): number {
    const placeholders = sources.map(() => '?').join(', ');
    const rows = this.prepare(
        `SELECT * FROM occurrences
         WHERE repo = ? AND source IN (${placeholders}) AND presence != 'gone' AND (last_run IS NULL OR last_run != ?)
           AND fingerprint NOT IN (SELECT fingerprint FROM secrets WHERE status = 'allowed')`,
      )
      .all(repo, ...sources, runId) as OccurrenceRow[];
    const mark = this.prepare("UPDATE occurrences SET presence = 'gone' WHERE id = ?");
    let n = 0;
    for (const row of rows) {
      if (seenButFiltered.has(occurrenceKey(occurrenceFromRow(row)))) continue;
      mark.run(row.id);
      n++;
    }
    return n;
  }

  // ---- status and verification -------------------------------------------------------------------

  /** Set a secret's triage status (e.g. `allowed` after review). False when the fingerprint is unknown. */
  setStatus(fingerprint: string, status: SecretStatus): boolean {
    const changes = this.transaction(
      () => this.prepare('UPDATE secrets SET status = ?, status_changed_at = ? WHERE fingerprint = ? AND status != ?').run(status, this.stamp(), fingerprint, status).changes,
    );
    return changes > 0 || this.hasSecret(fingerprint);
  }

  /** Mark known secrets whose fingerprints the configuration allowlists as `allowed`. */
  markAllowed(fingerprints: Iterable<string>): number {
    const list = [...fingerprints];
    const update = this.prepare(
      "UPDATE secrets SET status = 'allowed', status_changed_at = ? WHERE fingerprint = ? AND status = 'open'",
    );
    return this.transaction(() => {
      let n = 0;
      for (const fp of list) n += update.run(this.stamp(), fp).changes;
      return n;
    });
  }

  hasSecret(fingerprint: string): boolean {
    return this.prepare('SELECT 1 FROM secrets WHERE fingerprint = ?').get(fingerprint) !== undefined;
  }

  /**
   * Record a provider's verdict on a secret (the verification runner's `VerificationRecorder`):
   * live → `verified-live`, dead → `dead` (a revoked secret stays `revoked`), unknown leaves the
   * status as it is. An `allowed` secret keeps its triage status; the verdict is stored beside it.
   * A fingerprint the inventory does not hold is ignored (there is nothing to attach it to).
   */
  recordVerification(record: VerificationInput): void {
    this.transaction(() => this.applyVerification(record));
  }

  private applyVerification(record: VerificationInput): void {
    const current = this.prepare('SELECT status FROM secrets WHERE fingerprint = ?').get(record.fingerprint) as
      | { status: SecretStatus }
      | undefined;
    if (!current) return;
    const { status, identity, reason } = record.result;
    let next = current.status;
    if (current.status !== 'allowed') {
      if (status === 'live') next = 'verified-live';
      else if (status === 'dead' && current.status !== 'revoked') next = 'dead';
    }
    this.prepare(
        `UPDATE secrets SET verified_status = ?, verified_at = ?, verified_identity = ?, verified_reason = ?,
           status = ?, status_changed_at = CASE WHEN status = ? THEN status_changed_at ELSE ? END
         WHERE fingerprint = ?`,
      )
      .run(
        status,
        record.checkedAt,
        identity && Object.keys(identity).length > 0 ? JSON.stringify(identity) : null,
        reason ?? null,
        next,
        next,
        record.checkedAt,
        record.fingerprint,
      );
  }

  /** Record a revocation outcome; only a confirmed `revoked` changes the secret's status. */
  recordRevocation(record: RevocationInput): void {
    if (record.status !== 'revoked') return;
    const now = this.stamp();
    this.transaction(() =>
      this.prepare("UPDATE secrets SET status = 'revoked', status_changed_at = ?, revoked_at = ? WHERE fingerprint = ?").run(now, now, record.fingerprint),
    );
  }

  // ---- repositories (org scans) ------------------------------------------------------------------

  repoState(name: string): RepoRecord | undefined {
    const row = this.prepare('SELECT * FROM repos WHERE name = ?').get(name) as RepoRow | undefined;
    return row ? repoFromRow(row) : undefined;
  }

  markRepoScanning(name: string, location: string, runId: number): void {
    this.transaction(() => this.prepare(
        `INSERT INTO repos (name, location, state, last_run, started_at) VALUES (?, ?, 'scanning', ?, ?)
         ON CONFLICT (name) DO UPDATE SET location = excluded.location, state = 'scanning', last_run = excluded.last_run,
           started_at = excluded.started_at, error = NULL`,
      )
      .run(name, location, runId, this.stamp()));
  }

  markRepoDone(
    name: string,
    location: string,
    info: Pick<RepoRecord, 'head' | 'refsDigest' | 'pushedAt' | 'settingsDigest' | 'commits' | 'bytes' | 'findings' | 'durationMs'>,
    runId: number,
  ): void {
    const now = this.stamp();
    this.transaction(() => this.prepare(
        `INSERT INTO repos (name, location, state, head, refs_digest, pushed_at, settings_digest, commits, bytes, findings,
                            duration_ms, error, last_run, started_at, scanned_at)
         VALUES (@name, @location, 'done', @head, @refsDigest, @pushedAt, @settingsDigest, @commits, @bytes, @findings,
                 @durationMs, NULL, @runId, @now, @now)
         ON CONFLICT (name) DO UPDATE SET location = excluded.location, state = 'done', head = excluded.head,
           refs_digest = excluded.refs_digest, pushed_at = excluded.pushed_at, settings_digest = excluded.settings_digest,
           commits = excluded.commits,
           bytes = excluded.bytes, findings = excluded.findings, duration_ms = excluded.duration_ms, error = NULL,
           last_run = excluded.last_run, scanned_at = excluded.scanned_at`,
      )
      .run({
        name,
        location,
        head: info.head ?? null,
        refsDigest: info.refsDigest ?? null,
        pushedAt: info.pushedAt ?? null,
        settingsDigest: info.settingsDigest ?? null,
        commits: info.commits ?? null,
        bytes: info.bytes ?? null,
        findings: info.findings ?? null,
        durationMs: info.durationMs ?? null,
        runId,
        now,
      }));
  }

  /** A repository that could not be scanned: the error is kept, earlier results stay as they were. */
  markRepoFailed(name: string, location: string, error: string, runId: number): void {
    this.transaction(() => this.prepare(
        `INSERT INTO repos (name, location, state, error, last_run, started_at) VALUES (?, ?, 'failed', ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET location = excluded.location, state = 'failed', error = excluded.error,
           last_run = excluded.last_run`,
      )
      .run(name, location, error, runId, this.stamp()));
  }

  /** An unchanged repository: everything found there before is still there, so it was seen now. */
  touchRepo(name: string, runId: number): void {
    const now = this.stamp();
    this.transaction(() => {
      this.prepare(
          `UPDATE secrets SET last_seen = ? WHERE fingerprint IN
             (SELECT fingerprint FROM occurrences WHERE repo = ? AND presence != 'gone')`,
        )
        .run(now, name);
      this.prepare("UPDATE occurrences SET last_seen = ?, last_run = ? WHERE repo = ? AND presence != 'gone'")
        .run(now, runId, name);
      this.prepare('UPDATE repos SET last_run = ? WHERE name = ?').run(runId, name);
    });
  }

  // ---- reading ---------------------------------------------------------------------------------

  secrets(): SecretRecord[] {
    return (this.prepare('SELECT * FROM secrets ORDER BY fingerprint').all() as SecretRow[]).map(secretFromRow);
  }

  occurrences(options: { includeGone?: boolean; repos?: readonly string[] } = {}): OccurrenceRecord[] {
    const only = options.repos ? new Set(options.repos) : undefined;
    const out: OccurrenceRecord[] = [];
    const rows = this.prepare(`SELECT * FROM occurrences ${options.includeGone ? '' : "WHERE presence != 'gone'"} ORDER BY id`).iterate();
    for (const row of rows as IterableIterator<OccurrenceRow>) if (!only || only.has(row.repo)) out.push(occurrenceFromRow(row));
    return out;
  }

  repos(): RepoRecord[] {
    return (this.prepare('SELECT * FROM repos ORDER BY name').all() as RepoRow[]).map(repoFromRow);
  }

  /** What a shard file carries: the listed repositories, their live occurrences and those secrets. */
  exportRepos(names: readonly string[]): InventoryExport {
    const wanted = new Set(names);
    const repos = this.repos().filter((r) => wanted.has(r.name));
    const occurrences = this.occurrences({ repos: names });
    const fps = new Set(occurrences.map((o) => o.fingerprint));
    const secrets = this.secrets().filter((s) => fps.has(s.fingerprint));
    return { repos, secrets, occurrences };
  }

  /**
   * Merge another inventory's records (a shard file) into this one. Seen times widen (earliest
   * first seen, latest last seen); for a location, the most recently seen record wins; a triage or
   * verification status is taken when it is newer than the one held. A repository the other side
   * scanned completely, more recently than this side, is reconciled: its occurrences missing there
   * are marked `gone`.
   */
  importExport(runId: number, data: InventoryExport): { repos: number; secrets: number; occurrences: number } {
    return this.transaction(() => {
      const appliedRepos = new Set<string>();
      for (const repo of data.repos) if (this.mergeRepo(repo, runId)) appliedRepos.add(repo.name);
      for (const secret of data.secrets) this.mergeSecret(secret);
      const incomingKeys = new Map<string, Set<string>>();
      for (const occ of data.occurrences) {
        if (!this.hasSecret(occ.fingerprint)) continue;
        this.mergeOccurrence(occ, runId);
        let keys = incomingKeys.get(occ.repo);
        if (!keys) incomingKeys.set(occ.repo, (keys = new Set()));
        keys.add(occurrenceKey(occ));
      }
      for (const repo of data.repos) {
        if (repo.state !== 'done' || !appliedRepos.has(repo.name)) continue;
        const keys = incomingKeys.get(repo.name) ?? new Set<string>();
        const mark = this.prepare("UPDATE occurrences SET presence = 'gone' WHERE id = ?");
        for (const row of this.prepare("SELECT * FROM occurrences WHERE repo = ? AND presence != 'gone'").all(repo.name) as OccurrenceRow[]) {
          if (GIT_SOURCES.includes(row.source as SourceKind) && !keys.has(occurrenceKey(occurrenceFromRow(row)))) mark.run(row.id);
        }
      }
      return { repos: data.repos.length, secrets: data.secrets.length, occurrences: data.occurrences.length };
    });
  }

  private mergeRepo(repo: RepoRecord, runId: number): boolean {
    const current = this.repoState(repo.name);
    const activity = (r: RepoRecord): string => [r.scannedAt ?? '', r.startedAt ?? ''].sort().at(-1) ?? '';
    if (current && activity(current) > activity(repo)) return false;
    this.prepare(
        `INSERT OR REPLACE INTO repos (name, location, state, head, refs_digest, pushed_at, settings_digest, commits, bytes,
           findings, duration_ms, error, last_run, started_at, scanned_at)
         VALUES (@name, @location, @state, @head, @refsDigest, @pushedAt, @settingsDigest, @commits, @bytes, @findings,
           @durationMs, @error, @runId, @startedAt, @scannedAt)`,
      )
      .run({
        name: repo.name,
        location: repo.location,
        state: repo.state,
        head: repo.head ?? null,
        refsDigest: repo.refsDigest ?? null,
        pushedAt: repo.pushedAt ?? null,
        settingsDigest: repo.settingsDigest ?? null,
        commits: repo.commits ?? null,
        bytes: repo.bytes ?? null,
        findings: repo.findings ?? null,
        durationMs: repo.durationMs ?? null,
        error: repo.error ?? null,
        runId,
        startedAt: repo.startedAt ?? null,
        scannedAt: repo.scannedAt ?? null,
      });
    return true;
  }

  private mergeSecret(s: SecretRecord): void {
    const row = this.prepare('SELECT * FROM secrets WHERE fingerprint = ?').get(s.fingerprint) as SecretRow | undefined;
    if (!row) {
      this.prepare(
          `INSERT INTO secrets (fingerprint, rule_id, provider, title, severity, lifetime, redacted, status, first_seen,
             last_seen, status_changed_at, expires_at, facts, verified_status, verified_at, verified_identity,
             verified_reason, revoked_at)
           VALUES (@fingerprint, @ruleId, @provider, @title, @severity, @lifetime, @redacted, @status, @firstSeen,
             @lastSeen, @statusChangedAt, @expiresAt, @facts, @verifiedStatus, @verifiedAt, @verifiedIdentity,
             @verifiedReason, @revokedAt)`,
        )
        .run(secretParams(s));
      return;
    }
    const existing = secretFromRow(row);
    const merged: SecretRecord = {
      ...existing,
      firstSeen: s.firstSeen < existing.firstSeen ? s.firstSeen : existing.firstSeen,
      lastSeen: s.lastSeen > existing.lastSeen ? s.lastSeen : existing.lastSeen,
      expiresAt: existing.expiresAt ?? s.expiresAt,
      facts: existing.facts ?? s.facts,
    };
    // `open` is where every secret starts, not a decision: it never overrides one.
    if (s.status !== 'open' && (existing.status === 'open' || (s.statusChangedAt ?? '') > (existing.statusChangedAt ?? ''))) {
      merged.status = s.status;
      merged.statusChangedAt = s.statusChangedAt;
      merged.revokedAt = s.revokedAt ?? existing.revokedAt;
    }
    if (s.verification && (!existing.verification || s.verification.checkedAt > existing.verification.checkedAt)) {
      merged.verification = s.verification;
    }
    this.prepare(
        `UPDATE secrets SET status = @status, first_seen = @firstSeen, last_seen = @lastSeen,
           status_changed_at = @statusChangedAt, expires_at = @expiresAt, facts = @facts, verified_status = @verifiedStatus,
           verified_at = @verifiedAt, verified_identity = @verifiedIdentity, verified_reason = @verifiedReason,
           revoked_at = @revokedAt
         WHERE fingerprint = @fingerprint`,
      )
      .run(secretParams(merged));
  }

  private mergeOccurrence(o: OccurrenceRecord, runId: number): void {
    const existing = this.prepare('SELECT * FROM occurrences WHERE fingerprint = ? AND repo = ? AND path = ? AND system = ? AND ticket = ? AND field = ?')
      .get(o.fingerprint, o.repo, o.path, o.system, o.ticket, o.field) as OccurrenceRow | undefined;
    const params = {
      fingerprint: o.fingerprint,
      source: o.source,
      repo: o.repo,
      path: o.path,
      system: o.system,
      ticket: o.ticket,
      field: o.field,
      line: o.line ?? null,
      commit: o.commit ?? null,
      author: o.author ?? null,
      committedAt: o.committedAt ?? null,
      url: o.url ?? null,
      presence: o.presence,
      branches: o.branches ? JSON.stringify(o.branches) : null,
      firstSeen: o.firstSeen,
      lastSeen: o.lastSeen,
      runId,
    };
    if (!existing) {
      this.prepare(
          `INSERT INTO occurrences (fingerprint, source, repo, path, system, ticket, field, line, commit_id, author,
             committed_at, url, presence, branches, first_seen, last_seen, last_run)
           VALUES (@fingerprint, @source, @repo, @path, @system, @ticket, @field, @line, @commit, @author,
             @committedAt, @url, @presence, @branches, @firstSeen, @lastSeen, @runId)`,
        )
        .run(params);
      return;
    }
    const newer = o.lastSeen >= existing.last_seen;
    this.prepare(
        `UPDATE occurrences SET first_seen = min(first_seen, @firstSeen), last_seen = max(last_seen, @lastSeen),
           last_run = @runId ${
             newer
               ? `, source = @source, line = @line, commit_id = @commit, author = @author, committed_at = @committedAt,
                  url = coalesce(@url, url), presence = @presence, branches = coalesce(@branches, branches)`
               : ''
           }
         WHERE id = @id`,
      )
      .run({ ...params, id: existing.id });
  }

  /**
   * A canonical view without times or run ids: two inventories of the same repositories compare
   * equal whatever order or split (shards) they were built in.
   */
  snapshot(): {
    secrets: Pick<SecretRecord, 'fingerprint' | 'ruleId' | 'provider' | 'lifetime' | 'redacted' | 'status'>[];
    occurrences: Pick<OccurrenceRecord, 'fingerprint' | 'source' | 'repo' | 'path' | 'line' | 'commit' | 'presence' | 'branches' | 'system' | 'ticket' | 'field'>[];
    repos: Pick<RepoRecord, 'name' | 'state' | 'head' | 'refsDigest' | 'commits' | 'findings' | 'error'>[];
  } {
    return {
      secrets: this.secrets().map(({ fingerprint, ruleId, provider, lifetime, redacted, status }) => ({ fingerprint, ruleId, provider, lifetime, redacted, status })),
      occurrences: this.occurrences({ includeGone: true })
        .map(({ fingerprint, source, repo, path: p, line, commit, presence, branches, system, ticket, field }) => ({
          fingerprint, source, repo, path: p, line, commit, presence, branches, system, ticket, field,
        }))
        .sort((a, b) => occurrenceKey(a).localeCompare(occurrenceKey(b))),
      repos: this.repos().map(({ name, state, head, refsDigest, commits, findings, error }) => ({ name, state, head, refsDigest, commits, findings, error })),
    };
  }
}

function locationKeyParts(f: Finding, repo: string): Pick<OccurrenceRecord, 'repo' | 'path' | 'system' | 'ticket' | 'field'> {
  return { repo, path: f.location.path, system: f.location.system ?? '', ticket: f.location.ticket ?? '', field: f.location.field ?? '' };
}

function occurrenceKey(o: Pick<OccurrenceRecord, 'fingerprint' | 'repo' | 'path' | 'system' | 'ticket' | 'field'>): string {
  return [o.fingerprint, o.repo, o.path, o.system, o.ticket, o.field].join('\0');
}

function secretParams(s: SecretRecord): Record<string, string | null> {
  return {
    fingerprint: s.fingerprint,
    ruleId: s.ruleId,
    provider: s.provider,
    title: s.title,
    severity: s.severity,
    lifetime: s.lifetime,
    redacted: s.redacted,
    status: s.status,
    firstSeen: s.firstSeen,
    lastSeen: s.lastSeen,
    statusChangedAt: s.statusChangedAt ?? null,
    expiresAt: s.expiresAt ?? null,
    facts: s.facts ? JSON.stringify(s.facts) : null,
    verifiedStatus: s.verification?.status ?? null,
    verifiedAt: s.verification?.checkedAt ?? null,
    verifiedIdentity: s.verification?.identity ? JSON.stringify(s.verification.identity) : null,
    verifiedReason: s.verification?.reason ?? null,
    revokedAt: s.revokedAt ?? null,
  };
}

function secretFromRow(r: SecretRow): SecretRecord {
  return dropUndefined({
    fingerprint: r.fingerprint,
    ruleId: r.rule_id,
    provider: r.provider,
    title: r.title,
    severity: r.severity,
    lifetime: r.lifetime,
    redacted: r.redacted,
    status: r.status,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    statusChangedAt: r.status_changed_at ?? undefined,
    expiresAt: r.expires_at ?? undefined,
    facts: r.facts ? (JSON.parse(r.facts) as Record<string, string>) : undefined,
    verification:
      r.verified_status && r.verified_at
        ? dropUndefined({
            status: r.verified_status,
            checkedAt: r.verified_at,
            identity: r.verified_identity ? (JSON.parse(r.verified_identity) as Record<string, string>) : undefined,
            reason: r.verified_reason ?? undefined,
          })
        : undefined,
    revokedAt: r.revoked_at ?? undefined,
  });
}

function occurrenceFromRow(r: OccurrenceRow): OccurrenceRecord {
  return dropUndefined({
    fingerprint: r.fingerprint,
    source: r.source,
    repo: r.repo,
    path: r.path,
    system: r.system,
    ticket: r.ticket,
    field: r.field,
    line: r.line ?? undefined,
    commit: r.commit_id ?? undefined,
    author: r.author ?? undefined,
    committedAt: r.committed_at ?? undefined,
    url: r.url ?? undefined,
    presence: r.presence,
    branches: r.branches ? (JSON.parse(r.branches) as string[]) : undefined,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  });
}

function repoFromRow(r: RepoRow): RepoRecord {
  return dropUndefined({
    name: r.name,
    location: r.location,
    state: r.state,
    head: r.head ?? undefined,
    refsDigest: r.refs_digest ?? undefined,
    pushedAt: r.pushed_at ?? undefined,
    settingsDigest: r.settings_digest ?? undefined,
    commits: r.commits ?? undefined,
    bytes: r.bytes ?? undefined,
    findings: r.findings ?? undefined,
    durationMs: r.duration_ms ?? undefined,
    error: r.error ?? undefined,
    startedAt: r.started_at ?? undefined,
    scannedAt: r.scanned_at ?? undefined,
  });
}

/** Records without `undefined` members, so JSON output and deep equality see only what is known. */

export { InventoryError, SCHEMA_VERSION };
