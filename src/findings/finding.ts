/**
 * The Finding: the JSON contract other tools and our own checks depend on (docs/json-contract.md).
 * Field names here are that contract; change them only with a new contract version.
 */
import type { Confidence, Kind, Lifetime, Severity } from '../rules/schema.js';
import type { FindingContext } from './context.js';
import type { Disposition } from './fixture-policy.js';
import type { Explanation } from './rejection.js';

export type SourceKind = 'file' | 'staged' | 'diff' | 'history' | 'ticket';

/** Where a chunk of text came from. Sources fill what they know. */
export interface Origin {
  source: SourceKind;
  /** Relative to the scanned root, `/` separators; `-` (or a chosen name) for standard input. */
  path: string;
  /** 1-based line of the chunk's first character in the original file. Default 1. */
  line?: number;
  /** 1-based column of the chunk's first character on that line. Default 1. */
  column?: number;
  commit?: string;
  author?: string;
  date?: string;
  repo?: string;
  /** Ticket systems: which one (`jira`, `slack`, …), the ticket key or channel, the field. */
  system?: string;
  ticket?: string;
  field?: string;
  url?: string;
}

export interface Location extends Omit<Origin, 'line' | 'column'> {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** What kind of file it sits in (see context.ts and docs/context.md); set by scans that classify. */
  context?: FindingContext;
  /** The secret sits in a comment of a code file (`# …`, `// …`, ` * …`, a Python docstring): written as documentation. */
  comment?: true;
}

export type VerificationStatus = 'live' | 'dead' | 'unknown';

export interface Verification {
  status: VerificationStatus;
  identity?: string;
  reason?: string;
  checkedAt: string;
}

export interface Finding {
  ruleId: string;
  provider: string;
  title: string;
  severity: Severity;
  lifetime: Lifetime;
  confidence: Confidence;
  /** Set for what is not a working credential: `password-hash` (crackable offline). Absent for credentials. */
  kind?: Exclude<Kind, 'credential'>;
  /**
   * `sha256:<hex>` of the raw secret, or of its HMAC-SHA256 when a fingerprint key is set; for a
   * guessable secret without a key, `scrypt:<hex>` (see fingerprint.ts).
   */
  fingerprint: string;
  redacted: string;
  /** Only with --show-secrets. */
  secret?: string;
  location: Location;
  remediation: string;
  /** When the secret states its own expiry (JWT `exp`, SAS `se`, macaroon caveats). */
  expiresAt?: string;
  expired?: boolean;
  /** Non-secret facts decoded offline (AWS account id, key type, issuer). */
  facts?: Record<string, string>;
  verification?: Verification;
  /**
   * `incident` (counts: exit code, hook, Action) or `fixture` (test or documentation data a generic
   * rule matched; listed, not counted). See fixture-policy.ts; set by scans that apply the policy.
   */
  disposition?: Disposition;
}

export interface SkippedSource {
  path: string;
  reason: string;
}

export interface ScanStats {
  sources: number;
  bytes: number;
  chunks: number;
  durationMs: number;
  skipped: SkippedSource[];
  /** Git scans: commits walked. */
  commits?: number;
  /** Files (or, in a directory walk, whole directories) that the config's `allowlist.paths` left out. */
  allowlisted?: number;
  /** What the configuration gives reason to warn about; also printed on stderr. */
  warnings?: ScanWarning[];
}

/**
 * A warning about how a scan was configured: `config-changed` when the change being scanned edits
 * the config file (which could hide its own secrets), `allowlist-coverage` when `allowlist.paths`
 * left out most or all of the files.
 */
export interface ScanWarning {
  code: 'config-changed' | 'allowlist-coverage';
  message: string;
  /** The config file concerned. */
  file?: string;
}

/**
 * What a scan read, so `verify` and `revoke` find the files again from any working directory. Paths
 * are absolute. Reports of ticket exports and older reports have none.
 */
export interface ScanScope {
  /** `files` (paths on disk), `git` (a repository's staged changes, commits or history) or `stdin`. */
  source: 'files' | 'git' | 'stdin';
  /** The directory the findings' paths are relative to: the only directory scanned, else the working directory; a repository's top level for git sources. */
  root: string;
  /** The files and directories scanned (files source only). */
  paths?: string[];
}

export interface Report {
  version: 1;
  tool: { name: 'sprawlguard'; version: string };
  findings: Finding[];
  stats: ScanStats;
  /** Written by `scan`; see ScanScope. */
  scan?: ScanScope;
  /** Only with `scan --explain`: the candidates that were not reported, and why. */
  explain?: Explanation;
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

/** Stable report order: by path, then position, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.location.repo ?? '').localeCompare(b.location.repo ?? '') ||
    comparePaths(a.location.path, b.location.path) ||
    (a.location.ticket ?? '').localeCompare(b.location.ticket ?? '') ||
    (a.location.field ?? '').localeCompare(b.location.field ?? '') ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    a.ruleId.localeCompare(b.ruleId) ||
    (a.location.commit ?? '').localeCompare(b.location.commit ?? '')
  );
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
