/**
 * The checks a rule's match passes to become a candidate: entropy, placeholder filter, checksum,
 * structural refiner, allowlisted regexes, and the inline `sprawlguard:allow` marker on its line.
 * A specific rule that rejects a value on its structure vetoes that span for generic rules (see
 * resolve.ts), and every rejection can be reported with its reason (`scan --explain`).
 */
import type { Candidate } from './candidate.js';
import type { CompiledRule } from './compile.js';
import type { RefineContext } from './refine.js';
import { shannonEntropy } from './entropy.js';
import { isPlaceholder } from './placeholders.js';
import { keyBody } from './refine/key-body.js';
import { CONFIDENCE_RANK } from './resolve.js';
import type { Confidence, Lifetime, Rule } from '../rules/schema.js';

/** Why a gate dropped a candidate: the entropy floor, the placeholder filter, a checksum, a refiner, the allowlist, an inline marker. */
export type RejectReason = 'entropy' | 'placeholder' | 'checksum' | 'context' | 'allowlist' | 'inline-allow';

export interface RejectedCandidate {
  readonly rule: Rule;
  readonly secret: string;
  /** Offsets in the scanned text; for a secret found inside an encoded value, the encoded value's. */
  readonly start: number;
  readonly end: number;
  readonly reason: RejectReason;
  /** Which check or entry decided, in words: `its github-crc32 checksum does not match …`, `matches allowlist.regexes[1]`. */
  readonly detail: string;
}

const INLINE_ALLOW = /sprawlguard:allow|gitleaks:allow/;
export const INLINE_ALLOW_DETAIL = 'sprawlguard:allow or gitleaks:allow on its line';

/** Judges the matches of every rule for one detector; `path` and `onReject` change from scan to scan. */
export class CandidateFilter {
  /** Where rejections go; swapped while decoded text is scanned, to report them at the encoded value. */
  onReject: ((rejected: RejectedCandidate) => void) | undefined;
  /** The path of the text being scanned, for refiners that weigh a value by the kind of file it is in. */
  path: string | undefined;

  constructor(
    private readonly allowSecretRegexes: readonly RegExp[],
    readonly inlineAllow: boolean,
    private readonly now: number,
    onReject: ((rejected: RejectedCandidate) => void) | undefined,
  ) {
    this.onReject = onReject;
  }

