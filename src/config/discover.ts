/**
 * Which `.sprawlguard.yaml` applies, found the way eslint and prettier users expect: `-c FILE`,
 * else the file named by SPRAWLGUARD_CONFIG, else the first `.sprawlguard.yaml` in the scan root or
 * one of its parents up to the repository's top level, else the one in the current directory when
 * the scan root is beneath it.
 * Only existence checks: nothing here parses, so a scan without a config stays on the fast path.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_FILE_NAME = '.sprawlguard.yaml';
export const CONFIG_ENV = 'SPRAWLGUARD_CONFIG';

/** How the config file was chosen; anything but `scan-root` and `option` is said on stderr. */
export type ConfigOrigin = 'option' | 'env' | 'scan-root' | 'parent' | 'cwd';

export interface ConfigLocation {
  /** Absolute path. For `option` and `env` it may not exist (the loader reports that). */
  file: string;
  origin: ConfigOrigin;
  /**
   * The path of the scan root relative to the config file's directory (`packages/api`), when the
   * scan root lies inside it within one repository: `allowlist.paths` are written relative to the
   * config file, so the scanner prefixes its root-relative paths with this before matching. Empty
   * when the config sits in the scan root, undefined when its globs are relative to the scan root.
   */
  globBase?: string;
}

export interface FindConfigOptions {
  /** `-c/--config`, relative to the current directory. */
  explicit?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Look in the current directory last, for a scan root beneath it (false for the Action, whose scan root is the checkout). */
  fallBackToCwd?: boolean;
}

/** The config to use for a scan rooted at `root`, or undefined when there is none (defaults apply). */
export function findConfigFile(root: string, options: FindConfigOptions = {}): ConfigLocation | undefined {
  const cwd = options.cwd ?? process.cwd();
  const start = path.resolve(cwd, root);
  const top = repositoryTop(start);
  const located = (file: string, origin: ConfigOrigin): ConfigLocation => ({
    file,
    origin,
    globBase: globBase(path.dirname(file), start, origin === 'option' || origin === 'env' ? top : 'discovered'),
  });
  if (options.explicit !== undefined) return located(path.resolve(cwd, options.explicit), 'option');
  const fromEnv = (options.env ?? process.env)[CONFIG_ENV];
  if (fromEnv) return located(path.resolve(cwd, fromEnv), 'env');

  const candidates: [string, ConfigOrigin][] = [[start, 'scan-root']];
  if (top !== undefined) {
    for (let dir = start; dir !== top; ) {
      dir = path.dirname(dir);
      candidates.push([dir, 'parent']);
    }
  }
  // The current directory's config, for a scan root beneath it that the search did not reach it
  // from (no repository, or a nested one); never for an unrelated tree, whose secrets it could hide.
  const here = path.resolve(cwd);
  const beneath = !path.relative(here, start).startsWith('..') && !path.isAbsolute(path.relative(here, start));
  if (options.fallBackToCwd !== false && beneath && !candidates.some(([dir]) => dir === here)) candidates.push([here, 'cwd']);
  for (const [dir, origin] of candidates) {
    const file = path.join(dir, CONFIG_FILE_NAME);
    if (isFile(file)) return located(file, origin);
  }
  return undefined;
}

/** The nearest directory at or above `dir` that holds `.git` (a work tree's top level), if any. */
export function repositoryTop(dir: string): string | undefined {
  for (let current = dir; ; ) {
    if (existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * Globs are relative to the config file's directory when the scan root is inside it and the file
 * was found by looking upwards from the scan root, or was named but lies within the scan root's
 * repository. A shared config outside the repository (an org-wide one given with `-c`) keeps
 * meaning paths relative to each scan root.
 */
function globBase(configDir: string, root: string, top: string | undefined | 'discovered'): string | undefined {
  const rel = path.relative(configDir, root);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  if (rel === '') return '';
  if (top !== 'discovered' && (top === undefined || path.relative(top, configDir).startsWith('..'))) return undefined;
  return rel.split(path.sep).join('/');
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
