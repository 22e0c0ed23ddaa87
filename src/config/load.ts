/**
 * Parse and validate configuration: the rule pack's YAML (when no compiled pack is current) and the
 * user's `.sprawlguard.yaml`. This module loads the YAML parser and the schema library; the light
 * entry point a scan starts from is ./settings.ts, which loads this one only when it is needed.
 *
 * Every pattern a config brings (custom rules, allowlist regexes) goes through the linear-time check
 * that `rules check` runs: a catastrophic pattern would hang the scan on hostile input, so it is
 * refused here with the others' problems.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { captureGroupCount, compileRule, RuleCompileError } from '../engine/compile.js';
import { ZodError, type z } from 'zod';
import { issuePath, zodProblems, type Problem } from '../rules/parse.js';
import { findConfigFile, type ConfigLocation, type FindConfigOptions } from './discover.js';
import { unknownPolicyRules } from './context-policy.js';
import { ConfigError } from './errors.js';

export { ConfigError };
export { DEFAULT_MAX_FILE_SIZE } from './defaults.js';
import { customRuleSchema, type Rule } from '../rules/schema.js';
import { configSchema } from './file-schema.js';
import { loadBuiltinRules } from './builtin-rules.js';
import {
  defaultConfig,
  resolveSettingsWith,
  unknownRuleProblem,
  type LoadedConfig,
  type ScanSettings,
} from './settings.js';


/**
 * The configuration for a scan rooted at `root`: `explicitPath` (`-c`), else SPRAWLGUARD_CONFIG,
 * else the nearest `.sprawlguard.yaml` (see ./discover.ts), else defaults.
 */
export async function loadConfigFile(root: string, explicitPath?: string, options: Omit<FindConfigOptions, 'explicit'> = {}): Promise<LoadedConfig> {
  return loadConfigAt(findConfigFile(root, { ...options, explicit: explicitPath }));
}

/** Read and validate the config file at `location`; defaults when there is none. */
export async function loadConfigAt(location: ConfigLocation | undefined): Promise<LoadedConfig> {
  if (location === undefined) return defaultConfig();
  const shown = displayPath(location.file);
  if (!existsSync(location.file)) {
    const named = location.origin === 'env' ? ' (named by SPRAWLGUARD_CONFIG)' : '';
    throw new ConfigError([{ file: shown, path: '', message: `config file not found${named}` }]);
  }
  let text: string;
  try {
    text = readFileSync(location.file, 'utf8');
  } catch (error) {
    throw new ConfigError([{ file: shown, path: '', message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }]);
  }
  return { ...(await parseConfigText(text, shown)), location };
}

/** Validate config text (a file's, or its version at some commit) shown to the user as `shown`. */
export async function parseConfigText(text: string, shown: string): Promise<LoadedConfig> {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true }) ?? {};
  } catch (error) {
    throw new ConfigError([{ file: shown, path: '', message: `invalid YAML: ${(error as Error).message}` }]);
  }
  return parseConfig(raw, shown, { builtinRuleIds: builtinRuleIdsIfLoadable() });
}

/** A path as the user would type it from here. */
function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** Ids of the built-in rules, or undefined when the pack itself is broken (`rules check` reports that). */
function builtinRuleIdsIfLoadable(): ReadonlySet<string> | undefined {
  try {
    return new Set(loadBuiltinRules().map((r) => r.id));
  } catch {
    return undefined;
  }
}

export interface ParseConfigOptions {
  /** When given, every id in `disable_rules` must be one of these or a custom rule's. */
  builtinRuleIds?: ReadonlySet<string>;
}

/**
 * Validate an already-parsed config object. Every problem is collected (schema, each custom rule,
 * unknown disabled rule ids) and thrown together, each with its path, so one run shows them all.
 */
