/**
 * Load the built-in rule pack and the user's `.sprawlguard.yaml`, and resolve them into the settings
 * a scan runs with. All I/O for configuration happens here; rules/ and engine/ stay pure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { compileRule, RuleCompileError } from '../engine/detector.js';
import { loadRuleFiles, zodProblems, formatProblem, type Problem } from '../rules/load.js';
import { customRuleSchema, type Confidence, type Rule } from '../rules/schema.js';
import { configSchema, type ConfigFile } from './schema.js';

export const CONFIG_FILE_NAME = '.sprawlguard.yaml';
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** Raised for invalid configuration or rules; the CLI maps it to exit code 2. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  }
}

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

let builtinCache: Rule[] | undefined;

export function loadBuiltinRules(): Rule[] {
  if (builtinCache) return builtinCache;
  const { rules, problems } = loadRuleFiles(readRuleDir(builtinRulesDir()));
  if (problems.length > 0) throw new ConfigError(problems);
  builtinCache = rules;
  return rules;
}

export interface LoadedConfig {
  /** The file read, if any. */
  file?: string;
  config: ConfigFile;
  customRules: Rule[];
}

/** Find and parse the config: an explicit path, else `.sprawlguard.yaml` in the root, else defaults. */
export function loadConfigFile(root: string, explicitPath?: string): LoadedConfig {
  const file = explicitPath ?? path.join(root, CONFIG_FILE_NAME);
  if (!existsSync(file)) {
    if (explicitPath !== undefined) {
      throw new ConfigError([{ file: explicitPath, path: '', message: 'config file not found' }]);
    }
    return { config: configSchema.parse({}), customRules: [] };
  }
  const shown = path.relative(process.cwd(), file) || file;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'), { prettyErrors: true }) ?? {};
  } catch (error) {
    throw new ConfigError([{ file: shown, path: '', message: `cannot read: ${(error as Error).message}` }]);
  }
  return parseConfig(raw, shown);
}

/** Validate an already-parsed config object. Pure apart from nothing: exported for tests. */
export function parseConfig(raw: unknown, shown: string): LoadedConfig {
  const problems: Problem[] = [];
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(zodProblems(shown, '', parsed.error));
  const config = parsed.data;
  const customRules: Rule[] = [];
  config.rules.forEach((item, index) => {
    const result = customRuleSchema.safeParse(item);
    const id = typeof item === 'object' && item !== null && 'id' in item ? String((item as { id: unknown }).id) : undefined;
    if (!result.success) {
      problems.push(...zodProblems(shown, `rules[${index}]`, result.error, id));
      return;
    }
    try {
      compileRule(result.data);
      customRules.push(result.data);
    } catch (error) {
      const field = error instanceof RuleCompileError ? error.field : 'pattern';
      problems.push({ file: shown, ruleId: id, path: `rules[${index}].${field}`, message: (error as Error).message });
    }
  });
  const seen = new Set<string>();
  for (const rule of customRules) {
    if (seen.has(rule.id)) problems.push({ file: shown, ruleId: rule.id, path: 'rules', message: 'duplicate custom rule id' });
    seen.add(rule.id);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { file: shown, config, customRules };
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
}

/** Built-in rules minus disabled ones, plus custom rules (which replace built-ins of the same id). */
export function resolveSettings(loaded: LoadedConfig, builtin: readonly Rule[] = loadBuiltinRules()): ScanSettings {
  const { config, customRules } = loaded;
  const known = new Set([...builtin.map((r) => r.id), ...customRules.map((r) => r.id)]);
  const unknown = config.disable_rules.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ConfigError(
      unknown.map((id) => ({
        file: loaded.file ?? CONFIG_FILE_NAME,
        path: `disable_rules`,
        message: `unknown rule id "${id}" (see \`sprawlguard rules list\`)`,
      })),
    );
  }
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
  };
}
