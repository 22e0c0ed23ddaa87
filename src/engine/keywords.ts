/**
 * Keyword prefilter: one Aho-Corasick automaton over the ASCII-folded text finds every occurrence
 * of every rule keyword in a single pass. Rules whose keywords do not occur are never run.
 *
 * The automaton is compiled to a dense DFA over character classes: every character that occurs in
 * some keyword has its own class (upper case shares the class of its lower case), and everything
 * else (other ASCII, and all of U+0080 and above) is class 0, which no keyword contains. With ~55
 * classes instead of 128 columns the table is less than half the size and its hot rows stay in
 * cache. Entries are premultiplied (the next state's row offset, not its number), and a transition
 * into a state that completes a keyword is stored as the bitwise complement, so the inner loop is
 * one class load, one table load and a sign test per character.
 *
 * Measured on the bench corpus (80 MB of it in memory, one core): 128 columns indexed by state
 * number ran 230 MB/s on strings; classes and premultiplied rows run ~330 MB/s on strings. ASCII
 * texts given with their bytes go to the same tables in WebAssembly (keyword-wasm.ts, ~650 MB/s);
 * short ones stay in the JavaScript loop here.
 */

import { disableWasmKeywordScanner, wasmKeywordScanner, type WasmKeywordScanner } from './keyword-wasm.js';

/** Hit lists are kept in a scratch buffer; at most this many are kept by default. */
const DEFAULT_LIMIT = 1 << 20;
/** Characters scanned between capacity and limit checks. */
const BLOCK = 4096;
/** Byte texts shorter than this stay in JavaScript: the call into WebAssembly would cost more than it saves. */
const WASM_MIN_BYTES = 512;

export interface KeywordHits {
  /** Flat pairs [keywordIndex, endExclusive, …] in text order. Valid until the next scan call. */
  hits: Int32Array;
  count: number;
  /** The hit limit was reached; later hits were dropped. */
  truncated: boolean;
}

export class KeywordAutomaton {
  readonly keywords: readonly string[];
  /** Most keywords that can end at one position (keywords that are suffixes of one another). */
  readonly maxHitsPerPosition: number;
  private readonly search: ReturnType<typeof makeSearch>;

  constructor(keywords: readonly string[]) {
    this.keywords = keywords;
    // Character classes: one per distinct (lower-cased) keyword character.
    const classOf = new Uint8Array(256);
    let classes = 1;
    for (const keyword of keywords) {
      for (let i = 0; i < keyword.length; i++) {
        const c = keyword.charCodeAt(i);
        if (c === 0 || c >= 128) throw new Error(`keyword ${JSON.stringify(keyword)} is not printable ASCII`);
        const lower = foldAscii(c);
        if (classOf[lower] === 0) {
          classOf[lower] = classes++;
          if (lower >= 97 && lower <= 122) classOf[lower - 32] = classOf[lower] as number;
        }
      }
    }

    // 1. Trie as edge lists in typed arrays (first child, next sibling), not a Map per state:
    // construction runs on every start-up (and in every worker), where it runs cold in the
    // interpreter, so its loops go over states and edges, never over every cell of the table.
    let maxStates = 1;
    for (const keyword of keywords) maxStates += keyword.length;
    const firstChild = new Int32Array(maxStates).fill(-1);
    const nextSibling = new Int32Array(maxStates).fill(-1);
    const edgeClass = new Int32Array(maxStates);
    const terminal = new Map<number, number[]>();
    let stateCount = 1;
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const c = classOf[keyword.charCodeAt(i)] as number;
        let child = firstChild[state] as number;
        while (child >= 0 && edgeClass[child] !== c) child = nextSibling[child] as number;
        if (child < 0) {
          child = stateCount++;
          edgeClass[child] = c;
          nextSibling[child] = firstChild[state] as number;
          firstChild[state] = child;
        }
        state = child;
      }
      const list = terminal.get(state);
      if (list) list.push(index);
      else terminal.set(state, [index]);
    });

    // 2. Breadth-first: failure links, merged outputs and the dense table, premultiplied (row =
    // state × classes) and with transitions into output states complemented. A state's row is a
    // copy of its failure state's row (complete, because that state is shallower) with its own
    // edges written over it. Whether a child has outputs is known when its edge is written: its own
    // keywords, or those of its failure state, which is shallower.
    const delta = new Int32Array(stateCount * classes);
    const fail = new Int32Array(stateCount);
    const hasOutputs = new Uint8Array(stateCount);
    const merged = new Map<number, number[]>();
    const queue = new Int32Array(stateCount);
    let tail = 0;
    const entry = (child: number): number => (hasOutputs[child] === 1 ? ~(child * classes) : child * classes);
    for (let child = firstChild[0] as number; child >= 0; child = nextSibling[child] as number) {
      fail[child] = 0;
      if (terminal.has(child)) hasOutputs[child] = 1;
      delta[edgeClass[child] as number] = entry(child);
      queue[tail++] = child;
    }
    for (let head = 0; head < tail; head++) {
      const state = queue[head] as number;
      const failState = fail[state] as number;
      const own = terminal.get(state);
      const inherited = merged.get(failState);
      if (own || inherited) merged.set(state, [...(own ?? []), ...(inherited ?? [])]);
      const base = state * classes;
      const failBase = failState * classes;
      delta.copyWithin(base, failBase, failBase + classes);
      for (let child = firstChild[state] as number; child >= 0; child = nextSibling[child] as number) {
        const c = edgeClass[child] as number;
        const viaFail = delta[failBase + c] as number;
        const childFail = (viaFail < 0 ? ~viaFail : viaFail) / classes;
        fail[child] = childFail;
        if (terminal.has(child) || hasOutputs[childFail] === 1) hasOutputs[child] = 1;
        delta[base + c] = entry(child);
        queue[tail++] = child;
      }
    }
    const outputStart = new Int32Array(stateCount).fill(-1);
    const outputs: number[] = [];
    for (const [state, list] of [...merged].sort((x, y) => x[0] - y[0])) {
      outputStart[state] = outputs.length;
      outputs.push(...list, -1);
    }
    this.maxHitsPerPosition = Math.max(1, ...[...merged.values()].map((list) => list.length));
    this.search = makeSearch({
      delta,
      classOf,
      classes,
      outputStart,
      outputs: Int32Array.from(outputs),
      maxOutputs: this.maxHitsPerPosition,
      maxLength: Math.max(0, ...keywords.map((keyword) => keyword.length)),
    });
  }

  /**
   * Find every keyword occurrence in a string. `limit` caps the number of hits kept (a pathological
   * text cannot make us allocate without bound); `truncated` says it was reached, and a caller that
   * wants the rest scans again from where the kept hits end (`startAfter`: only hits ending after
   * that offset are returned). `ascii`, when given, must be the text's bytes, all below 0x80 (so
   * byte offsets are character offsets): a text of WASM_MIN_BYTES or more is then searched by the
   * WebAssembly loop, with the same hits.
   */
  scan(text: string, limit = DEFAULT_LIMIT, ascii?: Uint8Array, startAfter = 0): KeywordHits {
    return this.search(text, limit, ascii, startAfter);
  }
}

