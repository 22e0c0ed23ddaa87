/**
 * Data-driven rule tests, generated from rules/: every example matches through the full engine
 * (keyword prefilter included), no negative example matches, every pattern is linear-time friendly
 * and finishes quickly on adversarial input.
 */
import { describe, expect, it } from 'vitest';
import { builtinRulesDir, readRuleDir } from '../src/config/load.js';
import { Detector } from '../src/engine/detector.js';
import { samplePath } from '../src/engine/path-globs.js';
import { checkRule } from '../src/rules/check.js';
import { formatProblem, loadRuleFiles } from '../src/rules/load.js';

const { rules, problems, fileOf } = loadRuleFiles(readRuleDir(builtinRulesDir()));
const NOW = Date.parse('2026-11-27T00:00:00Z');

describe('rule pack', () => {
  it('loads without schema problems or duplicate ids', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });
  it('has a remediation that points somewhere for every rule', () => {
    for (const rule of rules) expect(rule.remediation.length, rule.id).toBeGreaterThan(20);
  });
});

describe.each(rules.map((r) => [r.id, r] as const))('rule %s', (_id, rule) => {
  it('passes the rule linter (examples, negative examples, pattern safety)', () => {
    expect(checkRule(rule, fileOf.get(rule.id), { now: NOW }).map(formatProblem)).toEqual([]);
  });

  it('stays fast on adversarial input', () => {
    // Long runs of characters the pattern likes, with and without its keywords, must not backtrack.
    const detector = new Detector([rule], { now: NOW });
    // A rule with `paths` runs only on a file they name.
    const path = rule.paths ? samplePath(rule.paths) : undefined;
    const unit = rule.keywords[0] ?? 'a';
    const inputs = [
      (unit + 'A1b2C3d4-_.=/+').repeat(4000),
      'a'.repeat(60_000),
      (unit + ' ').repeat(20_000),
      (unit + '=' + 'x1'.repeat(40) + '\n').repeat(1000),
    ];
    for (const input of inputs) {
      const started = performance.now();
      detector.scan(input, undefined, path);
      // A catastrophic pattern takes minutes here; a linear one takes milliseconds.
      expect(performance.now() - started, `${rule.id} on ${input.slice(0, 20)}…`).toBeLessThan(3000);
    }
  });
});
