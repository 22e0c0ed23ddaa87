/**
 * Engine + finding identity for one chunk of text. Every source (files, stdin, git, tickets) feeds
 * chunks through this, in the main thread or in a worker; its configuration is plain data so it can
 * cross a worker boundary.
 */
import { Detector, type RejectedCandidate, type ScanLimit } from '../engine/detector.js';
import { buildFinding } from '../findings/build.js';
import { CodeComments } from './code-comments.js';
import type { Finding, Origin } from '../findings/finding.js';
import type { ScanProblem } from '../findings/scan-problem.js';
import { locateRejections, MAX_LISTED_REJECTIONS, type Explanation, type Rejection } from '../findings/rejection.js';
import type { Rule } from '../rules/schema.js';

export interface Chunk {
  text: string;
  origin: Origin;
  /** Matches starting at or after this offset belong to the next chunk of the same stream. */
  acceptBefore?: number;
  /**
   * For text assembled from non-adjacent lines (the added lines of a diff): lineMap[i] is the real
   * line number of text line i. Overrides `origin.line`.
   */
  lineMap?: readonly number[];
  /** The text's bytes when it is ASCII (byte i is character i); see Detector.scan. */
  ascii?: Uint8Array;
}

export interface ScannerConfig {
  rules: Rule[];
  /** Regex sources matched against secrets (config allowlist). */
  allowSecretRegexes: string[];
  stopwords: string[];
  inlineAllow?: boolean;
  /**
   * Keep the raw secret on each finding (`finding.secret`): for --show-secrets and for verification.
   * Output code strips it again unless the user asked to see secrets.
   */
  includeSecrets?: boolean;
  fingerprintKey?: string;
  /**
   * Guessable secrets' fingerprints are derived on the thread pool while the scan goes on; findings
   * carry a stand-in until settleFingerprints (findings/fingerprint.ts), which the pipeline and the
   * scan workers call before a fingerprint is read.
   */
  deferSlowFingerprints?: boolean;
  now?: number;
  /** Also keep the candidates the engine dropped, and why (`scan --explain`; see takeRejections). */
  explain?: boolean;
}

export class ChunkScanner {
  private readonly detector: Detector;
  /** The engine's rejections in the chunk being scanned (explain only). */
  private readonly pending: RejectedCandidate[] = [];
  private rejected: Rejection[] = [];
  private notListed = 0;
  /** Parts of scanned chunks a budget kept from being searched in full, until taken. */
  private limits: ScanProblem[] = [];

  constructor(readonly config: ScannerConfig) {
    this.detector = new Detector(config.rules, {
      allowSecretRegexes: config.allowSecretRegexes.map((r) => new RegExp(r)),
      stopwords: config.stopwords,
      inlineAllow: config.inlineAllow,
      now: config.now,
      onReject: config.explain ? (r) => this.pending.push(r) : undefined,
    });
  }

  /** The rejections collected since the last call (explain only), at most MAX_LISTED_REJECTIONS listed. */
  takeRejections(): Explanation {
    const taken = { rejected: this.rejected, notListed: this.notListed };
    this.rejected = [];
    this.notListed = 0;
    return taken;
  }

  scan(chunk: Chunk): Finding[] {
    this.pending.length = 0;
    const { matches, limits } = this.detector.scanWithWork(chunk.text, chunk.ascii, chunk.origin.path);
    for (const limit of limits) this.limits.push(describeLimit(limit, chunk));
    const findings: Finding[] = [];
    const limit = chunk.acceptBefore ?? Number.POSITIVE_INFINITY;
    let comments: CodeComments | undefined;
    for (const match of matches) {
      if (match.start >= limit) continue;
      const finding = buildFinding(match, chunk.origin, {
        showSecrets: this.config.includeSecrets,
        fingerprintKey: this.config.fingerprintKey,
        deferSlowFingerprints: this.config.deferSlowFingerprints,
      });
      comments ??= new CodeComments(chunk.text, chunk.origin.path);
      if (comments.has(match.start)) finding.location.comment = true;
      if (chunk.lineMap) {
        finding.location.line = chunk.lineMap[match.line - 1] ?? finding.location.line;
        finding.location.endLine = chunk.lineMap[match.endLine - 1] ?? finding.location.endLine;
      }
      findings.push(finding);
    }
    if (this.pending.length > 0) {
      const options = { showSecrets: this.config.includeSecrets, fingerprintKey: this.config.fingerprintKey };
      for (const r of locateRejections(chunk, this.pending, matches, options)) {
        if (this.rejected.length < MAX_LISTED_REJECTIONS) this.rejected.push(r);
        else this.notListed++;
      }
      this.pending.length = 0;
    }
    return findings;
  }

  /**
   * What the budgets cut short in the chunks scanned since the last call, as `budget` problems
   * (the file, the rule, line, column and offset): sources report them like any other skip.
   */
  takeLimits(): ScanProblem[] {
    const taken = this.limits;
    this.limits = [];
    return taken;
  }
}

/** A budget's cut as the scan reports it: where (file, line, column, offset) and what was left out. */
function describeLimit(limit: ScanLimit, chunk: Chunk): ScanProblem {
  const { text, origin } = chunk;
  let line = 1;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < limit.offset; nl = text.indexOf('\n', nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  const column = limit.offset - lineStart + 1;
  const fileLine = chunk.lineMap ? (chunk.lineMap[line - 1] ?? line) : (origin.line ?? 1) + line - 1;
  const fileColumn = line === 1 && !chunk.lineMap ? (origin.column ?? 1) + column - 1 : column;
  // The offset is the file's own only when the chunk is the whole file.
  const whole = !chunk.lineMap && (origin.line ?? 1) === 1 && (origin.column ?? 1) === 1;
  const where = `${origin.ticket !== undefined ? `${origin.ticket}, ` : ''}line ${fileLine}, column ${fileColumn}${whole ? ` (offset ${limit.offset})` : ''}`;
  const reason =
    limit.kind === 'rule-search'
      ? `rule ${limit.ruleId ?? '?'}: keyword hits too dense to search one by one from ${where}; ${limit.count} hits were coalesced and a secret among them may be missed`
      : `decoding budget spent at ${where}; ${limit.count} encoded values were not decoded`;
  return { code: 'budget', path: origin.commit ? `${origin.path}@${origin.commit.slice(0, 12)}` : origin.path, message: reason };
}

const shared = new WeakMap<ScannerConfig, ChunkScanner>();

/**
 * One scanner per configuration object for a whole run (an org scan, the facts looked up after
 * it): building one compiles every rule, a cost (bench/README.md) that would otherwise be paid again
 * for each repository and by each caller.
 */
export function sharedScanner(config: ScannerConfig): ChunkScanner {
  let scanner = shared.get(config);
  if (!scanner) {
    scanner = new ChunkScanner(config);
    shared.set(config, scanner);
  }
  return scanner;
}
