/**
 * Encoded values in a stretch of text: base64 runs and percent-encoded runs whose decoding is
 * readable text. The detector scans what they hide (see detector.ts, step 6).
 *
 * Both finders are linear: one left-to-right pass over the stretch, every run found once (a run
 * never starts before the end of the previous one), each character decoded at most once. A run of
 * percent escapes longer than MAX_PERCENT_RUN (a form body), or one that holds a base64 value, is
 * decoded field by field (a field longer than that in pieces) rather than as a whole. What
 * decoding may produce in one
 * scan is bounded by a DecodeBudget shared by every depth of nesting; values beyond it are left
 * encoded and the first one's offset is kept, so the scan can report it.
 */
import { charTable } from './char-class.js';

export interface EncodedValue {
  start: number;
  end: number;
  kind: 'base64' | 'percent';
  decoded: string;
}

/** What decoding may still produce in one scan, and where it stopped when it ran out. */
export class DecodeBudget {
  /** Characters of encoded text handed to a decoder so far, over all depths (what a decoded value can hold at most). */
  chars = 0;
  /** Encoded values left undecoded because the budget was spent. */
  skipped = 0;
  /** Offset in the scanned text of the first value left undecoded, or -1. */
  stoppedAt = -1;
  /** While decoding text that was itself decoded: the offset, in the scanned text, of the outermost encoded value. */
  nestedAt = -1;

  constructor(readonly limit: number) {}

  get spent(): boolean {
    return this.chars >= this.limit;
  }

  /** Record a value at `at` (an offset in the text being decoded) left undecoded. */
  skip(at: number): void {
    this.skipped++;
    if (this.stoppedAt < 0) this.stoppedAt = this.nestedAt >= 0 ? this.nestedAt : at;
  }
}

/** Base64 runs longer than this are not decoded (images and binaries embedded in text). */
export const MAX_ENCODED_CANDIDATE = 65536;
/** A percent-encoded run longer than this is decoded in pieces of at most this length. */
export const MAX_PERCENT_RUN = 8192;

/** Base64 alphabet (standard and URL-safe) by kind: 1 upper case, 2 lower case, 4 digit or symbol; 0 not base64. */
const BASE64_KIND = (() => {
  const table = new Uint8Array(256);
  for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') table[ch.charCodeAt(0)] = 1;
  for (const ch of 'abcdefghijklmnopqrstuvwxyz') table[ch.charCodeAt(0)] = 2;
  for (const ch of '0123456789+/_-') table[ch.charCodeAt(0)] = 4;
  return table;
})();
const ALL_KINDS = 7;
const URL_CHAR = charTable('A-Za-z0-9%._~+/=:@!$&*,;-');
const MIN_BASE64_RUN = 16;
const MIN_PERCENT_RUN = 6;
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

/** text[from, to) as bytes, characters outside ASCII as 0. */
function asciiWindow(text: string, from: number, to: number): Uint8Array {
  const bytes = new Uint8Array(to - from);
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    bytes[i - from] = c < 128 ? c : 0;
  }
  return bytes;
}

/**
 * Encoded values in text[from, to) whose decoding is readable text different from the original,
 * in order of position. Runs are found with table-driven loops (one pass, no backtracking), then
 * decoded while `budget` lasts. `ascii`, when given, holds the text's bytes (all ASCII).
 */
export function encodedValues(text: string, from = 0, to = text.length, ascii?: Uint8Array, budget?: DecodeBudget): EncodedValue[] {
  const base64: EncodedValue[] = [];
  // Runs are found in bytes: the text's own when it is ASCII, else the window's characters with
  // everything outside ASCII as 0 (not base64). Reading a Uint8Array is cheaper than charCodeAt
  // on strings of several representations.
  if (ascii) base64Values(text, from, to, ascii, 0, base64, budget);
  else base64Values(text, from, to, asciiWindow(text, from, to), from, base64, budget);
  // Search for escapes in the window only (an unbounded indexOf could run to the end of the text).
  const windowText = from === 0 && to === text.length ? text : text.slice(from, to);
  const first = windowText.indexOf('%');
  if (first < 0) return base64;
  const percent: EncodedValue[] = [];
  percentValues(text, from, to, windowText, first, base64, percent, budget);
  return percent.length === 0 ? base64 : mergeByStart(base64, percent);
}

