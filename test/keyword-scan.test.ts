/**
 * The keyword pass given a text's ASCII bytes (the WebAssembly loop for texts of 512 bytes and
 * more; shorter ones stay in the string loop) must find exactly what the string pass finds, in the
 * same order, across WebAssembly block edges and the split between its two streams.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KeywordAutomaton, type KeywordHits } from '../src/engine/keywords.js';
import { WASM_BLOCK, wasmKeywordScanner } from '../src/engine/keyword-wasm.js';

const list = (ac: KeywordAutomaton, r: KeywordHits): string[] =>
  Array.from({ length: r.count }, (_, i) => `${ac.keywords[r.hits[i * 2]!]}@${r.hits[i * 2 + 1]}`);

function bothWays(ac: KeywordAutomaton, text: string, limit?: number): { fromText: string[]; fromBytes: string[]; truncated: [boolean, boolean] } {
  const a = ac.scan(text, limit);
  const fromText = list(ac, a);
  const b = ac.scan(text, limit, Buffer.from(text, 'latin1'));
  return { fromText, fromBytes: list(ac, b), truncated: [a.truncated, b.truncated] };
}

describe('keyword pass over bytes', () => {
  it('is assembled from the committed source (keyword-scan.wat → keyword-scan-wasm.ts)', async () => {
    // @ts-expect-error: a build script in plain JavaScript, without type declarations
    const { generatedModule, generatedPath } = (await import('../scripts/build-wasm.mjs')) as {
      generatedModule: () => Promise<string>;
      generatedPath: string;
    };
    expect(readFileSync(generatedPath, 'utf8'), 'run `npm run build:wasm` after editing keyword-scan.wat').toBe(await generatedModule());
  });

  it('runs in WebAssembly on this Node.js', () => {
    expect(wasmKeywordScanner()).toBeDefined();
  });

  it('matches the string pass for random keyword sets and texts of every length', async () => {
    const fc = await import('fast-check');
    const alphabet = fc.constantFrom('a', 'b', 'c', 'A', 'B', '_', '-', ' ', '\n');
    const word = fc.array(fc.constantFrom('a', 'b', 'c', '_', '-'), { minLength: 1, maxLength: 7 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 12 }),
        fc.array(alphabet, { maxLength: 3000 }).map((a) => a.join('')),
        (keywords, text) => {
          const ac = new KeywordAutomaton(keywords);
          const { fromText, fromBytes } = bothWays(ac, text);
          expect(fromBytes).toEqual(fromText);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds keywords on every WebAssembly block edge and stream split', () => {
    const keywords = ['password', 'pass', 'word', 'ghp_', 'token', 'to'];
    const ac = new KeywordAutomaton(keywords);
    const size = 3 * WASM_BLOCK + 1234;
    const base = new Array<string>(size).fill('x');
    // Keywords straddling, ending on and starting at each edge (blocks and their halves), one
    // placement per copy of the text so that they do not overwrite each other.
    const edges: number[] = [];
    for (let edge = WASM_BLOCK / 2; edge < size; edge += WASM_BLOCK / 2) edges.push(edge);
    const placements: [number, string][] = [];
    for (const keyword of ['password', 'ghp_', 'token', 'to']) {
      for (const offset of [-keyword.length, -1, 0, 1 - keyword.length, -(keyword.length >> 1)]) placements.push([offset, keyword]);
    }
    let planted = 0;
    for (const [p, [offset, keyword]] of placements.entries()) {
      const chars = base.slice();
      for (const edge of edges) {
        for (let i = 0; i < keyword.length; i++) chars[edge + offset + i] = keyword[i]!;
        planted++;
      }
      const { fromText, fromBytes } = bothWays(ac, chars.join(''));
      expect(fromText.length, `placement ${p}`).toBeGreaterThanOrEqual(edges.length);
      expect(fromBytes, `placement ${p}: ${keyword} at edge ${offset}`).toEqual(fromText);
    }
    expect(planted).toBe(placements.length * edges.length);
  });

  it('caps the hits it keeps and says so, as the string pass does', () => {
    const ac = new KeywordAutomaton(['ab', 'b']);
    const text = 'ab'.repeat(WASM_BLOCK);
    const { fromText, fromBytes, truncated } = bothWays(ac, text, 1000);
    expect(truncated).toEqual([true, true]);
    expect(fromBytes).toEqual(fromText);
    expect(fromBytes).toHaveLength(1000);
  });

  it('resumes after a given end: exactly the hits ending after it, from strings and from bytes', async () => {
    const fc = await import('fast-check');
    const alphabet = fc.constantFrom('a', 'b', 'c', '_', ' ');
    const word = fc.array(fc.constantFrom('a', 'b', 'c', '_'), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 8 }),
        fc.array(alphabet, { minLength: 1, maxLength: 2000 }).map((a) => a.join('')),
        fc.nat(),
        (keywords, text, seed) => {
          const ac = new KeywordAutomaton(keywords);
          const startAfter = seed % (text.length + 1);
          const all = list(ac, ac.scan(text)).filter((hit) => Number(hit.slice(hit.lastIndexOf('@') + 1)) > startAfter);
          expect(list(ac, ac.scan(text, undefined, undefined, startAfter))).toEqual(all);
          expect(list(ac, ac.scan(text, undefined, Buffer.from(text, 'latin1'), startAfter))).toEqual(all);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps each automaton’s tables apart when two scan in turn', () => {
    const one = new KeywordAutomaton(['alpha', 'beta']);
    const two = new KeywordAutomaton(['gamma', 'beta', 'delta']);
    const text = 'alpha beta gamma delta '.repeat(100);
    for (let round = 0; round < 3; round++) {
      for (const ac of [one, two]) {
        const { fromText, fromBytes } = bothWays(ac, text);
        expect(fromBytes).toEqual(fromText);
      }
    }
  });
});