  /**
   * The candidate for a match of `compiled` at text[start, end), or undefined when a check drops it
   * (and onReject is told why). A specific rule that drops a value on its structure pushes the span
   * onto `vetoed`, so no generic rule reports it either.
   */
  accept(
    compiled: CompiledRule,
    secret: string,
    start: number,
    end: number,
    text: string,
    context: number,
    vetoed: number[],
  ): Candidate | undefined {
    const rule = compiled.rule;
    const reject = this.onReject && ((reason: RejectReason, detail: string) => this.onReject?.({ rule, secret, start, end, reason, detail }));
    if (rule.entropy !== undefined) {
      const entropy = shannonEntropy(secret);
      if (entropy < rule.entropy) return void reject?.('entropy', `entropy ${entropy.toFixed(2)} is below the rule's ${rule.entropy}: too regular for a generated secret`);
    }
    // Generic rules may hold a password, which can be a common word (`admin`): their refiners judge those by the name.
    if (isPlaceholder(rule.placeholder_scope === 'key-body' ? keyBody(secret) : secret, compiled.stopwords, { weakPasswords: rule.generic })) {
      // A documented example of a specific format (the jwt.io token) stays an example for heuristics too.
      if (!rule.generic) vetoed.push(start, end);
      return void reject?.('placeholder', 'a placeholder, example or filler (a stopword, a template, a repeated or ascending run)');
    }
    let confidence: Confidence = rule.confidence;
    if (compiled.checksum && !compiled.checksum.check(secret)) {
      if (compiled.checksum.established) {
        // A look-alike a specific rule recognised and rejected must not come back through a heuristic.
        vetoed.push(start, end);
        return void reject?.('checksum', `its ${rule.checksum ?? ''} checksum does not match: a made-up or mistyped value`);
      }
      if (confidence === 'high') confidence = 'medium';
    }
    let lifetime: Lifetime = rule.lifetime;
    let expiresAt: string | undefined;
    let expired: boolean | undefined;
    let facts: Record<string, string> | undefined;
    if (compiled.refine) {
      const refined = compiled.refine(secret, refineContext(text, start, end, this.now, this.path));
      if (refined === null) {
        if (!rule.generic) vetoed.push(start, end);
        return void reject?.('context', `the ${rule.refine ?? ''} check judged it no credential, by its structure or the code around it`);
      }
      if (refined.lifetime) lifetime = refined.lifetime;
      if (refined.confidence) confidence = lowerConfidence(confidence, refined.confidence);
      expiresAt = refined.expiresAt;
      expired = refined.expired;
      facts = refined.facts;
    }
    for (let i = 0; i < this.allowSecretRegexes.length; i++) {
      const allow = this.allowSecretRegexes[i] as RegExp;
      allow.lastIndex = 0;
      if (allow.test(secret)) return void reject?.('allowlist', `matches allowlist.regexes[${i}]`);
    }
    if (this.inlineAllow && hasInlineAllow(text, start, end)) return void reject?.('inline-allow', INLINE_ALLOW_DETAIL);
    return { compiled, secret, start, end, context, confidence, lifetime, expiresAt, expired, facts };
  }
}

/** Markers further than this from the secret on a long (minified) line do not count. */
const INLINE_ALLOW_REACH = 4096;

/** The secret's line on either side of it, bounded, for refiners that judge a value by its context. */
const CONTEXT_CHARS = 256;
function refineContext(text: string, start: number, end: number, now: number, path: string | undefined): RefineContext {
  // Only the bounded slices are searched, so a long minified line costs the same as a short one.
  const before = text.slice(Math.max(0, start - CONTEXT_CHARS), start);
  const after = text.slice(end, end + CONTEXT_CHARS);
  const newlineBefore = before.lastIndexOf('\n');
  const newlineAfter = after.indexOf('\n');
  return {
    now,
    path,
    before: newlineBefore < 0 ? before : before.slice(newlineBefore + 1),
    after: newlineAfter < 0 ? after : after.slice(0, newlineAfter),
    // Some formats name a value on the line above it (.NET's `<setting name="…">` over its
    // `<value>`); only the refiner that reads it pays for finding it.
    get previous(): string | undefined {
      if (newlineBefore < 0) return undefined;
      const previous = before.slice(before.lastIndexOf('\n', newlineBefore - 1) + 1, newlineBefore);
      return previous.endsWith('\r') ? previous.slice(0, -1) : previous;
    },
  };
}

export function hasInlineAllow(text: string, start: number, end: number): boolean {
  // Newlines are searched within the reach only: on a long minified line an unbounded search
  // would walk the whole line for every finding.
  const from = Math.max(0, start - INLINE_ALLOW_REACH);
  const to = Math.min(text.length, end + INLINE_ALLOW_REACH);
  const before = text.slice(from, start);
  const after = text.slice(Math.max(start, end - 1), to);
  const newlineBefore = before.lastIndexOf('\n');
  const newlineAfter = after.indexOf('\n');
  const a = newlineBefore < 0 ? from : from + newlineBefore + 1;
  const b = newlineAfter < 0 ? to : Math.max(start, end - 1) + newlineAfter;
  // Cheap literal test first: the marker is rare, the regex is not needed without it.
  const around = text.slice(a, b);
  return around.includes(':allow') && INLINE_ALLOW.test(around);
}

function lowerConfidence(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCE_RANK[a] <= CONFIDENCE_RANK[b] ? a : b;
}
