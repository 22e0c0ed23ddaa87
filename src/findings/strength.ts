/**
 * How guessable a secret is: a conservative estimate, in bits, of what an attacker who sees its
 * fingerprint must search to recover it. Machine-made tokens (30+ random characters) are far above
 * the line; PINs, short passwords and degenerate strings (`aaaaaaaa`, `abcabcabc`, `123456789`)
 * are below it. The estimate is a function of the secret alone, so every copy of a secret is
 * classified alike on every machine: that is what keeps fingerprints correlating.
 *
 * It knows character classes, repeats and sequences, not dictionaries: a long human password made
 * of words (`correcthorsebatterystaple`) counts as strong here. A fingerprint key (HMAC) protects
 * those too.
 */

/** Below this many bits a fingerprint must not be a plain hash (see docs/fingerprints.md). */
export const GUESSABLE_BELOW_BITS = 64;

/** Size of the alphabet a brute force must try, from the character classes the secret uses. */
function poolSize(chars: readonly string[]): number {
  let digits = false;
  let lower = false;
  let upper = false;
  let symbols = false;
  let other = false;
  for (const c of chars) {
    if (c >= '0' && c <= '9') digits = true;
    else if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= 'A' && c <= 'Z') upper = true;
    else if (c >= '!' && c <= '~') symbols = true;
    else other = true;
  }
  return (digits ? 10 : 0) + (lower ? 26 : 0) + (upper ? 26 : 0) + (symbols ? 33 : 0) + (other ? 100 : 0);
}

/** Smallest period of `chars` (`abcabcab` → 3), by the KMP failure function: linear. */
function period(chars: readonly string[]): number {
  const n = chars.length;
  const fail = new Array<number>(n).fill(0);
  for (let i = 1, k = 0; i < n; i++) {
    while (k > 0 && chars[i] !== chars[k]) k = fail[k - 1] as number;
    if (chars[i] === chars[k]) k++;
    fail[i] = k;
  }
  return n - (fail[n - 1] ?? 0);
}

/**
 * Characters that carry information: a character repeating its predecessor, or continuing a
 * step of ±1 (`abc`, `987`), adds little to a guesser's work and counts a quarter. Linear, like
 * everything here: secrets come from untrusted text.
 */
function effectiveLength(chars: readonly string[]): number {
  let length = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = (chars[i] as string).codePointAt(0) as number;
    const prev = i > 0 ? ((chars[i - 1] as string).codePointAt(0) as number) : undefined;
    const prev2 = i > 1 ? ((chars[i - 2] as string).codePointAt(0) as number) : undefined;
    const repeat = prev === c;
    const step = prev !== undefined && prev2 !== undefined && Math.abs(c - prev) === 1 && c - prev === prev - prev2;
    length += repeat || step ? 0.25 : 1;
  }
  return length;
}

/** Estimated bits of guessing work for `secret`. */
export function estimatedBits(secret: string): number {
  const chars = [...secret];
  if (chars.length === 0) return 0;
  const bitsPerChar = Math.log2(Math.max(2, poolSize(chars)));
  const p = period(chars);
  // A repeated unit (`hunter2hunter2`) costs its unit, plus how many times it repeats.
  const unit = p < chars.length ? chars.slice(0, p) : chars;
  const repeats = p < chars.length ? Math.log2(chars.length / p) : 0;
  return effectiveLength(unit) * bitsPerChar + repeats;
}

/** Whether a plain hash of `secret` could be reversed by guessing. */
export function isGuessable(secret: string): boolean {
  return estimatedBits(secret) < GUESSABLE_BELOW_BITS;
}
