// Build step: validate rules/*.yaml and write lib/rules.json, so the CLI starts without parsing
// YAML (parsing ~200 rules with their examples costs more than the rest of a pre-commit scan).
// Run after `tsc`; uses the compiled loader so the build checks exactly what the CLI would.
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtRulePack } from './rule-pack.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { loadRuleFiles, formatProblem } = await import(path.join(root, 'lib/rules/load.js'));
const { compileRule } = await import(path.join(root, 'lib/engine/detector.js'));
const { rules, names, dir } = builtRulePack(root, { loadRuleFiles, formatProblem, compileRule }, 'compile-rules: lib/rules.json not written');
const sources = Object.fromEntries(names.map((name) => [name, statSync(path.join(dir, name)).mtimeMs]));
writeFileSync(path.join(root, 'lib/rules.json'), JSON.stringify({ version: 1, sources, rules }));
console.log(`compile-rules: ${rules.length} rules from ${names.length} files → lib/rules.json`);
