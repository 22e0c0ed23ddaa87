/**
 * Findings in the real corpus (the installed node_modules) that a person has read, with the
 * verdict. The harness counts unreviewed findings as false, so the target stays honest when
 * dependencies change; a finding is matched by its path (versions change hashes in file names)
 * and rule.
 */
export interface Review {
  path: RegExp;
  rule: string;
  verdict: 'false' | 'real';
  why: string;
}

export const REVIEWED: readonly Review[] = [
  {
    path: /^@secretlint\/secretlint-rule-preset-recommend\/module\/index-[\w-]+\.js(?:\.map)?$/,
    rule: 'generic-secret-assignment',
    verdict: 'false',
    why: 'documentation: a comment showing what a decoded 1Password service-account token looks like (".lcl" e-mail domain), copied into the source map too',
  },
];

export function reviewOf(path: string, rule: string): Review | undefined {
  return REVIEWED.find((r) => r.rule === rule && r.path.test(path));
}
