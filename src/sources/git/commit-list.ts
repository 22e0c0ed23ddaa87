/**
 * The commits a range or a history scan covers, oldest first (`rev-list --reverse --topo-order`).
 * When rev-list stops at a missing commit object, the commits are walked object by object instead,
 * and each missing one is listed skipped.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inputProblem } from '../../findings/scan-problem.js';
import { ObjectReader } from './cat-file.js';
import { unreadableReason } from './commit-objects.js';
import { walkCommits, type WalkOptions } from './commit-walk.js';
import { GitRangeError } from './errors.js';
import { GitError, NO_LAZY_FETCH, git, gitMaybe } from './git.js';
import type { GitMode } from './mode.js';
import { resolveCommit, type RepoInfo } from './repo.js';
import type { SkipCollector } from './skips.js';

/** `A..B`, `A...B` (changes on B since it forked from A) or a single revision `A` (A..HEAD). */
export async function listRangeCommits(info: RepoInfo, range: string, skips: SkipCollector): Promise<string[]> {
  const symmetric = range.includes('...');
  const [baseRev = '', headRev = 'HEAD'] = symmetric ? range.split('...') : range.includes('..') ? range.split('..') : [range, 'HEAD'];
  if (baseRev === '') throw new GitRangeError(`--diff ${range}: a base revision is required (BASE..HEAD)`);
  const head = await resolveCommit(info.dir, headRev || 'HEAD');
  if (!head) throw new GitRangeError(missingRevisionMessage(headRev || 'HEAD', info));
  let base = await resolveCommit(info.dir, baseRev);
  if (!base) throw new GitRangeError(missingRevisionMessage(baseRev, info));
  if (symmetric) {
    const mergeBase = (await git(info.dir, ['merge-base', base, head]).catch(() => '')).trim();
    if (!mergeBase) {
      throw new GitRangeError(
        `--diff ${range}: ${baseRev} and ${headRev} share no history in this clone${info.shallow ? ' (it is shallow: fetch more history with `git fetch --deepen=N` or `--unshallow`)' : ''}`,
      );
    }
    base = mergeBase;
  }
  const commits = await listCommits(info, ['rev-list', '--reverse', '--topo-order', `${base}..${head}`], { tips: [head], exclude: [base] }, skips);
  if (info.shallow && commits.length > 0) {
    const boundary = await shallowBoundary(info);
    const cut = commits.find((c) => boundary.has(c));
    if (cut) {
      throw new GitRangeError(
        `--diff ${range}: commit ${cut.slice(0, 12)} sits on the shallow clone's boundary, so its parent is missing and what it added cannot be told apart from what was there. Fetch more history (\`git fetch --deepen=${commits.length + 1}\`, or actions/checkout with fetch-depth: 0) and run again.`,
      );
    }
  }
  return commits;
}

function missingRevisionMessage(rev: string, info: RepoInfo): string {
  const hint = info.shallow
    ? ' This clone is shallow. Fetch the missing history with `git fetch --deepen=<N>` or `git fetch origin <commit>` (in GitHub Actions: actions/checkout with fetch-depth: 0), then run again.'
    : ' Fetch it first (`git fetch origin <commit>`), or check the revision name.';
  return `revision "${rev}" is not present in this repository.${hint}`;
}

export async function shallowBoundary(info: RepoInfo): Promise<Set<string>> {
  const file = (await git(info.dir, ['rev-parse', '--git-path', 'shallow'])).trim();
  const text = await readFile(path.resolve(info.dir, file), 'utf8').catch(() => '');
  return new Set(text.split('\n').filter(Boolean));
}

export async function listHistoryCommits(info: RepoInfo, mode: Extract<GitMode, { kind: 'history' }>, skips: SkipCollector): Promise<string[]> {
  const args = ['rev-list', '--reverse', '--topo-order'];
  if (mode.since) args.push(`--since=${mode.since}`);
  let tip: string | undefined;
  if (mode.branch) {
    tip = await resolveCommit(info.dir, mode.branch);
    if (!tip) throw new GitRangeError(missingRevisionMessage(mode.branch, info));
    args.push(mode.branch, '--');
  } else args.push('--all');
  if (!info.hasHead && !mode.branch) {
    const anyRef = (await git(info.dir, ['for-each-ref', '--count=1', '--format=%(refname)'])).trim();
    if (!anyRef) return [];
  }
  const walk = async (): Promise<WalkOptions> => ({
    tips: tip ? [tip] : await allTips(info),
    // `--since` as rev-list reads it: git turns the date into a timestamp.
    maxAge: mode.since ? Number(/--max-age=(\d+)/.exec(await git(info.dir, ['rev-parse', `--since=${mode.since}`]))?.[1] ?? 0) : undefined,
  });
  const commits = await listCommits(info, args, walk, skips);
  if (info.shallow) {
    skips.warn(
      `shallow clone: only ${commits.length} commit${commits.length === 1 ? ' is' : 's are'} visible, so history is truncated; run \`git fetch --unshallow\` for a full scan`,
    );
  }
  return commits;
}

/**
 * The commits `args` (a rev-list) names. When rev-list stops at a missing commit object, the
 * commits are walked object by object instead (walkCommits), and each missing one is listed skipped.
 */
async function listCommits(info: RepoInfo, args: string[], walk: WalkOptions | (() => Promise<WalkOptions>), skips: SkipCollector): Promise<string[]> {
  try {
    return (await git(info.dir, args, { env: NO_LAZY_FETCH })).split('\n').filter(Boolean);
  } catch (error) {
    if (!(error instanceof GitError) || skips.failOnUnreadable) throw error;
  }
  const options = typeof walk === 'function' ? await walk() : walk;
  const objects = new ObjectReader(info.dir);
  try {
    const shallow = info.shallow ? await shallowBoundary(info) : undefined;
    const { commits, missing } = await walkCommits(objects, { ...options, shallow });
    for (const m of missing) {
      skips.add(
        inputProblem(
          'unreadable-object',
          m.commit,
          unreadableReason(
            'commit object',
            `missing from the repository${m.child ? `; a parent of ${m.child.slice(0, 12)}` : ''}`,
            'its changes were not scanned, nor those of commits reachable only through it',
          ),
        ),
      );
    }
    return commits;
  } finally {
    objects.close();
  }
}

/** What `rev-list --all` starts from: every ref and HEAD. */
async function allTips(info: RepoInfo): Promise<string[]> {
  const refs = (await git(info.dir, ['for-each-ref', '--format=%(objectname)'])).split('\n').filter(Boolean);
  const head = (await gitMaybe(info.dir, ['rev-parse', '--verify', '--quiet', 'HEAD']))?.trim();
  return [...new Set(head ? [head, ...refs] : refs)];
}
