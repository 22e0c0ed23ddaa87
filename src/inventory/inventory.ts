/**
 * The inventory: every secret sprawlguard has seen (by fingerprint), every place it was seen, and
 * every scan that looked, in one SQLite file (default `.sprawlguard/inventory.db`).
 *
 * It stores fingerprints, redacted previews and locations: never a raw secret. `Finding.secret` is
 * not read here at all, so no caller can store one by mistake.
 *
 * A complete scan of a repository reconciles: occurrences still in the history but no longer at
 * HEAD become `removed-from-head`, occurrences the scan no longer finds at all (history rewritten,
 * file deleted from a plain directory) become `gone`.
 *
 * This class is the one door to the file; the work is in the modules beside it: records.ts (what
 * is stored), columns.ts (how records map to rows), runs.ts, record-findings.ts, triage.ts,
 * repos.ts, merge.ts and read-records.ts.
 */
import path from 'node:path';
import type { Finding } from '../findings/finding.js';
import { openDatabase } from './database-file.js';
import { InventoryError } from './errors.js';
import { importExport, type MergeCounts } from './merge.js';
import { SCHEMA_VERSION } from './migrations.js';
import { exportRepos, hasSecret, listOccurrences, listRepos, listSecrets, snapshot, type InventorySnapshot } from './read-records.js';
import { recordFindings } from './record-findings.js';
import type {
  InventoryExport,
  OccurrenceRecord,
  RecordScope,
  RecordSummary,
  RepoRecord,
  RevocationInput,
  RunRecord,
  RunStatus,
  SecretRecord,
  SecretStatus,
  VerificationInput,
} from './records.js';
import { markRepoDone, markRepoFailed, markRepoScanning, repoState, touchRepo, type RepoScanFacts } from './repos.js';
import { finishRun, listRuns, startRun, type RunStart } from './runs.js';
import type { SqliteBackend } from './sqlite.js';
import { Store, type InventoryOptions } from './store.js';
import { markAllowed, recordRevocation, recordVerification, setStatus } from './triage.js';

export const DEFAULT_INVENTORY_PATH = path.join('.sprawlguard', 'inventory.db');

export type { InventoryOptions };

export class Inventory {
  private readonly store: Store;

  private constructor(
    store: Store,
    readonly file: string,
    /** The schema version the file was at when opened (0 for a new file). */
    readonly openedAtVersion: number,
    /** Earlier runs found `running` whose process had ended, marked `interrupted` by this open. */
    readonly interruptedRuns: number,
  ) {
    this.store = store;
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
    return new Inventory(new Store(opened.db, file, options), file, opened.openedAtVersion, opened.interruptedRuns);
  }

  get schemaVersion(): number {
    return SCHEMA_VERSION;
  }

  /** The SQLite back end in use. */
  get backend(): SqliteBackend {
    return this.store.db.backend;
  }

  close(): void {
    this.store.db.close();
  }

  /** `fn` in one IMMEDIATE transaction, waiting for another writer (bounded); synchronous inventory work only. */
  transaction<T>(fn: () => T): T {
    return this.store.transaction(fn);
  }

  // ---- scan runs -------------------------------------------------------------------------------

  /** A new run, owned by this process: if the process ends without finishing it, the next open marks it interrupted. */
  startRun(info: RunStart): number {
    return startRun(this.store, info);
  }

  finishRun(runId: number, status: Exclude<RunStatus, 'running'>): void {
    finishRun(this.store, runId, status);
  }

  runs(): RunRecord[] {
    return listRuns(this.store);
  }

  // ---- findings, status and verification ---------------------------------------------------------

  /** Record one scan's findings (already filtered by config and baseline). */
  recordFindings(runId: number, findings: readonly Finding[], scope: RecordScope = {}): RecordSummary {
    return recordFindings(this.store, runId, findings, scope);
  }

  /** Set a secret's triage status (e.g. `allowed` after review). False when the fingerprint is unknown. */
  setStatus(fingerprint: string, status: SecretStatus): boolean {
    return setStatus(this.store, fingerprint, status);
  }

  /** Mark known secrets whose fingerprints the configuration allowlists as `allowed`. */
  markAllowed(fingerprints: Iterable<string>): number {
    return markAllowed(this.store, fingerprints);
  }

  hasSecret(fingerprint: string): boolean {
    return hasSecret(this.store, fingerprint);
  }

  /** A provider's verdict (the verification runner's `VerificationRecorder`); see triage.ts. */
  recordVerification(record: VerificationInput): void {
    recordVerification(this.store, record);
  }

  /** A revocation outcome; only a confirmed `revoked` changes the secret's status. */
  recordRevocation(record: RevocationInput): void {
    recordRevocation(this.store, record);
  }

  // ---- repositories (org scans) ------------------------------------------------------------------

  repoState(name: string): RepoRecord | undefined {
    return repoState(this.store, name);
  }

  markRepoScanning(name: string, location: string, runId: number): void {
    markRepoScanning(this.store, name, location, runId);
  }

  markRepoDone(name: string, location: string, info: RepoScanFacts, runId: number): void {
    markRepoDone(this.store, name, location, info, runId);
  }

  /** A repository that could not be scanned: the error is kept, earlier results stay as they were. */
  markRepoFailed(name: string, location: string, error: string, runId: number): void {
    markRepoFailed(this.store, name, location, error, runId);
  }

  /** An unchanged repository: everything found there before is still there, so it was seen now. */
  touchRepo(name: string, runId: number): void {
    touchRepo(this.store, name, runId);
  }

  // ---- reading and merging -----------------------------------------------------------------------

  secrets(): SecretRecord[] {
    return listSecrets(this.store);
  }

  occurrences(options: { includeGone?: boolean; repos?: readonly string[] } = {}): OccurrenceRecord[] {
    return listOccurrences(this.store, options);
  }

  repos(): RepoRecord[] {
    return listRepos(this.store);
  }

  /** What a shard file carries: the listed repositories, their live occurrences and those secrets. */
  exportRepos(names: readonly string[]): InventoryExport {
    return exportRepos(this.store, names);
  }

  /** Merge another inventory's records (a shard file) into this one; see merge.ts. */
  importExport(runId: number, data: InventoryExport): MergeCounts {
    return importExport(this.store, runId, data);
  }

  /** A canonical view without times or run ids, for comparing inventories built in different ways. */
  snapshot(): InventorySnapshot {
    return snapshot(this.store);
  }
}
