/**
 * Exit codes, mapped in one place: 0 clean, 1 findings (configurable), 2 usage, config or input
 * error, 3 when the world got in the way or on an internal error. Error kinds are in src/errors.ts.
 */
import { errorKind, type ErrorKind } from '../errors.js';

export { UsageError } from '../errors.js';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

const EXIT_BY_KIND: Record<ErrorKind, number> = {
  usage: EXIT_USAGE,
  config: EXIT_USAGE,
  input: EXIT_USAGE,
  environment: EXIT_INTERNAL,
  internal: EXIT_INTERNAL,
};

/** The exit code for a thrown value. */
export function exitCodeFor(error: unknown): number {
  return EXIT_BY_KIND[errorKind(error)];
}
