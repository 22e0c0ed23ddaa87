// The built-in rule pack as the builds ship it: rules/*.yaml validated, and each rule's `anchored`
// learnt once from its examples (see startsAtKeywords in src/engine/detector.ts), so neither the CLI
// nor the Action runs every rule's examples at start-up, and the Action, which ships without
// examples, still runs anchored rules at their keyword hits. Shared by compile-rules.mjs (lib/) and
// build-action.mjs (dist/), which pass the loader and compiler they build from.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {string} root the repository root
 * @param {{ loadRuleFiles: Function, formatProblem: Function, compileRule: Function }} modules
 * @param {string} failure what the caller prints when a rule has a problem (then it exits 1)
 */
export function builtRulePack(root, { loadRuleFiles, formatProblem, compileRule }, failure) {
  const dir = path.join(root, 'rules');
  const names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
  const files = names.map((name) => ({ path: `rules/${name}`, text: readFileSync(path.join(dir, name), 'utf8') }));
  const { rules, problems } = loadRuleFiles(files);
  if (problems.length > 0) {
    for (const p of problems) console.error(formatProblem(p));
    console.error(`${problems.length} rule problem(s); ${failure}`);
    process.exit(1);
  }
  for (const rule of rules) rule.anchored = compileRule(rule).anchored;
  return { rules, names, dir };
}
