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

/** Facts about the repository at `dir`; throws a clear error when it is not one. */
export async function repoInfo(dir: string): Promise<RepoInfo> {
  const out = await gitMaybe(dir, ['rev-parse', '--is-bare-repository', '--is-shallow-repository', '--show-toplevel']);
  if (out === undefined) {
    const bare = await gitMaybe(dir, ['rev-parse', '--is-bare-repository', '--is-shallow-repository']);
    if (bare === undefined) throw new NotARepositoryError(dir);
    const [isBare, isShallow] = bare.trim().split('\n');
    return { dir, bare: isBare === 'true', shallow: isShallow === 'true', hasHead: await hasHead(dir) };
  }
  const [isBare, isShallow, top] = out.trim().split('\n');
  return { dir, bare: isBare === 'true', shallow: isShallow === 'true', topLevel: top, hasHead: await hasHead(dir) };
}

async function hasHead(dir: string): Promise<boolean> {
  return (await gitMaybe(dir, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])) !== undefined;
}

/** Resolve a revision to a full commit id, or undefined when it is not present locally. */
export async function resolveCommit(repo: string, rev: string): Promise<string | undefined> {
  const out = await gitMaybe(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  return out?.trim() || undefined;
}
