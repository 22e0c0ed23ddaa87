/**
 * What `verify` and `revoke` read: a `--format json` report (checked for the fields verification
 * relies on), the findings selected from it, the rules that explain them, and where their secrets
 * can be read again. A report carries no raw secrets, so each one is re-read from its recorded
 * location (files relative to the scan root, commits with `git show`) and used only if its
 * fingerprint matches.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfigFile } from '../config/load.js';
import { loadBuiltinRules } from '../config/builtin-rules.js';
import { SprawlguardError } from '../errors.js';
import type { Finding, Report, ScanScope } from '../findings/finding.js';
import type { Rule } from '../rules/schema.js';
import { SourceReader } from './reread.js';

/** The report given to verify or revoke cannot be used: an input error (the CLI exits 2). */
export class ReportInputError extends SprawlguardError {
  constructor(message: string) {
    super('input', message);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parse a `--format json` report, checking the fields verification relies on. */
export async function readReport(file: string): Promise<Report> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ReportInputError(`${file}: cannot read the report (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ReportInputError(`${file}: not JSON; verify and revoke read reports written with --format json`);
  }
  if (!isObject(parsed) || !Array.isArray(parsed.findings)) throw new ReportInputError(`${file}: not a sprawlguard JSON report (no "findings" list)`);
  parsed.findings.forEach((f, index) => {
    const where = `${file}: findings[${index}]`;
    if (!isObject(f) || typeof f.fingerprint !== 'string' || typeof f.ruleId !== 'string' || typeof f.provider !== 'string') {
      throw new ReportInputError(`${where}: needs fingerprint, ruleId and provider`);
    }
    const loc = f.location;
    if (!isObject(loc) || typeof loc.path !== 'string' || typeof loc.source !== 'string') throw new ReportInputError(`${where}.location: needs source and path`);
    for (const field of ['line', 'column', 'endLine', 'endColumn']) {
      if (!Number.isInteger(loc[field]) || (loc[field] as number) < 1) throw new ReportInputError(`${where}.location.${field}: must be a positive integer`);
    }
    if (typeof f.redacted !== 'string') f.redacted = '…';
  });
  const scan = parsed.scan;
  if (scan !== undefined && (!isObject(scan) || !['files', 'git', 'stdin'].includes(scan.source as string) || typeof scan.root !== 'string' || !path.isAbsolute(scan.root))) {
    throw new ReportInputError(`${file}: "scan" must be { source: files, git or stdin; root: an absolute path }, or be left out (then --root says where the files are)`);
  }
  return parsed as unknown as Report;
}

/** Keep findings named by --rule / --fingerprint (all when neither is given). */
export function selectFindings(findings: Finding[], rules: readonly string[] = [], fingerprints: readonly string[] = []): Finding[] {
  const ruleSet = new Set(rules);
  // A bare hex digest is taken as either scheme; a guessable secret's fingerprint is `scrypt:`.
  const fpSet = new Set(fingerprints.flatMap((f) => (/^[a-z0-9]+:/.test(f) ? [f] : [`sha256:${f}`, `scrypt:${f}`])));
  return findings.filter((f) => (ruleSet.size === 0 || ruleSet.has(f.ruleId)) && (fpSet.size === 0 || fpSet.has(f.fingerprint)));
}

/** Rules by id: the built-in pack and the config's custom rules, disabled ones included (they still explain old findings). */
export async function rulesFor(root: string, configFile: string | undefined): Promise<Rule[]> {
  const loaded = await loadConfigFile(root, configFile);
  const custom = new Map(loaded.customRules.map((r) => [r.id, r]));
  return [...loadBuiltinRules().filter((r) => !custom.has(r.id)), ...loaded.customRules];
}

/**
 * Where a report's findings are read again: `--root` when given, else the scan's own record of what
 * it read (reports from `scan` carry it), else the working directory (older reports).
 */
export function readerFor(scope: ScanScope | undefined, rootOption?: string): SourceReader {
  if (rootOption !== undefined) return new SourceReader(path.resolve(rootOption));
  if (!scope) return new SourceReader(process.cwd());
  // Standard input is gone by now; its name must not be mistaken for a file.
  if (scope.source === 'stdin') return new SourceReader(scope.root, () => undefined);
  return new SourceReader(scope.root);
}
