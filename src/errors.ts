/**
 * The one error model. Every error sprawlguard raises on purpose is a SprawlguardError with a kind
 * that says whose problem it is; the CLI (src/cli/errors.ts) and the Action (src/action/errors.ts)
 * each map kinds to what they do in one place, so no call site lists error classes or re-wraps one
 * error in another to get the right exit code.
 *
 * - usage: how sprawlguard was called (an option, a path, a revision that is not there)
 * - config: the configuration or a rule file is invalid
 * - input: something it was given to read cannot be used (an event payload, an export, a baseline)
 * - environment: the world got in the way (output could not be written, a file stayed locked)
 * - internal: a bug, or a tool that failed in a way sprawlguard did not expect
 *
 * Any other thrown value counts as internal. The message of every kind but internal is written for
 * the user: it says what to fix.
 */
export type ErrorKind = 'usage' | 'config' | 'input' | 'environment' | 'internal';

export class SprawlguardError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** A mistake in how sprawlguard was called; the message says how to fix it. */
export class UsageError extends SprawlguardError {
  constructor(message: string) {
    super('usage', message);
  }
}

/** The kind of any thrown value: a SprawlguardError's own, else internal. */
export function errorKind(error: unknown): ErrorKind {
  return error instanceof SprawlguardError ? error.kind : 'internal';
}

/** The message a user is shown: the error's own for a known kind, else the stack for a bug report. */
export function errorText(error: unknown): string {
  if (errorKind(error) !== 'internal') return (error as Error).message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
