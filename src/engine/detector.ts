/**
 * The detection engine: text in, matches out. Pure — no file, process or network I/O. The detector
 * runs the stages in order; each lives in its own module:
 *
 * 1. One pass of the keyword automaton over the text finds every keyword occurrence (windows.ts).
 * 2. For each rule with a hit, a window around each hit (the hit's line, clipped on very long lines)
 *    is collected; overlapping windows of the same rule are merged (windows.ts). Rules are compiled
 *    once, when the detector is built (compile.ts).
 * 3. The rule's regex runs only inside its windows, or as a sticky regex at each hit of an anchored
 *    rule (run-rules.ts). Its one capture group is the secret.
 * 4. The secret passes the rule's checks: entropy, placeholder filter, checksum, structural refiner
 *    (refine.ts, refine/), allowlisted regexes, and the inline `sprawlguard:allow` marker on its
 *    line (accept.ts).
 * 5. A generic heuristic loses to a specific rule that matched an overlapping secret (resolve.ts).
 * 6. Encoded values (base64, percent-encoding) near credential words, and whole Kubernetes Secret
 *    documents, are decoded (bounded depth and size) and scanned again; what they hide is reported
 *    at the encoded value's location, with the decoded secret's fingerprint (decode/).
 *
 * Work is linear in the text on any input: keyword hits are taken in bounded batches, windows of a
 * rule are merged, anchored runs are charged against a per-rule budget (search-budget.ts), each
 * character is decoded at most once per level (decode/encoded-values.ts), and decoding has a total
 * budget per scan (scan-work.ts). What a budget cut short is returned with the matches
 * (scanWithWork) so the scan can say so.
 *
 * One keyword pass gates every rule: a single V8 alternation of the keywords, or rule regexes run
 * one after another without a gate, are far slower (figures in bench/README.md). What keeps the
 * rest cheap: anchored rules run as sticky regexes at their hits behind a precheck, windows are
 * lists in reused typed arrays, window edges inside long lines are found once per window, and
 * decoding looks only just around credential words.
 */
import { CandidateFilter, hasInlineAllow, INLINE_ALLOW_DETAIL, type RejectedCandidate, type RejectReason } from './accept.js';
import type { Candidate, Match } from './candidate.js';
import { compileRule, type CompiledRule } from './compile.js';
import { encodedValues } from './decode/encoded-values.js';
import { DECODER_GATES, decoderWindows, TABLE_GATE } from './decode/gates.js';
import { relocated, specificSpans } from './decode/nested.js';
import { tableValues } from './decode/tables.js';
import type { SpanCursor } from './decode/span-cursor.js';
import { dropVetoedGeneric, locateMatches, resolveOverlaps } from './resolve.js';
import { RuleRuns } from './run-rules.js';
import { ScanState, type ScanLimit, type ScanWork } from './scan-work.js';
import { GateLists, KeywordGates } from './windows.js';
import type { Rule } from '../rules/schema.js';

export type { Match, RejectedCandidate, RejectReason, ScanLimit, ScanWork };

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
  /** Per rule, what it may still search in the current scan (see ScanState). */
  private readonly searchLeft: Float64Array;
  /** The checks every match passes (accept.ts); holds where rejections go and the path of the text being scanned. */
  private readonly filter: CandidateFilter;
  private readonly runs: RuleRuns;
  /** Gates at rules.length … decoderGatesEnd are the decoders'; the one at decoderGatesEnd is TABLE_GATE's. */
  private readonly decoderGatesEnd: number;

  constructor(rules: readonly Rule[], options: DetectorOptions = {}) {
    const extraStopwords = options.stopwords ?? [];
    this.rules = rules.map((rule) => {
      const compiled = compileRule(rule);
      return extraStopwords.length === 0 ? compiled : { ...compiled, stopwords: [...compiled.stopwords, ...extraStopwords] };
    });
    this.decodeDepth = options.decodeDepth ?? 2;
    const decoders = this.decodeDepth > 0 ? DECODER_GATES : [];
    this.decoderGatesEnd = rules.length + decoders.length;
    const pathRules: number[] = [];
    this.rules.forEach((compiled, ruleIndex) => {
      if (compiled.paths) pathRules.push(ruleIndex);
    });
    // The table gate comes after the decoders: it says where to read SQL column lists (tables.ts).
    this.keywordGates = new KeywordGates(this.rules, [...decoders, TABLE_GATE], options.hitBatch);
    this.pathRules = pathRules;
    this.blocked = new Uint8Array(this.rules.length);
    this.searchLeft = new Float64Array(this.rules.length);
    this.filter = new CandidateFilter(options.allowSecretRegexes ?? [], options.inlineAllow ?? true, options.now ?? Date.now(), options.onReject);
    this.runs = new RuleRuns(this.rules, this.filter);
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
    this.filter.path = path;
    const state = new ScanState(this.searchLeft, text.length);
    const matches = locateMatches(text, this.detect(text, 0, state, ascii));
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
        this.runs.anchored(gate, text, list, length, candidates, vetoed, state);
        continue;
      }
      for (let w = 0; w < length; w += 2) {
        const a = list[w] as number;
        const b = list[w + 1] as number;
        state.work.searched += b - a;
        this.runs.windowed(compiled, text, a, b, candidates, vetoed);
      }
    }
    if (vetoed.length > 0) dropVetoedGeneric(candidates, vetoed);
    if (depth === 0) this.scanTables(text, (lengths[this.decoderGatesEnd] as number) > 0, candidates, state);
    if (depth < this.decodeDepth) {
      const direct = specificSpans(candidates);
      if (depth > 0) {
        // Text that was itself encoded is decoded again as a whole: its context words were outside.
        this.decodeWindow(text, 0, text.length, depth, direct, candidates, state);
      } else {
        const windows = decoderWindows(gates, ruleCount, this.decoderGatesEnd);
        for (let w = 0; w < windows.length; w += 2) {
          this.decodeWindow(text, windows[w] as number, windows[w + 1] as number, depth, direct, candidates, state, ascii);
        }
      }
    }
    return resolveOverlaps(candidates);
  }

  /**
   * Values in credential columns of tables (decode/tables.ts), judged as `column = "value"` and
   * reported where the value is; a value a specific rule already matched directly is left alone.
   */
  private scanTables(text: string, inserts: boolean, out: Candidate[], state: ScanState): void {
    const values = tableValues(text, this.filter.path, inserts);
    if (values.length === 0) return;
    const direct = specificSpans(out);
    for (const value of values) {
      if (direct.overlaps(value.start, value.end)) continue;
      for (const found of this.detect(value.assignment, 1, state)) {
        const start = value.start + found.start - value.offset;
        const end = value.start + found.end - value.offset;
        if (start >= value.start && end <= value.end) out.push({ ...found, start, end });
      }
    }
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
      const filter = this.filter;
      const outer = filter.onReject;
      if (outer) filter.onReject = (r) => outer({ ...r, start, end });
      let inner: Candidate[];
      try {
        inner = this.detect(encoded.decoded, depth + 1, state);
      } finally {
        filter.onReject = outer;
        state.decode.nestedAt = outerAt;
      }
      if (inner.length === 0) continue;
      if (filter.inlineAllow && hasInlineAllow(text, start, end)) {
        for (const found of inner) outer?.({ rule: found.compiled.rule, secret: found.secret, start, end, reason: 'inline-allow', detail: INLINE_ALLOW_DETAIL });
        continue;
      }
      for (const found of inner) out.push(relocated(found, encoded));
    }
  }
}
