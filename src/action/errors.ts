/**
 * How the Action reports an error, decided by its kind (src/errors.ts) in one place: what the user
 * can fix is one line; anything else is a bug, reported with its stack.
 */
import { errorKind, errorText } from '../errors.js';

export function failureMessage(error: unknown): string {
  return errorKind(error) === 'internal'
    ? `sprawlguard: internal error (please report it): ${errorText(error)}`
    : `sprawlguard: ${errorText(error)}`;
}
