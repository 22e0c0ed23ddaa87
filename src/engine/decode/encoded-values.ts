/**
 * Encoded values in a stretch of text: base64 runs and percent-encoded runs whose decoding is
 * readable text. The detector scans what they hide (see detector.ts, step 6).
 *
 * Both finders are linear: one left-to-right pass over the stretch, every run found once (a run
 * never starts before the end of the previous one), each character decoded at most once. A run of
 * percent escapes longer than MAX_PERCENT_RUN (a form body), or one that holds a base64 value, is
 * decoded field by field (a field longer than that in pieces) rather than as a whole. What
 * decoding may produce in one scan is bounded by a DecodeBudget (budget.ts) shared by every depth of
 * nesting; values beyond it are left encoded and the first one's offset is kept, so the scan can
 * report it. The finders are in base64.ts and percent.ts.
 */
import { asciiWindow, base64Values } from './base64.js';
import type { DecodeBudget } from './budget.js';
import { percentValues } from './percent.js';

export interface EncodedValue {
  start: number;
  end: number;
  kind: 'base64' | 'percent';
  decoded: string;
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
