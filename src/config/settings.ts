/**
 * The settings a scan runs with, reached without loading the YAML parser or the schema library
 * when there is nothing to parse: the built-in rule pack comes from the build's `lib/rules.json`
 * and a missing `.sprawlguard.yaml` means defaults. Importing yaml and zod costs ~100 ms at start-up
 * (measured: zod 60-75 ms, yaml 30-45 ms), a third of a pre-commit scan's budget; ./load.ts, which
 * needs them, is imported only when a config file exists or the compiled pack is stale.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Confidence, Rule } from '../rules/schema.js';
import type { Problem } from '../rules/problem.js';
import { ConfigError } from './errors.js';
import type { ConfigFile } from './schema.js';
import type { ScannerConfig } from '../scan/chunk-scanner.js';

export const CONFIG_FILE_NAME = '.sprawlguard.yaml';
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

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

export interface LoadedConfig {
  /** The file read, if any. */
  file?: string;
  config: ConfigFile;
  customRules: Rule[];
}

/** The configuration when there is no file: what the schema gives for `{}`. */
export function defaultConfig(): LoadedConfig {
  return {
    config: { disable_rules: [], rules: [], allowlist: { paths: [], fingerprints: [], regexes: [], stopwords: [] } },
    customRules: [],
  };
}

export interface ScanSettings {
  rules: Rule[];
  allowPathGlobs: string[];
  allowFingerprints: Set<string>;
  allowSecretRegexes: RegExp[];
  stopwords: string[];
  maxFileSize: number;
  minConfidence?: Confidence;
  configFile?: string;
  /** The config's `baseline:` file, resolved against the config file's directory. */
  baselineFile?: string;
}

/** Built-in rules minus disabled ones, plus custom rules (which replace built-ins of the same id). */
export function resolveSettingsWith(loaded: LoadedConfig, builtin: readonly Rule[]): ScanSettings {
  const { config, customRules } = loaded;
  const known = new Set([...builtin.map((r) => r.id), ...customRules.map((r) => r.id)]);
  const file = loaded.file ?? CONFIG_FILE_NAME;
  const unknown = config.disable_rules.flatMap((id, index) => (known.has(id) ? [] : [unknownRuleProblem(file, id, index)]));
  if (unknown.length > 0) throw new ConfigError(unknown);
  const disabled = new Set(config.disable_rules);
  const custom = new Map(customRules.map((r) => [r.id, r]));
  const rules = [
    ...builtin.filter((r) => !custom.has(r.id)),
    ...customRules,
  ].filter((r) => !disabled.has(r.id));
  return {
    rules,
    allowPathGlobs: config.allowlist.paths,
    allowFingerprints: new Set(config.allowlist.fingerprints),
    allowSecretRegexes: config.allowlist.regexes.map((r) => new RegExp(r)),
    stopwords: config.allowlist.stopwords.map((s) => s.toLowerCase()),
    maxFileSize: config.max_file_size ?? DEFAULT_MAX_FILE_SIZE,
    minConfidence: config.min_confidence,
    configFile: loaded.file,
    ...(config.baseline !== undefined ? { baselineFile: path.resolve(path.dirname(loaded.file ?? CONFIG_FILE_NAME), config.baseline) } : {}),
  };
}

/** A scanner configuration from resolved settings (allowlisted regexes travel as their sources). */
export function scannerConfig(settings: ScanSettings, options: { includeSecrets?: boolean; fingerprintKey?: string } = {}): ScannerConfig {
  return {
    rules: settings.rules,
    allowSecretRegexes: settings.allowSecretRegexes.map((r) => r.source),
    stopwords: settings.stopwords,
    ...(options.includeSecrets !== undefined ? { includeSecrets: options.includeSecrets } : {}),
    fingerprintKey: options.fingerprintKey,
  };
}

export function unknownRuleProblem(file: string, id: string, index: number): Problem {
  return { file, path: `disable_rules[${index}]`, message: `unknown rule id "${id}" (see \`sprawlguard rules list\`)` };
}

/**
 * Built-in rules and the config under `root` (or `explicitPath`), resolved. The parser modules are
 * loaded only when a config file exists or the compiled rule pack is missing or stale.
 */
export async function loadSettings(root: string, explicitPath?: string): Promise<ScanSettings> {
  const configFile = explicitPath ?? path.join(root, CONFIG_FILE_NAME);
  const compiled = readCompiledRules();
  if (compiled && explicitPath === undefined && !existsSync(configFile)) return resolveSettingsWith(defaultConfig(), compiled);
  const load = await import('./load.js');
  return load.resolveSettings(load.loadConfigFile(root, explicitPath));
}
