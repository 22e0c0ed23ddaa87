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
import { charTable } from './char-class.js';
import { encodedValues, type EncodedValue } from './decode/encoded-values.js';
import { SpanCursor } from './decode/span-cursor.js';
import { KeywordAutomaton } from './keywords.js';
import { LineLimits, patternExtent, SEARCH_BASE, type PatternExtent } from './search-budget.js';
import { ScanState, type ScanLimit, type ScanWork } from './scan-work.js';
import { checksumValidator, type ChecksumValidator } from './checksums.js';
import { shannonEntropy } from './entropy.js';
import { compilePathGlobs } from './path-globs.js';
import { isPlaceholder } from './placeholders.js';
import { keyBody } from './refine/key-body.js';
import { precheck as findPrecheck, type Precheck } from './prechecks.js';
import { refiner as findRefiner, type Refiner } from './refine.js';
import type { Confidence, Lifetime, Rule } from '../rules/schema.js';

export type { ScanLimit, ScanWork };

/** Where a gate (a rule or a decoder) looks around each of its keyword hits. */
interface WindowShape {
  readonly before: number;
  readonly after: number;
  readonly multiline: boolean;
  /** Where the default window is clipped (a line longer than it: minified code), reach only this far instead. */
  readonly longLine?: { readonly before: number; readonly after: number };
}

export interface CompiledRule extends WindowShape {
  readonly rule: Rule;
  readonly regex: RegExp;
  readonly checksum?: ChecksumValidator;
  readonly refine?: Refiner;
  /** Lower-case placeholder substrings for this rule (its own plus the config's). */
  readonly stopwords: readonly string[];
  /**
   * Every match of this rule starts where one of its keywords starts (learned from its examples),
   * so it runs as a sticky regex at each keyword hit instead of scanning windows.
   */
  readonly anchored: boolean;
  /** The rule's regex with the sticky flag, for anchored runs. */
  readonly sticky: RegExp;
  /** Run at each keyword hit of an anchored rule before its regex (see prechecks.ts). */
  readonly precheck?: Precheck;
  /** The rule's `paths` globs as one regex: the rule runs only on files whose path matches. */
  readonly paths?: RegExp;
}

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

/**
 * Decoders are gated like rules. Line-level: an encoded value on a line that names a credential.
 * Document-level: a Kubernetes Secret or a Docker config, whose values are base64 whatever the key.
 */
interface DecoderGate extends WindowShape {
  readonly keywords: readonly string[];
}

const DEFAULT_BEFORE = 512;
const DEFAULT_AFTER = 1024;

function windowShape(before: number, after: number, multiline: boolean): WindowShape {
  return { before, after, multiline };
}

const DECODER_GATES: readonly DecoderGate[] = [
  {
    // Credential words, not every word that contains one (`author`, `private` alone, `connection`
    // gated too many ordinary lines). The window reaches 64 characters back and the default
    // distance forward on the line. On a line longer than the default window (a minified bundle, where credential words recur every
    // thousand characters and windows would merge into the whole file), only a value just after
    // the word (or just before it) is decoded: in the bench corpus, the 5% of bytes on such lines
    // made up 57% of the text the decoder looked at. Only 64 characters back on any line: the
    // encoded value follows the word that names it (or holds it, as `%2F` sits in a URL).
    keywords: ['secret', 'token', 'passw', 'pwd', 'credential', 'apikey', 'api_key', 'api-key', 'private_key', 'privatekey', 'private-key', 'auth_', 'auth:', 'auth=', 'auth"', "auth'", 'authorization', 'base64', 'b64', '%2f', '%3a', '%40', '%3d', '%2b'],
    ...windowShape(64, DEFAULT_AFTER, false),
    longLine: { before: 32, after: 256 },
  },
  {
    keywords: ['kind: secret', 'kind: "secret"', '"kind": "secret"', '.dockerconfigjson', 'client-key-data', 'stringdata'],
    ...windowShape(65536, 65536, true),
  },
];

/** Keyword hits taken from the automaton at a time: a text with more is processed in batches. */
const HIT_BATCH = 1 << 20;

