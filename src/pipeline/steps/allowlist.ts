/**
 * Step 1, allowlists: everything the configuration's `allowlist` section leaves out, defined here,
 * applied where the data is. Each kind has to act at a different point of the flow, and that is all
 * that differs:
 * - `paths`: the source never reads them, so an allowlisted directory is not even walked
 *   (pathAllowlist, handed to the source); a scan that leaves out most of what it found says so
 *   (coverageProblem);
 * - `regexes` and `stopwords`: the engine rejects a candidate secret that matches one before it
 *   becomes a finding, and --explain names the entry (engineAllowlist, part of the scanner's
 *   configuration);
 * - `fingerprints` and `commits`: findings are dropped after the scan (allowlistFilter).
 * Inline `sprawlguard:allow` comments are the engine's own (the detector reads them in the text).
 */
import { coverageWarning } from '../../config/allowlist-coverage.js';
import type { ScanSettings } from '../../config/settings.js';
import type { ScanStats, ScanWarning } from '../../findings/finding.js';
import type { PathAllowlist } from '../../sources/source.js';
import type { FindingFilter } from './filter.js';

/** `allowlist.paths` (and globs the caller adds: the Action's `ignore-paths`), for the source. */
export function pathAllowlist(settings: ScanSettings, extraGlobs: readonly string[] = []): PathAllowlist {
  const globs = extraGlobs.length > 0 ? [...settings.allowPathGlobs, ...extraGlobs] : settings.allowPathGlobs;
  return { globs, base: settings.allowPathBase };
}

/** `allowlist.regexes` and `allowlist.stopwords`, as the engine takes them (regexes as their sources: plain data for worker threads). */
export function engineAllowlist(settings: ScanSettings): { allowSecretRegexes: string[]; stopwords: string[] } {
  return { allowSecretRegexes: settings.allowSecretRegexes.map((r) => r.source), stopwords: settings.stopwords };
}

/**
 * The warning for a source that counted what `allowlist.paths` left out (a directory walk), when
 * it left out too much. Git scans are judged against the files the change touches before the scan
 * (config/git-scope.ts).
 */
export function coverageProblem(settings: ScanSettings, stats: ScanStats): ScanWarning | undefined {
  if (stats.allowlisted === undefined) return undefined;
  const allowlisted = stats.allowlisted;
  return coverageWarning(settings, allowlisted, allowlisted + stats.sources + stats.skipped.length, ['path this scan found', 'paths this scan found']);
}

/** `allowlist.fingerprints` and `allowlist.commits`: findings of those secrets, or added by those commits, are not reported. */
export function allowlistFilter(settings: ScanSettings): FindingFilter {
  const fingerprints = settings.allowFingerprints;
  const commits = settings.allowCommits;
  const allowedCommit = (commit: string | undefined): boolean => commit !== undefined && commits.some((c) => commit.toLowerCase().startsWith(c));
  return {
    name: 'allowlist',
    drop(f) {
      if (fingerprints.has(f.fingerprint)) {
        return { reason: 'allowlist', detail: `fingerprint in allowlist.fingerprints[${[...fingerprints].indexOf(f.fingerprint)}]` };
      }
      if (allowedCommit(f.location.commit)) return { reason: 'allowlist', detail: `commit ${f.location.commit ?? ''} in allowlist.commits` };
      return undefined;
    },
  };
}
