import { Minimatch } from 'minimatch';

/**
 * Config path allowlist: minimatch globs against paths relative to the scan root. A glob without a
 * slash matches the base name anywhere (`*.snap`); one with a slash matches from the root.
 */
export function pathMatcher(globs: readonly string[]): (relPath: string) => boolean {
  if (globs.length === 0) return () => false;
  const matchers = globs.map((g) => new Minimatch(g, { dot: true, matchBase: !g.includes('/') }));
  return (relPath) => matchers.some((m) => m.match(relPath) || (relPath.endsWith('/') && m.match(relPath.slice(0, -1))));
}
