// Build step: validate rules/*.yaml and write lib/rules.json, so the CLI starts without parsing
// YAML (parsing ~200 rules with their examples costs more than the rest of a pre-commit scan).
// Run after `tsc`; uses the compiled loader so the build checks exactly what the CLI would.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { loadRuleFiles, formatProblem } = await import(path.join(root, 'lib/rules/load.js'));
const dir = path.join(root, 'rules');
const names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort();
const files = names.map((name) => ({ path: `rules/${name}`, text: readFileSync(path.join(dir, name), 'utf8') }));
const { rules, problems } = loadRuleFiles(files);
if (problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`compile-rules: ${problems.length} problem(s); lib/rules.json not written`);
  process.exit(1);
}
// Learn once, at build time, which rules can run anchored at their keyword hits (see
// startsAtKeywords in src/engine/detector.ts), so start-up does not run every rule's examples.
const { compileRule } = await import(path.join(root, 'lib/engine/detector.js'));
for (const rule of rules) rule.anchored = compileRule(rule).anchored;
const sources = Object.fromEntries(names.map((name) => [name, statSync(path.join(dir, name)).mtimeMs]));
writeFileSync(path.join(root, 'lib/rules.json'), JSON.stringify({ version: 1, sources, rules }));
console.log(`compile-rules: ${rules.length} rules from ${names.length} files → lib/rules.json`);
