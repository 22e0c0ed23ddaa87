/**
 * Percent-encoded runs in a stretch of text: a run of URL characters is found once, a long run (a
 * form body) or one that holds a base64 value is decoded field by field (see encoded-values.ts).
 */
import { charTable } from '../char-class.js';
import type { DecodeBudget } from './budget.js';
import type { EncodedValue } from './encoded-values.js';

/** A percent-encoded run longer than this is decoded in pieces of at most this length. */
export const MAX_PERCENT_RUN = 8192;

const URL_CHAR = charTable('A-Za-z0-9%._~+/=:@!$&*,;-');
const MIN_PERCENT_RUN = 6;
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

/**
 * Percent-encoded runs in text[from, to) (`windowText`), starting from the escape at `first`. A run
 * of URL characters is found once: the next search starts where it ends, and no run reaches back
 * before the end of the previous one. Values overlapping a base64 value (`base64`, in order) are
 * left to it.
 */
export function percentValues(
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
