import { formatProblem, type Problem } from '../rules/problem.js';

/** Raised for invalid configuration or rules; the CLI maps it to exit code 2. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  }
}
