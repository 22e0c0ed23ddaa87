/** A problem in a rule or configuration file, with where it is, so users can fix them all at once. */
export interface Problem {
  file: string;
  /** Rule id when known. */
  ruleId?: string;
  /** Dotted path inside the file, e.g. `[3].keywords[0]`. */
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.ruleId, p.path].filter((s) => s !== undefined && s !== '').join(': ');
  return `${where}: ${p.message}`;
}
