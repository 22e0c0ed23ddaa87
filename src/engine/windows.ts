/**
 * Keyword gating and windows: one pass of the keyword automaton over a text finds every keyword
 * occurrence, and each gate the keyword opens (a rule, or a decoder at rules.length + d) gets a
 * window around the hit (the hit's line, clipped on very long lines), overlapping windows of a gate
 * merged; an anchored rule gets the hit's start offset instead. The lists live in typed arrays
 * reused from scan to scan (GateLists), and window edges inside long lines are found once per
 * window (WindowEdges).
 */
import { charTable } from './char-class.js';
import type { CompiledRule } from './compile.js';
import type { DecoderGate } from './decode/gates.js';
import { KeywordAutomaton } from './keywords.js';

/** Where a gate (a rule or a decoder) looks around each of its keyword hits. */
export interface WindowShape {
  readonly before: number;
  readonly after: number;
  readonly multiline: boolean;
  /** Where the default window is clipped (a line longer than it: minified code), reach only this far instead. */
  readonly longLine?: { readonly before: number; readonly after: number };
}

/** A rule's window unless it sets its own: 512 characters back, 1,024 forward, on the hit's line. */
export const DEFAULT_BEFORE = 512;
export const DEFAULT_AFTER = 1024;

export function windowShape(before: number, after: number, multiline: boolean): WindowShape {
  return { before, after, multiline };
}

/** Keyword hits taken from the automaton at a time: a text with more is processed in batches. */
const HIT_BATCH = 1 << 20;

/** On a clipped window, extend across a token that runs past the edge by at most this much. */
const TOKEN_EXTENSION = 4096;

/** The characters of a token, where a window edge must not cut (a regex class body). */
const TOKEN_CLASS = 'A-Za-z0-9+/=_.~%-';
const TOKEN_CHAR = charTable(TOKEN_CLASS);

const NON_ASCII = /[\u0080-\uffff]/;

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isTokenChar(c: number): boolean {
  return c < 128 && TOKEN_CHAR[c] === 1;
}

/**
 * Which gates each keyword opens, and for one text at a time, each gate's windows (or, for an
 * anchored rule, its hits) in a GateLists.
 */
export class KeywordGates {
  private readonly automaton: KeywordAutomaton;
  /** For each keyword index, its length and the gates it opens: anchored rules, and window gates (rule indices, then decoders at rules.length + d). */
  private readonly keywordLength: Int32Array;
  /** Gates of keyword k: anchored rules at anchoredGates[anchoredFrom[k] … anchoredFrom[k + 1]), window gates likewise. */
  private readonly anchoredFrom: Int32Array;
  private readonly anchoredGates: Int32Array;
  private readonly windowedFrom: Int32Array;
  private readonly windowedGates: Int32Array;
  /** Window shapes of every gate: rules first, then decoders. */
  readonly shapes: readonly WindowShape[];
  /** Rules without keywords run on the whole text. */
  private readonly ungated: readonly number[];
  /** Rules with script keywords, each with one case-insensitive search for them (see collect). */
  private readonly scriptGated: readonly { rule: number; probe: RegExp }[];
  private readonly hitBatch: number;

  constructor(
    private readonly rules: readonly CompiledRule[],
    decoders: readonly DecoderGate[],
    hitBatch: number | undefined,
  ) {
    this.shapes = [...rules, ...decoders];
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
    const scriptGated: { rule: number; probe: RegExp }[] = [];
    rules.forEach((compiled, ruleIndex) => {
      const { keywords, script_keywords: scriptKeywords } = compiled.rule;
      if (scriptKeywords.length > 0) scriptGated.push({ rule: ruleIndex, probe: new RegExp(scriptKeywords.map(escapeRegExp).join('|'), 'iu') });
      else if (keywords.length === 0) ungated.push(ruleIndex);
      addGate(keywords, ruleIndex);
    });
    this.scriptGated = scriptGated;
    decoders.forEach((decoder, d) => addGate(decoder.keywords, rules.length + d));
    this.automaton = new KeywordAutomaton([...keywordIndex.keys()]);
    this.keywordLength = Int32Array.from(this.automaton.keywords, (k) => k.length);
    const anchored = (gate: number): boolean => gate < rules.length && (rules[gate] as CompiledRule).anchored;
    [this.anchoredFrom, this.anchoredGates] = flatten(gatesByKeyword.map((gates) => gates.filter(anchored)));
    [this.windowedFrom, this.windowedGates] = flatten(gatesByKeyword.map((gates) => gates.filter((gate) => !anchored(gate))));
    this.ungated = ungated;
    // A batch must hold more than the hits of one position: it is cut between positions.
    this.hitBatch = Math.max(2 * this.automaton.maxHitsPerPosition, hitBatch ?? HIT_BATCH);
  }

  /**
   * Fill `gates` for `text`: for window gates, flat [start, end, …] windows, merged and in text
   * order; for anchored rules, the start offsets of their keyword hits, in text order.
   */
  collect(text: string, ascii: Uint8Array | undefined, gates: GateLists, blocked: Uint8Array): void {
    gates.reset();
    const n = text.length;
    for (const ruleIndex of this.ungated) if (blocked[ruleIndex] === 0) gates.set(ruleIndex, 0, n);
    // Names in other scripts: only a text with a character outside ASCII can hold one (bytes are
    // given for ASCII texts only), and then one search per rule decides whether its regex runs on
    // the whole text. Set before the keyword hits, which then merge into that window.
    if (this.scriptGated.length > 0 && ascii === undefined && NON_ASCII.test(text)) {
      for (const { rule, probe } of this.scriptGated) if (blocked[rule] === 0 && probe.test(text)) gates.set(rule, 0, n);
    }
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
}

/** Per-gate lists of one detect call, in typed arrays kept from call to call. */
export class GateLists {
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

/**
 * The start of the token that ends at `to` (text[to - 1] is a token character), not before `floor`.
 * A backward loop: its cost is the token's length. (A greedy regex such as `^[\s\S]*[^…]` over
 * text[floor, to) first runs forward over the whole slice, up to TOKEN_EXTENSION characters for
 * every clipped window.)
 */
function tokenStart(text: string, floor: number, to: number): number {
  let a = to;
  while (a > floor && isTokenChar(text.charCodeAt(a - 1))) a--;
  return a;
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
