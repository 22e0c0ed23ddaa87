/**
 * patternExtent reads how far a pattern may look from its source (start-up cannot afford a regex
 * parser); here it is checked against the same measure taken from @eslint-community/regexpp's AST,
 * for every built-in rule and for the constructs that make it unbounded. LineLimits, which cuts a
 * run's look at its line, is checked against a plain search.
 */
import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Element } from '@eslint-community/regexpp/ast';
import { describe, expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/config/builtin-rules.js';
import { LineLimits, patternExtent, patternReach } from '../../src/engine/search-budget.js';

interface Span {
  len: number;
  reach: number;
  lines: number;
}

function alternatives(list: readonly Alternative[]): Span {
  return list
    .map(sequence)
    .reduce((a, b) => ({ len: Math.max(a.len, b.len), reach: Math.max(a.reach, b.reach), lines: Math.max(a.lines, b.lines) }), { len: 0, reach: 0, lines: 0 });
}

function sequence(alternative: Alternative): Span {
  let len = 0;
  let reach = 0;
  let lines = 0;
  for (const element of alternative.elements) {
    const span = measure(element);
    reach = Math.max(reach, len + span.reach);
    len += span.len;
    lines += span.lines;
  }
  return { len, reach: Math.max(reach, len), lines };
}

function measure(element: Element): Span {
  switch (element.type) {
    case 'Character':
    case 'CharacterClass':
    case 'CharacterSet':
    case 'ExpressionCharacterClass':
      return { len: 1, reach: 1, lines: new RegExp(`^(?:${element.raw})$`).test('\n') ? 1 : 0 };
    case 'Backreference':
      return { len: Infinity, reach: Infinity, lines: Infinity };
    case 'Group':
    case 'CapturingGroup':
      return alternatives(element.alternatives);
    case 'Assertion':
      if (element.kind === 'lookahead') return { ...alternatives(element.alternatives), len: 0 };
      if (element.kind === 'lookbehind' || element.kind === 'start') return { len: 0, reach: 0, lines: 0 };
      return { len: 0, reach: 1, lines: 0 };
    case 'Quantifier': {
      const inner = measure(element.element);
      if (element.max === 0) return { len: 0, reach: 0, lines: 0 };
      if (element.max === Infinity) return inner.len > 0 ? { len: Infinity, reach: Infinity, lines: inner.lines > 0 ? Infinity : 0 } : inner;
      return { len: element.max * inner.len, reach: element.max === 1 ? inner.reach : (element.max - 1) * inner.len + inner.reach, lines: element.max * inner.lines };
    }
  }
}

function reference(pattern: string): { reach: number; lines: number } {
  const ast = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(pattern, 0, pattern.length, { unicode: false });
  const { reach, lines } = alternatives(ast.alternatives);
  return { reach, lines };
}

describe('patternReach', () => {
  it('agrees with the regexpp AST on every built-in rule', () => {
    const rules = loadBuiltinRules();
    expect(rules.length).toBeGreaterThan(300);
    for (const rule of rules) expect(patternExtent(rule.pattern), rule.id).toEqual(reference(rule.pattern));
    // Every built-in pattern has a bounded reach or stops within a few lines.
    for (const rule of rules) {
      const { reach, lines } = patternExtent(rule.pattern);
      expect(Number.isNaN(reach) || Number.isNaN(lines), rule.id).toBe(false);
      expect(reach < Infinity || lines < Infinity, rule.id).toBe(true);
    }
  });

  it.each([
    ['fm2_[A-Za-z0-9]{40,3000}(?![A-Za-z0-9])', 3005],
    ['\\b(ghp_[A-Za-z0-9]{36})\\b', 41],
    ['(?<=key=)([a-z]{8})', 8],
    ['(a|bcd)?x{2}', 5],
    ['(?=[\\w.-]{1,40}=)(\\w+)', Infinity],
    ['(["\'])(\\w{4})\\1', Infinity],
    ['\\x41\\u0042\\cJ[\\]x]', 4],
    ['\\p{L}\\x4', 6],
    ['(?<n>y)\\k<n>', Infinity],
    ['a{2,}', Infinity],
    ['a{,3}', 5],
    ['x(?:y+z)?w', Infinity],
    ['x(?:yz)?w', 4],
  ])('reads %s as reaching %d', (pattern, expected) => {
    expect(patternReach(pattern)).toBe(expected);
    expect(reference(pattern).reach).toBe(expected);
  });

  it.each([
    ['key=([a-z]+)', 0],
    ['key=(\\S+)\\r?\\n', 1],
    ['(?=[\\s\\S]{0,3})x', 3],
    ['a[^"]{0,4}b', 4],
    ['(?<=\\n)x', 0],
    ['[\\s\\S]+', Infinity],
  ])('reads %s as crossing %d line breaks', (pattern, lines) => {
    expect(patternExtent(pattern).lines).toBe(lines);
    expect(reference(pattern).lines).toBe(lines);
  });
});

describe('LineLimits', () => {
  it('ends a run at its reach or just past the (lines + 1)-th line break from where it starts, whichever comes first', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', '\n'), { maxLength: 300 }).map((a) => a.join('')),
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.nat(3),
        fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constant(Infinity)),
        (text, starts, lines, reach) => {
          const limits = new LineLimits(text);
          for (const at of [...new Set(starts.map((s) => s % (text.length + 1)))].sort((x, y) => x - y)) {
            let end = at;
            let seen = 0;
            for (; end < text.length; end++) if (text[end] === '\n' && seen++ === lines) break;
            const lineEnd = end < text.length ? end + 1 : text.length;
            expect(limits.extent(at, reach, lines)).toBe(Math.min(lineEnd, at + reach, text.length) - at);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
