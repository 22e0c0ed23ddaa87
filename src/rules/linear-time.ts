/**
 * The linear-time check every pattern goes through before it runs on untrusted text: built-in rules
 * (`rules check`), custom rules and allowlist regexes in a user's configuration (refused at load),
 * and regexes imported from gitleaks (whose RE2 engine never backtracks, so patterns written for it
 * can be catastrophic in JavaScript).
 *
 * Two layers: scslre (the super-linear backtracking analysis behind eslint-plugin-regexp) finds
 * quantifiers that can trade, repeat or re-scan the same character, exponentially or polynomially;
 * a structural pass catches what it does not model because it only tries single-character attack
 * strings: a quantified group holding a quantifier with a large bound, and a leading lazy quantifier
 * that makes the pattern run at every position. The analysis library is large, so this module is
 * imported lazily by the configuration loader, only when a config holds a pattern to check.
 */
import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import type { Quantifier } from '@eslint-community/regexpp/ast';
import { analyse, type Report } from 'scslre';

/** Quantifiers with a larger upper bound than this count as unbounded for backtracking purposes. */
const LARGE = 64;

/** Reasons given per pattern: one is enough to refuse it, a second helps fix it. */
const MAX_REASONS = 2;

/**
 * Why `pattern` could take more than linear time on some input, one sentence per cause; empty when
 * it is safe. `ignoreCase` analyses it as the engine would compile it.
 */
export function linearTimeRisks(pattern: string, ignoreCase = false): string[] {
  let ast;
  try {
    ast = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(pattern, 0, pattern.length, { unicode: false });
  } catch (error) {
    return [`cannot be parsed: ${(error as Error).message}`];
  }
  const risks: string[] = [];
  try {
    const { reports } = analyse({ source: pattern, flags: ignoreCase ? 'i' : '' }, { maxReports: MAX_REASONS });
    for (const report of reports) risks.push(describe(report));
  } catch (error) {
    risks.push(`cannot be analysed for backtracking: ${(error as Error).message}`);
  }
  // The structural pass only adds what the analysis did not already explain.
  for (const risk of structuralRisks(ast, risks.length > 0)) if (risks.length < MAX_REASONS) risks.push(risk);
  return risks;
}

/** With `analysed` (the analysis found risks), nested quantifiers are left to its precise reports. */
function structuralRisks(ast: ReturnType<RegExpParser['parsePattern']>, analysed: boolean): string[] {
  const risks: string[] = [];
  const isLarge = (q: Quantifier): boolean => q.max === Infinity || q.max > LARGE;
  visitRegExpAST(ast, {
    onQuantifierEnter(node) {
      if (!isLarge(node)) return;
      let nested: Quantifier | undefined;
      visitRegExpAST(node.element as never, {
        onQuantifierEnter(inner) {
          if (isLarge(inner) && inner !== node) nested ??= inner;
        },
      });
      if (nested && !analysed) risks.push(`nested unbounded quantifiers "${node.raw}" may backtrack catastrophically`);
    },
  });
  const first = ast.alternatives[0]?.elements[0];
  if (first?.type === 'Quantifier' && !first.greedy && isLarge(first)) {
    risks.push(`leading lazy quantifier "${first.raw}" makes the pattern run at every position`);
  }
  return risks;
}

/** One report as a sentence a pattern's author can act on. */
function describe(report: Report): string {
  const char = JSON.stringify(report.character.pick);
  const growth = report.exponential ? 'exponential' : 'polynomial';
  switch (report.type) {
    case 'Self':
      return `nested quantifiers "${report.parentQuant.raw}" can split a run of ${char} in exponentially many ways (catastrophic backtracking); make the inner or outer repetition unambiguous`;
    case 'Trade':
      return `"${report.startQuant.raw}" and "${report.endQuant.raw}" can both match ${char} and trade characters between them (${growth} backtracking); make the character sets disjoint or bound one of them`;
    case 'Move':
      return `"${report.quant.raw}" can match ${char} at the start of a match, so the pattern re-scans a run of it from every position (quadratic time); start the pattern with a literal (a leading ".*" is never needed: a pattern matches anywhere already)`;
  }
}
