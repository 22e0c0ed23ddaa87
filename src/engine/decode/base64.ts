/**
 * Base64 runs in a stretch of text whose decoding is readable text: one left-to-right pass over
 * bytes, every run found once, each character decoded at most once (see encoded-values.ts).
 */
import type { DecodeBudget } from './budget.js';
import type { EncodedValue } from './encoded-values.js';

/** Base64 runs longer than this are not decoded (images and binaries embedded in text). */
export const MAX_ENCODED_CANDIDATE = 65536;

/** Base64 alphabet (standard and URL-safe) by kind: 1 upper case, 2 lower case, 4 digit or symbol; 0 not base64. */
const BASE64_KIND = (() => {
  const table = new Uint8Array(256);
  for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') table[ch.charCodeAt(0)] = 1;
  for (const ch of 'abcdefghijklmnopqrstuvwxyz') table[ch.charCodeAt(0)] = 2;
  for (const ch of '0123456789+/_-') table[ch.charCodeAt(0)] = 4;
  return table;
})();
const ALL_KINDS = 7;
const MIN_BASE64_RUN = 16;

/** text[from, to) as bytes, characters outside ASCII as 0. */
export function asciiWindow(text: string, from: number, to: number): Uint8Array {
  const bytes = new Uint8Array(to - from);
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    bytes[i - from] = c < 128 ? c : 0;
  }
  return bytes;
}

/**
 * Base64 runs in text[from, to), read from `bytes` (bytes[i - base] is text[i]). The hot loop of
 * decoding: what it does with a candidate (rare) is in other functions, so that optimised code
 * made before any candidate was seen is not thrown away when one is (it had been deoptimised again
 * and again in one corpus scan: bench/README.md).
 */
export function base64Values(text: string, from: number, to: number, bytes: Uint8Array, base: number, out: EncodedValue[], budget: DecodeBudget | undefined): void {
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
