/**
 * The detection engine: text in, matches out. Pure — no file, process or network I/O.
 *
 * 1. One pass of the keyword automaton over the text finds every keyword occurrence.
 * 2. For each rule with a hit, a window around each hit (the hit's line, clipped on very long lines)
 *    is collected; overlapping windows of the same rule are merged.
 * 3. The rule's regex runs only inside its windows. Its one capture group is the secret.
 * 4. The secret passes the rule's gates: entropy, placeholder filter, checksum, structural refiner,
 *    allowlisted regexes, and the inline `sprawlguard:allow` marker on its line.
 * 5. A generic heuristic loses to a specific rule that matched an overlapping secret.
 * 6. Encoded values (base64, percent-encoding) near credential words, and whole Kubernetes Secret
 *    documents, are decoded (bounded depth and size) and scanned again; what they hide is reported
 *    at the encoded value's location, with the decoded secret's fingerprint.
 *
 * Work is linear in the text on any input: keyword hits are taken in bounded batches, windows of a
 * rule are merged, anchored runs are charged against a per-rule budget (search-budget.ts), each
 * character is decoded at most once per level (decoders.ts), and decoding has a total budget per
 * scan. What a budget cut short is returned with the matches (scanWithWork) so the scan can say so.
 *
 * One keyword pass gates every rule: a single V8 alternation of the keywords, or rule regexes run
 * one after another without a gate, are far slower (figures in bench/README.md). What keeps the
 * rest cheap: anchored rules run as sticky regexes
 * at their hits behind a precheck, windows are lists in reused typed arrays, window edges inside
 * long lines are found once per window, and decoding looks only just around credential words.
 */
import { encodedValues, type EncodedValue } from './decode/encoded-values.js';
import { DECODER_GATES, decoderWindows } from './decode/gates.js';
import { SpanCursor } from './decode/span-cursor.js';
import { LineLimits, patternExtent, SEARCH_BASE, type PatternExtent } from './search-budget.js';
import { ScanState, type ScanLimit, type ScanWork } from './scan-work.js';
import { compileRule, type CompiledRule } from './compile.js';
import { shannonEntropy } from './entropy.js';
import { isPlaceholder } from './placeholders.js';
import { keyBody } from './refine/key-body.js';
import { GateLists, KeywordGates } from './windows.js';
import type { Confidence, Lifetime, Rule } from '../rules/schema.js';

export type { ScanLimit, ScanWork };

export interface Match {
  readonly rule: Rule;
  readonly secret: string;
  /** Offsets of the secret in the scanned text (UTF-16 code units, end exclusive). */
  readonly start: number;
  readonly end: number;
  /** 1-based position of the secret's first and last character. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly confidence: Confidence;
  readonly lifetime: Lifetime;
  readonly expiresAt?: string;
  readonly expired?: boolean;
  readonly facts?: Readonly<Record<string, string>>;
}

export interface ScanResult {
  readonly matches: Match[];
  readonly work: ScanWork;
  readonly limits: readonly ScanLimit[];
}

export interface DetectorOptions {
  /** Secrets matching any of these are not reported (config `allowlist.regexes`). */
  readonly allowSecretRegexes?: readonly RegExp[];
  /** Honour `sprawlguard:allow` / `gitleaks:allow` on the secret's line. Default true. */
  readonly inlineAllow?: boolean;
  /** Clock for expiry decisions, ms since the epoch. Default: Date.now() at construction. */
  readonly now?: number;
  /** Extra lower-case substrings that mark any secret as a placeholder (config `allowlist.stopwords`). */
  readonly stopwords?: readonly string[];
  /** Decode base64 and percent-encoded values and scan them again, this many levels deep. Default 2; 0 turns it off. */
  readonly decodeDepth?: number;
  /** Told of every candidate a rule matched and a gate then dropped (`scan --explain`). Off by default. */
  readonly onReject?: (rejected: RejectedCandidate) => void;
  /** Keyword hits taken from the automaton at a time (default 1,048,576); the results do not depend on it. */
  readonly hitBatch?: number;
}

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
const INLINE_ALLOW_DETAIL = 'sprawlguard:allow or gitleaks:allow on its line';

interface Candidate {
  compiled: CompiledRule;
  secret: string;
  start: number;
  end: number;
  /** Length of the whole regex match: a rule that needed more context around the secret is more specific. */
  context: number;
  confidence: Confidence;
  lifetime: Lifetime;
  expiresAt?: string;
  expired?: boolean;
  facts?: Record<string, string>;
}

