/** What a scan needs to know about a repository before it starts, asked of git once. */
import { NotARepositoryError } from './errors.js';
import { gitMaybe } from './git.js';

export interface RepoInfo {
  /** Absolute path git runs in. */
  dir: string;
  bare: boolean;
  shallow: boolean;
  /** Work tree top level (undefined for bare repositories). */
  topLevel?: string;
  hasHead: boolean;
}

/**
 * Facts about the repository at `dir`; throws a clear error when it is not one. One git process
 * answers all of them (a pre-commit hook pays for every process it starts): `--revs-only` prints
 * HEAD's commit, or nothing on an unborn branch.
 */
export async function repoInfo(dir: string): Promise<RepoInfo> {
  const facts = ['--is-bare-repository', '--is-shallow-repository'];
  const head = ['--revs-only', 'HEAD^{commit}'];
  const out = await gitMaybe(dir, ['rev-parse', ...facts, '--show-toplevel', ...head]);
  if (out === undefined) {
    // A bare repository (or a .git directory) has no top level to show.
    const bare = await gitMaybe(dir, ['rev-parse', ...facts, ...head]);
    if (bare === undefined) throw new NotARepositoryError(dir);
    const [isBare, isShallow, commit] = bare.trim().split('\n');
    return { dir, bare: isBare === 'true', shallow: isShallow === 'true', hasHead: Boolean(commit) };
  }
  const [isBare, isShallow, top, commit] = out.trim().split('\n');
  return { dir, bare: isBare === 'true', shallow: isShallow === 'true', topLevel: top, hasHead: Boolean(commit) };
}

/** Resolve a revision to a full commit id, or undefined when it is not present locally. */
export async function resolveCommit(repo: string, rev: string): Promise<string | undefined> {
  const out = await gitMaybe(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  return out?.trim() || undefined;
}
