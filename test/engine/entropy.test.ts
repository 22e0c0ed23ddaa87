/**
 * shannonEntropy counts ASCII text in a table it reuses from call to call: it must give exactly
 * the bits of the plain computation (a Map, summed in order of first occurrence), for ASCII and
 * other text, one call after another (a table left dirty would skew the next call).
 */
import { describe, expect, it } from 'vitest';
import { shannonEntropy } from '../../src/engine/entropy.js';

function reference(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < text.length; i++) counts.set(text.charCodeAt(i), (counts.get(text.charCodeAt(i)) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / text.length) * Math.log2(count / text.length);
  return bits;
}

describe('shannonEntropy', () => {
  it('gives the same bits as the plain computation, call after call, for ASCII and other text', async () => {
    const fc = await import('fast-check');
    const piece = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('aaaa', 'Zq9x7mK2vLp4', 'é', '🔑'));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (texts) => {
        for (const text of texts) expect(shannonEntropy(text)).toBe(reference(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('measures known values', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('ab€€')).toBe(1.5);
  });
});
