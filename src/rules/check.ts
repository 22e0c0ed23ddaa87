/**
 * The rule linter behind `sprawlguard rules check` and the data-driven rule tests: schema (done by
 * the loader), unique ids, the pattern compiles with exactly one capture group, the pattern is
 * linear-time friendly, every example matches through the full engine (so the keyword prefilter
 * really gates it), and no negative example matches.
 */
import { RuleCompileError, compileRule } from '../engine/compile.js';
import { Detector } from '../engine/detector.js';
import { samplePath } from '../engine/path-globs.js';
import { linearTimeRisks } from './linear-time.js';
import type { Problem } from './parse.js';
import type { Rule } from './schema.js';

export interface RuleCheckOptions {
  /** Fixed clock so expiry-dependent examples are stable. */
  now?: number;
}

export function checkRules(rules: readonly Rule[], file = '(rules)', options: RuleCheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) problems.push({ file, ruleId: rule.id, path: 'id', message: 'duplicate rule id' });
    seen.add(rule.id);
    problems.push(...checkRule(rule, file, options));
  }
  return problems;
}

export function checkRule(rule: Rule, file = '(rules)', options: RuleCheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const at = (path: string, message: string): void => {
    problems.push({ file, ruleId: rule.id, path, message });
  };
  let anchored: boolean;
  try {
    anchored = compileRule(rule).anchored;
  } catch (error) {
    if (error instanceof RuleCompileError) at(error.field, error.message.replace(`${rule.id}: ${error.field}: `, ''));
    else at('pattern', (error as Error).message);
    return problems;
  }
  for (const message of linearTimeRisks(rule.pattern, rule.ignore_case)) at('pattern', message);
  if (rule.precheck !== undefined && !anchored) {
    at('precheck', 'only anchored rules run a precheck (every match must start where a keyword starts)');
  }

  // Inline allow markers in examples would hide them; examples are judged as plain text. A rule
  // with `paths` is judged on a file its first glob names.
  const detector = new Detector([rule], { inlineAllow: false, now: options.now });
  const path = rule.paths ? samplePath(rule.paths) : undefined;
  rule.examples.forEach((example, i) => {
    const matches = detector.scan(example, undefined, path);
    if (matches.length === 0) {
      const ungated = new Detector([{ ...rule, keywords: [], no_keywords_reason: 'lint' }], {
        inlineAllow: false,
        now: options.now,
      }).scan(example, undefined, path);
      at(
        `examples[${i}]`,
        ungated.length > 0
          ? 'matches the pattern but none of the keywords occurs in it: the keyword prefilter would never run this rule'
          : 'does not match (pattern, entropy, checksum, placeholder filter or refiner rejected it)',
      );
    }
  });
  if (path !== undefined && !compileRule(rule).paths?.test(path)) at('paths', `the sample path ${path} made from the first glob does not match it`);
  rule.negative_examples.forEach((example, i) => {
    const matches = detector.scan(example, undefined, path);
    if (matches.length > 0) {
      at(`negative_examples[${i}]`, `matches (secret of ${matches[0]?.secret.length ?? 0} characters) but must not`);
    }
  });
  return problems;
}
