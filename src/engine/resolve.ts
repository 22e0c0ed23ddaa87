/**
 * Resolution of one text's candidates: generic candidates on a span a specific rule vetoed are
 * dropped, overlapping candidates keep the more specific one, and what is left is located by line
 * and column, in order of position.
 */
import type { Candidate, Match } from './candidate.js';
import type { Confidence } from '../rules/schema.js';

export const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/** Remove generic candidates overlapping a span a specific rule rejected on structure. */
export function dropVetoedGeneric(candidates: Candidate[], vetoed: readonly number[]): void {
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i] as Candidate;
    if (!c.compiled.rule.generic) continue;
    for (let v = 0; v < vetoed.length; v += 2) {
      if (c.start < (vetoed[v + 1] as number) && c.end > (vetoed[v] as number)) {
        candidates.splice(i, 1);
        break;
      }
    }
  }
}

/**
 * When secrets of different rules overlap, keep the more specific one: a specific rule beats a
 * generic heuristic. Two specific rules on exactly the same secret, or two generic ones on
 * overlapping secrets, keep one: higher confidence, then the rule that needed more context around
 * the secret (a `workos … sk_live_…` rule beats a bare `sk_live_` prefix rule), then the longer
 * secret, then the rule id.
 * Specific rules on different, overlapping secrets (a key inside a connection string) both stay.
 */
export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  const sorted = [...candidates].sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    let dropped = false;
    // Overlapping secrets sit next to each other in start order; a short look-back is enough
    // and keeps a file with very many matches linear.
    for (let k = kept.length - 1; k >= 0 && k >= kept.length - 32; k--) {
      const other = kept[k] as Candidate;
      if (other.end <= c.start || other.start >= c.end) continue;
      const winner = preferred(c, other);
      if (winner === other) {
        dropped = true;
        break;
      }
      if (winner === c) kept.splice(k, 1);
    }
    if (!dropped) kept.push(c);
  }
  return kept;
}

/** The candidate to keep of two overlapping ones, or undefined to keep both. */
function preferred(a: Candidate, b: Candidate): Candidate | undefined {
  const ga = a.compiled.rule.generic;
  const gb = b.compiled.rule.generic;
  if (ga !== gb) return ga ? b : a;
  if (!ga && !(a.start === b.start && a.end === b.end)) return undefined;
  const byConfidence = CONFIDENCE_RANK[a.confidence] - CONFIDENCE_RANK[b.confidence];
  if (byConfidence !== 0) return byConfidence > 0 ? a : b;
  const byContext = a.context - b.context;
  if (byContext !== 0) return byContext > 0 ? a : b;
  const byLength = a.end - a.start - (b.end - b.start);
  if (byLength !== 0) return byLength > 0 ? a : b;
  return a.compiled.rule.id <= b.compiled.rule.id ? a : b;
}

/** Matches for the kept candidates, ordered by position, with 1-based lines and columns. */
export function locateMatches(text: string, candidates: Candidate[]): Match[] {
  candidates.sort((x, y) => x.start - y.start || x.end - y.end || x.compiled.rule.id.localeCompare(y.compiled.rule.id));
  const matches: Match[] = [];
  let line = 1;
  let lineStart = 0;
  let cursor = 0;
  for (const c of candidates) {
    // Advance line counting to c.start using indexOf, which runs at memory speed.
    for (;;) {
      const nl = text.indexOf('\n', cursor);
      if (nl < 0 || nl >= c.start) break;
      line++;
      lineStart = nl + 1;
      cursor = nl + 1;
    }
    let endLine = line;
    let endLineStart = lineStart;
    for (let i = text.indexOf('\n', c.start); i >= 0 && i < c.end - 1; i = text.indexOf('\n', i + 1)) {
      endLine++;
      endLineStart = i + 1;
    }
    const match: Match = {
      rule: c.compiled.rule,
      secret: c.secret,
      start: c.start,
      end: c.end,
      line,
      column: c.start - lineStart + 1,
      endLine,
      endColumn: c.end - endLineStart,
      confidence: c.confidence,
      lifetime: c.lifetime,
      ...(c.expiresAt !== undefined ? { expiresAt: c.expiresAt } : {}),
      ...(c.expired !== undefined ? { expired: c.expired } : {}),
      ...(c.facts !== undefined ? { facts: c.facts } : {}),
    };
    matches.push(match);
  }
  return matches;
}
