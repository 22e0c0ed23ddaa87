/** `sprawlguard rules list` and `sprawlguard rules check`. */
import { readFileSync } from 'node:fs';
import { redactProblem } from '../config/errors.js';
import { loadConfigFile, resolveSettings } from '../config/load.js';
import { builtinRulesDir, readRuleDir } from '../config/rule-pack.js';
import { checkRules } from '../rules/check.js';
import { formatProblem, loadRuleFiles, type Problem } from '../rules/parse.js';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from './errors.js';
import { writeToStdout } from './output.js';

export async function runRulesList(opts: Record<string, unknown>): Promise<number> {
  const settings = resolveSettings(await loadConfigFile(process.cwd(), opts.config as string | undefined));
  if (opts.format === 'json') {
    const rows = settings.rules.map(({ examples: _e, negative_examples: _n, ...rest }) => rest);
    await writeToStdout(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT_CLEAN;
  }
  const width = Math.max(...settings.rules.map((r) => r.id.length), 4);
  const lines = settings.rules.map(
    (r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.lifetime.padEnd(11)}  ${r.confidence.padEnd(6)}  ${r.name}`,
  );
  await writeToStdout(`${'id'.padEnd(width)}  severity  lifetime     conf    name\n${lines.join('\n')}\n${settings.rules.length} rules\n`);
  return EXIT_CLEAN;
}

export async function runRulesCheck(files: string[], opts: Record<string, unknown>): Promise<number> {
  const sources = files.length > 0 ? files.map((f) => ({ path: f, text: readRuleFile(f) })) : readRuleDir(builtinRulesDir());
  const { rules, problems, fileOf } = loadRuleFiles(sources);
  const all: Problem[] = [...problems];
  for (const rule of rules) all.push(...checkRules([rule], fileOf.get(rule.id)));
  let count = rules.length;
  if (opts.config !== undefined) {
    const loaded = await loadConfigFile(process.cwd(), opts.config as string);
    all.push(...checkRules(loaded.customRules, loaded.file ?? String(opts.config)));
    count += loaded.customRules.length;
  }
  // Custom rules come from a user's file: their ids and patterns are quoted redacted.
  for (const p of all) process.stderr.write(`${formatProblem(redactProblem(p))}\n`);
  process.stdout.write(`${count} rules checked, ${all.length} problem${all.length === 1 ? '' : 's'}\n`);
  return all.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** A mistyped rule file name is a usage error (exit 2), not an internal one. */
function readRuleFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read the rule file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