export async function parseConfig(raw: unknown, shown: string, options: ParseConfigOptions = {}): Promise<LoadedConfig> {
  const input = dropNullSections(raw);
  const problems: Problem[] = [];
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) problems.push(...configProblems(shown, '', parsed.error));

  const customRules: Rule[] = [];
  /** Patterns that compile, for the linear-time check: where each is, and how it runs. */
  const patterns: { problemAt: Omit<Problem, 'message'>; pattern: string; ignoreCase: boolean }[] = [];
  const rawRules = isRecord(input) && Array.isArray(input.rules) ? (input.rules as unknown[]) : [];
  const firstIndexOfId = new Map<string, number>();
  rawRules.forEach((item, index) => {
    const id = isRecord(item) && 'id' in item ? String(item.id) : undefined;
    const result = customRuleSchema.safeParse(item);
    if (!result.success) {
      problems.push(...configProblems(shown, `rules[${index}]`, result.error, id));
      // The schema does not look inside the pattern: check it too, so one run lists everything.
      const pattern = isRecord(item) ? item.pattern : undefined;
      const patternMessage = typeof pattern === 'string' && pattern !== '' ? patternProblem(pattern) : undefined;
      const at = { file: shown, ruleId: id, path: `rules[${index}].pattern` };
      if (patternMessage) problems.push({ ...at, message: patternMessage });
      else if (typeof pattern === 'string' && pattern !== '') patterns.push({ problemAt: at, pattern, ignoreCase: isRecord(item) && item.ignore_case === true });
      return;
    }
    patterns.push({ problemAt: { file: shown, ruleId: id, path: `rules[${index}].pattern` }, pattern: result.data.pattern, ignoreCase: result.data.ignore_case });
    try {
      compileRule(result.data);
    } catch (error) {
      const field = error instanceof RuleCompileError ? error.field : 'pattern';
      const message = error instanceof RuleCompileError ? error.message.slice(`${error.ruleId}: ${field}: `.length) : (error as Error).message;
      problems.push({ file: shown, ruleId: id, path: `rules[${index}].${field}`, message });
      return;
    }
    const first = firstIndexOfId.get(result.data.id);
    if (first !== undefined) {
      problems.push({ file: shown, ruleId: id, path: `rules[${index}].id`, message: `duplicate custom rule id (also rules[${first}])` });
      return;
    }
    firstIndexOfId.set(result.data.id, index);
    customRules.push(result.data);
  });

  if (options.builtinRuleIds !== undefined && isRecord(input) && Array.isArray(input.disable_rules)) {
    const known = options.builtinRuleIds;
    const customIds = new Set(rawRules.map((r) => (isRecord(r) && typeof r.id === 'string' ? r.id : undefined)));
    (input.disable_rules as unknown[]).forEach((id, index) => {
      if (typeof id === 'string' && !known.has(id) && !customIds.has(id)) problems.push(unknownRuleProblem(shown, id, index));
    });
  }

  if (options.builtinRuleIds !== undefined && parsed.success) {
    // A typo in a per-rule context override would otherwise silently change nothing.
    const ids = [...options.builtinRuleIds, ...customRules.map((r) => r.id)];
    for (const id of unknownPolicyRules(parsed.data.context, ids)) {
      problems.push({ file: shown, path: `context.rules.${id}`, message: `unknown rule id "${id}" (see \`sprawlguard rules list\`)` });
    }
  }

  // Read from the input, so a problem elsewhere in the file does not hide these.
  const allowlist = isRecord(input) && isRecord(input.allowlist) ? input.allowlist : {};
  (Array.isArray(allowlist.regexes) ? (allowlist.regexes as unknown[]) : []).forEach((pattern, index) => {
    if (typeof pattern === 'string' && compiles(pattern)) {
      patterns.push({ problemAt: { file: shown, path: `allowlist.regexes[${index}]` }, pattern, ignoreCase: false });
    }
  });
  problems.push(...(await linearTimeProblems(patterns)));

  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return { file: shown, config: parsed.data, customRules };
}

/**
 * Patterns that could backtrack without bound on hostile input. The analysis module is imported
 * only when there is a pattern to check: it is large, and most configs have none.
 */
async function linearTimeProblems(patterns: readonly { problemAt: Omit<Problem, 'message'>; pattern: string; ignoreCase: boolean }[]): Promise<Problem[]> {
  if (patterns.length === 0) return [];
  const { linearTimeRisks } = await import('../rules/linear-time.js');
  return patterns.flatMap(({ problemAt, pattern, ignoreCase }) =>
    linearTimeRisks(pattern, ignoreCase).map((risk) => ({ ...problemAt, message: `refused: not linear-time: ${risk}` })),
  );
}

/** Why a custom rule's pattern cannot be used, or undefined when it compiles with one capture group. */
function patternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
  } catch (error) {
    return `does not compile: ${(error as Error).message}`;
  }
  const groups = captureGroupCount(pattern);
  return groups === 1 ? undefined : `must have exactly one capture group (the secret), found ${groups}; use (?:…) for the others`;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `allowlist:` with every entry commented out parses as null: treat an empty section as absent
 * rather than as an error the user has to puzzle over.
 */
function dropNullSections(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === null) continue;
    out[key] = key === 'allowlist' ? dropNullSections(value) : value;
  }
  return out;
}

/** Zod issues as problems; an unknown key is reported at its own path (`allowlist.pahts`). */
function configProblems(file: string, base: string, error: z.ZodError, ruleId?: string): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ file, ruleId, path: issuePath(base, [...issue.path, key]), message: 'unknown key' });
      }
    } else {
      problems.push(...zodProblems(file, base, new ZodError([issue]), ruleId));
    }
  }
  return problems;
}


/** Built-in rules minus disabled ones, plus custom rules (which replace built-ins of the same id). */
export function resolveSettings(loaded: LoadedConfig, builtin: readonly Rule[] = loadBuiltinRules()): ScanSettings {
  return resolveSettingsWith(loaded, builtin);
}
