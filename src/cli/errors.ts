/**
 * Exit codes, mapped in one place: 0 clean, 1 findings (configurable), 2 usage or config error,
 * 3 internal error.
 */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

/** A mistake in how sprawlguard was called; the message says how to fix it. */
export class UsageError extends Error {}
