/**
 * Data-driven rule tests, generated from rules/: every example matches through the full engine
 * (keyword prefilter included), no negative example matches, every pattern is linear-time friendly.
 * How fast each pattern is on adversarial input is measured by `npm run bench -- rules`, not here.
 */
import { describe, expect, it } from 'vitest';
import { builtinRulesDir, readRuleDir } from '../src/config/rule-pack.js';
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
});
