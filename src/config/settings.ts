/**
 * The settings a scan runs with, reached without loading the YAML parser or the schema library
 * when there is nothing to parse: the built-in rule pack comes from the build's `lib/rules.json`
 * and a missing `.sprawlguard.yaml` means defaults. Importing yaml and zod is a large share of a
 * pre-commit scan's start-up (figures in bench/README.md); ./load.ts, which
 * needs them, is imported only when a config file exists or the compiled pack is stale.
 */
import type { ScanWarning } from '../findings/finding.js';
import path from 'node:path';
import type { Confidence, Rule } from '../rules/schema.js';
import type { Problem } from '../rules/problem.js';
import { readPackedRules } from './rule-pack.js';
import { CONFIG_FILE_NAME, findConfigFile, type ConfigLocation, type ConfigOrigin } from './discover.js';
import { ConfigError } from './errors.js';
import type { ConfigFile } from './file-schema.js';
import { contextPolicyFrom, type ContextPolicy } from '../findings/fixture-policy.js';

import { DEFAULT_MAX_FILE_SIZE, DEFAULT_WARN_SHARE } from './defaults.js';

export { CONFIG_FILE_NAME, DEFAULT_MAX_FILE_SIZE };

export interface LoadedConfig {
  /** The file read, if any, as shown to the user. */
  file?: string;
  /** How the file was found, and what its path globs are relative to. */
  location?: ConfigLocation;
  config: ConfigFile;
  customRules: Rule[];
}

/** The configuration when there is no file: what the schema gives for `{}`. */
export function defaultConfig(): LoadedConfig {
  return {
    config: {
      disable_rules: [],
      rules: [],
      allowlist: { paths: [], fingerprints: [], regexes: [], stopwords: [], commits: [], warn_share: DEFAULT_WARN_SHARE },
    },
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
  /** Commit ids (full or abbreviated) whose findings are not reported. */
  allowCommits: string[];
  /** Share of considered files that `allowlist.paths` may leave out before a scan warns. */
  allowlistWarnShare: number;
  configFile?: string;
  configOrigin?: ConfigOrigin;
  /** Prefix for scan-root-relative paths before `allowlist.paths` match (see ConfigLocation.globBase). */
  allowPathBase?: string;
  /** What the configuration itself gives reason to warn about (a change to it, its coverage). */
  warnings: ScanWarning[];
  /** The config's `baseline:` file, resolved against the config file's directory. */
  baselineFile?: string;
  /** Which findings are fixtures rather than incidents (the `context:` section; docs/context.md). */
  contextPolicy: ContextPolicy;
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
    allowCommits: config.allowlist.commits.map((c) => c.toLowerCase()),
    allowlistWarnShare: config.allowlist.warn_share,
    configFile: loaded.file,
    configOrigin: loaded.location?.origin,
    allowPathBase: loaded.location?.globBase || undefined,
    warnings: [],
    contextPolicy: contextPolicyFrom(config.context),
    ...(config.baseline !== undefined ? { baselineFile: path.resolve(path.dirname(loaded.location?.file ?? loaded.file ?? CONFIG_FILE_NAME), config.baseline) } : {}),
  };
}

export function unknownRuleProblem(file: string, id: string, index: number): Problem {
  return { file, path: `disable_rules[${index}]`, message: `unknown rule id "${id}" (see \`sprawlguard rules list\`)` };
}

/**
 * Built-in rules and the configuration that applies to a scan rooted at `root` (see ./discover.ts:
 * `-c`, SPRAWLGUARD_CONFIG, the scan root and its parents, the current directory), resolved. The
 * parser modules are loaded only when a config file exists or the compiled rule pack is stale.
 */
export async function loadSettings(root: string, explicitPath?: string): Promise<ScanSettings> {
  const location = findConfigFile(root, { explicit: explicitPath });
  const packed = readPackedRules();
  if (packed && location === undefined) return resolveSettingsWith(defaultConfig(), packed);
  const load = await import('./load.js');
  return load.resolveSettings(await load.loadConfigAt(location));
}

/**
 * What to tell the user about where the configuration came from, when it is not the scan root's
 * own file or one they named with `-c` (a parent directory's, the current directory's, or the one
 * SPRAWLGUARD_CONFIG names, which they may have forgotten is set).
 */
export function configLocationNote(settings: ScanSettings): string | undefined {
  const file = settings.configFile;
  if (file === undefined) return undefined;
  switch (settings.configOrigin) {
    case 'parent':
      return `using configuration ${file} (from a parent directory of the scan root)`;
    case 'cwd':
      return `using configuration ${file} (from the current directory; the scan root has none)`;
    case 'env':
      return `using configuration ${file} (named by SPRAWLGUARD_CONFIG)`;
    default:
      return undefined;
  }
}
