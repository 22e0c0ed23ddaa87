/**
 * Parse and validate rule files. Pure: callers pass file contents in, problems come back as data,
 * every one of them with its file, rule id and field path, so a user can fix them all at once.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ruleSchema, type Rule } from './schema.js';
import { formatProblem, type Problem } from './problem.js';

export { formatProblem, type Problem };

export interface RuleSourceFile {
  /** Where the text came from, as it should be shown to the user. */
  path: string;
  text: string;
}

export function issuePath(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  }
  return out;
}

export function zodProblems(file: string, base: string, error: z.ZodError, ruleId?: string): Problem[] {
  return error.issues.map((issue) => ({
    file,
    ruleId,
    path: issuePath(base, issue.path),
    message: issue.message,
  }));
}

/** Validate a list of raw rule objects (already parsed from YAML). */
export function validateRules(file: string, raw: unknown, basePath = ''): { rules: Rule[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const rules: Rule[] = [];
  if (!Array.isArray(raw)) {
    problems.push({ file, path: basePath, message: 'expected a list of rules' });
    return { rules, problems };
  }
  raw.forEach((item, index) => {
    const id = typeof item === 'object' && item !== null && 'id' in item ? String((item as { id: unknown }).id) : undefined;
    const result = ruleSchema.safeParse(item);
    if (result.success) rules.push(result.data);
    else problems.push(...zodProblems(file, `${basePath}[${index}]`, result.error, id));
  });
  return { rules, problems };
}

/** Parse YAML rule files and validate each rule. Duplicate ids across files are problems too. */
export function loadRuleFiles(files: readonly RuleSourceFile[]): { rules: Rule[]; problems: Problem[]; fileOf: Map<string, string> } {
  const problems: Problem[] = [];
  const rules: Rule[] = [];
  const origins: { rule: Rule; file: string }[] = [];
  for (const file of files) {
    let raw: unknown;
    try {
      raw = parseYaml(file.text, { prettyErrors: true });
    } catch (error) {
      problems.push({ file: file.path, path: '', message: `invalid YAML: ${(error as Error).message}` });
      continue;
    }
    const result = validateRules(file.path, raw);
    rules.push(...result.rules);
    problems.push(...result.problems);
    for (const rule of result.rules) origins.push({ rule, file: file.path });
  }
  problems.push(...duplicateIdProblems(origins));
  const fileOf = new Map<string, string>();
  for (const { rule, file } of origins) if (!fileOf.has(rule.id)) fileOf.set(rule.id, file);
  return { rules, problems, fileOf };
}

/** Rule ids are stable identities (baselines and triage refer to them): each may be defined once. */
export function duplicateIdProblems(entries: readonly { rule: Rule; file: string }[]): Problem[] {
  const firstFile = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { rule, file } of entries) {
    const first = firstFile.get(rule.id);
    if (first !== undefined) {
      problems.push({ file, ruleId: rule.id, path: 'id', message: `duplicate rule id (first defined in ${first})` });
    } else firstFile.set(rule.id, file);
  }
  return problems;
}
