/**
 * Rules compiled for the detector: the pattern as a global regex and a sticky one, its window, and
 * the checksum, precheck and refiner it names, each looked up once. A rule that cannot run (a
 * pattern that does not compile, not exactly one capture group, an unknown validator) is refused
 * with a RuleCompileError naming the rule and the field.
 */
import { checksumValidator, type ChecksumValidator } from './checksums.js';
import { compilePathGlobs } from './path-globs.js';
import { precheck as findPrecheck, type Precheck } from './prechecks.js';
import { refiner as findRefiner, type Refiner } from './refine.js';
import { DEFAULT_AFTER, DEFAULT_BEFORE, windowShape, type WindowShape } from './windows.js';
import type { Rule } from '../rules/schema.js';

export interface CompiledRule extends WindowShape {
  readonly rule: Rule;
  readonly regex: RegExp;
  readonly checksum?: ChecksumValidator;
  readonly refine?: Refiner;
  /** Lower-case placeholder substrings for this rule (its own plus the config's). */
  readonly stopwords: readonly string[];
  /**
   * Every match of this rule starts where one of its keywords starts (learned from its examples),
   * so it runs as a sticky regex at each keyword hit instead of scanning windows.
   */
  readonly anchored: boolean;
  /** The rule's regex with the sticky flag, for anchored runs. */
  readonly sticky: RegExp;
  /** Run at each keyword hit of an anchored rule before its regex (see prechecks.ts). */
  readonly precheck?: Precheck;
  /** The rule's `paths` globs as one regex: the rule runs only on files whose path matches. */
  readonly paths?: RegExp;
}

export class RuleCompileError extends Error {
  constructor(
    readonly ruleId: string,
    readonly field: string,
    message: string,
  ) {
    super(`${ruleId}: ${field}: ${message}`);
  }
}

/**
 * Number of capturing groups in a pattern, read from its source: an unescaped `(` outside a
 * character class that is not `(?:`, `(?=`, `(?!`, `(?<=` or `(?<!` (named groups `(?<name>` count).
 * Reading the source avoids compiling every rule's regex at start-up; V8 compiles a regex lazily on
 * its first match, so rules whose keywords never occur cost nothing.
 */
export function captureGroupCount(pattern: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      if (pattern[i + 1] !== '?') count++;
      else if (pattern[i + 2] === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!') count++;
    }
  }
  return count;
}

export function compileRule(rule: Rule): CompiledRule {
  let regex: RegExp;
  try {
    regex = new RegExp(rule.pattern, `gd${rule.ignore_case ? 'i' : ''}`);
  } catch (error) {
    throw new RuleCompileError(rule.id, 'pattern', `does not compile: ${(error as Error).message}`);
  }
  const groups = captureGroupCount(rule.pattern);
  if (groups !== 1) {
    throw new RuleCompileError(
      rule.id,
      'pattern',
      `must have exactly one capture group (the secret), found ${groups}; use (?:…) for the others`,
    );
  }
  let checksum: ChecksumValidator | undefined;
  if (rule.checksum !== undefined) {
    checksum = checksumValidator(rule.checksum);
    if (!checksum) throw new RuleCompileError(rule.id, 'checksum', `unknown checksum validator "${rule.checksum}"`);
  }
  let precheck: Precheck | undefined;
  if (rule.precheck !== undefined) {
    precheck = findPrecheck(rule.precheck);
    if (!precheck) throw new RuleCompileError(rule.id, 'precheck', `unknown precheck "${rule.precheck}"`);
  }
  let refine: Refiner | undefined;
  if (rule.refine !== undefined) {
    refine = findRefiner(rule.refine);
    if (!refine) throw new RuleCompileError(rule.id, 'refine', `unknown refiner "${rule.refine}"`);
  }
  return {
    rule,
    regex,
    checksum,
    refine,
    precheck,
    ...(rule.paths ? { paths: compilePathGlobs(rule.paths) } : {}),
    ...windowShape(rule.window?.before ?? DEFAULT_BEFORE, rule.window?.after ?? DEFAULT_AFTER, rule.window?.multiline ?? false),
    stopwords: rule.stopwords.map((w) => w.toLowerCase()),
    anchored: rule.anchored ?? startsAtKeywords(rule, regex),
    sticky: new RegExp(rule.pattern, `yd${rule.ignore_case ? 'i' : ''}`),
  };
}

/**
 * True when, in every example, every match starts exactly where one of the rule's keywords starts.
 * Such a rule (a token prefix like `ghp_`, a credential name like `password`) can be run as a
 * sticky regex at each keyword hit: no window slicing, no scanning of positions that cannot match.
 * Rules whose matches begin before their keyword (context first, or a marker in the middle of the
 * token) keep the window scan.
 */
export function startsAtKeywords(rule: Rule, regex: RegExp): boolean {
  // Script keywords open the whole text, not a position, so such a rule is never anchored.
  if (rule.keywords.length === 0 || rule.script_keywords.length > 0 || rule.examples.length === 0) return false;
  for (const example of rule.examples) {
    const lower = example.toLowerCase();
    regex.lastIndex = 0;
    let matched = false;
    for (let m = regex.exec(example); m !== null; m = regex.exec(example)) {
      if (m[0].length === 0) regex.lastIndex++;
      matched = true;
      const at = m.index;
      if (!rule.keywords.some((k) => lower.startsWith(k, at))) return false;
    }
    if (!matched) return false;
  }
  return true;
}
