/**
 * The built-in rules as every command gets them: the current pack (rule-pack.ts) when there is one,
 * else `rules/*.yaml` parsed and validated; and packing, which validates the YAML for the builds.
 * Kept apart from rule-pack.ts because it needs the YAML parser and the rule schema.
 */
import { compileRule } from '../engine/compile.js';
import { SprawlguardError } from '../errors.js';
import { loadRuleFiles, type Problem, type RuleSourceFile } from '../rules/parse.js';
import type { Rule } from '../rules/schema.js';
import { ConfigError } from './errors.js';
import { builtinRulesDir, readPackedRules, readRuleDir, RULE_PACK_FILE } from './rule-pack.js';

/**
 * Validate rule files for packing: every rule checked, and each rule's `anchored` learnt from its
 * examples (see startsAtKeywords in src/engine/compile.ts), so nothing runs them at start-up and
 * a pack shipped without examples still runs anchored rules at their keyword hits.
 */
export function buildRulePack(files: readonly RuleSourceFile[]): { rules: Rule[]; problems: Problem[] } {
  const { rules, problems } = loadRuleFiles(files);
  if (problems.length === 0) for (const rule of rules) rule.anchored = compileRule(rule).anchored;
  return { rules, problems };
}

let builtinCache: Rule[] | undefined;

/** The built-in rules: the packed ones when current, else parsed from the YAML (problems throw ConfigError). */
export function loadBuiltinRules(): Rule[] {
  if (builtinCache) return builtinCache;
  const fromPack = readPackedRules();
  if (fromPack) {
    builtinCache = fromPack;
    return fromPack;
  }
  const { rules, problems } = loadRuleFiles(readRuleFilesOrExplain(builtinRulesDir()));
  if (problems.length > 0) throw new ConfigError(problems);
  builtinCache = rules;
  return rules;
}

/** The YAML rule files; when there are none (a bundle whose rules.json is missing), say what to rebuild. */
function readRuleFilesOrExplain(dir: string): RuleSourceFile[] {
  try {
    return readRuleDir(dir);
  } catch (error) {
    throw new SprawlguardError(
      'internal',
      `no rule pack: neither ${RULE_PACK_FILE} next to the code nor rules/*.yaml in ${dir} can be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); rebuild with npm run build, or npm run build:action`,
    );
  }
}
