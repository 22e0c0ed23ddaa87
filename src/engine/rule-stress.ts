/**
 * Worst-case inputs for one rule, generated from the rule itself. Three shapes, each a realistic
 * way for hostile or merely odd text to meet a rule:
 *
 * - keyword flood: the rule's keywords repeated back to back with the separators that follow them
 *   in real text (and in the rule's own examples), so every few characters open a search;
 * - near miss: the rule's examples with their last character broken, repeated, so every search
 *   gets almost to the end of a match before failing;
 * - unterminated token: the text before an example's secret, then a very long run of the secret's
 *   own characters with no terminator, so a bounded quantifier runs to its limit and backs off.
 *
 * Used by the adversarial bench (timing and memory belong there) and by the rule tests, which
 * assert only the deterministic work counters the detector reports.
 */
import type { Rule } from '../rules/schema.js';

export type StressShape = 'keyword-flood' | 'near-miss' | 'unterminated';

export interface StressInput {
  readonly shape: StressShape;
  /** What was repeated, for a report (never a secret: examples are fakes, and only their edges are shown). */
  readonly label: string;
  readonly text: string;
}

/** Separators that follow a keyword in assignments, headers, command lines and token bodies. */
const SEPARATORS = ['', ' ', '=', ': ', '="', '\n', '_', '/'] as const;

/** At most this many inputs per shape and rule, so that stressing all rules stays a bench-sized job. */
const MAX_FLOODS = 10;
const MAX_NEAR_MISS_EXAMPLES = 2;
const MAX_UNTERMINATED = 4;

/** `unit` repeated to exactly `size` characters. */
function repeatTo(unit: string, size: number): string {
  if (unit.length === 0) return '';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** The characters that follow each keyword in the rule's examples (the separators real text uses). */
function learnedSeparators(rule: Rule): string[] {
  const out = new Set<string>();
  for (const example of rule.examples) {
    const lower = example.toLowerCase();
    for (const keyword of rule.keywords) {
      const at = lower.indexOf(keyword);
      if (at < 0) continue;
      const next = example.slice(at + keyword.length, at + keyword.length + 2);
      if (next.length > 0) out.add(next);
    }
  }
  return [...out];
}

function keywordFloods(rule: Rule, size: number): StressInput[] {
  if (rule.keywords.length === 0) return [];
  const separators = [...new Set([...SEPARATORS, ...learnedSeparators(rule)])].slice(0, MAX_FLOODS);
  return separators.map((sep) => ({
    shape: 'keyword-flood' as const,
    label: `${rule.keywords.slice(0, 3).join('|')}${rule.keywords.length > 3 ? '|…' : ''} + ${JSON.stringify(sep)}`,
    // Every keyword in turn, so a rule gated on dozens of words is flooded on all of them.
    text: repeatTo(rule.keywords.map((k) => k + sep).join(''), size),
  }));
}

/** A character that differs from `c` in kind: a letter or digit becomes punctuation, anything else a letter. */
function broken(c: string): string {
  return /[A-Za-z0-9]/.test(c) ? '!' : 'x';
}

function nearMisses(rule: Rule, size: number): StressInput[] {
  const out: StressInput[] = [];
  for (const example of rule.examples.slice(0, MAX_NEAR_MISS_EXAMPLES)) {
    const miss = example.slice(0, -1) + broken(example.slice(-1));
    for (const join of ['', '\n']) {
      out.push({ shape: 'near-miss', label: `example …${JSON.stringify(miss.slice(-6))} joined by ${JSON.stringify(join)}`, text: repeatTo(miss + join, size) });
    }
  }
  return out;
}

/** Where the rule's capture group sits in `example`, or undefined when the pattern does not match it. */
function secretSpan(rule: Rule, example: string): [number, number] | undefined {
  const regex = new RegExp(rule.pattern, `d${rule.ignore_case ? 'i' : ''}`);
  return regex.exec(example)?.indices?.[1] ?? undefined;
}

function unterminatedTokens(rule: Rule, size: number): StressInput[] {
  const out: StressInput[] = [];
  const prefixes = new Map<string, string>();
  for (const example of rule.examples) {
    const span = secretSpan(rule, example);
    if (span === undefined) continue;
    const [start, end] = span;
    // Keep the secret's first characters (a token prefix such as `fm2_` is part of the secret).
    const keep = Math.min(end - start, 8);
    const prefix = example.slice(Math.max(0, start - 64), start + keep);
    const alphabet = [...new Set(example.slice(start, end))].join('');
    if (alphabet.length > 0 && !prefixes.has(prefix)) prefixes.set(prefix, alphabet);
  }
  for (const keyword of rule.keywords.slice(0, 4)) if (!prefixes.has(keyword)) prefixes.set(keyword, 'aB3xQ9zK7m');
  for (const [prefix, alphabet] of [...prefixes].slice(0, MAX_UNTERMINATED)) {
    // A run that never repeats a short period (so no placeholder filter or regex shortcut sees a pattern).
    let run = '';
    for (let i = 0; run.length < size - prefix.length; i++) run += alphabet[(i * 7 + (i >> 3)) % alphabet.length];
    out.push({ shape: 'unterminated', label: `${JSON.stringify(prefix.slice(-12))} + run of ${alphabet.length} characters`, text: prefix + run });
  }
  return out;
}

/** Every stress input for `rule`, each about `size` characters. */
export function stressInputs(rule: Rule, size: number): StressInput[] {
  return [...keywordFloods(rule, size), ...nearMisses(rule, size), ...unterminatedTokens(rule, size)];
}