export class RuleCompileError extends Error {
  constructor(
    readonly ruleId: string,
    readonly field: string,
    message: string,
  ) {
    super(`${ruleId}: ${field}: ${message}`);
  }
}

/** On a clipped window, extend across a token that runs past the edge by at most this much. */
const TOKEN_EXTENSION = 4096;
const INLINE_ALLOW = /sprawlguard:allow|gitleaks:allow/;
const INLINE_ALLOW_DETAIL = 'sprawlguard:allow or gitleaks:allow on its line';

/**
 * Number of capturing groups in a pattern, read from its source: an unescaped `(` outside a
 * character class that is not `(?:`, `(?=`, `(?!`, `(?<=` or `(?<!` (named groups `(?<name>` count).
 * Reading the source avoids compiling every rule's regex at start-up; V8 compiles a regex lazily on
 * its first match, so rules whose keywords never occur cost nothing.
 */
export function captureGroupCount(pattern: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      if (pattern[i + 1] !== '?') count++;
      else if (pattern[i + 2] === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!') count++;
    }
  }
  return count;
}

export function compileRule(rule: Rule): CompiledRule {
  let regex: RegExp;
  try {
    regex = new RegExp(rule.pattern, `gd${rule.ignore_case ? 'i' : ''}`);
  } catch (error) {
    throw new RuleCompileError(rule.id, 'pattern', `does not compile: ${(error as Error).message}`);
  }
  const groups = captureGroupCount(rule.pattern);
  if (groups !== 1) {
    throw new RuleCompileError(
      rule.id,
      'pattern',
      `must have exactly one capture group (the secret), found ${groups}; use (?:…) for the others`,
    );
  }
  let checksum: ChecksumValidator | undefined;
  if (rule.checksum !== undefined) {
    checksum = checksumValidator(rule.checksum);
    if (!checksum) throw new RuleCompileError(rule.id, 'checksum', `unknown checksum validator "${rule.checksum}"`);
  }
  let precheck: Precheck | undefined;
  if (rule.precheck !== undefined) {
    precheck = findPrecheck(rule.precheck);
    if (!precheck) throw new RuleCompileError(rule.id, 'precheck', `unknown precheck "${rule.precheck}"`);
  }
  let refine: Refiner | undefined;
  if (rule.refine !== undefined) {
    refine = findRefiner(rule.refine);
    if (!refine) throw new RuleCompileError(rule.id, 'refine', `unknown refiner "${rule.refine}"`);
  }
  return {
    rule,
    regex,
    checksum,
    refine,
    precheck,
    ...(rule.paths ? { paths: compilePathGlobs(rule.paths) } : {}),
    ...windowShape(rule.window?.before ?? DEFAULT_BEFORE, rule.window?.after ?? DEFAULT_AFTER, rule.window?.multiline ?? false),
    stopwords: rule.stopwords.map((w) => w.toLowerCase()),
    anchored: rule.anchored ?? startsAtKeywords(rule, regex),
    sticky: new RegExp(rule.pattern, `yd${rule.ignore_case ? 'i' : ''}`),
  };
}

/**
 * True when, in every example, every match starts exactly where one of the rule's keywords starts.
 * Such a rule (a token prefix like `ghp_`, a credential name like `password`) can be run as a
 * sticky regex at each keyword hit: no window slicing, no scanning of positions that cannot match.
 * Rules whose matches begin before their keyword (context first, or a marker in the middle of the
 * token) keep the window scan.
 */
export function startsAtKeywords(rule: Rule, regex: RegExp): boolean {
  if (rule.keywords.length === 0 || rule.examples.length === 0) return false;
  for (const example of rule.examples) {
    const lower = example.toLowerCase();
    regex.lastIndex = 0;
    let matched = false;
    for (let m = regex.exec(example); m !== null; m = regex.exec(example)) {
      if (m[0].length === 0) regex.lastIndex++;
      matched = true;
      const at = m.index;
      if (!rule.keywords.some((k) => lower.startsWith(k, at))) return false;
    }
    if (!matched) return false;
  }
  return true;
}

