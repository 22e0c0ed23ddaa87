/**
 * The ScanScope a `scan` report records: where its paths are relative to, as sources/files.ts and
 * the git sources show them. Kept apart from verify.ts so a plain scan does not load the providers.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ScanScope } from '../findings/finding.js';
import type { RepoInfo } from '../sources/git/repo.js';

export function scanScope(paths: readonly string[], gitRepo: RepoInfo | undefined, cwd = process.cwd()): ScanScope {
  if (gitRepo) return { source: 'git', root: gitRepo.topLevel ?? gitRepo.dir };
  if (paths.includes('-')) return { source: 'stdin', root: cwd };
  const absolute = paths.map((p) => path.resolve(cwd, p));
  // A single directory argument: paths are relative to it; otherwise to the working directory.
  const only = absolute.length === 1 ? (absolute[0] as string) : undefined;
  const root = only !== undefined && statSync(only, { throwIfNoEntry: false })?.isDirectory() ? only : cwd;
  return { source: 'files', root, paths: absolute };
}
