import { SprawlguardError } from '../errors.js';
import { formatProblem, type Problem } from '../rules/problem.js';
import { redactCredentialText } from './redact-text.js';

/**
 * Raised for invalid configuration or rules; the CLI maps it to exit code 2. What the user wrote is
 * quoted back (rule ids, keys, regex sources, YAML lines), so each problem is redacted on the way in:
 * neither the message nor `problems` can carry a credential to a terminal or a CI log.
 */
export class ConfigError extends SprawlguardError {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const redacted = problems.map(redactProblem);
    super('config', `invalid configuration:\n${redacted.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.problems = redacted;
  }
}

/** A problem with credential-looking text in its rule id, path and message replaced by previews. */
export function redactProblem(problem: Problem): Problem {
  return {
    ...problem,
    ...(problem.ruleId !== undefined ? { ruleId: redactCredentialText(problem.ruleId) } : {}),
    path: redactCredentialText(problem.path),
    message: redactCredentialText(problem.message),
  };
}
