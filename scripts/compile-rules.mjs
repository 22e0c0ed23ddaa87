// Build step: validate rules/*.yaml and write lib/rules.json, so the CLI starts without parsing
// YAML (parsing ~200 rules with their examples costs more than the rest of a pre-commit scan).
// Run after `tsc`; uses the compiled loader so the build checks exactly what the CLI would.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtRulePack } from './rule-pack.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { loadRuleFiles, formatProblem } = await import(path.join(root, 'lib/rules/load.js'));
const { compileRule } = await import(path.join(root, 'lib/engine/detector.js'));
const { rules, names, dir } = builtRulePack(root, { loadRuleFiles, formatProblem, compileRule }, 'compile-rules: lib/rules.json not written');
const sources = Object.fromEntries(names.map((name) => [name, statSync(path.join(dir, name)).mtimeMs]));
// Contents too: an installed package's files all carry npm's fixed pack date, so times never match there.
const hashes = Object.fromEntries(names.map((name) => [name, createHash('sha256').update(readFileSync(path.join(dir, name))).digest('hex')]));
writeFileSync(path.join(root, 'lib/rules.json'), JSON.stringify({ version: 1, sources, hashes, rules }));
console.log(`compile-rules: ${rules.length} rules from ${names.length} files → lib/rules.json`);
