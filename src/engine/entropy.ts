/** Counts of each ASCII code unit, and the order they first occurred in, reused from call to call. */
const counts = new Int32Array(128);
const firstSeen = new Int32Array(128);

/**
 * Shannon entropy in bits per character, computed over UTF-16 code units. Every candidate secret
 * is measured (rules' entropy floors, the generic value refiner), so ASCII text is counted in a
 * reused table rather than a Map per call; the terms are summed in order of first occurrence
 * either way, so both give the same bits.
 */
export function shannonEntropy(text: string): number {
  const n = text.length;
  if (n === 0) return 0;
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      for (let k = 0; k < distinct; k++) counts[firstSeen[k] as number] = 0;
      return entropyOfAnyText(text);
    }
    if ((counts[c] as number) === 0) firstSeen[distinct++] = c;
    counts[c] = (counts[c] as number) + 1;
  }
  let bits = 0;
  for (let k = 0; k < distinct; k++) {
    const c = firstSeen[k] as number;
    const p = (counts[c] as number) / n;
    bits -= p * Math.log2(p);
    counts[c] = 0;
  }
  return bits;
}

function entropyOfAnyText(text: string): number {
  const n = text.length;
  const byUnit = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    byUnit.set(c, (byUnit.get(c) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of byUnit.values()) {
    const p = count / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}
