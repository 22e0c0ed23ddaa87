// Build step: validate rules/*.yaml and write lib/rules.json, so the CLI starts without parsing
// YAML (parsing ~200 rules with their examples costs more than the rest of a pre-commit scan).
// Run after `tsc`; uses the compiled rule-pack loader, so the build checks exactly what the CLI reads.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { builtinRulesDir, packText, readRuleDir } = await import(path.join(root, 'lib/config/rule-pack.js'));
const { buildRulePack } = await import(path.join(root, 'lib/config/builtin-rules.js'));
const { formatProblem } = await import(path.join(root, 'lib/rules/problem.js'));
const dir = builtinRulesDir();
const files = readRuleDir(dir);
const { rules, problems } = buildRulePack(files);
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`${problems.length} rule problem(s); compile-rules: lib/rules.json not written`);
  process.exit(1);
}
writeFileSync(path.join(root, 'lib/rules.json'), packText(rules, dir));
console.log(`compile-rules: ${rules.length} rules from ${files.length} files → lib/rules.json`);