export class Detector {
  readonly rules: readonly CompiledRule[];
  /** The keyword pass and the gates each keyword opens: rules, then decoders at rules.length + d. */
  private readonly keywordGates: KeywordGates;
  /** Reusable per-gate lists, one set per decoding depth (a nested detect must not clobber its caller's). */
  private readonly gateLists: GateLists[] = [];
  private readonly decodeDepth: number;
  /** Rules with `paths`, and for the text being scanned, 1 for each of them its path does not match. */
  private readonly pathRules: readonly number[];
  private readonly blocked: Uint8Array;
  /** Per rule: how far one run of its pattern may look, worked out when first needed. */
  private readonly extents: (PatternExtent | undefined)[];
  /** Per rule, what it may still search in the current scan (see ScanState). */
  private readonly searchLeft: Float64Array;
  private readonly allowSecretRegexes: readonly RegExp[];
  private readonly inlineAllow: boolean;
  private readonly now: number;
  /** Where rejections go; swapped while decoded text is scanned, to report them at the encoded value. */
  private onReject: ((rejected: RejectedCandidate) => void) | undefined;
  /** The path of the text being scanned, for refiners that weigh a value by the kind of file it is in. */
  private path: string | undefined;

  constructor(rules: readonly Rule[], options: DetectorOptions = {}) {
    const extraStopwords = options.stopwords ?? [];
    this.rules = rules.map((rule) => {
      const compiled = compileRule(rule);
      return extraStopwords.length === 0 ? compiled : { ...compiled, stopwords: [...compiled.stopwords, ...extraStopwords] };
    });
    this.decodeDepth = options.decodeDepth ?? 2;
    const decoders = this.decodeDepth > 0 ? DECODER_GATES : [];
    const pathRules: number[] = [];
    this.rules.forEach((compiled, ruleIndex) => {
      if (compiled.paths) pathRules.push(ruleIndex);
    });
    this.keywordGates = new KeywordGates(this.rules, decoders, options.hitBatch);
    this.pathRules = pathRules;
    this.blocked = new Uint8Array(this.rules.length);
    this.extents = new Array<PatternExtent | undefined>(this.rules.length);
    this.searchLeft = new Float64Array(this.rules.length);
    this.allowSecretRegexes = options.allowSecretRegexes ?? [];
    this.inlineAllow = options.inlineAllow ?? true;
    this.now = options.now ?? Date.now();
    this.onReject = options.onReject;
  }

  /**
   * All matches in `text`, ordered by position. `ascii`, when given, must be the bytes of `text`
   * and all below 0x80 (so byte i is character i): the keyword pass then reads bytes, which is
   * faster than reading characters from the string. `path` (relative, `/`-separated) is where the
   * text comes from: rules with `paths` run only when it matches one of their globs, and refiners
   * judge some values by the kind of file (code or configuration).
   */
  scan(text: string, ascii?: Uint8Array, path?: string): Match[] {
    return this.scanWithWork(text, ascii, path).matches;
  }

  /** All matches in `text` (as scan), with what the scan cost and what its budgets cut short. */
  scanWithWork(text: string, ascii?: Uint8Array, path?: string): ScanResult {
    if (ascii !== undefined && ascii.length !== text.length) throw new Error('ascii bytes do not match the text');
    for (const ruleIndex of this.pathRules) {
      const paths = (this.rules[ruleIndex] as CompiledRule).paths as RegExp;
      this.blocked[ruleIndex] = path !== undefined && paths.test(path) ? 0 : 1;
    }
    this.path = path;
    const state = new ScanState(this.searchLeft, text.length);
    const matches = this.locate(text, this.detect(text, 0, state, ascii));
    const decode = state.decode;
    state.work.decoded = decode.chars;
    if (decode.skipped > 0) state.limit('decoding', decode.stoppedAt, decode.skipped);
    state.limits.sort((x, y) => x.offset - y.offset);
    return { matches, work: state.work, limits: state.limits };
  }

