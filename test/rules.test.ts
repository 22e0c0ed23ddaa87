/**
 * Data-driven rule tests, generated from rules/: every example matches through the full engine
 * (keyword prefilter included), no negative example matches, every pattern is linear-time friendly
 * and keeps its work within budget on inputs made to be its worst case.
 */
import { describe, expect, it } from 'vitest';
import { builtinRulesDir, readRuleDir } from '../src/config/rule-pack.js';
import { Detector } from '../src/engine/detector.js';
import { samplePath } from '../src/engine/path-globs.js';
import { stressInputs } from '../src/engine/rule-stress.js';
import { searchBudget } from '../src/engine/search-budget.js';
import { checkRule } from '../src/rules/check.js';
import { formatProblem, loadRuleFiles } from '../src/rules/parse.js';

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

  it('keeps its search within budget on its worst-case inputs', () => {
    // Keyword floods, near misses and unterminated tokens made from the rule itself: the work the
    // detector reports stays linear in the input (windows read once, anchored runs charged against
    // the rule's budget and coalesced past it). Time is measured by the adversarial bench.
    const detector = new Detector([rule], { now: NOW });
    // A rule with `paths` runs only on a file they name.
    const path = rule.paths ? samplePath(rule.paths) : undefined;
    const inputs = stressInputs(rule, 4096);
    expect(inputs.length).toBeGreaterThan(2);
    for (const input of inputs) {
      const n = input.text.length;
      const { work } = detector.scanWithWork(input.text, undefined, path);
      expect(work.searched, `${rule.id}, ${input.shape}: ${input.label}`).toBeLessThanOrEqual(searchBudget(n) + 2 * (n + work.decoded));
    }
  });
});
