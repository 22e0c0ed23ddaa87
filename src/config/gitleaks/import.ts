/**
 * `.gitleaks.toml` text → a validated `.sprawlguard.yaml`: parse the TOML, translate it, and check
 * the result with the same loader a scan uses, so the file written always loads. A translated rule
 * the loader still refuses is moved to the skipped list with the loader's reason.
 */
import { parse as parseToml } from 'smol-toml';
import { stringify } from 'yaml';
import { linearTimeRisks } from '../../rules/linear-time.js';
import { ConfigError } from '../errors.js';
import { parseConfig } from '../load.js';
import type { LoadedConfig } from '../settings.js';
import { translateGitleaks, type ImportNote, type TranslatedConfig } from './translate.js';

export interface GitleaksImport {
  /** The configuration as written to `.sprawlguard.yaml`. */
  yaml: string;
  loaded: LoadedConfig;
  notes: ImportNote[];
  skipped: ImportNote[];
}

/** Where editors find the schema when sprawlguard is installed in the repository. */
const SCHEMA_LINE = '# yaml-language-server: $schema=./node_modules/sprawlguard/schema/sprawlguard.schema.json';

export async function importGitleaks(text: string, shown: string, builtinRuleIds: ReadonlySet<string>): Promise<GitleaksImport> {
  let toml: Record<string, unknown>;
  try {
    toml = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError([{ file: shown, path: '', message: `invalid TOML: ${(error as Error).message}` }]);
  }
  const translated = translateGitleaks(toml, { builtinRuleIds, linearTimeRisks });
  await dropRulesTheLoaderRefuses(translated, builtinRuleIds);
  const loaded = await parseConfig(translated.config, '.sprawlguard.yaml', { builtinRuleIds });
  const header = [
    SCHEMA_LINE,
    `# Imported from ${shown} by \`sprawlguard import gitleaks\`.`,
    `# ${translated.notes.length} translated with a caveat, ${translated.skipped.length} not translated: see the command's report.`,
  ].join('\n');
  const body = Object.keys(translated.config).length > 0 ? stringify(translated.config, { lineWidth: 0 }) : '{}\n';
  return { yaml: `${header}\n${body}`, loaded, notes: translated.notes, skipped: translated.skipped };
}

async function dropRulesTheLoaderRefuses(translated: TranslatedConfig, builtinRuleIds: ReadonlySet<string>): Promise<void> {
  const rules = translated.config.rules ?? [];
  const kept: Record<string, unknown>[] = [];
  for (const rule of rules) {
    try {
      await parseConfig({ rules: [rule] }, '.sprawlguard.yaml', { builtinRuleIds });
      kept.push(rule);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      for (const p of error.problems) translated.skipped.push({ at: `rule ${String(rule.id)}`, message: `${p.path.replace(/^rules\[0\]\.?/, '')}: ${p.message}` });
    }
  }
  if (kept.length > 0) translated.config.rules = kept;
  else delete translated.config.rules;
}