  /** Candidates (not yet located) in `text`; `depth` counts decoding levels above this text. */
  private detect(text: string, depth: number, state: ScanState, ascii?: Uint8Array): Candidate[] {
    let gates = this.gateLists[depth];
    if (gates === undefined) {
      gates = new GateLists(this.keywordGates.shapes.length);
      this.gateLists[depth] = gates;
    }
    this.keywordGates.collect(text, ascii, gates, this.blocked);
    const candidates: Candidate[] = [];
    const vetoed: number[] = [];
    const ruleCount = this.rules.length;
    // Gates in the order they were first hit (the order of candidates does not matter: overlaps are
    // resolved and matches sorted by position); rules here, decoders below, once every rule's
    // candidates are known.
    const { lists, lengths, touched } = gates;
    const blocked = this.blocked;
    for (const gate of touched) {
      if (gate >= ruleCount || blocked[gate] === 1) continue;
      const list = lists[gate] as Int32Array;
      const length = lengths[gate] as number;
      const compiled = this.rules[gate] as CompiledRule;
      if (compiled.anchored) {
        this.runAnchored(gate, text, list, length, candidates, vetoed, state);
        continue;
      }
      for (let w = 0; w < length; w += 2) {
        const a = list[w] as number;
        const b = list[w + 1] as number;
        state.work.searched += b - a;
        this.runRule(compiled, text, a, b, candidates, vetoed);
      }
    }
    if (vetoed.length > 0) dropVetoedGeneric(candidates, vetoed);
    if (depth < this.decodeDepth) {
      const direct = specificSpans(candidates);
      if (depth > 0) {
        // Text that was itself encoded is decoded again as a whole: its context words were outside.
        this.decodeWindow(text, 0, text.length, depth, direct, candidates, state);
      } else {
        const windows = decoderWindows(gates, ruleCount);
        for (let w = 0; w < windows.length; w += 2) {
          this.decodeWindow(text, windows[w] as number, windows[w + 1] as number, depth, direct, candidates, state, ascii);
        }
      }
    }
    return resolveOverlaps(candidates);
  }

  /**
   * Decode each base64 or percent-encoded value in a window and scan what it hides. Values that a
   * specific rule already matched directly (`direct`: sorted spans) are left alone, so nothing is
   * reported twice; a generic match on the encoded text does not stop decoding, a provider token
   * inside wins.
   */
  private decodeWindow(
    text: string,
    a: number,
    b: number,
    depth: number,
    direct: SpanCursor,
    out: Candidate[],
    state: ScanState,
    ascii?: Uint8Array,
  ): void {
    for (const encoded of encodedValues(text, a, b, ascii, state.decode)) {
      const start = encoded.start;
      const end = encoded.end;
      if (direct.overlaps(start, end)) continue;
      // Whatever is cut short inside is reported at the outermost encoded value.
      const outerAt = state.decode.nestedAt;
      if (outerAt < 0) state.decode.nestedAt = start;
      const outer = this.onReject;
      if (outer) this.onReject = (r) => outer({ ...r, start, end });
      let inner: Candidate[];
      try {
        inner = this.detect(encoded.decoded, depth + 1, state);
      } finally {
        this.onReject = outer;
        state.decode.nestedAt = outerAt;
      }
      if (inner.length === 0) continue;
      if (this.inlineAllow && hasInlineAllow(text, start, end)) {
        for (const found of inner) outer?.({ rule: found.compiled.rule, secret: found.secret, start, end, reason: 'inline-allow', detail: INLINE_ALLOW_DETAIL });
        continue;
      }
      for (const found of inner) out.push(relocated(found, encoded));
    }
  }

  /** How far one run of rule `gate` may look (see search-budget.ts), worked out on first use. */
  private extentOf(gate: number): PatternExtent {
    let extent = this.extents[gate];
    if (extent === undefined) {
      extent = patternExtent((this.rules[gate] as CompiledRule).rule.pattern);
      this.extents[gate] = extent;
    }
    return extent;
  }

