/**
 * The configuration of a git scan, checked against the change it scans.
 *
 * A change must not configure its own scan: a pull request that adds `allowlist.paths: ['**']` (or
 * its secret's fingerprint) to `.sprawlguard.yaml` would otherwise pass the very check meant to
 * catch it. So for a range (`--diff`, `--since-commit`, the Action) whose commits change the config
 * file, the scan uses the file as it is on the base side and says so; the new version applies to
 * the changes after it. A staged change (the pre-commit hook) is only warned about: the person
 * committing runs the hook and could skip it, and CI scans the same commits against the base.
 *
 * Also measures how much of what the change touches `allowlist.paths` leave out (see
 * ./allowlist-coverage.ts): git scans see only the changed files, so the share is of those.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { ScanWarning } from '../findings/finding.js';
import type { Rule } from '../rules/schema.js';
import type { GitMode } from '../sources/git/mode.js';
import { git, gitMaybe } from '../sources/git/git.js';
import { resolveCommit, type RepoInfo } from '../sources/git/repo.js';
import { allowlistCoverageWarning, type Noun } from './allowlist-coverage.js';
import { ConfigError } from './errors.js';
import { defaultConfig, resolveSettingsWith, type LoadedConfig, type ScanSettings } from './settings.js';

export interface GitScopeOptions {
  /** Globs the caller adds to `allowlist.paths` (the Action's `ignore-paths`). */
  extraGlobs?: readonly string[];
  /** The rule pack the settings were resolved with (the Action's bundled one). */
  builtin?: readonly Rule[];
}

/** `settings`, or the base side's when the scanned range changes the config, with warnings added. */
export async function settingsForGitScan(settings: ScanSettings, info: RepoInfo, mode: GitMode, options: GitScopeOptions = {}): Promise<ScanSettings> {
  const globs = [...settings.allowPathGlobs, ...(options.extraGlobs ?? [])];
  const configRel = settings.configFile !== undefined && info.topLevel !== undefined ? pathInRepo(info.topLevel, settings.configFile) : undefined;
  if (globs.length === 0 && (configRel === undefined || mode.kind === 'history')) return settings;

  const scope = await changedFiles(info, mode);
  if (scope === undefined) return settings;
  let result = settings;
  if (configRel !== undefined && scope.paths.includes(configRel)) {
    result = mode.kind === 'diff' && scope.base !== undefined ? await baseSideSettings(settings, info, configRel, scope.base, mode.range, options) : withWarning(settings, stagedWarning(configRel));
  }
  // Git scans report repository-relative paths; the config is named the same way.
  const coverage = allowlistCoverageWarning(result, [...result.allowPathGlobs, ...(options.extraGlobs ?? [])], scope.paths, scope.what, configRel ?? result.configFile);
  return coverage ? withWarning(result, coverage) : result;
}

interface ChangedFiles {
  /** Paths relative to the top level, `/` separators; deleted files left out. */
  paths: string[];
  /** What the paths are, in words, for the coverage warning. */
  what: Noun;
  /** For a range: the commit whose config the scan must use when the range changes it. */
  base?: string;
}

async function changedFiles(info: RepoInfo, mode: GitMode): Promise<ChangedFiles | undefined> {
  const list = async (args: string[]): Promise<string[] | undefined> => {
    const out = await gitMaybe(info.dir, ['-c', 'core.quotePath=false', ...args]);
    return out?.split('\0').filter(Boolean);
  };
  if (mode.kind === 'staged') {
    const paths = await list(['diff', '--cached', '--name-only', '-z', '--diff-filter=d', '--no-renames']);
    return paths && { paths, what: ['staged file', 'staged files'] };
  }
  if (mode.kind === 'history') {
    // The whole history has no single change; the tip's files stand for what the scan covers.
    const tip = mode.branch ?? (info.hasHead ? 'HEAD' : undefined);
    const paths = tip === undefined ? undefined : await list(['ls-tree', '-r', '--name-only', '-z', '--end-of-options', tip]);
    return paths && { paths, what: [`file in ${mode.branch ?? 'HEAD'}`, `files in ${mode.branch ?? 'HEAD'}`] };
  }
  const ends = await rangeEnds(info, mode.range);
  if (ends === undefined) return undefined;
  const forkPoint = (await gitMaybe(info.dir, ['merge-base', ends.base, ends.head]))?.trim() || ends.base;
  const paths = await list(['diff', '--name-only', '-z', '--diff-filter=d', '--no-renames', forkPoint, ends.head]);
  return paths && { paths, what: ['file the range changes', 'files the range changes'], base: ends.base };
}

/** The base and head commits of `A..B`, `A...B` or `A` (A..HEAD), as scan-git reads them. */
async function rangeEnds(info: RepoInfo, range: string): Promise<{ base: string; head: string } | undefined> {
  const symmetric = range.includes('...');
  const [baseRev = '', headRev = 'HEAD'] = symmetric ? range.split('...') : range.includes('..') ? range.split('..') : [range, 'HEAD'];
  if (baseRev === '') return undefined;
  const base = await resolveCommit(info.dir, baseRev);
  const head = await resolveCommit(info.dir, headRev || 'HEAD');
  return base && head ? { base, head } : undefined;
}

/** The config as the base commit has it (defaults when it has none or an invalid one). */
async function baseSideSettings(
  current: ScanSettings,
  info: RepoInfo,
  configRel: string,
  base: string,
  range: string,
  options: GitScopeOptions,
): Promise<ScanSettings> {
  const file = configRel;
  const at = `${configRel}@${base.slice(0, 12)}`;
  const text = await git(info.dir, ['show', `${base}:${configRel}`]).catch(() => undefined);
  let loaded: LoadedConfig = defaultConfig();
  let used: string;
  if (text === undefined) {
    used = `the defaults (the base ${base.slice(0, 12)} has no ${configRel})`;
  } else {
    const { parseConfigText } = await import('./load.js');
    try {
      loaded = { ...(await parseConfigText(text, at)), file: at };
      used = `its version from the base ${base.slice(0, 12)}`;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      used = `the defaults (its version from the base ${base.slice(0, 12)} is invalid: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'})`;
    }
  }
  const { loadBuiltinRules } = await import('./builtin-rules.js');
  const settings = resolveSettingsWith(loaded, options.builtin ?? loadBuiltinRules());
  const warning: ScanWarning = {
    code: 'config-changed',
    file,
    message: `${file} is changed by the scanned range ${range}: this scan uses ${used}, because a change must not configure its own scan; the new version applies once it is merged`,
  };
  return { ...settings, configFile: current.configFile, configOrigin: current.configOrigin, warnings: [...current.warnings, warning] };
}

function stagedWarning(file: string): ScanWarning {
  return {
    code: 'config-changed',
    file,
    message: `${file} is changed by the staged changes and this scan uses the changed version; scans of the pushed range (--diff, the GitHub Action) will use the version before the change`,
  };
}

function withWarning(settings: ScanSettings, warning: ScanWarning): ScanSettings {
  return { ...settings, warnings: [...settings.warnings, warning] };
}

/** `file` relative to the work tree's top level (`/` separators), or undefined when it lies outside. */
function pathInRepo(topLevel: string, file: string): string | undefined {
  let abs: string;
  try {
    abs = realpathSync(path.resolve(file));
  } catch {
    return undefined;
  }
  const rel = path.relative(realpathSync(topLevel), abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}
