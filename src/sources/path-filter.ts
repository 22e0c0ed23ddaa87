import { createRequire } from 'node:module';
import type { Minimatch as MinimatchClass } from 'minimatch';

/**
 * Config path allowlist: minimatch globs against paths relative to the scan root. A glob without a
 * slash matches a name anywhere (`*.snap`, `vendor`); one with a slash matches from the root
 * (`test/fixtures/**`). A glob that matches a directory covers everything under it.
 *
 * Directories are tried as well as the file itself because files reach this filter two ways: a
 * directory walk can prune `vendor/` before looking inside, but a git work tree lists
 * `vendor/lib/a.js` directly, and both must leave out the same files. A leading `./` or `/` and a
 * trailing `/` (as written in .gitignore files) are accepted and mean the same as without them.
 *
 * `base` is where the scan root lies relative to the directory the globs are written for (a config
 * file found in a parent directory): paths are prefixed with it before matching.
 */
export function pathMatcher(globs: readonly string[], base = ''): (relPath: string) => boolean {
  if (globs.length === 0) return () => false;
  // Loaded only when there are globs: most scans have none, and a pre-commit hook pays for every
  // module. Required synchronously so that callers stay synchronous.
  const { Minimatch } = createRequire(import.meta.url)('minimatch') as { Minimatch: typeof MinimatchClass };
  // minimatch's own match, not its makeRe: the regex also accepts the directory a `dir/**` glob
  // names, which would prune that directory where match leaves it to its files. What is kept is
  // each directory's answer: a walk asks about the same parent directories for every file beneath them.
  const matchers = globs.map((raw) => {
    const glob = raw.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    return new Minimatch(glob, { dot: true, matchBase: !glob.includes('/') });
  });
  const matches = (p: string): boolean => matchers.some((m) => m.match(p));
  const directories = new Map<string, boolean>();
  const directoryMatches = (dir: string): boolean => {
    let answer = directories.get(dir);
    if (answer === undefined) {
      if (directories.size >= MAX_REMEMBERED_DIRECTORIES) directories.clear();
      answer = matches(dir);
      directories.set(dir, answer);
    }
    return answer;
  };
  const prefix = base.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  return (relPath) => {
    const clean = (prefix === '' ? relPath : `${prefix}/${relPath}`).replace(/\/+$/, '');
    if (matches(clean)) return true;
    for (let slash = clean.indexOf('/'); slash > 0; slash = clean.indexOf('/', slash + 1)) {
      if (directoryMatches(clean.slice(0, slash))) return true;
    }
    return false;
  };
}

/** Directory answers kept per matcher; past this many the memory is cleared and refilled. */
const MAX_REMEMBERED_DIRECTORIES = 10_000;
