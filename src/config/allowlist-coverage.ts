/**
 * How much of a scan `allowlist.paths` left out, and the warning when it is too much. A path
 * allowlist is the one setting that can switch a scan off without a word (`paths: ['**']` scans
 * nothing and exits 0), so leaving out every file always warns, and leaving out more than
 * `allowlist.warn_share` of them (half, by default) warns too.
 */
import type { ScanWarning } from '../findings/finding.js';
import { pathMatcher } from '../sources/path-filter.js';
import type { ScanSettings } from './settings.js';

/** What was counted, in the singular and the plural: `['staged file', 'staged files']`. */
export type Noun = readonly [one: string, many: string];

/** The warning for `paths` (what a git scan considered), judged against `globs`, if one is due. */
export function allowlistCoverageWarning(
  settings: ScanSettings,
  globs: readonly string[],
  paths: readonly string[],
  what: Noun,
  configName = settings.configFile,
): ScanWarning | undefined {
  if (globs.length === 0) return undefined;
  const excluded = pathMatcher(globs);
  const allowlisted = paths.filter((p) => excluded(p)).length;
  return coverageWarning(settings, allowlisted, paths.length, what, configName);
}

/**
 * The warning for `allowlisted` of `considered` entries, if one is due. `considered` counts what
 * the allowlist left out as well as what was scanned or skipped for another reason.
 */
export function coverageWarning(
  settings: ScanSettings,
  allowlisted: number,
  considered: number,
  what: Noun,
  configName = settings.configFile,
): ScanWarning | undefined {
  if (allowlisted === 0 || considered === 0) return undefined;
  const file = configName ?? 'the configuration';
  if (allowlisted >= considered) {
    return {
      code: 'allowlist-coverage',
      file: configName,
      message: `allowlist.paths in ${file} left out ${considered === 1 ? `the only ${what[0]}` : `all ${considered} ${what[1]}`}: nothing was scanned`,
    };
  }
  const share = allowlisted / considered;
  if (share <= settings.allowlistWarnShare) return undefined;
  return {
    code: 'allowlist-coverage',
    file: settings.configFile,
    message: `allowlist.paths in ${file} left out ${allowlisted} of ${considered} ${what[1]} (${percent(share)}), more than allowlist.warn_share (${percent(settings.allowlistWarnShare)})`,
  };
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