interface Tables {
  /**
   * Transition table, premultiplied: next row = delta[row + class], where row = state × classes;
   * negative (~row) when the next state completes a keyword.
   */
  delta: Int32Array;
  /** Character class of each code unit below 256 (0 for characters in no keyword). */
  classOf: Uint8Array;
  classes: number;
  /** For each state, start offset in `outputs` of its keyword list, or -1 when it has none. */
  outputStart: Int32Array;
  /** Keyword indices per state, each list terminated by -1. */
  outputs: Int32Array;
  /** Most keywords that end at one position (the longest output list). */
  maxOutputs: number;
  /** Length of the longest keyword. */
  maxLength: number;
}

/**
 * The search, as a closure over one automaton's tables. A closure's captured constants are folded
 * into its optimised code, where methods reading the same tables from `this` (or taking them as
 * arguments) ran ~20% slower in the bench. The text is scanned in blocks with room for every hit a
 * block can produce reserved up front, so the inner loop carries no capacity or limit test (those
 * tests cost about as much again).
 */
function makeSearch(tables: Tables): (text: string, limit: number, ascii: Uint8Array | undefined, startAfter: number) => KeywordHits {
  const { delta, classOf, classes, outputStart, outputs, maxOutputs, maxLength } = tables;
  let scratch = new Int32Array(1024);
  const reserve = (pairs: number): Int32Array => {
    let size = scratch.length;
    if (pairs * 2 <= size) return scratch;
    while (pairs * 2 > size) size *= 2;
    const grown = new Int32Array(size);
    grown.set(scratch);
    scratch = grown;
    return grown;
  };
  const result = (count: number, limit: number): KeywordHits =>
    count > limit ? { hits: scratch, count: limit, truncated: true } : { hits: scratch, count, truncated: false };
  const withWasm = (wasm: WasmKeywordScanner, bytes: Uint8Array, limit: number, startAfter: number): KeywordHits => {
    let count = 0;
    wasm.scan(
      tables,
      bytes,
      (source, from, taken, offset) => {
        const hits = reserve(count + taken);
        for (let k = 0; k < taken; k++) {
          hits[(count + k) * 2] = source[from + k * 2] as number;
          hits[(count + k) * 2 + 1] = (source[from + k * 2 + 1] as number) + offset;
        }
        count += taken;
      },
      () => count <= limit,
      startAfter,
    );
    return result(count, limit);
  };
  return (text, limit, ascii, startAfter) => {
    if (ascii !== undefined && ascii.length - startAfter >= WASM_MIN_BYTES) {
      const wasm = wasmKeywordScanner();
      if (wasm) {
        try {
          return withWasm(wasm, ascii, limit, startAfter);
        } catch (error) {
          // Its memory could not grow: the JavaScript loop below does the work from now on.
          if (!(error instanceof RangeError)) throw error;
          disableWasmKeywordScanner();
        }
      }
    }
    let count = 0;
    let row = 0;
    const n = text.length;
    // Resuming: walk the characters a keyword ending after `startAfter` may start on, without
    // taking hits, so the automaton is in the state it would have reached from the start.
    for (let i = Math.max(0, startAfter - maxLength + 1); i < startAfter && i < n; i++) {
      const c = text.charCodeAt(i);
      const next = delta[row + (c < 256 ? (classOf[c] as number) : 0)] as number;
      row = next >= 0 ? next : ~next;
    }
    for (let from = startAfter; from < n && count <= limit; from += BLOCK) {
      const to = Math.min(n, from + BLOCK);
      const hits = reserve(count + (to - from) * maxOutputs);
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        const next = delta[row + (c < 256 ? (classOf[c] as number) : 0)] as number;
        if (next >= 0) {
          row = next;
          continue;
        }
        row = ~next;
        for (let o = outputStart[(row / classes) | 0] as number; ; o++) {
          const keyword = outputs[o] as number;
          if (keyword < 0) break;
          hits[count * 2] = keyword;
          hits[count * 2 + 1] = i + 1;
          count++;
        }
      }
    }
    return result(count, limit);
  };
}

function foldAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
