/** Git errors the CLI reports as usage problems (exit code 2), with what to do about them. */

export class NotARepositoryError extends Error {
  constructor(readonly dir: string) {
    super(`${dir} is not a git repository (use --repo PATH to point at one)`);
  }
}

/** A range that cannot be scanned as asked (missing base, shallow boundary, bare repo staging). */
export class GitRangeError extends Error {}
