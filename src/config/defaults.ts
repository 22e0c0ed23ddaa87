/** Defaults the schema and the no-config fast path share (kept apart so neither loads the other). */

/** Files larger than this are skipped and listed. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** Warn when `allowlist.paths` leave out more than this share of the files a scan considered. */
export const DEFAULT_WARN_SHARE = 0.5;