/** The characters of a token, where a window edge must not cut (a regex class body). */
const TOKEN_CLASS = 'A-Za-z0-9+/=_.~%-';
const TOKEN_CHAR = charTable(TOKEN_CLASS);

function isTokenChar(c: number): boolean {
  return c < 128 && TOKEN_CHAR[c] === 1;
}

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
  private readonly automaton: KeywordAutomaton;
  /** For each keyword index, its length and the gates it opens: anchored rules, and window gates (rule indices, then decoders at rules.length + d). */
  private readonly keywordLength: Int32Array;
  /** Gates of keyword k: anchored rules at anchoredGates[anchoredFrom[k] … anchoredFrom[k + 1]), window gates likewise. */
  private readonly anchoredFrom: Int32Array;
  private readonly anchoredGates: Int32Array;
  private readonly windowedFrom: Int32Array;
  private readonly windowedGates: Int32Array;
  /** Reusable per-gate lists, one set per decoding depth (a nested detect must not clobber its caller's). */
  private readonly gateLists: GateLists[] = [];
  /** Window shapes of every gate: rules first, then decoders. */
  private readonly shapes: readonly WindowShape[];
  private readonly decodeDepth: number;
  /** Rules without keywords run on the whole text. */
  private readonly ungated: readonly number[];
  /** Rules with `paths`, and for the text being scanned, 1 for each of them its path does not match. */
  private readonly pathRules: readonly number[];
  private readonly blocked: Uint8Array;
  /** Per rule: how far one run of its pattern may look, worked out when first needed. */
  private readonly extents: (PatternExtent | undefined)[];
  /** Per rule, what it may still search in the current scan (see ScanState). */
  private readonly searchLeft: Float64Array;
  private readonly hitBatch: number;
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
    this.shapes = [...this.rules, ...decoders];
    const keywordIndex = new Map<string, number>();
    const gatesByKeyword: number[][] = [];
    const ungated: number[] = [];
    const addGate = (keywords: readonly string[], gate: number): void => {
      for (const keyword of new Set(keywords)) {
        let k = keywordIndex.get(keyword);
        if (k === undefined) {
          k = gatesByKeyword.length;
          keywordIndex.set(keyword, k);
          gatesByKeyword.push([]);
        }
        (gatesByKeyword[k] as number[]).push(gate);
      }
    };
    const pathRules: number[] = [];
    this.rules.forEach((compiled, ruleIndex) => {
      if (compiled.paths) pathRules.push(ruleIndex);
      if (compiled.rule.keywords.length === 0) ungated.push(ruleIndex);
      addGate(compiled.rule.keywords, ruleIndex);
    });
    decoders.forEach((decoder, d) => addGate(decoder.keywords, this.rules.length + d));
    this.automaton = new KeywordAutomaton([...keywordIndex.keys()]);
    this.keywordLength = Int32Array.from(this.automaton.keywords, (k) => k.length);
    const anchored = (gate: number): boolean => gate < this.rules.length && (this.rules[gate] as CompiledRule).anchored;
    [this.anchoredFrom, this.anchoredGates] = flatten(gatesByKeyword.map((gates) => gates.filter(anchored)));
    [this.windowedFrom, this.windowedGates] = flatten(gatesByKeyword.map((gates) => gates.filter((gate) => !anchored(gate))));
    this.ungated = ungated;
    this.pathRules = pathRules;
    this.blocked = new Uint8Array(this.rules.length);
    this.extents = new Array<PatternExtent | undefined>(this.rules.length);
    this.searchLeft = new Float64Array(this.rules.length);
    // A batch must hold more than the hits of one position: it is cut between positions.
    this.hitBatch = Math.max(2 * this.automaton.maxHitsPerPosition, options.hitBatch ?? HIT_BATCH);
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
      gates = new GateLists(this.shapes.length);
      this.gateLists[depth] = gates;
    }
    this.collectWindows(text, ascii, gates);
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

  /**
   * Fill `gates` for `text`: for window gates, flat [start, end, …] windows, merged and in text
   * order; for anchored rules, the start offsets of their keyword hits, in text order.
   */
  private collectWindows(text: string, ascii: Uint8Array | undefined, gates: GateLists): void {
    gates.reset();
    const n = text.length;
    for (const ruleIndex of this.ungated) if (this.blocked[ruleIndex] === 0) gates.set(ruleIndex, 0, n);
    const edges = new WindowEdges(text);
    // Hits come in batches: a text dense with keywords (a flood of `pwd `) never holds more than
    // one batch of them at a time. Each batch ends after every hit at its last end position.
    for (let after = 0; ; ) {
      const batch = this.automaton.scan(text, this.hitBatch, ascii, after);
      let count = batch.count;
      if (batch.truncated) {
        const last = batch.hits[count * 2 - 1] as number;
        while (count > 1 && batch.hits[count * 2 - 1] === last) count--;
      }
      this.addHits(text, batch.hits, count, gates, edges);
      if (!batch.truncated) break;
      after = batch.hits[count * 2 - 1] as number;
    }
    // Move each window end cut inside a token past that token, once per window rather than once
    // per hit, and merge the windows that now touch.
    const { lists, lengths, touched } = gates;
    for (const gate of touched) {
      if (gate < this.rules.length && (this.rules[gate] as CompiledRule).anchored) continue;
      lengths[gate] = finishWindows(text, lists[gate] as Int32Array, lengths[gate] as number);
    }
  }

  /** Add one batch of keyword hits (flat [keyword, end] pairs, in order of their end) to the gates' lists. */
  private addHits(text: string, hits: Int32Array, count: number, gates: GateLists, edges: WindowEdges): void {
    const n = text.length;
    const keywordLength = this.keywordLength;
    const anchoredFrom = this.anchoredFrom;
    const anchoredGates = this.anchoredGates;
    const windowedFrom = this.windowedFrom;
    const windowedGates = this.windowedGates;
    const shapes = this.shapes;
    const { lists, lengths, touched } = gates;
    for (let h = 0; h < count; h++) {
      const keywordIdx = hits[h * 2] as number;
      const hitEnd = hits[h * 2 + 1] as number;
      const hitStart = hitEnd - (keywordLength[keywordIdx] as number);
      for (let g = anchoredFrom[keywordIdx] as number, gEnd = anchoredFrom[keywordIdx + 1] as number; g < gEnd; g++) {
        const gate = anchoredGates[g] as number;
        const length = lengths[gate] as number;
        let list = lists[gate] as Int32Array;
        if (length === 0) touched.push(gate);
        else if (list[length - 1] === hitStart) continue;
        if (length === list.length) list = gates.grow(gate);
        list[length] = hitStart;
        lengths[gate] = length + 1;
      }
      let g = windowedFrom[keywordIdx] as number;
      const gEnd = windowedFrom[keywordIdx + 1] as number;
      if (g === gEnd) continue;
      // Hits arrive in order of their end, so their lines never go backwards.
      edges.moveTo(hitStart);
      for (; g < gEnd; g++) {
        const gate = windowedGates[g] as number;
        const shape = shapes[gate] as WindowShape;
        let before = shape.before;
        let after = shape.after;
        if (shape.longLine && edges.clipped(hitStart - before, hitEnd + after)) {
          before = shape.longLine.before;
          after = shape.longLine.after;
        }
        // The window end before it is moved past a cut token (see WindowEdges.rawEnd).
        const rawEnd = shape.multiline ? Math.min(n, hitEnd + after) : edges.rawEnd(hitEnd, after);
        const length = lengths[gate] as number;
        let list = lists[gate] as Int32Array;
        let start: number;
        if (length > 0) {
          const last = list[length - 1] as number;
          const lastEnd = last < 0 ? ~last : last;
          // Inside or touching the current window, only its end can move. The start of a window
          // cut inside a long line is moved out of the token it cuts (a scan), which is only
          // worth doing when the hit may start a new window.
          start = shape.multiline ? Math.max(0, hitStart - before) : edges.roughStart(hitStart, before);
          if (start > lastEnd && !shape.multiline) start = edges.start(hitStart, before);
          if (start <= lastEnd) {
            if ((rawEnd < 0 ? ~rawEnd : rawEnd) > lastEnd) list[length - 1] = rawEnd;
            continue;
          }
        } else {
          touched.push(gate);
          start = shape.multiline ? Math.max(0, hitStart - before) : edges.start(hitStart, before);
        }
        if (length + 2 > list.length) list = gates.grow(gate);
        list[length] = start;
        list[length + 1] = rawEnd;
        lengths[gate] = length + 2;
      }
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

/** Per-gate lists of one detect call, in typed arrays kept from call to call. */
class GateLists {
  readonly lists: Int32Array[];
  readonly lengths: Int32Array;
  /** Gates with a non-empty list, in the order they were first filled. */
  readonly touched: number[] = [];

  constructor(gates: number) {
    this.lists = Array.from({ length: gates }, () => new Int32Array(8));
    this.lengths = new Int32Array(gates);
  }

  reset(): void {
    for (const gate of this.touched) this.lengths[gate] = 0;
    this.touched.length = 0;
  }

  /** Make the list of `gate` exactly [a, b]. */
  set(gate: number, a: number, b: number): void {
    if (this.lengths[gate] === 0) this.touched.push(gate);
    const list = this.lists[gate] as Int32Array;
    list[0] = a;
    list[1] = b;
    this.lengths[gate] = 2;
  }

  /** Double the list of `gate`, keeping its entries. */
  grow(gate: number): Int32Array {
    const old = this.lists[gate] as Int32Array;
    const grown = new Int32Array(old.length * 2);
    grown.set(old);
    this.lists[gate] = grown;
    return grown;
  }
}

/** A character that is not a token character. */
const NOT_TOKEN = new RegExp(`[^${TOKEN_CLASS}]`);

/**
 * The end of the token that position `from` falls in, at most TOKEN_EXTENSION further. The search
 * runs in the regex engine over a bounded slice: windows ending inside long base64 blobs of
 * minified bundles made this the busiest loop of window building when it read characters one by one.
 */
function tokenEnd(text: string, from: number): number {
  const ceiling = Math.min(text.length, from + TOKEN_EXTENSION);
  const stop = text.slice(from, ceiling).search(NOT_TOKEN);
  return stop < 0 ? ceiling : from + stop;
}

/** Everything up to the last character that is not a token character (greedy, so the engine backs up from the end). */
const UP_TO_LAST_NOT_TOKEN = new RegExp(`^[\\s\\S]*[^${TOKEN_CLASS}]`);

/**
 * The start of the token that ends at `to` (text[to - 1] is a token character), not before `floor`:
 * the regex engine walks back over the bounded slice, faster than a loop reading characters.
 */
function tokenStart(text: string, floor: number, to: number): number {
  const m = UP_TO_LAST_NOT_TOKEN.exec(text.slice(floor, to));
  return m === null ? floor : floor + m[0].length;
}

/**
 * Resolve window ends stored as ~clip (a window cut inside a long line) to the end of the token
 * the cut falls in (at most TOKEN_EXTENSION further; a newline is never a token character, so the
 * line end bounds it too), then merge windows that overlap. Returns the new list length.
 */
function finishWindows(text: string, list: Int32Array, length: number): number {
  let out = 0;
  for (let w = 0; w < length; w += 2) {
    const a = list[w] as number;
    let b = list[w + 1] as number;
    if (b < 0) b = tokenEnd(text, ~b);
    if (out > 0 && a <= (list[out - 1] as number)) {
      if (b > (list[out - 1] as number)) list[out - 1] = b;
      continue;
    }
    list[out] = a;
    list[out + 1] = b;
    out += 2;
  }
  return out;
}

/** Lists of gate indices as [from, flat]: list k is flat[from[k] … from[k + 1]). */
function flatten(lists: readonly number[][]): [Int32Array, Int32Array] {
  const from = new Int32Array(lists.length + 1);
  lists.forEach((list, k) => (from[k + 1] = (from[k] as number) + list.length));
  return [from, Int32Array.from(lists.flat())];
}

/**
 * Window edges around keyword hits in one text, for hits visited in order of their lines. Each
 * line's bounds are found once. On a line longer than the window (minified code), a clipped start
 * is moved out of the token it cuts (ends are, once per window, by finishWindows); the last token
 * edge found for each reach is remembered, so dense hits inside one long token (a base64 blob) do
 * not scan it again and again.
 */
class WindowEdges {
  private lineStart = 0;
  private lineEnd = -1;
  /** Per reach (`before` value, a handful per rule set): the last token scan it made. */
  private readonly memos = new Map<number, TokenMemo>();

  constructor(private readonly text: string) {}

  /** Make the line holding `pos` current. Positions must come in non-decreasing line order. */
  moveTo(pos: number): void {
    if (pos <= this.lineEnd) return;
    const text = this.text;
    this.lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    const nl = text.indexOf('\n', pos);
    this.lineEnd = nl < 0 ? text.length : nl;
  }

  /** True when [a, b) is less than the whole current line. */
  clipped(a: number, b: number): boolean {
    return a > this.lineStart || b < this.lineEnd;
  }

  private memo(reach: number): TokenMemo {
    let memo = this.memos.get(reach);
    if (memo === undefined) {
      memo = { clip: -1, edge: -1 };
      this.memos.set(reach, memo);
    }
    return memo;
  }

  /** Window start for a hit on the current line before any token extension (never before the line start). */
  roughStart(hitStart: number, before: number): number {
    return Math.max(this.lineStart, hitStart - before);
  }

  /** Window start for a hit starting at `hitStart` on the current line, reaching `before` back. */
  start(hitStart: number, before: number): number {
    const clip = hitStart - before;
    if (clip <= this.lineStart) return this.lineStart;
    // Clipped inside a long line: do not start in the middle of a token.
    const text = this.text;
    const floor = Math.max(this.lineStart, clip - TOKEN_EXTENSION);
    const memo = this.memo(before);
    let a = clip;
    // text[memo.edge, memo.clip) are token characters: no need to look at them again.
    if (a <= memo.clip && a >= memo.edge) a = Math.max(memo.edge, floor);
    if (a > floor && isTokenChar(text.charCodeAt(a - 1))) a = tokenStart(text, floor, a);
    memo.clip = clip;
    memo.edge = a;
    return a;
  }

  /**
   * Window end for a hit ending at `hitEnd` on the current line, reaching `after` forward, before
   * any token extension: the line end, or ~clip when the window is cut inside the line (a cut that
   * finishWindows moves past the token it falls in).
   */
  rawEnd(hitEnd: number, after: number): number {
    const clip = hitEnd + after;
    return clip >= this.lineEnd ? this.lineEnd : ~clip;
  }
}

interface TokenMemo {
  clip: number;
  edge: number;
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

/**
 * The windows of every decoder gate (each list ordered, and there are two gates), merged into one
 * ordered list, so that no text is decoded twice.
 */
function decoderWindows(gates: GateLists, ruleCount: number): ArrayLike<number> {
  const lists: Int32Array[] = [];
  for (const gate of gates.touched) {
    if (gate >= ruleCount) lists.push((gates.lists[gate] as Int32Array).subarray(0, gates.lengths[gate] as number));
  }
  if (lists.length <= 1) return lists[0] ?? [];
  const out: number[] = [];
  const add = (a: number, b: number): void => {
    if (out.length > 0 && a <= (out[out.length - 1] as number)) out[out.length - 1] = Math.max(out[out.length - 1] as number, b);
    else out.push(a, b);
  };
  const positions = lists.map(() => 0);
  for (;;) {
    // The list whose next window starts first.
    let pick = -1;
    for (let l = 0; l < lists.length; l++) {
      const at = positions[l] as number;
      const list = lists[l] as Int32Array;
      if (at < list.length && (pick < 0 || (list[at] as number) < ((lists[pick] as Int32Array)[positions[pick] as number] as number))) pick = l;
    }
    if (pick < 0) return out;
    const list = lists[pick] as Int32Array;
    const at = positions[pick] as number;
    add(list[at] as number, list[at + 1] as number);
    positions[pick] = at + 2;
  }
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
