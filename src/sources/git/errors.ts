/** Git errors that are the user's to fix (usage: exit code 2), with what to do about them. */
import { SprawlguardError } from '../../errors.js';

export class NotARepositoryError extends SprawlguardError {
  constructor(readonly dir: string) {
    super('usage', `${dir} is not a git repository (use --repo PATH to point at one)`);
  }
}

/** A range that cannot be scanned as asked (missing base, shallow boundary, bare repo staging). */
export class GitRangeError extends SprawlguardError {
  constructor(message: string) {
    super('usage', message);
  }
}
