/**
 * The built-in rule pack as the build compiled it (`lib/rules.json`), and where its YAML lives.
 * Kept apart from the settings so that code needing only the pack (redacting credentials in
 * configuration messages) does not import the rest of the configuration machinery.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../rules/schema.js';

/** The rule pack shipped with sprawlguard (`rules/*.yaml` at the package root). */
export function builtinRulesDir(): string {
  return fileURLToPath(new URL('../../rules/', import.meta.url));
}

export function readRuleDir(dir: string): { path: string; text: string }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => ({ path: `rules/${name}`, text: readFileSync(path.join(dir, name), 'utf8') }));
}

interface CompiledRules {
  version: 1;
  /** Rule file name → modification time when compiled. */
  sources: Record<string, number>;
  /** Rule file name → SHA-256 of its contents when compiled. */
  hashes?: Record<string, string>;
  rules: Rule[];
}

/** readCompiledRules' answer, read once per process (null: not usable). */
let compiledRules: Rule[] | null | undefined;

/**
 * The rule pack as validated and compiled by the build (`lib/rules.json`), when it is present and
 * no rule file changed since: parsing JSON instead of YAML saves most of the CLI's start-up time.
 * Read once per process: the settings fast path and the full loader both ask for it.
 */
export function readCompiledRules(): Rule[] | undefined {
  if (compiledRules === undefined) compiledRules = readCompiledRulesFile() ?? null;
  return compiledRules ?? undefined;
}

function readCompiledRulesFile(): Rule[] | undefined {
  let compiled: CompiledRules;
  try {
    compiled = JSON.parse(readFileSync(new URL('../rules.json', import.meta.url), 'utf8')) as CompiledRules;
  } catch {
    return undefined;
  }
  const dir = builtinRulesDir();
  const names = readdirSync(dir).filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'));
  if (names.length !== Object.keys(compiled.sources).length) return undefined;
  for (const name of names) {
    const recorded = compiled.sources[name];
    const file = path.join(dir, name);
    if (recorded === undefined) return undefined;
    if (statSync(file).mtimeMs === recorded) continue;
    // npm packs every file with one fixed date, so in an installed package no time matches: the
    // contents decide (without this, every hook run of an installed sprawlguard parsed the YAML).
    const hash = compiled.hashes?.[name];
    if (hash === undefined || createHash('sha256').update(readFileSync(file)).digest('hex') !== hash) return undefined;
  }
  return compiled.rules;
}