function mergeByStart(a: EncodedValue[], b: EncodedValue[]): EncodedValue[] {
  if (a.length === 0) return b;
  const out: EncodedValue[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as EncodedValue).start <= (b[j] as EncodedValue).start)) out.push(a[i++] as EncodedValue);
    else out.push(b[j++] as EncodedValue);
  }
  return out;
}

/**
 * Base64 runs in text[from, to), read from `bytes` (bytes[i - base] is text[i]). The hot loop of
 * decoding: what it does with a candidate (rare) is in other functions, so that optimised code
 * made before any candidate was seen is not thrown away when one is (measured: the loop had been
 * deoptimised over 800 times in one corpus scan).
 */
function base64Values(text: string, from: number, to: number, bytes: Uint8Array, base: number, out: EncodedValue[], budget: DecodeBudget | undefined): void {
  const n = to;
  // Only runs of at least MIN_BASE64_RUN characters matter, and any such run starting in
  // [i, i + MIN_BASE64_RUN) covers i + MIN_BASE64_RUN - 1: look there first, and skip the whole
  // stretch when it is not a base64 character (most of the time in code, where words are short).
  // Invariant: i is the window start, or the character before i is not base64.
  let i = from;
  while (i + MIN_BASE64_RUN <= n) {
    const probe = i + MIN_BASE64_RUN - 1;
    if (BASE64_KIND[bytes[probe - base] as number] === 0) {
      i = probe + 1;
      continue;
    }
    let start = probe;
    while (start > i && BASE64_KIND[bytes[start - 1 - base] as number] !== 0) start--;
    let bodyEnd = probe + 1;
    while (bodyEnd < n && BASE64_KIND[bytes[bodyEnd - base] as number] !== 0) bodyEnd++;
    if (bodyEnd - start < MIN_BASE64_RUN) {
      i = bodyEnd + 1;
      continue;
    }
    // The kinds of character in the run: most runs are judged without a slice.
    let kinds = 0;
    for (let k = start; k < bodyEnd && kinds !== ALL_KINDS; k++) kinds |= BASE64_KIND[bytes[k - base] as number] as number;
    let end = bodyEnd;
    let pad = 0;
    while (pad < 2 && end < n && bytes[end - base] === 61 /* = */) {
      end++;
      pad++;
    }
    i = pad > 0 ? end : end + 1;
    if (end - start > MAX_ENCODED_CANDIDATE) continue;
    // Base64 of text mixes cases and digits in a way identifiers and words do not: require upper
    // case, lower case and a digit or symbol (or padding), and a length a decoder accepts.
    if ((bodyEnd - start) % 4 === 1 || (pad === 0 && kinds !== ALL_KINDS)) continue;
    addBase64(text, start, end, out, budget);
  }
}

/** Decode a base64 candidate run and keep it when it is readable text. */
function addBase64(text: string, start: number, end: number, out: EncodedValue[], budget: DecodeBudget | undefined): void {
  // Glued to more '=' than padding, a member access (`a.longIdentifierName`) or a call: code, not a value.
  const next = text.charCodeAt(end);
  if (next === 61 || next === 40 /* ( */ || (start > 0 && text.charCodeAt(start - 1) === 46) /* . */) return;
  if (budget) {
    if (budget.spent) return budget.skip(start);
    budget.chars += end - start;
  }
  const decoded = decodeBase64Text(text.slice(start, end));
  if (decoded !== undefined) out.push({ start, end, kind: 'base64', decoded });
}

/**
 * Percent-encoded runs in text[from, to) (`windowText`), starting from the escape at `first`. A run
 * of URL characters is found once: the next search starts where it ends, and no run reaches back
 * before the end of the previous one. Values overlapping a base64 value (`base64`, in order) are
 * left to it.
 */
