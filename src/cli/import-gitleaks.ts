/**
 * `sprawlguard import gitleaks [.gitleaks.toml]`: write the equivalent `.sprawlguard.yaml` (and,
 * when a `.gitleaksignore` exists, a baseline), then report what translated, what translated with a
 * caveat and what did not. Never overwrites a file without --force. Exit 0 when written, 2 when the
 * input cannot be read or an output exists.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { redactCredentialText } from '../config/redact-text.js';
import { resolveSettingsWith } from '../config/settings.js';
import { scannerConfig } from '../pipeline/scanner-config.js';
import type { ImportNote } from '../config/gitleaks/translate.js';
import { createBaseline } from '../findings/baseline.js';
import { ChunkScanner } from '../scan/chunk-scanner.js';
import { DEFAULT_BASELINE } from './baseline.js';
import { EXIT_CLEAN, UsageError } from './errors.js';
import { fingerprintKeyOf } from './options.js';
import { writeToStdout } from './output.js';

export interface ImportGitleaksOptions {
  output?: string;
  stdout?: boolean;
  force?: boolean;
  ignoreFile?: string;
  baselineOutput?: string;
  repo?: string;
  fingerprintKey?: string;
}

export async function runImportGitleaks(file: string, raw: Record<string, unknown>): Promise<number> {
  const opts = raw as ImportGitleaksOptions;
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${file}: cannot read the gitleaks configuration (${error.code ?? error.message})`);
  });
  const output = opts.stdout ? undefined : (opts.output ?? '.sprawlguard.yaml');
  const ignoreFile = opts.ignoreFile ?? [path.join(path.dirname(file), '.gitleaksignore'), '.gitleaksignore'].find((f) => existsSync(f));
  if (opts.ignoreFile !== undefined && !existsSync(opts.ignoreFile)) throw new UsageError(`--ignore-file ${opts.ignoreFile}: no such file`);
  const baselineOutput = ignoreFile ? (opts.baselineOutput ?? DEFAULT_BASELINE) : undefined;
  for (const target of [output, baselineOutput]) {
    if (target !== undefined && existsSync(target) && !opts.force) {
      throw new UsageError(`${target} exists: pass --force to overwrite it, or write elsewhere with -o FILE / --stdout`);
    }
  }

  const { loadBuiltinRules } = await import('../config/builtin-rules.js');
  const { importGitleaks } = await import('../config/gitleaks/import.js');
  const builtin = loadBuiltinRules();
  const result = await importGitleaks(text, file, new Set(builtin.map((r) => r.id)));
  if (output === undefined) await writeToStdout(result.yaml);
  else await writeFile(output, result.yaml);

  const report: string[] = [`imported ${file} into ${output ?? 'standard output'}: ${summary(result.loaded.config, result.loaded.customRules.length)}`];
  // Notes quote the user's regexes, which can hold a credential: those lines are redacted.
  report.push(...section('translated with a caveat', result.notes, true), ...section('not translated', result.skipped, true));

  if (ignoreFile && baselineOutput) {
    const { parseGitleaksIgnore, resolveIgnoreEntries } = await import('../config/gitleaks/ignore-file.js');
    const { entries, malformed } = parseGitleaksIgnore(await readFile(ignoreFile, 'utf8'));
    const settings = resolveSettingsWith(result.loaded, builtin);
    const scanner = new ChunkScanner(scannerConfig(settings, { fingerprintKey: fingerprintKeyOf(opts) }));
    const resolved = await resolveIgnoreEntries(entries, { root: path.resolve(opts.repo ?? '.'), scanner, maxFileSize: settings.maxFileSize });
    const baseline = createBaseline(resolved.findings);
    await writeFile(baselineOutput, `${JSON.stringify(baseline, null, 2)}\n`);
    report.push(
      `${ignoreFile}: ${entries.length} fingerprint${entries.length === 1 ? '' : 's'} → ${baseline.findings.length} baseline entr${baseline.findings.length === 1 ? 'y' : 'ies'} in ${baselineOutput} (use it with \`sprawlguard scan --baseline ${baselineOutput}\`)`,
      '  gitleaks fingerprints name a commit, file, rule and line, not the secret: each was resolved by scanning that line with sprawlguard\'s rules, and the baseline records the secret it found there (rule, fingerprint, path), so it still matches when the line moves.',
      ...section('not resolved', [...malformed, ...resolved.unresolved], false),
    );
  }
  process.stderr.write(`${report.map((line) => `sprawlguard: ${line}`).join('\n')}\n`);
  return EXIT_CLEAN;
}

function summary(config: { disable_rules: string[]; allowlist: { paths: string[]; regexes: string[]; stopwords: string[]; commits: string[] } }, rules: number): string {
  const parts: [number, string, string][] = [
    [rules, 'custom rule', 'custom rules'],
    [config.disable_rules.length, 'disabled rule', 'disabled rules'],
    [config.allowlist.paths.length, 'allowlisted path glob', 'allowlisted path globs'],
    [config.allowlist.regexes.length, 'allowlist regex', 'allowlist regexes'],
    [config.allowlist.stopwords.length, 'stopword', 'stopwords'],
    [config.allowlist.commits.length, 'allowlisted commit', 'allowlisted commits'],
  ];
  return parts.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(', ');
}

function section(title: string, items: readonly ImportNote[], redact: boolean): string[] {
  if (items.length === 0) return [];
  const shown = (text: string): string => (redact ? redactCredentialText(text) : text);
  return [`${title} (${items.length}):`, ...items.map((n) => `  ${shown(n.at)}: ${shown(n.message)}`)];
}
