/**
 * The built-in rule pack, loaded one way by the CLI, the Action and the build scripts.
 *
 * The pack's source is `rules/*.yaml` at the package root. Parsing that YAML (a few hundred rules
 * with their examples) costs more than the rest of a pre-commit scan, so the builds ship it
 * validated as JSON, each rule's `anchored` learnt once from its examples:
 * - `lib/rules.json` (npm run build) records each YAML file's modification time and SHA-256, and
 *   is used only while no rule file changed since;
 * - `dist/rules.json` (npm run build:action) sits next to the bundled Action, which ships no YAML;
 *   it has no file times and is used as it is.
 * Whichever is found next to the running code is used; otherwise the YAML is parsed (builtin-rules.ts).
 * Reading a pack needs neither the YAML parser nor the rule schema, which together cost a scan
 * without a configuration file more start-up time than the rest of it: they are not imported here.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleSourceFile } from '../rules/parse.js';
import type { Rule } from '../rules/schema.js';

/** The name of a packed rule set, next to the code that reads it. */
export const RULE_PACK_FILE = 'rules.json';

/** A rule pack as the builds write it. */
export interface PackedRules {
  version: 1;
  /** Rule file name → modification time when packed; absent where the pack ships without its YAML. */
  sources?: Record<string, number>;
  /** Rule file name → SHA-256 of its contents when packed; recorded with `sources`. */
  hashes?: Record<string, string>;
  rules: Rule[];
}

/** The rule pack shipped with sprawlguard (`rules/*.yaml` at the package root). */
export function builtinRulesDir(): string {
  return fileURLToPath(new URL('../../rules/', import.meta.url));
}

export function readRuleDir(dir: string): RuleSourceFile[] {
  return ruleFileNames(dir).map((name) => ({ path: `rules/${name}`, text: readFileSync(path.join(dir, name), 'utf8') }));
}

function ruleFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort();
}

/** The JSON of a pack; with `dir`, the modification time and hash of each rule file in it are recorded. */
export function packText(rules: readonly Rule[], dir?: string): string {
  const pack: PackedRules =
    dir === undefined ? { version: 1, rules: [...rules] } : { version: 1, sources: ruleFileTimes(dir), hashes: ruleFileHashes(dir), rules: [...rules] };
  return JSON.stringify(pack);
}

function ruleFileTimes(dir: string): Record<string, number> {
  return Object.fromEntries(ruleFileNames(dir).map((name) => [name, statSync(path.join(dir, name)).mtimeMs]));
}

function ruleFileHashes(dir: string): Record<string, string> {
  return Object.fromEntries(ruleFileNames(dir).map((name) => [name, fileHash(path.join(dir, name))]));
}

function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** readPackedRules' answer, read once per process (null: none usable). */
let packed: Rule[] | null | undefined;

/**
 * The pack a build wrote next to the running code, when there is one and it is current: the
 * bundle's `dist/rules.json` beside the bundled file, or the CLI's `lib/rules.json` beside lib/config/.
 * Read once per process: the settings fast path and the full loader both ask for it.
 */
export function readPackedRules(): Rule[] | undefined {
  if (packed === undefined) packed = readPackFile(new URL(`./${RULE_PACK_FILE}`, import.meta.url)) ?? readPackFile(new URL(`../${RULE_PACK_FILE}`, import.meta.url)) ?? null;
  return packed ?? undefined;
}

/** The rules of the pack at `file`, when it is one and current; a damaged pack is passed over for the YAML. */
function readPackFile(file: URL): Rule[] | undefined {
  let pack: PackedRules;
  try {
    pack = JSON.parse(readFileSync(file, 'utf8')) as PackedRules;
  } catch {
    return undefined;
  }
  if (pack.version !== 1 || !Array.isArray(pack.rules)) return undefined;
  return pack.sources === undefined || isCurrent(pack.sources, pack.hashes) ? pack.rules : undefined;
}

/** No rule file was added, removed or changed since the pack was written. */
function isCurrent(sources: Record<string, number>, hashes: Record<string, string> | undefined): boolean {
  const dir = builtinRulesDir();
  let names: string[];
  try {
    names = ruleFileNames(dir);
  } catch {
    return false;
  }
  if (names.length !== Object.keys(sources).length) return false;
  return names.every((name) => {
    const file = path.join(dir, name);
    if (sources[name] === undefined) return false;
    if (statSync(file).mtimeMs === sources[name]) return true;
    // npm packs every file with one fixed date, so in an installed package no time matches: the
    // contents decide (without this, every hook run of an installed sprawlguard parsed the YAML).
    const hash = hashes?.[name];
    return hash !== undefined && fileHash(file) === hash;
  });
}
