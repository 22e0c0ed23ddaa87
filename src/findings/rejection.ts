/**
 * `scan --explain`: candidates a rule matched that were then not reported, with the reason. A user
 * who tries a made-up token and sees "No secrets found" learns that its checksum failed, instead of
 * concluding that the rule does not work. A rejection never holds the raw value unless the user
 * asked for secrets: it carries the redacted preview and the fingerprint, like a finding.
 */
import type { Match, RejectedCandidate, RejectReason } from '../engine/detector.js';
import type { Chunk } from '../scan/chunk-scanner.js';
import { buildFinding, type FindingOptions } from './build.js';
import type { Finding, Location } from './finding.js';

/** Engine gates, then the filters applied to findings: minimum confidence and the baseline. */
export type RejectionReason = RejectReason | 'confidence' | 'baseline';

export interface Rejection {
  ruleId: string;
  reason: RejectionReason;
  /** Which check or which entry: `github-crc32 does not match …`, `allowlist.fingerprints[0]`. */
  detail: string;
  fingerprint: string;
  redacted: string;
  /** Only with --show-secrets. */
  secret?: string;
  location: Location;
}

/** Rejections listed per scan; more are counted (a tree full of placeholders stays readable and bounded). */
export const MAX_LISTED_REJECTIONS = 1000;

export interface Explanation {
  rejected: Rejection[];
  /** Rejections beyond the listed ones (the list is capped), counted. */
  notListed: number;
}

/** A finding dropped after the scan (confidence, allowlisted fingerprint, baseline), as a rejection. */
export function rejectionOf(finding: Finding, reason: RejectionReason, detail: string): Rejection {
  const out: Rejection = {
    ruleId: finding.ruleId,
    reason,
    detail,
    fingerprint: finding.fingerprint,
    redacted: finding.redacted,
    location: finding.location,
  };
  if (finding.secret !== undefined) out.secret = finding.secret;
  return out;
}

/** Stable order: by place, then rule and reason. */
export function compareRejections(a: Rejection, b: Rejection): number {
  const pa = `${a.location.repo ?? ''}\0${a.location.path}\0${a.location.ticket ?? ''}`;
  const pb = `${b.location.repo ?? ''}\0${b.location.path}\0${b.location.ticket ?? ''}`;
  return (
    (pa < pb ? -1 : pa > pb ? 1 : 0) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.reason.localeCompare(b.reason)
  );
}

/**
 * The engine's rejections in one chunk, located like findings. Left out: those past the chunk's
 * `acceptBefore` (the next chunk reports them), repeats, and a heuristic's rejection of text that
 * was reported anyway (it explains nothing). A specific rule's rejection stays even then: a token
 * with a broken checksum inside a value a heuristic reported is worth knowing about.
 */
export function locateRejections(chunk: Chunk, rejected: readonly RejectedCandidate[], matches: readonly Match[], options: FindingOptions): Rejection[] {
  const limit = chunk.acceptBefore ?? Number.POSITIVE_INFINITY;
  // Matches are sorted by start: with the running maximum of their ends, "does any match overlap
  // [s, e)" is one binary search.
  const maxEnd: number[] = [];
  for (const m of matches) maxEnd.push(Math.max(m.end, maxEnd.at(-1) ?? 0));
  const overlapsMatch = (s: number, e: number): boolean => {
    let lo = 0;
    let hi = matches.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((matches[mid] as Match).start < e) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (maxEnd[lo - 1] as number) > s;
  };
  const seen = new Set<string>();
  const kept = rejected
    .filter((r) => {
      const key = `${r.rule.id}\0${r.start}\0${r.end}\0${r.reason}`;
      if (r.start >= limit || seen.has(key) || (r.rule.generic && overlapsMatch(r.start, r.end))) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start);
  const out: Rejection[] = [];
  const text = chunk.text;
  // Lines and columns in one pass over the text, as the engine locates its matches.
  let line = 1;
  let lineStart = 0;
  for (const r of kept) {
    for (let nl = text.indexOf('\n', lineStart); nl >= 0 && nl < r.start; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    let endLine = line;
    let endLineStart = lineStart;
    for (let i = text.indexOf('\n', r.start); i >= 0 && i < r.end - 1; i = text.indexOf('\n', i + 1)) {
      endLine++;
      endLineStart = i + 1;
    }
    const match: Match = {
      rule: r.rule,
      secret: r.secret,
      start: r.start,
      end: r.end,
      line,
      column: r.start - lineStart + 1,
      endLine,
      endColumn: r.end - endLineStart,
      confidence: r.rule.confidence,
      lifetime: r.rule.lifetime,
    };
    const finding = buildFinding(match, chunk.origin, options);
    if (chunk.lineMap) {
      finding.location.line = chunk.lineMap[match.line - 1] ?? finding.location.line;
      finding.location.endLine = chunk.lineMap[match.endLine - 1] ?? finding.location.endLine;
    }
    out.push(rejectionOf(finding, r.reason, r.detail));
  }
  return out;
}