function percentValues(
  text: string,
  from: number,
  to: number,
  windowText: string,
  first: number,
  base64: readonly EncodedValue[],
  out: EncodedValue[],
  budget: DecodeBudget | undefined,
): void {
  let floor = from;
  let b = 0;
  for (let w = first; w >= 0; ) {
    const i = from + w;
    // Expand around the escape to the whole run of URL characters.
    let start = i;
    while (start > floor && isUrlChar(text.charCodeAt(start - 1))) start--;
    let end = i;
    while (end < to && isUrlChar(text.charCodeAt(end))) end++;
    floor = end;
    w = end < to ? windowText.indexOf('%', end - from) : -1;
    // Values are asked in order of position; base64 values are ordered and do not overlap.
    const overlapsBase64 = (a: number, z: number): boolean => {
      while (b < base64.length && (base64[b] as EncodedValue).end <= a) b++;
      return b < base64.length && (base64[b] as EncodedValue).start < z;
    };
    if (end - start <= MAX_PERCENT_RUN && !overlapsBase64(start, end)) {
      addPercent(text, start, end, out, budget);
      continue;
    }
    // A long run (a form body), or one holding a base64 value (which is decoded as such): field by
    // field, so that a view state or a base64 field does not keep the fields after it from being
    // decoded.
    for (let piece = start; piece < end; ) {
      const pieceEnd = nextPiece(text, piece, end);
      if (!overlapsBase64(piece, pieceEnd)) addPercent(text, piece, pieceEnd, out, budget);
      piece = pieceEnd;
    }
  }
}

/**
 * The end of the piece of a run that starts at `piece`: the end of its field (the next `&`, which
 * stays with the field before it), or MAX_PERCENT_RUN characters on when the field is longer,
 * moved back so that no `%XX` escape is cut.
 */
function nextPiece(text: string, piece: number, end: number): number {
  const limit = Math.min(end, piece + MAX_PERCENT_RUN);
  // Searched within the piece only: an unbounded search would read to the end of an `&`-less run for every piece.
  const amp = text.slice(piece, limit).indexOf('&');
  if (amp >= 0) return piece + amp + 1;
  if (limit === end) return end;
  if (text.charCodeAt(limit - 1) === 37 /* % */) return limit - 1;
  if (text.charCodeAt(limit - 2) === 37) return limit - 2;
  return limit;
}

function isUrlChar(c: number): boolean {
  return c < 128 && URL_CHAR[c] === 1;
}

function addPercent(text: string, start: number, end: number, out: EncodedValue[], budget: DecodeBudget | undefined): void {
  if (end - start < MIN_PERCENT_RUN) return;
  const run = text.slice(start, end);
  if (!PERCENT_ESCAPE.test(run)) return;
  if (budget) {
    if (budget.spent) return budget.skip(start);
    budget.chars += end - start;
  }
  let decoded: string;
  try {
    // `+` stays `+`: inside tokens it is base64, not a space.
    decoded = decodeURIComponent(run);
  } catch {
    return;
  }
  if (decoded !== run) out.push({ start, end, kind: 'percent', decoded });
}

/** The decoded value when it is readable UTF-8 text of at least 8 characters, else undefined. */
function decodeBase64Text(run: string): string | undefined {
  const bytes = Buffer.from(run, 'base64');
  if (bytes.length < 8) return undefined;
  // At most 5% unprintable bytes; stop counting as soon as there are more.
  const allowed = bytes.length * 0.05;
  let unprintable = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if ((byte >= 0x20 && byte < 0x7f) || byte === 9 || byte === 10 || byte === 13 || byte >= 0x80) continue;
    if (++unprintable > allowed) return undefined;
  }
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) return undefined;
  return text;
}

/**
 * Spans (of a rule's direct matches), asked in order of position whether a value overlaps one:
 * the question decoding asks of every encoded value, answered in constant time.
 */
export class SpanCursor {
  private next = 0;
  private maxEnd = -1;
  private lastEnd = -1;
  private spans: readonly number[] | undefined;

  /** `spans()` gives flat [start, end, …] pairs sorted by start; it is called on the first question only (most texts decode nothing). */
  constructor(private readonly makeSpans: () => readonly number[]) {}

  /** True when a span overlaps [start, end). Values must come in order and not overlap each other; otherwise it starts over. */
  overlaps(start: number, end: number): boolean {
    const spans = (this.spans ??= this.makeSpans());
    if (end < this.lastEnd) {
      this.next = 0;
      this.maxEnd = -1;
    }
    this.lastEnd = end;
    // Every span starting before `end` has been seen; the one reaching furthest decides.
    while (this.next < spans.length && (spans[this.next] as number) < end) {
      this.maxEnd = Math.max(this.maxEnd, spans[this.next + 1] as number);
      this.next += 2;
    }
    return this.maxEnd > start;
  }
}
