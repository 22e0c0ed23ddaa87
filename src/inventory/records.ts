/**
 * What the inventory holds, as records: secrets (by fingerprint), their occurrences (where each was
 * seen), repositories (their scan state) and scan runs. Fingerprints, redacted previews and
 * locations only: no record has a field for a raw secret.
 *
 * Occurrences are keyed by (fingerprint, repo, path, ticket system, ticket, field): one secret in
 * one file of one repository is one occurrence however often it was re-added.
 */
import type { FindingContext } from '../findings/context.js';
import type { Finding, SourceKind } from '../findings/finding.js';

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
  /** What kind of file the secret sits in (docs/context.md), when the scan classified it. */
  context?: FindingContext;
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
  /** The repository's CODEOWNERS rules at HEAD of the last complete scan, in file order (the last match wins). */
  codeowners?: CodeOwnersRule[];
}

export interface CodeOwnersRule {
  pattern: string;
  owners: string[];
}

/**
 * The inventory's figures when a run finished: what the sprawl trend is drawn from. Counts are of
 * secrets; `closed` and `revoked` are totals at that time (the report turns them into changes).
 */
export interface RunStats {
  /** Still found somewhere and neither revoked, dead nor allowed. */
  open: number;
  /** First seen by this run. */
  new: number;
  /** No longer found anywhere, or revoked or dead. */
  closed: number;
  revoked: number;
  verifiedLive: number;
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
  /** Set when the run finishes (inventories written before version 5 have none). */
  stats?: RunStats;
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

/** The sources a history scan is complete for: what it no longer finds in a repository is gone. */
export const GIT_SOURCES: readonly SourceKind[] = ['history', 'diff', 'staged'];

/** Key for `RecordScope.presentAtHead`: a secret in a file. */
export function occurrenceAtHeadKey(fingerprint: string, filePath: string): string {
  return `${fingerprint}\0${filePath}`;
}

/** An occurrence's identity: the columns of its UNIQUE constraint. */
export function occurrenceKey(o: Pick<OccurrenceRecord, 'fingerprint' | 'repo' | 'path' | 'system' | 'ticket' | 'field'>): string {
  return [o.fingerprint, o.repo, o.path, o.system, o.ticket, o.field].join('\0');
}

/** Where a finding is, as the parts of an occurrence key. */
export function locationKeyParts(f: Finding, repo: string): Pick<OccurrenceRecord, 'repo' | 'path' | 'system' | 'ticket' | 'field'> {
  return { repo, path: f.location.path, system: f.location.system ?? '', ticket: f.location.ticket ?? '', field: f.location.field ?? '' };
}