  /**
   * Run an anchored rule as a sticky regex at each of its keyword hits, each run charged how far it
   * may look against the rule's budget for the scan; past the budget, hits before the point the
   * previous run could look to are coalesced into it (not searched), and the scan is told where
   * that began.
   */
  private runAnchored(gate: number, text: string, list: Int32Array, length: number, out: Candidate[], vetoed: number[], state: ScanState): void {
    const compiled = this.rules[gate] as CompiledRule;
    const sticky = compiled.sticky;
    const precheck = compiled.precheck;
    // Hits arrive ordered by where they end; a longer keyword can start before a shorter one.
    for (let i = 1; i < length; i++) {
      if ((list[i] as number) < (list[i - 1] as number)) {
        list.subarray(0, length).sort();
        break;
      }
    }
    const { reach, lines } = this.extentOf(gate);
    // When every hit could look its full reach and the rule would still keep SEARCH_BASE of its
    // budget (for the text decoded from this one), runs are counted and charged together at their
    // full reach; otherwise each is measured and charged.
    const lineLimits = reach * length <= state.left(gate) - SEARCH_BASE ? undefined : new LineLimits(text);
    let runs = 0;
    let nextRun = -1;
    let coalesced = 0;
    let coalescedFrom = -1;
    let covered = -1;
    let prev = -1;
    for (let i = 0; i < length; i++) {
      const at = list[i] as number;
      if (at < covered || at === prev) continue; // inside the previous match, as a scanning regex would skip it
      prev = at;
      if (precheck && !precheck(text, at)) continue;
      if (lineLimits === undefined) runs++;
      else {
        if (at < nextRun) {
          if (coalesced++ === 0) coalescedFrom = at;
          continue;
        }
        // How far this run may look; once the rule's budget is spent, the next run waits until then.
        const extent = lineLimits.extent(at, reach, lines);
        if (!state.charge(gate, extent)) nextRun = at + extent;
      }
      sticky.lastIndex = at;
      const m = sticky.exec(text);
      if (m === null) continue;
      covered = at + m[0].length;
      const secret = m[1];
      const span = m.indices?.[1];
      if (secret === undefined || span === undefined || secret.length === 0) continue;
      const candidate = this.accept(compiled, secret, span[0], span[1], text, m[0].length, vetoed);
      if (candidate) out.push(candidate);
    }
    if (runs > 0) state.charge(gate, runs * Math.min(reach, text.length));
    if (coalesced > 0) {
      state.work.coalesced += coalesced;
      state.limit('rule-search', coalescedFrom, coalesced, compiled.rule.id);
    }
  }

  private runRule(compiled: CompiledRule, text: string, a: number, b: number, out: Candidate[], vetoed: number[]): void {
    const regex = compiled.regex;
    const slice = a === 0 && b === text.length ? text : text.slice(a, b);
    const requires = compiled.rule.requires;
    if (requires.length > 0 && !includesAny(slice, requires)) return;
    regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(slice)) !== null) {
      if (m[0].length === 0) regex.lastIndex++;
      const secret = m[1];
      const span = m.indices?.[1];
      if (secret === undefined || span === undefined || secret.length === 0) continue;
      const candidate = this.accept(compiled, secret, a + span[0], a + span[1], text, m[0].length, vetoed);
      if (candidate) out.push(candidate);
    }
  }

  private accept(
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
      const refined = compiled.refine(secret, { now: this.now, path: this.path, ...lineAround(text, start, end) });
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

  private locate(text: string, candidates: Candidate[]): Match[] {
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
}

function includesAny(text: string, needles: readonly string[]): boolean {
  for (const needle of needles) if (text.includes(needle)) return true;
  return false;
}

/** Markers further than this from the secret on a long (minified) line do not count. */
const INLINE_ALLOW_REACH = 4096;

/** The secret's line on either side of it, bounded, for refiners that judge a value by its context. */
const CONTEXT_CHARS = 256;
function lineAround(text: string, start: number, end: number): { before: string; after: string } {
  // Only the bounded slices are searched, so a long minified line costs the same as a short one.
  const before = text.slice(Math.max(0, start - CONTEXT_CHARS), start);
  const after = text.slice(end, end + CONTEXT_CHARS);
  const newlineBefore = before.lastIndexOf('\n');
  const newlineAfter = after.indexOf('\n');
  return { before: newlineBefore < 0 ? before : before.slice(newlineBefore + 1), after: newlineAfter < 0 ? after : after.slice(0, newlineAfter) };
}

function hasInlineAllow(text: string, start: number, end: number): boolean {
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

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

function lowerConfidence(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCE_RANK[a] <= CONFIDENCE_RANK[b] ? a : b;
}

/** The spans of the specific (not generic) candidates among `candidates`, as of now. */
function specificSpans(candidates: readonly Candidate[]): SpanCursor {
  const count = candidates.length;
  return new SpanCursor(() => {
    const spans: number[] = [];
    const specific = candidates.slice(0, count).filter((c) => !c.compiled.rule.generic);
    specific.sort((x, y) => x.start - y.start);
    for (const c of specific) spans.push(c.start, c.end);
    return spans;
  });
}

/** A candidate found in decoded text, reported at the encoded value's location with the chain of encodings. */
function relocated(inner: Candidate, encoded: EncodedValue): Candidate {
  const chain = inner.facts?.encoding ? `${encoded.kind}>${inner.facts.encoding}` : encoded.kind;
  return { ...inner, start: encoded.start, end: encoded.end, facts: { ...inner.facts, encoding: chain } };
}

/** Remove generic candidates overlapping a span a specific rule rejected on structure. */
function dropVetoedGeneric(candidates: Candidate[], vetoed: readonly number[]): void {
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
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
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
